//! The competencies and job profiles a catalogue's form offers, and the check that those a
//! saved form names exist.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::model::{AppError, FieldErrors};
use crate::server::entities::{competency, job_profile};

/// (id, Italian, English) names of every competency in use and of any retired one in
/// `linked` (a form keeps what it already names), by English name.
pub async fn competencies(
    db: &impl ConnectionTrait,
    linked: Vec<i32>,
) -> Result<Vec<(i32, String, String)>, AppError> {
    Ok(competency::Entity::find()
        .filter(
            Condition::any()
                .add(competency::Column::RetiredAt.is_null())
                .add(competency::Column::Id.is_in(linked)),
        )
        .order_by_asc(competency::Column::NameEn)
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name_it, c.name_en))
        .collect())
}

/// (id, Italian, English) titles of every job profile, by English title.
pub async fn profiles(db: &impl ConnectionTrait) -> Result<Vec<(i32, String, String)>, AppError> {
    Ok(job_profile::Entity::find()
        .order_by_asc(job_profile::Column::TitleEn)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title_it, p.title_en))
        .collect())
}

/// Adds to `errors` a competency of `levels` that does not exist (on `level_{id}`) and
/// profiles that do not (on `profiles`).
pub async fn check_named(
    db: &impl ConnectionTrait,
    levels: &[(i32, u8)],
    profiles: &[i32],
    errors: &mut FieldErrors,
) -> Result<(), AppError> {
    let named: Vec<i32> = levels.iter().map(|(c, _)| *c).collect();
    let known: Vec<i32> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(named.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    for unknown in named.iter().filter(|c| !known.contains(c)) {
        errors.add(&format!("level_{unknown}"), "unknown");
    }
    let found = job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(profiles.to_vec()))
        .all(db)
        .await?;
    if found.len() != profiles.len() {
        errors.add("profiles", "unknown");
    }
    Ok(())
}
