//! Known devices (OWASP's "device cookie"): a browser that has signed in to an account gets a
//! long-lived random cookie, of which only the SHA-256 is stored. A sign-in that presents the
//! cookie of that account is counted apart from everyone else's attempts, so an attacker's
//! failures from elsewhere cannot lock the account's holder out of their own browser.

use chrono::{DateTime, Duration as ChronoDuration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::sessions::{hash_token, random_token};
use crate::model::{AppError, UserId};
use crate::server::SessionPolicy;
use crate::server::entities::known_device;

/// Name of the device cookie.
pub const COOKIE: &str = "percorso_device";

/// How long a browser stays known without signing in to the account again.
pub const KEPT_FOR: ChronoDuration = ChronoDuration::days(365);

/// The known device of `user` that `token` (the request's device cookie) names, if any; a
/// cookie of another account, or of none, is no device of this one.
pub async fn recognise(
    db: &impl ConnectionTrait,
    user: UserId,
    token: Option<&str>,
) -> Result<Option<i32>, AppError> {
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    Ok(known_device::Entity::find()
        .filter(known_device::Column::TokenHash.eq(hash_token(token)))
        .filter(known_device::Column::UserId.eq(user.0))
        .one(db)
        .await?
        .map(|device| device.id))
}

/// After a sign-in of `user` from the browser whose device cookie is `token`: marks that
/// device used if it is one of the account's, or makes the browser a known device of it;
/// returns the new cookie's token in that case.
pub async fn remember(
    db: &impl ConnectionTrait,
    user: UserId,
    token: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<String>, AppError> {
    if let Some(device) = recognise(db, user, token).await? {
        known_device::Entity::update_many()
            .col_expr(known_device::Column::LastUsedAt, Expr::value(now))
            .filter(known_device::Column::Id.eq(device))
            .exec(db)
            .await?;
        return Ok(None);
    }
    let token = random_token();
    known_device::ActiveModel {
        user_id: Set(user.0),
        token_hash: Set(hash_token(&token)),
        created_at: Set(now),
        last_used_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Some(token))
}

/// Forgets the devices not used to sign in since `before`; how many.
pub async fn purge(db: &impl ConnectionTrait, before: DateTime<Utc>) -> Result<u64, AppError> {
    Ok(known_device::Entity::delete_many()
        .filter(known_device::Column::LastUsedAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}

/// The `Set-Cookie` value that keeps `token` in the browser for [`KEPT_FOR`].
pub fn cookie(token: &str, policy: &SessionPolicy) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        KEPT_FOR.num_seconds(),
        if policy.secure_cookie { "; Secure" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_cookie_is_http_only_and_lasts_a_year() {
        let cookie = cookie("abc", &SessionPolicy::default());
        assert!(cookie.starts_with("percorso_device=abc;"));
        assert!(cookie.contains("HttpOnly"));
        assert!(cookie.contains("Max-Age=31536000"));
    }
}
