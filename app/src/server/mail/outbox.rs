//! The outbox: letters queued in the same transaction as the change that causes them, claimed
//! by one sender at a time, and marked sent, due again after a backoff, or failed for good.
//!
//! A claim is a lease: the claim sets who holds the message and until when, and only messages
//! nobody holds (or whose holder's lease ran out) can be claimed. On PostgreSQL the rows are
//! picked `FOR UPDATE SKIP LOCKED`, so senders in several processes pass each other by instead
//! of queueing; on SQLite the claim is one write transaction, and there is one writer at once. A sender that stops
//! mid-batch leaves its messages to be claimed again once the lease is over, so nothing queued
//! is lost across a restart.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::letter::Letter;
use crate::model::{AppError, MessageId};
use crate::server::entities::outbox;

/// Queues `letter` to `to`: sent by the next sender to pass, or kept as a `.eml` file.
pub async fn queue(
    db: &impl ConnectionTrait,
    to: &str,
    letter: &Letter,
) -> Result<MessageId, AppError> {
    let attachment = letter.attachment.as_ref();
    let queued = outbox::ActiveModel {
        to_address: Set(to.trim().to_owned()),
        subject: Set(letter.subject.chars().take(200).collect()),
        body: Set(letter.text()),
        html_body: Set(Some(letter.html())),
        lang: Set(letter.lang.as_str().to_owned()),
        attachment_name: Set(attachment.map(|a| a.name.clone())),
        attachment_type: Set(attachment.map(|a| a.content_type.clone())),
        attachment: Set(attachment.map(|a| a.body.clone())),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
        attempts: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(MessageId(queued.id))
}

/// Not sent, not failed for good.
fn pending() -> Condition {
    Condition::all()
        .add(outbox::Column::SentAt.is_null())
        .add(outbox::Column::FailedAt.is_null())
}

/// Pending, due by `now`, and held by nobody (or by a sender whose lease ran out).
fn claimable(now: DateTime<Utc>) -> Condition {
    pending()
        .add(
            Condition::any()
                .add(outbox::Column::NextAttemptAt.is_null())
                .add(outbox::Column::NextAttemptAt.lte(now)),
        )
        .add(
            Condition::any()
                .add(outbox::Column::ClaimedUntil.is_null())
                .add(outbox::Column::ClaimedUntil.lt(now)),
        )
}

/// Claims up to `batch` due messages for `holder` until `now + lease`, oldest first. Of
/// several senders claiming at once, each message goes to one of them.
///
/// Two statements in one write transaction: pick the due ids (on PostgreSQL locking them and
/// skipping rows another sender has locked), then mark them held. A single `UPDATE … WHERE id
/// IN (SELECT … LIMIT n)` is not enough on PostgreSQL: it may run the subquery again for each
/// row, and each run finds the next due message, claiming more than the batch.
pub async fn claim(
    db: &DatabaseConnection,
    holder: &str,
    batch: u64,
    lease: TimeDelta,
) -> Result<Vec<outbox::Model>, AppError> {
    let holder = holder.to_owned();
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let now = Utc::now();
            let mut due = outbox::Entity::find()
                .select_only()
                .column(outbox::Column::Id)
                .filter(claimable(now))
                .order_by_asc(outbox::Column::Id)
                .limit(batch);
            if tx.get_database_backend() == DatabaseBackend::Postgres {
                due = due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
            }
            let ids: Vec<i32> = due.into_tuple().all(tx).await?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let mut claimed = outbox::Entity::update_many()
                .col_expr(outbox::Column::ClaimedBy, Expr::value(holder))
                .col_expr(outbox::Column::ClaimedUntil, Expr::value(now + lease))
                .filter(outbox::Column::Id.is_in(ids))
                .exec_with_returning(tx)
                .await?;
            claimed.sort_by_key(|message| message.id);
            Ok(claimed)
        })
    })
    .await
}

/// This holder's claim on message `id`.
fn held(id: i32, holder: &str) -> Condition {
    Condition::all()
        .add(outbox::Column::Id.eq(id))
        .add(outbox::Column::ClaimedBy.eq(holder))
        .add(pending())
}

/// Renews `holder`'s claim on message `id` for `lease` from now, just before sending it, so
/// that a slow batch does not outlive its claims. False if the claim was lost meanwhile.
pub async fn renew(
    db: &impl ConnectionTrait,
    id: i32,
    holder: &str,
    lease: TimeDelta,
) -> Result<bool, AppError> {
    let renewed = outbox::Entity::update_many()
        .col_expr(
            outbox::Column::ClaimedUntil,
            Expr::value(Utc::now() + lease),
        )
        .filter(held(id, holder))
        .exec(db)
        .await?;
    Ok(renewed.rows_affected == 1)
}

/// Records message `id` sent. False if `holder` no longer held it (its lease ran out and
/// another sender took it over).
pub async fn mark_sent(db: &impl ConnectionTrait, id: i32, holder: &str) -> Result<bool, AppError> {
    let updated = outbox::Entity::update_many()
        .col_expr(outbox::Column::SentAt, Expr::value(Utc::now()))
        .col_expr(
            outbox::Column::Attempts,
            Expr::col(outbox::Column::Attempts).add(1),
        )
        .col_expr(
            outbox::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            outbox::Column::ClaimedBy,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            outbox::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(held(id, holder))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// What happens to a message after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Tried again at this time.
    RetryAt(DateTime<Utc>),
    /// Given up: shown to admins, who may send it again.
    GiveUp,
}

/// Records a failed attempt at message `id` with `error`, and what follows it.
pub async fn mark_attempt_failed(
    db: &impl ConnectionTrait,
    id: i32,
    holder: &str,
    error: &str,
    after: AfterFailure,
) -> Result<(), AppError> {
    let (next_attempt_at, failed_at) = match after {
        AfterFailure::RetryAt(at) => (Some(at), None),
        AfterFailure::GiveUp => (None, Some(Utc::now())),
    };
    let error: String = error.chars().take(2000).collect();
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Attempts,
            Expr::col(outbox::Column::Attempts).add(1),
        )
        .col_expr(outbox::Column::LastError, Expr::value(error))
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(next_attempt_at))
        .col_expr(outbox::Column::FailedAt, Expr::value(failed_at))
        .col_expr(
            outbox::Column::ClaimedBy,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            outbox::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(held(id, holder))
        .exec(db)
        .await?;
    Ok(())
}

/// Puts a message that failed for good back in the queue, due now, with its tries counted
/// afresh. `NotFound` if there is no such failed message.
pub async fn send_again(db: &impl ConnectionTrait, id: MessageId) -> Result<(), AppError> {
    let updated = outbox::Entity::update_many()
        .col_expr(
            outbox::Column::FailedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(outbox::Column::Attempts, Expr::value(0))
        .col_expr(
            outbox::Column::NextAttemptAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(outbox::Column::Id.eq(id.0))
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::FailedAt.is_not_null())
        .exec(db)
        .await?;
    if updated.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// How many messages wait, and the latest that failed for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backlog {
    /// Not sent yet and still being tried.
    pub waiting: u64,
    /// Of those, how many failed at least once.
    pub retrying: u64,
    /// Failed for good (not sent again since).
    pub failed: u64,
    /// Sent in the last 7 days.
    pub sent_this_week: u64,
    /// The latest messages that failed for good, newest first.
    pub latest_failed: Vec<outbox::Model>,
}

/// The state of the outbox, for admins.
pub async fn backlog(db: &impl ConnectionTrait, failed_limit: u64) -> Result<Backlog, AppError> {
    let waiting = outbox::Entity::find().filter(pending()).count(db).await?;
    let retrying = outbox::Entity::find()
        .filter(pending())
        .filter(outbox::Column::Attempts.gt(0))
        .count(db)
        .await?;
    let failed = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::FailedAt.is_not_null())
        .count(db)
        .await?;
    let sent_this_week = outbox::Entity::find()
        .filter(outbox::Column::SentAt.gte(Utc::now() - TimeDelta::days(7)))
        .count(db)
        .await?;
    let latest_failed = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::FailedAt.is_not_null())
        .order_by_desc(outbox::Column::FailedAt)
        .order_by_desc(outbox::Column::Id)
        .limit(failed_limit)
        .all(db)
        .await?;
    Ok(Backlog {
        waiting,
        retrying,
        failed,
        sent_this_week,
        latest_failed,
    })
}
