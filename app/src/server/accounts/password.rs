//! Password hashing with argon2id, always on the blocking pool.

use argon2::password_hash::{PasswordHash, SaltString, rand_core::OsRng};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};

use crate::model::AppError;
use crate::server::blocking;

/// Hashes a password into a PHC string (argon2id, the crate's recommended parameters).
pub async fn hash(password: String) -> Result<String, AppError> {
    blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await?
    .map_err(|error| {
        tracing::error!(%error, "password hashing failed");
        AppError::Internal
    })
}

/// Whether `password` matches `stored`. A malformed stored hash never matches.
pub async fn verify(password: String, stored: String) -> Result<bool, AppError> {
    blocking(move || {
        PasswordHash::new(&stored)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
}

/// A valid hash of a random password, verified against when the account does not exist so that
/// a wrong email takes as long as a wrong password.
pub async fn dummy_hash() -> Result<String, AppError> {
    static DUMMY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DUMMY
        .get_or_try_init(|| hash(super::sessions::random_token()))
        .await
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_another_does_not() {
        let stored = hash("una frase lunga e sicura".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(
            verify("una frase lunga e sicura".into(), stored.clone())
                .await
                .unwrap()
        );
        assert!(!verify("un'altra frase lunga".into(), stored).await.unwrap());
    }

    #[tokio::test]
    async fn a_corrupt_stored_hash_never_matches() {
        assert!(
            !verify("anything at all".into(), "not a hash".into())
                .await
                .unwrap()
        );
    }
}
