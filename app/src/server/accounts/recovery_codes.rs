//! Recovery codes: ten single-use codes that stand in for the authenticator app when it is
//! lost, shown once when made and stored only as their SHA-256. Each carries about 79 random
//! bits, beyond an offline search of its hash, so a fast hash serves and lets a sign-in check
//! all ten at once.

use chrono::{DateTime, Utc};
use rand::Rng;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::sessions::hash_token;
use crate::model::{AppError, RECOVERY_CODES, UserId};
use crate::server::entities::recovery_code;

/// Letters and digits that cannot be read one for another (no 0/o, 1/l/i).
const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// One new code, `xxxx-xxxx-xxxx-xxxx`: 16 of the 31 characters.
fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let groups: Vec<String> = (0..4)
        .map(|_| {
            (0..4)
                .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
                .collect()
        })
        .collect();
    groups.join("-")
}

/// The code as it is compared: lower case, letters and digits only (a user may type it in
/// capitals, with spaces, or without the dash).
fn normalise(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Gives `user` ten new codes in place of any they had; returns them, to be shown once. Part
/// of the caller's transaction.
pub async fn replace(
    tx: &impl ConnectionTrait,
    user: UserId,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    remove(tx, user).await?;
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_code()).collect();
    recovery_code::Entity::insert_many(codes.iter().map(|code| recovery_code::ActiveModel {
        user_id: Set(user.0),
        code_hash: Set(hash_token(&normalise(code))),
        created_at: Set(now),
        used_at: Set(None),
        ..Default::default()
    }))
    .exec(tx)
    .await?;
    Ok(codes)
}

/// Uses up `user`'s recovery code `typed`, if it is one of theirs not used yet; whether it
/// was. Of two uses of one code at once, only one finds it unused.
pub async fn use_up(
    db: &impl ConnectionTrait,
    user: UserId,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let used = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(now))
        .filter(recovery_code::Column::UserId.eq(user.0))
        .filter(recovery_code::Column::CodeHash.eq(hash_token(&normalise(typed))))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(used.rows_affected == 1)
}

/// How many of `user`'s codes are still unused.
pub async fn left(db: &impl ConnectionTrait, user: UserId) -> Result<u32, AppError> {
    let left = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(user.0))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db)
        .await?;
    Ok(u32::try_from(left).unwrap_or(u32::MAX))
}

/// Deletes every code of `user`.
pub async fn remove(db: &impl ConnectionTrait, user: UserId) -> Result<(), AppError> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user.0))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sixteen_unambiguous_characters_in_four_groups() {
        let code = new_code();
        assert_eq!(code.len(), 19);
        assert_eq!(
            code.split('-').map(str::len).collect::<Vec<_>>(),
            [4, 4, 4, 4]
        );
        assert!(
            code.bytes()
                .filter(|&b| b != b'-')
                .all(|b| ALPHABET.contains(&b))
        );
        assert_ne!(code, new_code());
    }

    #[test]
    fn a_code_typed_in_capitals_with_spaces_or_no_dash_is_the_same_code() {
        assert_eq!(normalise(" AB2CD-EF3GH "), "ab2cdef3gh");
        assert_eq!(normalise("ab2cd ef3gh"), "ab2cdef3gh");
    }
}
