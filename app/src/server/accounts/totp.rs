//! Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA-1, six
//! digits, 30-second steps, and a code of the step just before or after accepted for clock
//! drift. The arithmetic is `totp-rs`'s; this module fixes its settings, makes the secrets and
//! draws the QR code of the link an app reads.

use chrono::{DateTime, Utc};
use qrcode::QrCode;
use qrcode::render::svg;
use rand::RngCore;
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::model::{AppError, TwoFactorSetup};

/// The name an authenticator app shows the account under.
const ISSUER: &str = "Percorso";

/// A new random secret of 160 bits (RFC 4226's recommendation), in base32.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Secret::from(bytes).to_base32()
}

/// The generator for `secret` (base32), labelled with `account` for the app.
fn totp(secret: &str, account: &str) -> Result<Totp, AppError> {
    let bytes = Secret::try_from_base32(secret).map_err(|error| {
        tracing::error!(%error, "a stored second factor's secret is not base32");
        AppError::Internal
    })?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_skew(1)
        .with_secret(bytes)
        .with_issuer(Some(ISSUER))
        .with_account_name(account.replace(':', ""))
        .build()
        .map_err(|error| {
            tracing::error!(%error, "a second factor's generator could not be built");
            AppError::Internal
        })
}

fn unix_seconds(at: DateTime<Utc>) -> Option<u64> {
    u64::try_from(at.timestamp()).ok()
}

/// The time step of the code `code` if it is `secret`'s code at `at` or one step either side
/// of it; `None` for any other code (or anything that is not six digits).
pub fn check(secret: &str, code: &str, at: DateTime<Utc>) -> Result<Option<i64>, AppError> {
    let Some(time) = unix_seconds(at) else {
        return Ok(None);
    };
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    Ok(totp(secret, "")?
        .check(&code, time)
        .and_then(|step| i64::try_from(step).ok()))
}

/// `secret`'s code at `at` (what the user's app shows then).
pub fn code_at(secret: &str, at: DateTime<Utc>) -> Result<String, AppError> {
    let time = unix_seconds(at).ok_or(AppError::Internal)?;
    Ok(totp(secret, "")?.generate(time).to_string())
}

/// What an app needs to add `account` with `secret`: the secret, its `otpauth://` link, and a
/// QR code of the link as an SVG element (the page shows it inline).
pub fn setup(secret: &str, account: &str) -> Result<TwoFactorSetup, AppError> {
    let link = totp(secret, account)?.to_url().map_err(|error| {
        tracing::error!(%error, "a second factor's link could not be made");
        AppError::Internal
    })?;
    let qr = QrCode::new(link.as_bytes()).map_err(|error| {
        tracing::error!(%error, "a second factor's QR code could not be drawn");
        AppError::Internal
    })?;
    let drawn = qr
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // Inline in HTML, without the XML declaration of a file of its own.
    let qr_svg = match drawn.find("<svg") {
        Some(start) => drawn[start..].to_owned(),
        None => drawn,
    };
    Ok(TwoFactorSetup {
        secret: secret.to_owned(),
        link,
        qr_svg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238's SHA-1 key, the ASCII of "12345678901234567890", in base32.
    fn rfc_secret() -> String {
        Secret::from(b"12345678901234567890".to_vec()).to_base32()
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap()
    }

    /// RFC 6238 appendix B, SHA-1: the last six of its eight digits.
    const VECTORS: [(i64, &str); 6] = [
        (59, "287082"),
        (1_111_111_109, "081804"),
        (1_111_111_111, "050471"),
        (1_234_567_890, "005924"),
        (2_000_000_000, "279037"),
        (20_000_000_000, "353130"),
    ];

    #[test]
    fn codes_are_those_of_rfc_6238s_test_vectors() {
        for (seconds, code) in VECTORS {
            assert_eq!(
                code_at(&rfc_secret(), at(seconds)).unwrap(),
                code,
                "{seconds}"
            );
            assert_eq!(
                check(&rfc_secret(), code, at(seconds)).unwrap(),
                Some(seconds / 30),
                "{seconds}"
            );
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_no_further() {
        let code = "081804"; // step 37037036, 1111111080..=1111111109
        let secret = rfc_secret();
        assert!(
            check(&secret, code, at(1_111_111_109 + 30))
                .unwrap()
                .is_some()
        );
        assert!(
            check(&secret, code, at(1_111_111_080 - 30))
                .unwrap()
                .is_some()
        );
        assert!(
            check(&secret, code, at(1_111_111_109 + 31))
                .unwrap()
                .is_none()
        );
        assert!(
            check(&secret, code, at(1_111_111_080 - 31))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn anything_but_the_right_six_digits_is_refused() {
        let secret = rfc_secret();
        for wrong in ["081805", "08180", "0818044", "abcdef", ""] {
            assert_eq!(
                check(&secret, wrong, at(1_111_111_109)).unwrap(),
                None,
                "{wrong}"
            );
        }
        assert!(
            check(&secret, "081 804", at(1_111_111_109))
                .unwrap()
                .is_some()
        );
    }

    #[test]
    fn new_secrets_are_160_random_bits() {
        let a = new_secret();
        assert_eq!(Secret::try_from_base32(&a).unwrap().len(), 20);
        assert_ne!(a, new_secret());
    }

    #[test]
    fn the_setup_carries_an_otpauth_link_and_an_inline_svg_qr_code() {
        let setup = setup(&rfc_secret(), "anna.rossi@example.it").unwrap();
        assert!(
            setup
                .link
                .starts_with("otpauth://totp/Percorso:anna.rossi%40example.it?")
        );
        assert!(setup.link.contains(&format!("secret={}", rfc_secret())));
        assert!(setup.qr_svg.starts_with("<svg"));
        assert!(setup.qr_svg.ends_with("</svg>"));
    }
}
