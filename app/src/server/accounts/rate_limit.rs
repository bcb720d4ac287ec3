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

/// Counts one event for `key`, or refuses it if the limit is reached.
pub async fn hit(db: &DatabaseConnection, limit: Limit, key: &str) -> Result<(), AppError> {
    let now = Utc::now();
    let since = now - limit.window;
    rate_event::Entity::delete_many()
        .filter(rate_event::Column::Bucket.eq(limit.bucket))
        .filter(rate_event::Column::At.lt(since))
        .exec(db)
        .await?;
    let recent = rate_event::Entity::find()
        .filter(rate_event::Column::Bucket.eq(limit.bucket))
        .filter(rate_event::Column::Key.eq(key))
        .count(db)
        .await?;
    if recent >= limit.limit {
        tracing::warn!(bucket = limit.bucket, "rate limit reached");
        return Err(AppError::TooManyAttempts {
            retry_after_secs: u64::try_from(limit.window.num_seconds()).unwrap_or(3600),
        });
    }
    rate_event::ActiveModel {
        bucket: Set(limit.bucket.to_owned()),
        key: Set(key.to_owned()),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
