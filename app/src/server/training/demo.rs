//! Demo sessions, so the catalogue shows courses with dates to come (each of the first starter
//! courses gets a session in the coming weeks, one of them online), and the demo employee's
//! courses at every status.

use chrono::{TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, QueryOrder, Set};

use crate::model::{AppError, RecordStatus};
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

/// The demo employee's records: (course code, status, days ago it was completed, induction).
const RECORDS: [(&str, RecordStatus, Option<i64>, bool); 8] = [
    ("privacy-gdpr", RecordStatus::Completed, Some(60), false),
    ("crm-ticketing", RecordStatus::Enrolled, None, false),
    (
        "customer-care-complaints",
        RecordStatus::Requested,
        None,
        false,
    ),
    ("workplace-safety", RecordStatus::Planned, None, true),
    (
        "english-front-office",
        RecordStatus::InProgress,
        None,
        false,
    ),
    (
        "excel-administration",
        RecordStatus::Failed,
        Some(400),
        false,
    ),
    ("business-writing", RecordStatus::Cancelled, None, false),
    ("archive-records", RecordStatus::Waiting, None, false),
];

/// Courses at every status for the demo employee (a completion raising their levels, a place
/// on a session, a request for their manager, an induction course to plan...), and a seminar
/// they logged themselves, waiting for HR.
pub async fn seed_records(db: &DatabaseConnection, employee_email: &str) -> Result<(), AppError> {
    use crate::model::{EmployeeId, Review};
    use crate::server::entities::{course_record, employee, user};
    use sea_orm::{ColumnTrait, QueryFilter};
    let Some((found, _)) = employee::Entity::find()
        .find_also_related(user::Entity)
        .filter(user::Column::Email.eq(employee_email))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let now = Utc::now();
    for (code, status, days_ago, induction) in RECORDS {
        let Some(c) = course::Entity::find()
            .filter(course::Column::Code.eq(code))
            .one(db)
            .await?
        else {
            continue;
        };
        let session = match status {
            RecordStatus::Enrolled | RecordStatus::Requested | RecordStatus::Waiting => {
                course_session::Entity::find()
                    .filter(course_session::Column::CourseId.eq(c.id))
                    .one(db)
                    .await?
                    .map(|s| s.id)
            }
            _ => None,
        };
        let completed_on = days_ago.map(|d| (now - TimeDelta::days(d)).date_naive());
        course_record::ActiveModel {
            employee_id: Set(found.id),
            course_id: Set(Some(c.id)),
            session_id: Set(session),
            title: Set(String::new()),
            provider: Set(c.provider.clone()),
            kind: Set(c.kind.clone()),
            hours: Set(c.hours),
            status: Set(status.as_str().to_owned()),
            review: Set(Review::None.as_str().to_owned()),
            induction: Set(induction),
            score: Set((status == RecordStatus::Completed).then_some(90)),
            completed_on: Set(completed_on),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        if status == RecordStatus::Completed {
            super::outcomes::raise_levels(db, EmployeeId(found.id), c.id, now).await?;
        }
    }
    course_record::ActiveModel {
        employee_id: Set(found.id),
        course_id: Set(None),
        session_id: Set(None),
        title: Set("Seminario: l'accoglienza del cliente allo sportello".to_owned()),
        provider: Set("ABI Formazione".to_owned()),
        kind: Set("seminar".to_owned()),
        hours: Set(6),
        status: Set(RecordStatus::Completed.as_str().to_owned()),
        review: Set(Review::Pending.as_str().to_owned()),
        induction: Set(false),
        completed_on: Set(Some((now - TimeDelta::days(20)).date_naive())),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

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
