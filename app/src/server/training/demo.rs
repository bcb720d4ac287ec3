//! Demo sessions, so the catalogue shows courses with dates to come: each of the first starter
//! courses gets a session in the coming weeks, one of them online.

use chrono::{TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, QueryOrder, Set};

use crate::model::AppError;
use crate::server::entities::{course, course_session};

/// (days from now, hours long, place, capacity, trainer) for the first courses by id.
const SESSIONS: &[(i64, i64, &str, i32, &str)] = &[
    (
        7,
        4,
        "Sala Formazione, via Roma 12, Treviso",
        12,
        "Giulia Ferraro",
    ),
    (14, 3, "Sala riunioni 2, sede di Padova", 10, "Marco Zanin"),
    (
        10,
        6,
        "https://formazione.example.it/aula-virtuale",
        30,
        "Paola Greco",
    ),
    (
        21,
        8,
        "Sala Formazione, via Roma 12, Treviso",
        15,
        "Stefano Bassi",
    ),
];

/// Adds the demo sessions.
pub async fn seed(db: &DatabaseConnection) -> Result<(), AppError> {
    let courses = course::Entity::find()
        .order_by_asc(course::Column::Id)
        .all(db)
        .await?;
    let today = Utc::now()
        .date_naive()
        .and_hms_opt(9, 0, 0)
        .map(|at| at.and_utc())
        .unwrap_or_else(Utc::now);
    for (found, (days, hours, place, capacity, trainer)) in courses.iter().zip(SESSIONS) {
        let starts_at = today + TimeDelta::days(*days);
        course_session::ActiveModel {
            course_id: Set(found.id),
            starts_at: Set(starts_at),
            ends_at: Set(starts_at + TimeDelta::hours(*hours)),
            place: Set((*place).to_owned()),
            capacity: Set(*capacity),
            trainer: Set((*trainer).to_owned()),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
