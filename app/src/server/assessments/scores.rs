//! The stored assessment of each application: its fit and its level per competency of its
//! profile, as `summary`'s own rules work them out from the evidence, kept in step in the
//! transactions that change the evidence (scorecards, interviews, graded tests, job
//! profiles) so an opening's comparison pages and sorts in SQL.

use std::collections::{BTreeSet, HashMap};

use sea_orm::sea_query::LockType;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::summary::{Evidence, names_of, requirements_of};
use crate::model::AppError;
use crate::server::entities::{application, application_level, application_score, opening};

/// Applications refreshed together: a handful of statements for each this many, each list of
/// ids and rows well within what one statement may carry.
const CHUNK: usize = 400;

/// Rows one insert carries (four values each, well under either database's limit).
const ROWS_PER_INSERT: usize = 1000;

/// Works out again the stored fit and levels of applications `application_ids` from their
/// evidence and replaces them. Run it in the transaction that changes their evidence: it locks
/// the applications first (on PostgreSQL), so two changes to one application take turns and
/// the later one reads what the earlier wrote. A fixed number of statements per few hundred
/// applications.
pub async fn refresh(
    db: &impl ConnectionTrait,
    application_ids: impl IntoIterator<Item = i32>,
) -> Result<(), AppError> {
    let ids: Vec<i32> = application_ids
        .into_iter()
        .collect::<BTreeSet<i32>>()
        .into_iter()
        .collect();
    for chunk in ids.chunks(CHUNK) {
        refresh_chunk(db, chunk).await?;
    }
    Ok(())
}

/// Refreshes every application of openings `opening_ids` (after their profile's requirements
/// changed), a chunk at a time.
pub async fn refresh_openings(
    db: &impl ConnectionTrait,
    opening_ids: impl IntoIterator<Item = i32>,
) -> Result<(), AppError> {
    let openings: Vec<i32> = opening_ids.into_iter().collect();
    if openings.is_empty() {
        return Ok(());
    }
    let ids: Vec<i32> = application::Entity::find()
        .select_only()
        .column(application::Column::Id)
        .filter(application::Column::OpeningId.is_in(openings))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    refresh(db, ids).await
}

/// Refreshes the openings that use job profile `profile_id`.
pub async fn refresh_profile(db: &impl ConnectionTrait, profile_id: i32) -> Result<(), AppError> {
    let openings: Vec<i32> = opening::Entity::find()
        .select_only()
        .column(opening::Column::Id)
        .filter(opening::Column::ProfileId.eq(profile_id))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    refresh_openings(db, openings).await
}

/// Works out every application's stored fit and levels again (after data was loaded in bulk,
/// or when the tables are first made), a chunk at a time by id.
pub async fn refresh_all(db: &impl ConnectionTrait) -> Result<(), AppError> {
    let mut after = 0;
    loop {
        let ids: Vec<i32> = application::Entity::find()
            .select_only()
            .column(application::Column::Id)
            .filter(application::Column::Id.gt(after))
            .order_by_asc(application::Column::Id)
            .limit(CHUNK as u64)
            .into_tuple::<i32>()
            .all(db)
            .await?;
        let Some(&last) = ids.last() else {
            return Ok(());
        };
        refresh_chunk(db, &ids).await?;
        after = last;
    }
}

/// Refreshes applications `ids` (at most a chunk, ascending): twelve statements or so.
async fn refresh_chunk(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), AppError> {
    // Locked in id order, so that two refreshes of the same applications take turns.
    let applications = application::Entity::find()
        .filter(application::Column::Id.is_in(ids.iter().copied()))
        .order_by_asc(application::Column::Id)
        .lock(LockType::NoKeyUpdate)
        .all(db)
        .await?;
    let profiles: HashMap<i32, i32> = opening::Entity::find()
        .select_only()
        .columns([opening::Column::Id, opening::Column::ProfileId])
        .filter(opening::Column::Id.is_in(applications.iter().map(|a| a.opening_id)))
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let requirements = requirements_of(db, profiles.values().copied()).await?;
    let names: HashMap<i32, _> = requirements
        .iter()
        .map(|(profile, list)| (*profile, names_of(list)))
        .collect();
    let evidence = Evidence::load(db, ids).await?;
    let mut scores = Vec::with_capacity(applications.len());
    let mut levels = Vec::new();
    for a in &applications {
        let profile = profiles.get(&a.opening_id);
        let of_profile = profile
            .and_then(|p| requirements.get(p))
            .map_or(&[][..], Vec::as_slice);
        let no_names = HashMap::new();
        let of_names = profile.and_then(|p| names.get(p)).unwrap_or(&no_names);
        let assessed = evidence.assess(a, String::new(), of_profile, of_names);
        scores.push(application_score::ActiveModel {
            application_id: Set(a.id),
            opening_id: Set(a.opening_id),
            fit_percent: Set(assessed.fit.percent.map(i16::from)),
            assessed_weight: Set(i32::try_from(assessed.fit.assessed_weight).unwrap_or(i32::MAX)),
            total_weight: Set(i32::try_from(assessed.fit.total_weight).unwrap_or(i32::MAX)),
        });
        for c in &assessed.competencies {
            if let Some(level) = c.level_tenths {
                levels.push(application_level::ActiveModel {
                    application_id: Set(a.id),
                    competency_id: Set(c.id.0),
                    opening_id: Set(a.opening_id),
                    level_tenths: Set(i16::try_from(level).unwrap_or(i16::MAX)),
                });
            }
        }
    }
    application_level::Entity::delete_many()
        .filter(application_level::Column::ApplicationId.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    application_score::Entity::delete_many()
        .filter(application_score::Column::ApplicationId.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    if !scores.is_empty() {
        application_score::Entity::insert_many(scores)
            .exec_without_returning(db)
            .await?;
    }
    let mut levels = levels.into_iter().peekable();
    while levels.peek().is_some() {
        let rows: Vec<_> = levels.by_ref().take(ROWS_PER_INSERT).collect();
        application_level::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}
