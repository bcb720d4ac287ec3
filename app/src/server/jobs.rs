//! Daily jobs shared by every instance on one database: a lease per job and day, claimed by
//! inserting its row (`ON CONFLICT DO NOTHING` on the key (job, day)), so a job runs once a day
//! however many instances try. The database decides who wins, on SQLite (one writer at a time)
//! as on PostgreSQL (the primary key), with no lock held while the job runs.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TryInsertResult};

use crate::model::AppError;
use crate::server::accounts::sessions::random_token;
use crate::server::entities::job_run;

/// The jobs that run once a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Anonymising the rejected candidates whose retention period is over.
    Retention,
    /// Reminding people of certificates expiring and mandatory courses due.
    Reminders,
}

impl Job {
    /// The job's name in `job_runs`.
    pub fn as_str(self) -> &'static str {
        match self {
            Job::Retention => "retention",
            Job::Reminders => "reminders",
        }
    }
}

/// A claim still unfinished after this long is taken to be from an instance that stopped
/// mid-run, and another instance may take it over. Longer than any run should last.
pub const STALE_AFTER: TimeDelta = TimeDelta::hours(2);

/// This instance's lease on a job for a day. Finish it when the job is done, release it when
/// the job failed; a lease dropped without either stays claimed until it goes stale.
#[derive(Debug)]
#[must_use = "finish the lease after the job, or release it if the job failed"]
pub struct Lease {
    job: Job,
    day: NaiveDate,
    /// Who holds it: this host and process, and a random part unique to the claim.
    holder: String,
}

/// The host and process claiming, for whoever reads `job_runs`, with a random part so that
/// each claim is told apart from the next.
pub(crate) fn holder() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "unknown-host".to_owned());
    let host: String = host.chars().take(120).collect();
    format!(
        "{host} pid {} claim {}",
        std::process::id(),
        &random_token()[..12]
    )
}

fn this(job: Job, day: NaiveDate) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(job_run::Column::Job.eq(job.as_str()))
        .add(job_run::Column::Day.eq(day))
}

/// Claims `job` for `day`: `Some` for exactly one of the instances asking (unless the winner's
/// claim goes stale unfinished), `None` for the others and for every later claim that day.
pub async fn claim(
    db: &impl ConnectionTrait,
    job: Job,
    day: NaiveDate,
) -> Result<Option<Lease>, AppError> {
    let now = Utc::now();
    let holder = holder();
    let inserted = job_run::Entity::insert(job_run::ActiveModel {
        job: Set(job.as_str().to_owned()),
        day: Set(day),
        claimed_by: Set(holder.clone()),
        claimed_at: Set(now),
        finished_at: Set(None),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(db)
    .await?;
    if matches!(inserted, TryInsertResult::Inserted(1)) {
        tracing::info!(job = job.as_str(), %day, "won the day's claim on the job");
        return Ok(Some(Lease { job, day, holder }));
    }
    // Taken. Take it over only if its holder stopped mid-run long ago: one statement, so of
    // several instances doing this at once one updates the row and the others find it fresh.
    let stale_before: DateTime<Utc> = now - STALE_AFTER;
    let taken_over = job_run::Entity::update_many()
        .col_expr(job_run::Column::ClaimedBy, Expr::value(holder.clone()))
        .col_expr(job_run::Column::ClaimedAt, Expr::value(now))
        .filter(this(job, day))
        .filter(job_run::Column::FinishedAt.is_null())
        .filter(job_run::Column::ClaimedAt.lt(stale_before))
        .exec(db)
        .await?
        .rows_affected;
    if taken_over == 1 {
        tracing::warn!(job = job.as_str(), %day, "took over a stale claim on the job");
        return Ok(Some(Lease { job, day, holder }));
    }
    tracing::debug!(job = job.as_str(), %day, "the day's claim on the job is taken");
    Ok(None)
}

impl Lease {
    pub fn job(&self) -> Job {
        self.job
    }

    pub fn day(&self) -> NaiveDate {
        self.day
    }

    /// Records the job done for the day: no instance runs it again that day.
    pub async fn finish(self, db: &impl ConnectionTrait) -> Result<(), AppError> {
        job_run::Entity::update_many()
            .col_expr(job_run::Column::FinishedAt, Expr::value(Utc::now()))
            .filter(this(self.job, self.day))
            .filter(job_run::Column::ClaimedBy.eq(self.holder))
            .exec(db)
            .await?;
        Ok(())
    }

    /// Gives the day back after a failed run, so that the next instance to check tries again.
    pub async fn release(self, db: &impl ConnectionTrait) -> Result<(), AppError> {
        job_run::Entity::delete_many()
            .filter(this(self.job, self.day))
            .filter(job_run::Column::ClaimedBy.eq(self.holder))
            .filter(job_run::Column::FinishedAt.is_null())
            .exec(db)
            .await?;
        Ok(())
    }
}
