//! Derived tables filled from their sources once, after the migration that adds them: a
//! migration names the table in `pending_rebuilds`, and the next start runs the app's own
//! rule for it (the rules live here, not in SQL a migration would have to copy). With
//! several instances starting at once, one takes each rebuild and the others skip it.

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::model::AppError;
use crate::server::entities::pending_rebuild;

/// The rebuild that refills the compliance cells and summaries.
pub const COMPLIANCE: &str = "compliance";

/// The rebuild that works out every application's stored fit and levels.
pub const ASSESSMENT_SCORES: &str = "assessment_scores";

/// Every rebuild this build knows.
pub const ALL: [&str; 2] = [COMPLIANCE, ASSESSMENT_SCORES];

/// Asks for every rebuild at the next [`run_pending`] (as `percorso rebuild` does, after
/// instances of an older build wrote without keeping the derived tables).
pub async fn request_all(db: &impl ConnectionTrait) -> Result<(), AppError> {
    for name in ALL {
        pending_rebuild::Entity::insert(pending_rebuild::ActiveModel {
            name: Set(name.to_owned()),
        })
        .on_conflict_do_nothing()
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Runs every rebuild asked for that this build knows, each in its own transaction that first
/// claims it (so an instance that finds it claimed does nothing). One it does not know (from a
/// newer build) stays asked for.
pub async fn run_pending(db: &DatabaseConnection) -> Result<(), AppError> {
    let names: Vec<String> = pending_rebuild::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.name)
        .collect();
    for name in names {
        if !ALL.contains(&name.as_str()) {
            tracing::warn!(rebuild = %name, "a rebuild this build does not know; left for a newer one");
            continue;
        }
        let started = std::time::Instant::now();
        let ran = crate::server::write(db, {
            let name = name.clone();
            move |tx| {
                Box::pin(async move {
                    let claimed = pending_rebuild::Entity::delete_many()
                        .filter(pending_rebuild::Column::Name.eq(name.as_str()))
                        .exec(tx)
                        .await?;
                    if claimed.rows_affected != 1 {
                        return Ok(false);
                    }
                    if name == COMPLIANCE {
                        crate::server::certifications::compliance::refresh_all(tx).await?;
                    } else {
                        crate::server::assessments::scores::refresh_all(tx).await?;
                    }
                    Ok(true)
                })
            }
        })
        .await?;
        if ran {
            let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            tracing::info!(rebuild = %name, elapsed_ms, "derived table rebuilt");
        }
    }
    Ok(())
}
