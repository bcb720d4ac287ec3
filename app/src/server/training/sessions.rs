//! Planning a course's sessions (HR): the day and times typed in the planner's own time zone,
//! a place or link, the places and the trainer; a session taken off the plan.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::model::{
    AppError, CourseId, CourseSessionId, FieldError, FieldErrors, SessionInput, validate,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{course, course_session};
use crate::server::interviews::times;

/// Adds a session to course `id`, its times read in `me`'s time zone. Refused, each on its
/// field: a time that is not one, or that a clock change skips; an end not after the start; a
/// start already past at `now`; places outside 1 to 500; a blank place or trainer.
pub async fn add(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: CourseId,
    input: SessionInput,
    now: DateTime<Utc>,
) -> Result<CourseSessionId, AppError> {
    course::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut errors = match validate(&input) {
        Ok(()) => FieldErrors::default(),
        Err(AppError::Invalid(errors)) => errors,
        Err(other) => return Err(other),
    };
    let zone = times::zone(&me.time_zone).unwrap_or(chrono_tz::Europe::Rome);
    let span = times::instants(&input.starts_at, &input.ends_at, zone, &mut errors);
    if let Some((starts, _)) = span
        && starts <= now
    {
        errors
            .0
            .insert("starts_at".into(), FieldError::new("past_date"));
    }
    let capacity = input.capacity();
    if capacity.is_none() {
        errors
            .0
            .insert("capacity".into(), FieldError::new("capacity_range"));
    }
    let (Some((starts_at, ends_at)), Some(capacity), true) = (span, capacity, errors.is_empty())
    else {
        return Err(AppError::Invalid(errors));
    };
    let session = course_session::ActiveModel {
        course_id: Set(id.0),
        starts_at: Set(starts_at),
        ends_at: Set(ends_at),
        place: Set(input.place.trim().to_owned()),
        capacity: Set(capacity),
        trainer: Set(input.trainer.trim().to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    tracing::info!(course_id = %id, session_id = session.id, user_id = %me.id, "session planned");
    Ok(CourseSessionId(session.id))
}

/// Takes session `session` of course `id` off the plan; refused while someone holds, waits
/// for or asked for a place on it.
pub async fn remove(
    db: &DatabaseConnection,
    id: CourseId,
    session: CourseSessionId,
) -> Result<(), AppError> {
    use crate::model::RecordStatus;
    use crate::server::entities::course_record;
    use sea_orm::PaginatorTrait;
    let held = course_record::Entity::find()
        .filter(course_record::Column::SessionId.eq(session.0))
        .filter(course_record::Column::Status.is_in([
            RecordStatus::Requested.as_str(),
            RecordStatus::Waiting.as_str(),
            RecordStatus::Enrolled.as_str(),
            RecordStatus::InProgress.as_str(),
        ]))
        .count(db)
        .await?;
    if held > 0 {
        return Err(AppError::Invalid(FieldErrors::single(
            "form",
            "session_has_people",
        )));
    }
    let removed = course_session::Entity::delete_many()
        .filter(course_session::Column::Id.eq(session.0))
        .filter(course_session::Column::CourseId.eq(id.0))
        .exec(db)
        .await?;
    if removed.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    tracing::info!(course_id = %id, session_id = %session, "session removed");
    Ok(())
}
