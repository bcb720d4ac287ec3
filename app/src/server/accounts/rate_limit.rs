//! Rate limits counted in the database, so they hold across several server instances.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};

use crate::model::AppError;
use crate::server::entities::rate_event;

/// At most `limit` events per `window` for one key of a bucket.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub bucket: &'static str,
    pub limit: u64,
    pub window: Duration,
}

/// Applications from one address: ten an hour.
pub const APPLICATIONS: Limit = Limit {
    bucket: "apply",
    limit: 10,
    window: Duration::hours(1),
};

/// Asks for a password reset link from one address: ten an hour, whatever the addresses
/// asked for.
pub const RESET_ASKS_PER_ADDRESS: Limit = Limit {
    bucket: "reset_ask",
    limit: 10,
    window: Duration::hours(1),
};

/// Password reset links mailed to one account (keyed by its id): three an hour, so that
/// strangers asking cannot flood its holder's mailbox.
pub const RESET_LINKS_PER_ACCOUNT: Limit = Limit {
    bucket: "reset_link",
    limit: 3,
    window: Duration::hours(1),
};

/// Counts one event for `key`, or refuses it if the limit is reached. Of hits at once for one
/// key, each counts the others: they take turns, on SQLite by its write lock, on PostgreSQL by
/// a lock on the bucket and key held until the hit is committed.
pub async fn hit(db: &DatabaseConnection, limit: Limit, key: &str) -> Result<(), AppError> {
    let now = Utc::now();
    let since = now - limit.window;
    rate_event::Entity::delete_many()
        .filter(rate_event::Column::Bucket.eq(limit.bucket))
        .filter(rate_event::Column::At.lt(since))
        .exec(db)
        .await?;
    let key = key.to_owned();
    let counted = crate::server::write(db, move |tx| {
        Box::pin(async move {
            crate::server::lock_key(tx, limit.bucket, &key).await?;
            let recent = rate_event::Entity::find()
                .filter(rate_event::Column::Bucket.eq(limit.bucket))
                .filter(rate_event::Column::Key.eq(key.as_str()))
                .filter(rate_event::Column::At.gte(since))
                .count(tx)
                .await?;
            if recent >= limit.limit {
                return Ok(false);
            }
            rate_event::ActiveModel {
                bucket: Set(limit.bucket.to_owned()),
                key: Set(key),
                at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            Ok(true)
        })
    })
    .await?;
    if !counted {
        tracing::warn!(bucket = limit.bucket, "rate limit reached");
        return Err(AppError::TooManyAttempts {
            retry_after_secs: u64::try_from(limit.window.num_seconds()).unwrap_or(3600),
        });
    }
    Ok(())
}
