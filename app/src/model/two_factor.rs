//! Two-factor sign-in: where a sign-in stands after the password, a user's second factor as
//! their account page shows it, and the code typed to prove it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use super::{Role, users::not_blank};

/// Where a sign-in stands once the password was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginStep {
    /// Signed in.
    Done,
    /// A code from the authenticator app (or a recovery code) is asked next: `/login/code`.
    Code,
    /// The user's role requires a second factor they have not set up: they set it up now,
    /// before the session starts (`/login/two-factor`).
    SetUp,
}

impl LoginStep {
    /// The page a sign-in goes on to, then to `next`.
    pub fn page(self, next: &str) -> String {
        let page = match self {
            LoginStep::Done => return next.to_owned(),
            LoginStep::Code => "/login/code",
            LoginStep::SetUp => "/login/two-factor",
        };
        let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
        format!("{page}?next={next}")
    }
}

/// A user's second factor, as their account page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    /// When it was turned on; `None` while it is off.
    pub on_since: Option<DateTime<Utc>>,
    /// Recovery codes not used yet.
    pub recovery_codes_left: u32,
    /// Whether the user's role requires it (then it cannot be turned off).
    pub required: bool,
}

/// What an authenticator app needs to add the account: the secret, as a link (`otpauth://`)
/// and as a QR code of that link, drawn on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    /// The secret in base32, for typing into the app by hand.
    pub secret: String,
    /// The `otpauth://totp/...` link the QR code holds.
    pub link: String,
    /// The QR code as an SVG document.
    pub qr_svg: String,
}

/// How many recovery codes a user gets at a time.
pub const RECOVERY_CODES: usize = 10;

/// A code typed to prove the second factor: six digits from the app, or a recovery code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
pub struct CodeInput {
    #[validate(custom(function = "not_blank"), length(max = 40, code = "too_long"))]
    pub code: String,
}

/// The roles whose users must sign in with a second factor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorRoles {
    pub roles: Vec<Role>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn after_the_password_a_sign_in_goes_to_its_step_and_keeps_where_it_was_going() {
        assert_eq!(LoginStep::Done.page("/me"), "/me");
        assert_eq!(
            LoginStep::Code.page("/candidates?status=new&page=2"),
            "/login/code?next=%2Fcandidates%3Fstatus%3Dnew%26page%3D2"
        );
        assert_eq!(LoginStep::SetUp.page("/"), "/login/two-factor?next=%2F");
    }

    #[test]
    fn a_blank_or_overlong_code_is_refused_on_its_field() {
        let blank = validate(&CodeInput { code: "  ".into() }).unwrap_err();
        assert_eq!(blank.field_errors().get("code").unwrap().code, "required");
        let long = validate(&CodeInput {
            code: "1".repeat(41),
        })
        .unwrap_err();
        assert_eq!(long.field_errors().get("code").unwrap().code, "too_long");
    }
}
