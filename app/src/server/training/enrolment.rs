//! Places on courses: HR and managers enrol an employee (on a session with room, on its
//! waiting list when it is full, or in the plan without a session), employees ask for a place
//! that their manager or HR then grant or turn down, a hire's induction enrols them on their
//! profile's mandatory courses, and a place given up passes to the first on the waiting list.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::refuse;
use crate::model::{
    AppError, CourseId, CourseRecordId, CourseSessionId, EmployeeId, RecordStatus, Review,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::employees::access::{self, Relation};
use crate::server::entities::{course, course_profile, course_record, course_session, employee};

/// The statuses that hold one of a session's places.
const HOLDING: [RecordStatus; 4] = [
    RecordStatus::Enrolled,
    RecordStatus::InProgress,
    RecordStatus::Completed,
    RecordStatus::Failed,
];

fn holding() -> Vec<&'static str> {
    HOLDING.iter().map(|s| s.as_str()).collect()
}

/// Where a new place on `course` goes: on `session` if it has room (Enrolled), on its waiting
/// list if not (Waiting), or in the plan without a session (Planned). The session must be the
/// course's and not started at `now`. On PostgreSQL the session's row stays locked until the
/// transaction ends, so two enrolments never take the last place twice.
async fn place(
    tx: &impl ConnectionTrait,
    course: CourseId,
    session: Option<CourseSessionId>,
    now: DateTime<Utc>,
) -> Result<RecordStatus, AppError> {
    let Some(session) = session else {
        return Ok(RecordStatus::Planned);
    };
    let found = course_session::Entity::find_by_id(session.0)
        .filter(course_session::Column::CourseId.eq(course.0))
        .lock_exclusive()
        .one(tx)
        .await?
        .ok_or_else(|| refuse("session_id", "unknown"))?;
    if found.starts_at <= now {
        return Err(refuse("session_id", "session_started"));
    }
    let taken = course_record::Entity::find()
        .filter(course_record::Column::SessionId.eq(session.0))
        .filter(course_record::Column::Status.is_in(holding()))
        .count(tx)
        .await?;
    Ok(if taken < u64::try_from(found.capacity).unwrap_or(0) {
        RecordStatus::Enrolled
    } else {
        RecordStatus::Waiting
    })
}

/// Refuses a second open place on the same course (`already_enrolled` on the course).
async fn refuse_duplicate(
    tx: &impl ConnectionTrait,
    employee: EmployeeId,
    course: CourseId,
) -> Result<(), AppError> {
    // On PostgreSQL the employee's row stays locked until the transaction ends, so two places
    // asked for at once are checked one after the other.
    employee::Entity::find_by_id(employee.0)
        .lock_exclusive()
        .one(tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let open: Vec<&str> = RecordStatus::ALL
        .iter()
        .filter(|s| s.is_open())
        .map(|s| s.as_str())
        .collect();
    let held = course_record::Entity::find()
        .filter(course_record::Column::EmployeeId.eq(employee.0))
        .filter(course_record::Column::CourseId.eq(course.0))
        .filter(course_record::Column::Status.is_in(open))
        .count(tx)
        .await?;
    if held > 0 {
        Err(refuse("course_id", "already_enrolled"))
    } else {
        Ok(())
    }
}

/// Writes a new record of `employee` on `course` with `status`.
#[allow(clippy::too_many_arguments)]
async fn insert(
    tx: &impl ConnectionTrait,
    employee: EmployeeId,
    found: &course::Model,
    session: Option<CourseSessionId>,
    status: RecordStatus,
    induction: bool,
    requested_by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<CourseRecordId, AppError> {
    let record = course_record::ActiveModel {
        employee_id: Set(employee.0),
        course_id: Set(Some(found.id)),
        session_id: Set(session.map(|s| s.0)),
        title: Set(String::new()),
        provider: Set(found.provider.clone()),
        kind: Set(found.kind.clone()),
        hours: Set(found.hours),
        status: Set(status.as_str().to_owned()),
        review: Set(Review::None.as_str().to_owned()),
        induction: Set(induction),
        requested_by: Set(requested_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(CourseRecordId(record.id))
}

async fn course_of(tx: &impl ConnectionTrait, id: CourseId) -> Result<course::Model, AppError> {
    course::Entity::find_by_id(id.0)
        .filter(course::Column::Active.eq(true))
        .one(tx)
        .await?
        .ok_or_else(|| refuse("course_id", "unknown"))
}

/// `me` enrols `employee` on `course` (and `session`, if given): HR anyone, a manager their
/// reports; an employee asks for their own place instead (`request`). Returns where the place
/// went: Enrolled, Waiting or Planned.
pub async fn enrol(
    db: &DatabaseConnection,
    me: &CurrentUser,
    employee: EmployeeId,
    course: CourseId,
    session: Option<CourseSessionId>,
    now: DateTime<Utc>,
) -> Result<RecordStatus, AppError> {
    match access::relation(db, me, employee).await? {
        Relation::Hr | Relation::Manager => {}
        Relation::Own | Relation::None => return Err(AppError::Forbidden),
    }
    let actor = me.id.0;
    let status = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let found = course_of(tx, course).await?;
            refuse_duplicate(tx, employee, course).await?;
            let status = place(tx, course, session, now).await?;
            insert(
                tx,
                employee,
                &found,
                session,
                status,
                false,
                Some(actor),
                now,
            )
            .await?;
            Ok(status)
        })
    })
    .await?;
    tracing::info!(employee_id = %employee, course_id = %course, status = status.as_str(), "enrolled");
    Ok(status)
}

/// `me` asks for a place on `course` (and `session`) for themselves; their manager or HR
/// decide (`decide`).
pub async fn request(
    db: &DatabaseConnection,
    me: &CurrentUser,
    course: CourseId,
    session: Option<CourseSessionId>,
    now: DateTime<Utc>,
) -> Result<CourseRecordId, AppError> {
    let own = access::own(db, me).await?;
    let employee = EmployeeId(own.id);
    let actor = me.id.0;
    let id = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let found = course_of(tx, course).await?;
            refuse_duplicate(tx, employee, course).await?;
            if let Some(session) = session {
                // Checked now, so the request names a session that can be had.
                place(tx, course, Some(session), now).await?;
            }
            insert(
                tx,
                employee,
                &found,
                session,
                RecordStatus::Requested,
                false,
                Some(actor),
                now,
            )
            .await
        })
    })
    .await?;
    tracing::info!(employee_id = %employee, course_id = %course, "enrolment requested");
    Ok(id)
}

/// The record `id` and how `me` stands to its employee.
pub async fn record_for(
    db: &impl ConnectionTrait,
    me: &CurrentUser,
    id: CourseRecordId,
) -> Result<(course_record::Model, Relation), AppError> {
    let found = course_record::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let relation = access::relation(db, me, EmployeeId(found.employee_id)).await?;
    if relation == Relation::None {
        tracing::warn!(user_id = %me.id, record_id = %id, "course record refused");
        return Err(AppError::Forbidden);
    }
    Ok((found, relation))
}

/// The employee's manager or HR grant a requested place (on its session if it has room, else
/// on the waiting list, or in the plan) or turn it down (the record is cancelled, with the
/// reason). Returns the record's new status.
pub async fn decide(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: CourseRecordId,
    grant: bool,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<RecordStatus, AppError> {
    let (found, relation) = record_for(db, me, id).await?;
    if !matches!(relation, Relation::Hr | Relation::Manager) {
        return Err(AppError::Forbidden);
    }
    if access::own(db, me).await?.id == found.employee_id {
        return Err(refuse("form", "own_record"));
    }
    if found.status != RecordStatus::Requested.as_str() {
        return Err(refuse("form", "not_requested"));
    }
    let actor = me.id.0;
    let reason = reason.trim().to_owned();
    let status = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let status = match (grant, found.course_id) {
                (true, Some(course)) => {
                    place(
                        tx,
                        CourseId(course),
                        found.session_id.map(CourseSessionId),
                        now,
                    )
                    .await?
                }
                _ => RecordStatus::Cancelled,
            };
            let decided = course_record::Entity::update_many()
                .col_expr(course_record::Column::Status, status.as_str().into())
                .col_expr(
                    course_record::Column::ReviewReason,
                    Some(reason).filter(|r| !r.is_empty()).into(),
                )
                .col_expr(course_record::Column::DecidedBy, Some(actor).into())
                .col_expr(course_record::Column::DecidedAt, Some(now).into())
                .col_expr(course_record::Column::UpdatedAt, now.into())
                .filter(course_record::Column::Id.eq(id.0))
                .filter(course_record::Column::Status.eq(RecordStatus::Requested.as_str()))
                .exec(tx)
                .await?;
            if decided.rows_affected != 1 {
                return Err(refuse("form", "not_requested"));
            }
            Ok(status)
        })
    })
    .await?;
    tracing::info!(record_id = %id, status = status.as_str(), "enrolment request decided");
    Ok(status)
}

/// Gives a place freed on `session` to the first on its waiting list, if there is room and the
/// session has not started.
pub async fn promote_waiting(
    tx: &impl ConnectionTrait,
    session: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(found) = course_session::Entity::find_by_id(session)
        .lock_exclusive()
        .one(tx)
        .await?
    else {
        return Ok(());
    };
    let taken = course_record::Entity::find()
        .filter(course_record::Column::SessionId.eq(session))
        .filter(course_record::Column::Status.is_in(holding()))
        .count(tx)
        .await?;
    if found.starts_at <= now || taken >= u64::try_from(found.capacity).unwrap_or(0) {
        return Ok(());
    }
    let first = course_record::Entity::find()
        .filter(course_record::Column::SessionId.eq(session))
        .filter(course_record::Column::Status.eq(RecordStatus::Waiting.as_str()))
        .order_by_asc(course_record::Column::CreatedAt)
        .order_by_asc(course_record::Column::Id)
        .one(tx)
        .await?;
    if let Some(first) = first {
        let mut model: course_record::ActiveModel = first.into();
        model.status = Set(RecordStatus::Enrolled.as_str().to_owned());
        model.updated_at = Set(now);
        model.update(tx).await?;
    }
    Ok(())
}

/// The induction of a new hire on `profile`: a place on each of its mandatory courses they have
/// neither done nor hold a place on, on the first session after `now` with room, or in the plan.
pub async fn induct(
    tx: &impl ConnectionTrait,
    employee: EmployeeId,
    profile: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mandatory: Vec<i32> = course_profile::Entity::find()
        .filter(course_profile::Column::ProfileId.eq(profile))
        .all(tx)
        .await?
        .into_iter()
        .map(|m| m.course_id)
        .collect();
    let courses = course::Entity::find()
        .filter(course::Column::Id.is_in(mandatory))
        .filter(course::Column::Active.eq(true))
        .order_by_asc(course::Column::Id)
        .all(tx)
        .await?;
    for found in courses {
        let id = CourseId(found.id);
        let held = course_record::Entity::find()
            .filter(course_record::Column::EmployeeId.eq(employee.0))
            .filter(course_record::Column::CourseId.eq(found.id))
            .filter(course_record::Column::Status.is_in([
                RecordStatus::Requested.as_str(),
                RecordStatus::Waiting.as_str(),
                RecordStatus::Planned.as_str(),
                RecordStatus::Enrolled.as_str(),
                RecordStatus::InProgress.as_str(),
                RecordStatus::Completed.as_str(),
            ]))
            .count(tx)
            .await?;
        if held > 0 {
            continue;
        }
        let sessions = course_session::Entity::find()
            .filter(course_session::Column::CourseId.eq(found.id))
            .filter(course_session::Column::StartsAt.gt(now))
            .order_by_asc(course_session::Column::StartsAt)
            .all(tx)
            .await?;
        let mut chosen = (None, RecordStatus::Planned);
        for session in sessions {
            let session = CourseSessionId(session.id);
            if place(tx, id, Some(session), now).await? == RecordStatus::Enrolled {
                chosen = (Some(session), RecordStatus::Enrolled);
                break;
            }
        }
        insert(tx, employee, &found, chosen.0, chosen.1, true, None, now).await?;
    }
    Ok(())
}
