//! Sessions held in the database: a random 256-bit token in an HttpOnly cookie, stored only as
//! its SHA-256, with an idle and an absolute expiry.

use chrono::{Duration as ChronoDuration, Utc};
use rand::RngCore;
use sea_orm::sea_query::{Expr, LockType};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, Set,
};
use sha2::{Digest, Sha256};

use crate::model::{AppError, UserId};
use crate::server::SessionPolicy;
use crate::server::entities::{session, user};

/// Name of the session cookie.
pub const COOKIE: &str = "percorso_session";

/// A session is marked as used at most this often, to spare the database a write per request.
const TOUCH_EVERY: ChronoDuration = ChronoDuration::seconds(60);

/// 32 random bytes from the operating system, hex-encoded.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What the database keeps of a token.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn chrono(duration: std::time::Duration) -> ChronoDuration {
    ChronoDuration::from_std(duration).unwrap_or(ChronoDuration::MAX)
}

/// Starts a session for `user_id` and returns the token for the cookie.
pub async fn start(
    db: &impl ConnectionTrait,
    policy: &SessionPolicy,
    user_id: UserId,
) -> Result<String, AppError> {
    let token = random_token();
    let now = Utc::now();
    session::ActiveModel {
        token_hash: Set(hash_token(&token)),
        user_id: Set(user_id.0),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + chrono(policy.absolute)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Starts a session for `user_id`, as [`start`] does, if the account's password is still the
/// one of `verified_hash` (the hash a sign-in has just checked) and the account is active;
/// `None` if not. Of a sign-in and a change of the password at once, either the change ends
/// the new session or the sign-in finds the new password and starts none.
pub async fn start_if_password_is(
    db: &DatabaseConnection,
    policy: &SessionPolicy,
    user_id: UserId,
    verified_hash: String,
) -> Result<Option<String>, AppError> {
    let policy = *policy;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            // On PostgreSQL a change of the password waits for this lock, or this for the
            // change (SQLite's write lock takes the turns); rows merely naming the account,
            // such as its other sessions, need not wait.
            let current = user::Entity::find_by_id(user_id.0)
                .select_only()
                .columns([user::Column::PasswordHash, user::Column::Active])
                .lock(LockType::NoKeyUpdate)
                .into_tuple::<(String, bool)>()
                .one(tx)
                .await?;
            if current != Some((verified_hash, true)) {
                return Ok(None);
            }
            start(tx, &policy, user_id).await.map(Some)
        })
    })
    .await
}

/// The live session of `token` and its active user, or `None` if there is none. An expired
/// session is deleted on sight; a live one is marked as used.
pub async fn resolve(
    db: &DatabaseConnection,
    policy: &SessionPolicy,
    token: &str,
) -> Result<Option<(session::Model, user::Model)>, AppError> {
    let Some((found, Some(owner))) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(hash_token(token)))
        .find_also_related(user::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let now = Utc::now();
    let idle_expired = now - found.last_seen_at > chrono(policy.idle);
    if idle_expired || now >= found.expires_at || !owner.active {
        session::Entity::delete_by_id(found.id).exec(db).await?;
        return Ok(None);
    }
    if now - found.last_seen_at > TOUCH_EVERY {
        // A page's requests of one session often come at once: the first marks it and the
        // others, finding it marked, write nothing. (Each writing the row in turn queued
        // them on PostgreSQL one commit behind another: the load test's lock waits.)
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .filter(session::Column::Id.eq(found.id))
            .filter(session::Column::LastSeenAt.lt(now - TOUCH_EVERY))
            .exec(db)
            .await?;
    }
    Ok(Some((found, owner)))
}

/// Ends the session of `token`, if any.
pub async fn end(db: &DatabaseConnection, token: &str) -> Result<(), AppError> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(hash_token(token)))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends the session with this id.
pub async fn end_by_id(db: &DatabaseConnection, id: i32) -> Result<(), AppError> {
    session::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Ends every session of `user_id`, except `keep` (the caller's own) if given.
pub async fn end_all_for_user(
    db: &impl sea_orm::ConnectionTrait,
    user_id: UserId,
    keep: Option<i32>,
) -> Result<(), AppError> {
    let mut delete = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id.0));
    if let Some(keep) = keep {
        delete = delete.filter(session::Column::Id.ne(keep));
    }
    delete.exec(db).await?;
    Ok(())
}

/// The `Set-Cookie` value that stores `token` in the browser.
pub fn cookie(token: &str, policy: &SessionPolicy) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        policy.absolute.as_secs(),
        if policy.secure_cookie { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clearing_cookie(policy: &SessionPolicy) -> String {
    format!(
        "{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        if policy.secure_cookie { "; Secure" } else { "" }
    )
}

/// The value of cookie `name` in a `Cookie` header.
pub fn read_cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_256_bits_and_differ_each_time() {
        let a = random_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, random_token());
    }

    #[test]
    fn the_stored_hash_is_not_the_token() {
        let token = random_token();
        assert_ne!(hash_token(&token), token);
        assert_eq!(hash_token(&token), hash_token(&token));
    }

    #[test]
    fn the_cookie_is_http_only_and_same_site_lax() {
        let cookie = cookie("abc", &SessionPolicy::default());
        assert!(cookie.contains("HttpOnly"));
        assert!(cookie.contains("SameSite=Lax"));
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let header = "other_percorso_session=x; percorso_session=tok; lang=en";
        assert_eq!(read_cookie(header, COOKIE), Some("tok"));
        assert_eq!(read_cookie(header, "lang"), Some("en"));
        assert_eq!(read_cookie(header, "missing"), None);
    }
}
