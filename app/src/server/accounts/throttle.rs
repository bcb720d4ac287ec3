//! Login throttling: too many failed sign-ins for one account, or from one address, within a
//! window lock further attempts until the window has moved on.

use chrono::{Duration as ChronoDuration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};

use crate::model::AppError;
use crate::server::entities::login_attempt;

/// How many failures are allowed, and over how long.
#[derive(Debug, Clone, Copy)]
pub struct ThrottlePolicy {
    pub window: std::time::Duration,
    pub per_account: u64,
    pub per_ip: u64,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        Self {
            window: std::time::Duration::from_secs(15 * 60),
            per_account: 5,
            per_ip: 20,
        }
    }
}

impl ThrottlePolicy {
    fn window(&self) -> ChronoDuration {
        ChronoDuration::from_std(self.window).unwrap_or(ChronoDuration::MAX)
    }
}

/// Refuses the attempt if `email` or `ip` has failed too often within the window.
pub async fn check(
    db: &DatabaseConnection,
    policy: &ThrottlePolicy,
    email: &str,
    ip: &str,
) -> Result<(), AppError> {
    let since = Utc::now() - policy.window();
    let recent =
        || login_attempt::Entity::find().filter(login_attempt::Column::AttemptedAt.gt(since));
    let by_account = recent()
        .filter(login_attempt::Column::Email.eq(email))
        .count(db)
        .await?;
    let by_ip = recent()
        .filter(login_attempt::Column::Ip.eq(ip))
        .count(db)
        .await?;
    if by_account >= policy.per_account || by_ip >= policy.per_ip {
        tracing::warn!(by_account, by_ip, "sign-in throttled");
        return Err(AppError::TooManyAttempts {
            retry_after_secs: policy.window.as_secs(),
        });
    }
    Ok(())
}

/// Records a failed attempt and forgets attempts older than the window.
pub async fn record_failure(
    db: &DatabaseConnection,
    policy: &ThrottlePolicy,
    email: &str,
    ip: &str,
) -> Result<(), AppError> {
    let now = Utc::now();
    login_attempt::ActiveModel {
        email: Set(email.to_owned()),
        ip: Set(ip.to_owned()),
        attempted_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::AttemptedAt.lt(now - policy.window()))
        .exec(db)
        .await?;
    Ok(())
}

/// A successful sign-in clears the account's failures (the address's remain).
pub async fn clear_account(db: &impl ConnectionTrait, email: &str) -> Result<(), AppError> {
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::Email.eq(email))
        .exec(db)
        .await?;
    Ok(())
}
