//! Data protection settings and the retention job: publishing privacy notice versions, the
//! months rejected candidates are kept, and anonymising those whose time is up (once a day by
//! one of the server's instances, or at once by an admin), each run logged; the job also
//! deletes the password reset links long over.

use chrono::{DateTime, Months, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::model::{
    AppError, DataProtection, NoticeInput, RetentionPolicy, RetentionRunView, UserId,
};
use crate::server::accounts::{devices, password_resets, sign_in};
use crate::server::entities::{
    application, candidate, privacy_notice, retention_run, retention_setting,
};
use crate::server::jobs::{self, Job};
use crate::server::{Backend, job_runs, recruitment::applications, recruitment::person_data};

/// Candidates anonymised per transaction.
const BATCH: u64 = 200;

/// The policy in force.
pub async fn policy(db: &impl ConnectionTrait) -> Result<RetentionPolicy, AppError> {
    let row = retention_setting::Entity::find_by_id(1)
        .one(db)
        .await?
        .ok_or_else(|| {
            tracing::error!("no retention settings in the database");
            AppError::Internal
        })?;
    Ok(RetentionPolicy {
        months_without_consent: u32::try_from(row.months_without_consent).unwrap_or(1),
        months_with_consent: u32::try_from(row.months_with_consent).unwrap_or(1),
    })
}

/// Changes the policy.
pub async fn save_policy(
    db: &DatabaseConnection,
    actor: UserId,
    policy: RetentionPolicy,
) -> Result<(), AppError> {
    crate::model::validate(&policy)?;
    retention_setting::ActiveModel {
        id: Set(1),
        months_without_consent: Set(policy.months_without_consent as i32),
        months_with_consent: Set(policy.months_with_consent as i32),
        updated_at: Set(Utc::now()),
        updated_by: Set(Some(actor.0)),
    }
    .update(db)
    .await?;
    tracing::info!(user_id = %actor, ?policy, "retention policy changed");
    Ok(())
}

/// Publishes a new version of the privacy notice; applications from now on record it.
pub async fn publish_notice(
    db: &DatabaseConnection,
    actor: UserId,
    input: NoticeInput,
) -> Result<i32, AppError> {
    crate::model::validate(&input)?;
    let saved = privacy_notice::ActiveModel {
        text_it: Set(input.text_it.trim().to_owned()),
        text_en: Set(input.text_en.trim().to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    tracing::info!(user_id = %actor, version = saved.version, "privacy notice published");
    Ok(saved.version)
}

/// Candidates whose every application ended (rejected or withdrawn) before `cutoff`.
fn ended_before(cutoff: DateTime<Utc>) -> SelectStatement {
    let col = |c: application::Column| Expr::col((application::Entity, c));
    Query::select()
        .column((application::Entity, application::Column::CandidateId))
        .from(application::Entity)
        .group_by_col((application::Entity, application::Column::CandidateId))
        .and_having(
            Expr::expr(Func::sum(
                Expr::case(
                    col(application::Column::Stage).is_in(["rejected", "withdrawn"]),
                    0,
                )
                .finally(1),
            ))
            .eq(0),
        )
        .and_having(Expr::expr(Func::max(col(application::Column::StageChangedAt))).lt(cutoff))
        .to_owned()
}

/// The candidates the policy says to anonymise now.
fn due(policy: RetentionPolicy, now: DateTime<Utc>) -> sea_orm::Select<candidate::Entity> {
    let cutoff = |months: u32| now.checked_sub_months(Months::new(months)).unwrap_or(now);
    candidate::Entity::find()
        .filter(candidate::Column::AnonymisedAt.is_null())
        .filter(
            sea_orm::Condition::any()
                .add(
                    candidate::Column::TalentPool.eq(false).and(
                        candidate::Column::Id
                            .in_subquery(ended_before(cutoff(policy.months_without_consent))),
                    ),
                )
                .add(
                    candidate::Column::TalentPool.eq(true).and(
                        candidate::Column::Id
                            .in_subquery(ended_before(cutoff(policy.months_with_consent))),
                    ),
                ),
        )
}

/// Anonymises every candidate the policy says is due, a batch per transaction, deletes their
/// files and logs the run. `actor` is none for the scheduled run.
pub async fn run_retention(
    backend: &Backend,
    actor: Option<UserId>,
) -> Result<RetentionRunView, AppError> {
    let db = &backend.db;
    let policy = policy(db).await?;
    let now = Utc::now();
    let mut anonymised = 0u32;
    let mut files_deleted = 0u32;
    loop {
        let ids: Vec<i32> = due(policy, now)
            .select_only()
            .column(candidate::Column::Id)
            .order_by_asc(candidate::Column::Id)
            .limit(BATCH)
            .into_tuple::<i32>()
            .all(db)
            .await?;
        if ids.is_empty() {
            break;
        }
        let count = ids.len() as u32;
        let stored = crate::server::write(db, |tx| {
            Box::pin(async move {
                let mut stored = Vec::new();
                for id in ids {
                    stored.extend(person_data::anonymise(tx, id).await?);
                }
                Ok(stored)
            })
        })
        .await?;
        person_data::delete_files(backend, &stored).await;
        anonymised += count;
        files_deleted += stored.len() as u32;
    }
    // The sweep is housekeeping: if the file store cannot be listed, the run (whose
    // anonymisations are committed) is still logged, and the next day's run sweeps.
    let orphans = sweep_orphans(backend, ORPHAN_GRACE)
        .await
        .unwrap_or_else(|_| {
            tracing::error!("the sweep of files without rows failed; the next run tries again");
            0
        });
    files_deleted += orphans as u32;
    let reset_links_deleted = password_resets::purge(db, now).await?;
    let sign_ins_deleted = sign_in::purge(db, now).await?;
    let devices_forgotten = devices::purge(db, now - devices::KEPT_FOR).await?;
    retention_run::ActiveModel {
        at: Set(now),
        actor_id: Set(actor.map(|a| a.0)),
        anonymised: Set(anonymised as i32),
        files_deleted: Set(files_deleted as i32),
        ..Default::default()
    }
    .insert(db)
    .await?;
    tracing::info!(
        anonymised,
        files_deleted,
        reset_links_deleted,
        sign_ins_deleted,
        devices_forgotten,
        scheduled = actor.is_none(),
        "retention run"
    );
    Ok(RetentionRunView {
        at: now,
        actor_name: None,
        anonymised,
        files_deleted,
    })
}

/// How long a file no row names is spared by default: an upload's row follows its file within
/// moments, on whichever instance wrote it.
pub const ORPHAN_GRACE: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Deletes the stored files no row names, written more than `grace` ago (see
/// `FileStore::sweep`), and answers how many.
pub async fn sweep_orphans(
    backend: &Backend,
    grace: std::time::Duration,
) -> Result<usize, AppError> {
    use sea_orm::sea_query::Alias;
    let mut keep = std::collections::HashSet::new();
    for (table, column) in crate::server::files::STORED_FILE_COLUMNS {
        let query = Query::select()
            .column(Alias::new(*column))
            .from(Alias::new(*table))
            .and_where(Expr::col(Alias::new(*column)).is_not_null())
            .to_owned();
        for row in backend.db.query_all(&query).await? {
            keep.insert(row.try_get_by_index::<String>(0)?);
        }
    }
    let before = std::time::SystemTime::now() - grace;
    let deleted = backend.files.sweep(&keep, before).await?;
    if !deleted.is_empty() {
        tracing::warn!(
            count = deleted.len(),
            "stored files no row names were deleted"
        );
    }
    Ok(deleted.len())
}

/// How often each instance checks whether today's scheduled run is still to do.
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// The scheduled run for `day` (in UTC): runs retention if this instance wins the day's lease,
/// and returns `None` when another instance, or an earlier check, already has it. A failed run
/// gives the day back, so the next check on any instance tries again. Running it at once (an
/// admin's "Run now", `percorso run-retention`) neither needs nor takes the lease.
pub async fn run_scheduled(
    backend: &Backend,
    day: NaiveDate,
) -> Result<Option<RetentionRunView>, AppError> {
    let Some(lease) = jobs::claim(&backend.db, Job::Retention, day).await? else {
        return Ok(None);
    };
    match run_retention(backend, None).await {
        Ok(run) => {
            lease.finish(&backend.db).await?;
            Ok(Some(run))
        }
        Err(error) => {
            if lease.release(&backend.db).await.is_err() {
                tracing::error!(%day, "cannot release the retention lease; it goes stale instead");
            }
            Err(error)
        }
    }
}

/// Runs retention once a day for as long as the server runs: every instance checks at start
/// and then hourly, and the day's lease lets only one of them run it. Each check is counted
/// in [`job_runs`] for `/metrics` (skipped when another instance or check has the day).
pub async fn run_daily(backend: Backend) {
    let mut checks = tokio::time::interval(CHECK_EVERY);
    checks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        checks.tick().await;
        let result = run_scheduled(&backend, Utc::now().date_naive()).await;
        let outcome = match &result {
            Ok(Some(_)) => job_runs::JobOutcome::Succeeded,
            Ok(None) => job_runs::JobOutcome::Skipped,
            Err(_) => job_runs::JobOutcome::Failed,
        };
        job_runs::record(job_runs::RETENTION, outcome);
        if result.is_err() {
            tracing::error!("the scheduled retention run failed; the next check tries again");
        }
    }
}

/// Everything the data protection page shows.
pub async fn overview(db: &DatabaseConnection) -> Result<DataProtection, AppError> {
    let notice = applications::current_notice(db).await?;
    let published_at = privacy_notice::Entity::find_by_id(notice.version)
        .one(db)
        .await?
        .map(|n| n.created_at)
        .unwrap_or_else(Utc::now);
    let policy = policy(db).await?;
    let due_now = due(policy, Utc::now()).count(db).await?;
    let runs = retention_run::Entity::find()
        .order_by_desc(retention_run::Column::Id)
        .limit(10)
        .all(db)
        .await?;
    let actor_ids: Vec<i32> = runs.iter().filter_map(|r| r.actor_id).collect();
    let names = crate::server::accounts::users::names(db, actor_ids).await?;
    Ok(DataProtection {
        notice,
        notice_published_at: published_at,
        policy,
        due_now,
        runs: runs
            .into_iter()
            .map(|r| RetentionRunView {
                at: r.at,
                actor_name: r.actor_id.and_then(|a| names.get(&a).cloned()),
                anonymised: u32::try_from(r.anonymised).unwrap_or(0),
                files_deleted: u32::try_from(r.files_deleted).unwrap_or(0),
            })
            .collect(),
    })
}
