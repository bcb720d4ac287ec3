//! Accounts: roles, what each role may do, and the inputs of the account forms.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::{UserId, check_password_policy};
use crate::i18n::Lang;

/// The four kinds of staff account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Hr,
    Interviewer,
    Employee,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Hr, Role::Interviewer, Role::Employee];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Hr => "hr",
            Role::Interviewer => "interviewer",
            Role::Employee => "employee",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// Whether this role holds `permission`. The one table of who may do what.
    pub fn can(self, permission: Permission) -> bool {
        use Permission::*;
        match permission {
            ManageUsers | ConfigureDataProtection | OverseeMail => self == Role::Admin,
            ManageFramework | ManageRecruitment | ManageTraining | ManageEmployees => {
                matches!(self, Role::Admin | Role::Hr)
            }
            ReadCandidates | Interview => {
                matches!(self, Role::Admin | Role::Hr | Role::Interviewer)
            }
            ViewFramework | ViewTraining | OwnAccount => true,
        }
    }
}

/// Something a signed-in user may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// List, create and deactivate users, change roles, reset passwords.
    ManageUsers,
    /// Add, edit and retire competencies; manage job profiles.
    ManageFramework,
    /// Publish the privacy notice, set how long rejected candidates are kept, run that job.
    ConfigureDataProtection,
    /// Run recruitment: openings, hiring teams, candidates and the pipeline.
    ManageRecruitment,
    /// Read candidates' profiles and files: all of them for HR and admins, and for an
    /// interviewer only those applying to openings whose hiring team they are on.
    ReadCandidates,
    /// Read the competency framework and job profiles.
    ViewFramework,
    /// Read the course catalogue and its sessions.
    ViewTraining,
    /// Plan courses' sessions.
    ManageTraining,
    /// Read every employee's record and change it; hire.
    ManageEmployees,
    /// Change one's own password and language.
    OwnAccount,
    /// See what the outbox holds and send a failed message again.
    OverseeMail,
    /// Take part in interviews: see one's own, read their kits, score them.
    Interview,
}

/// The signed-in user, as the UI needs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The IANA time zone the user reads times in.
    pub time_zone: String,
}

/// Who is looking and in which language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: Option<SessionUser>,
    pub lang: Lang,
}

/// A row of the admin's user list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub active: bool,
    /// Whether they sign in with a second factor.
    #[serde(default)]
    pub two_factor: bool,
}

pub(crate) fn not_blank(value: &str) -> Result<(), validator::ValidationError> {
    if value.trim().is_empty() {
        Err(validator::ValidationError::new("required"))
    } else {
        Ok(())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
pub struct LoginInput {
    #[validate(custom(function = "not_blank"))]
    pub email: String,
    #[validate(custom(function = "not_blank"))]
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
pub struct NewUserInput {
    #[validate(
        custom(function = "not_blank"),
        custom(function = "super::check_email")
    )]
    pub email: String,
    #[validate(custom(function = "not_blank"), length(max = 120, code = "too_long"))]
    pub name: String,
    pub role: Role,
    #[validate(custom(function = "check_password_policy"))]
    pub password: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
pub struct ChangePasswordInput {
    #[validate(custom(function = "not_blank"))]
    pub current_password: String,
    #[validate(custom(function = "check_password_policy"))]
    pub new_password: String,
}

impl ChangePasswordInput {
    /// Checks the input, then that `confirmation` repeats the new password (an error on the
    /// `confirm` field if not). The confirmation is the form's, so the server function does not
    /// take it; the form and the plain form's handler both check it here.
    pub fn check_confirmed(&self, confirmation: &str) -> Result<(), super::AppError> {
        super::validate(self)?;
        if confirmation != self.new_password {
            return Err(super::AppError::Invalid(super::FieldErrors::single(
                "confirm",
                "password_mismatch",
            )));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
pub struct ResetPasswordInput {
    #[validate(custom(function = "check_password_policy"))]
    pub password: String,
}

impl ResetPasswordInput {
    /// Checks the password, then that `confirmation` repeats it (an error on `confirm`).
    pub fn check_confirmed(&self, confirmation: &str) -> Result<(), super::AppError> {
        super::validate(self)?;
        if confirmation != self.password {
            return Err(super::AppError::Invalid(super::FieldErrors::single(
                "confirm",
                "password_mismatch",
            )));
        }
        Ok(())
    }
}

/// What a new account's welcome link opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Welcome {
    /// The link is good: whose account it is.
    Open { name: String, email: String },
    /// Used, or past its 7 days: HR can send another.
    Over,
}

/// How long a welcome link lasts.
pub const WELCOME_DAYS: i64 = 7;

/// The account whose password was forgotten: a link to reset it goes to this address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
pub struct ForgotPasswordInput {
    #[validate(
        custom(function = "not_blank"),
        custom(function = "super::check_email")
    )]
    pub email: String,
}

/// What a password reset link opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResetLink {
    /// The link is good: whose account it is.
    Open { name: String, email: String },
    /// Used, past its 30 minutes, or for an account since deactivated: its holder can ask for
    /// another.
    Over,
}

/// How long a password reset link lasts, in minutes.
pub const RESET_MINUTES: i64 = 30;

/// Canonical form of an email address for storage and comparison.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    fn new_user() -> NewUserInput {
        NewUserInput {
            email: "anna.rossi@example.it".into(),
            name: "Anna Rossi".into(),
            role: Role::Hr,
            password: "una frase lunga e sicura".into(),
        }
    }

    #[test]
    fn a_complete_new_user_is_valid() {
        assert!(validate(&new_user()).is_ok());
    }

    #[test]
    fn a_new_user_with_a_bad_email_and_blank_name_gets_an_error_on_each_field() {
        let input = NewUserInput {
            email: "not-an-email".into(),
            name: "   ".into(),
            ..new_user()
        };
        let errors = validate(&input).unwrap_err().field_errors();
        assert_eq!(errors.get("email").unwrap().code, "email");
        assert_eq!(errors.get("name").unwrap().code, "required");
        assert!(errors.get("password").is_none());
    }

    #[test]
    fn a_short_password_error_names_the_minimum_length() {
        let input = NewUserInput {
            password: "short".into(),
            ..new_user()
        };
        let errors = validate(&input).unwrap_err().field_errors();
        let error = errors.get("password").unwrap();
        assert_eq!(error.code, "password_too_short");
        assert_eq!(error.param, Some(12));
    }

    #[test]
    fn only_admins_manage_users_and_hr_manage_the_framework() {
        assert!(Role::Admin.can(Permission::ManageUsers));
        assert!(!Role::Hr.can(Permission::ManageUsers));
        assert!(Role::Hr.can(Permission::ManageFramework));
        assert!(!Role::Interviewer.can(Permission::ManageFramework));
        assert!(!Role::Employee.can(Permission::ManageFramework));
        assert!(Role::Employee.can(Permission::ViewFramework));
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn emails_are_compared_trimmed_and_lower_case() {
        assert_eq!(
            normalise_email("  Anna.Rossi@Example.IT "),
            "anna.rossi@example.it"
        );
    }
}
