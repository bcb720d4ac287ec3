//! What lists of interviews and tests show about each application they concern: the
//! application, its candidate, its opening, and the opening's title in both languages. Four
//! statements, however many applications.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::model::AppError;
use crate::server::entities::{application, candidate, job_profile, opening};

/// One application with its candidate and its opening.
#[derive(Debug, Clone)]
pub struct ApplicationFacts {
    pub application: application::Model,
    pub candidate: candidate::Model,
    pub opening: opening::Model,
    /// "Bank teller · Venezia Mestre", in Italian and in English.
    pub title_it: String,
    pub title_en: String,
}

/// The facts of each of `ids` that exists, by application id.
pub async fn of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, ApplicationFacts>, AppError> {
    let applications = application::Entity::find()
        .filter(application::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let candidates: HashMap<i32, candidate::Model> = candidate::Entity::find()
        .filter(candidate::Column::Id.is_in(applications.iter().map(|a| a.candidate_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let openings: HashMap<i32, opening::Model> = opening::Entity::find()
        .filter(opening::Column::Id.is_in(applications.iter().map(|a| a.opening_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let profiles: HashMap<i32, job_profile::Model> = job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(openings.values().map(|o| o.profile_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(applications
        .into_iter()
        .filter_map(|application| {
            let candidate = candidates.get(&application.candidate_id)?.clone();
            let opening = openings.get(&application.opening_id)?.clone();
            let profile = profiles.get(&opening.profile_id)?;
            Some((
                application.id,
                ApplicationFacts {
                    title_it: format!("{} · {}", profile.title_it, opening.location),
                    title_en: format!("{} · {}", profile.title_en, opening.location),
                    application,
                    candidate,
                    opening,
                },
            ))
        })
        .collect())
}
