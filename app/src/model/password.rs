//! The password policy: long enough, not absurdly long, and not one of the most common passwords.

use validator::ValidationError;

/// Fewest characters a password may have.
pub const PASSWORD_MIN: usize = 12;
/// Most characters a password may have (well above the 64 that must be accepted).
pub const PASSWORD_MAX: usize = 128;

/// Common passwords of 12+ characters, lower-case, one a line (shorter ones fail on length).
const COMMON: &str = include_str!("common_passwords.txt");

fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    COMMON.lines().any(|common| common == lower)
}

fn error(code: &'static str, param: Option<usize>) -> ValidationError {
    let mut e = ValidationError::new(code);
    if let Some(value) = param {
        e.add_param("limit".into(), &value);
    }
    e
}

/// Checks a new password against the policy; used by `validator` on both sides.
pub fn check_password_policy(password: &str) -> Result<(), ValidationError> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(error("password_too_short", Some(PASSWORD_MIN)));
    }
    if length > PASSWORD_MAX {
        return Err(error("password_too_long", Some(PASSWORD_MAX)));
    }
    if is_common(password) {
        return Err(error("password_common", None));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(password: &str) -> Option<String> {
        check_password_policy(password)
            .err()
            .map(|e| e.code.to_string())
    }

    #[test]
    fn the_common_password_list_is_long_lower_case_and_free_of_short_entries() {
        let lines: Vec<_> = COMMON.lines().collect();
        assert!(lines.len() > 300);
        assert!(lines.iter().all(|l| l.chars().count() >= PASSWORD_MIN));
        assert!(lines.iter().all(|l| *l == l.to_lowercase()));
    }

    #[test]
    fn eleven_characters_are_too_few_and_twelve_are_enough() {
        assert_eq!(code("Tr0ub4dor&3").as_deref(), Some("password_too_short"));
        assert_eq!(code("Tr0ub4dor&3x"), None);
    }

    #[test]
    fn characters_are_counted_not_bytes() {
        assert_eq!(code("àèìòùàèìòùà").as_deref(), Some("password_too_short"));
    }

    #[test]
    fn a_sixty_four_character_passphrase_is_accepted_and_a_huge_one_is_not() {
        assert_eq!(code(&"correct horse battery staple ".repeat(3)[..64]), None);
        assert_eq!(code(&"x".repeat(129)).as_deref(), Some("password_too_long"));
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        assert_eq!(code("123456789012").as_deref(), Some("password_common"));
        assert_eq!(code("PasswordPassword").as_deref(), Some("password_common"));
    }
}
