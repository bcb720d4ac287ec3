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

/// Refuses the attempt if it comes from a known device that failed too often within the
/// window, or, from anywhere else, if the account or the address did.
pub async fn check(
    db: &DatabaseConnection,
    policy: &ThrottlePolicy,
    email: &str,
    ip: &str,
    origin: Origin,
) -> Result<(), AppError> {
    let since = Utc::now() - policy.window();
    let recent = || {
        login_attempt::Entity::find()
            .filter(login_attempt::Column::AttemptedAt.gt(since))
            .filter(login_attempt::Column::Email.eq(email))
    };
    if let Origin::Device(device) = origin {
        let by_device = recent()
            .filter(login_attempt::Column::DeviceId.eq(device))
            .count(db)
            .await?;
        if by_device >= policy.per_account {
            tracing::warn!(by_device, "sign-in throttled on a known device");
            return Err(throttled(policy));
        }
        return Ok(());
    }
    let by_account = recent()
        .filter(login_attempt::Column::DeviceId.is_null())
        .count(db)
        .await?;
    let by_ip = login_attempt::Entity::find()
        .filter(login_attempt::Column::AttemptedAt.gt(since))
        .filter(login_attempt::Column::Ip.eq(ip))
        .filter(login_attempt::Column::DeviceId.is_null())
        .count(db)
        .await?;
    if by_account >= policy.per_account || by_ip >= policy.per_ip {
        tracing::warn!(by_account, by_ip, "sign-in throttled");
        return Err(throttled(policy));
    }
    Ok(())
}

/// Records a failed attempt and forgets attempts older than the window; whether this failure
/// is the one that locks the account (from where it came) for the rest of the window.
pub async fn record_failure(
    db: &DatabaseConnection,
    policy: &ThrottlePolicy,
    email: &str,
    ip: &str,
    origin: Origin,
) -> Result<bool, AppError> {
    let now = Utc::now();
    login_attempt::ActiveModel {
        email: Set(email.to_owned()),
        ip: Set(ip.to_owned()),
        attempted_at: Set(now),
        device_id: Set(origin.device()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::AttemptedAt.lt(now - policy.window()))
        .exec(db)
        .await?;
    let failures = login_attempt::Entity::find()
        .filter(login_attempt::Column::Email.eq(email))
        .filter(match origin.device() {
            Some(device) => login_attempt::Column::DeviceId.eq(device),
            None => login_attempt::Column::DeviceId.is_null(),
        })
        .count(db)
        .await?;
    Ok(failures == policy.per_account)
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
