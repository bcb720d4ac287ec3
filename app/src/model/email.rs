//! The email address check, shared by every form that takes one.
//!
//! On the server it is validator's full check (RFC 5322 shape, international domain names).
//! In the browser it is a check of the shape only: the full one needs the IDNA tables, about
//! 330 KB of the gzipped bundle, and the server checks again in any case and has the last word.

use validator::ValidationError;

/// An email address of the form `local@domain.tld`, at most 254 characters; code `email` when
/// malformed.
pub fn check_email(value: &str) -> Result<(), ValidationError> {
    let value = value.trim();
    if value.chars().count() > 254 {
        return Err(ValidationError::new("too_long"));
    }
    if is_email(value) {
        Ok(())
    } else {
        Err(ValidationError::new("email"))
    }
}

#[cfg(feature = "ssr")]
fn is_email(value: &str) -> bool {
    validator::ValidateEmail::validate_email(&value) && has_shape(value)
}

#[cfg(not(feature = "ssr"))]
fn is_email(value: &str) -> bool {
    has_shape(value)
}

/// One `@`, something before it, a domain after it with a dot that neither starts nor ends it,
/// and no spaces.
fn has_shape(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !value.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_well_formed_address_passes_and_malformed_ones_are_refused_as_email() {
        assert!(check_email("anna.rossi@example.it").is_ok());
        assert!(check_email("  anna@studio.example.com ").is_ok());
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.it",
            "anna@example",
            "anna@.it",
            "a b@example.it",
            "a@b@c.it",
        ] {
            assert_eq!(check_email(bad).unwrap_err().code, "email", "{bad:?}");
        }
    }

    #[test]
    fn the_browsers_shape_check_accepts_everything_the_server_accepts() {
        for good in [
            "anna.rossi@example.it",
            "a+b@sub.example.co.uk",
            "x@perù.it",
        ] {
            assert!(has_shape(good), "{good}");
            assert!(check_email(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn an_address_over_254_characters_is_too_long() {
        let long = format!("{}@example.it", "a".repeat(250));
        assert_eq!(check_email(&long).unwrap_err().code, "too_long");
    }
}
