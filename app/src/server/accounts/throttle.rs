//! Login throttling: too many failed sign-ins for one account, or from one address, within a
//! window lock further attempts until the window has moved on. Attempts from a known device of
//! the account ([`super::devices`]) are counted apart: failures elsewhere do not lock it, and
//! its own failures lock only it.

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

/// Where an attempt comes from, as far as throttling goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A known device of the account (by its device cookie): only that device's own failures
    /// count against it.
    Device(i32),
    /// Anywhere else: the failures of every such attempt on the account, and of the address.
    Elsewhere,
}

impl Origin {
    pub fn of(device: Option<i32>) -> Self {
        device.map_or(Origin::Elsewhere, Origin::Device)
    }

    fn device(self) -> Option<i32> {
        match self {
            Origin::Device(id) => Some(id),
            Origin::Elsewhere => None,
        }
    }
}

fn throttled(policy: &ThrottlePolicy) -> AppError {
    AppError::TooManyAttempts {
        retry_after_secs: policy.window.as_secs(),
    }
}

/// An attempt under way: counted as a failure from the start, so that attempts at once cannot
/// all slip under the limit; [`forget`] it once it proved right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    id: i32,
    /// Whether, if it fails, it is the failure that locks the account (from where it came)
    /// for the rest of the window.
    pub locks: bool,
}

/// Starts an attempt on `email` from `ip`: refused if it comes from a known device that
/// failed too often within the window, or, from anywhere else, if the account or the address
/// did; else counted as a failure until [`forget`]. Attempts on one account take turns (on
/// SQLite by its write lock, on PostgreSQL by a lock on the account's email), so each counts
/// those before it.
pub async fn attempt(
    db: &DatabaseConnection,
    policy: &ThrottlePolicy,
    email: &str,
    ip: &str,
    origin: Origin,
) -> Result<Attempt, AppError> {
    let now = Utc::now();
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::AttemptedAt.lt(now - policy.window()))
        .exec(db)
        .await?;
    let since = now - policy.window();
    let policy = *policy;
    let (email, ip) = (email.to_owned(), ip.to_owned());
    let started = crate::server::write(db, move |tx| {
        Box::pin(async move {
            crate::server::lock_key(tx, "sign_in", &email).await?;
            let recent = || {
                login_attempt::Entity::find()
                    .filter(login_attempt::Column::AttemptedAt.gt(since))
                    .filter(login_attempt::Column::Email.eq(email.as_str()))
            };
            let before = match origin {
                Origin::Device(device) => {
                    recent()
                        .filter(login_attempt::Column::DeviceId.eq(device))
                        .count(tx)
                        .await?
                }
                Origin::Elsewhere => {
                    let by_ip = login_attempt::Entity::find()
                        .filter(login_attempt::Column::AttemptedAt.gt(since))
                        .filter(login_attempt::Column::Ip.eq(ip.as_str()))
                        .filter(login_attempt::Column::DeviceId.is_null())
                        .count(tx)
                        .await?;
                    if by_ip >= policy.per_ip {
                        tracing::warn!(by_ip, "sign-in throttled by address");
                        return Ok(None);
                    }
                    recent()
                        .filter(login_attempt::Column::DeviceId.is_null())
                        .count(tx)
                        .await?
                }
            };
            if before >= policy.per_account {
                tracing::warn!(before, ?origin, "sign-in throttled");
                return Ok(None);
            }
            let row = login_attempt::ActiveModel {
                email: Set(email),
                ip: Set(ip),
                attempted_at: Set(now),
                device_id: Set(origin.device()),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            Ok(Some(Attempt {
                id: row.id,
                locks: before + 1 == policy.per_account,
            }))
        })
    })
    .await?;
    started.ok_or(throttled(&policy))
}

/// The attempt proved right: it is no failure.
pub async fn forget(db: &impl ConnectionTrait, attempt: Attempt) -> Result<(), AppError> {
    login_attempt::Entity::delete_by_id(attempt.id)
        .exec(db)
        .await?;
    Ok(())
}

/// A successful sign-in clears the account's failures from where it came (a known device's
/// own, or those from anywhere else); the address's remain.
pub async fn clear_account(
    db: &impl ConnectionTrait,
    email: &str,
    origin: Origin,
) -> Result<(), AppError> {
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::Email.eq(email))
        .filter(match origin.device() {
            Some(device) => login_attempt::Column::DeviceId.eq(device),
            None => login_attempt::Column::DeviceId.is_null(),
        })
        .exec(db)
        .await?;
    Ok(())
}
