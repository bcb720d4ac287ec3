//! How a course went, as HR record it (in progress, completed with its hours, score and date,
//! failed, cancelled), and training employees log themselves with a certificate, which counts
//! once HR approve it. A completion raises the employee's levels in the competencies the course
//! develops, up to the course's level, with the course as the evidence; a place given up
//! passes to the first on the waiting list.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use super::enrolment::{promote_waiting, record_for};
use super::refuse;
use crate::model::{
    AppError, CourseRecordId, EmployeeId, LevelSource, LoggedTraining, Outcome, RecordStatus,
    Review,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::employees::access::{self, Relation};
use crate::server::employees::competencies;
use crate::server::entities::{course, course_competency, course_record};
use crate::server::files::{Certificate, FileStore};

/// Raises `employee`'s levels in what course `course` develops, up to its levels, with the
/// course as the evidence; higher levels held stay.
pub async fn raise_levels(
    tx: &impl ConnectionTrait,
    employee: EmployeeId,
    course: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let develops = course_competency::Entity::find()
        .filter(course_competency::Column::CourseId.eq(course))
        .all(tx)
        .await?
        .into_iter()
        .map(|d| (d.competency_id, d.level))
        .collect::<Vec<_>>();
    competencies::raise(tx, employee, develops, (LevelSource::Course, course), now).await
}

/// HR record `outcome` on record `id`. Only places (not requests or logged training) take an
/// outcome, and a record already completed, failed or cancelled keeps it.
pub async fn record(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: CourseRecordId,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (found, relation) = record_for(db, me, id).await?;
    if relation != Relation::Hr {
        return Err(AppError::Forbidden);
    }
    let status = RecordStatus::parse(&found.status).unwrap_or(RecordStatus::Cancelled);
    if !status.is_open() || status == RecordStatus::Requested {
        return Err(refuse("status", "record_closed"));
    }
    if status == RecordStatus::Waiting && outcome.status != RecordStatus::Cancelled {
        return Err(refuse("status", "still_waiting"));
    }
    let actor = me.id.0;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let employee = EmployeeId(found.employee_id);
            let (course, session) = (found.course_id, found.session_id);
            let frees_place = matches!(status, RecordStatus::Enrolled | RecordStatus::InProgress)
                && outcome.status == RecordStatus::Cancelled;
            // Of two outcomes at once (a double click), only one finds the record as it was.
            let mut change = course_record::Entity::update_many()
                .col_expr(
                    course_record::Column::Status,
                    Expr::value(outcome.status.as_str()),
                )
                .col_expr(course_record::Column::DecidedBy, Expr::value(Some(actor)))
                .col_expr(course_record::Column::DecidedAt, Expr::value(Some(now)))
                .col_expr(course_record::Column::UpdatedAt, Expr::value(now));
            if outcome.status.is_done() {
                change = change
                    .col_expr(
                        course_record::Column::Hours,
                        Expr::value(i32::try_from(outcome.hours).unwrap_or(0)),
                    )
                    .col_expr(
                        course_record::Column::CompletedOn,
                        Expr::value(outcome.completed_on),
                    )
                    .col_expr(
                        course_record::Column::Score,
                        Expr::value(outcome.score.map(i32::from)),
                    );
            }
            let changed = change
                .filter(course_record::Column::Id.eq(id.0))
                .filter(course_record::Column::Status.eq(status.as_str()))
                .exec(tx)
                .await?;
            if changed.rows_affected != 1 {
                return Err(refuse("status", "record_changed"));
            }
            if outcome.status == RecordStatus::Completed {
                super::ledger::recount(tx, employee).await?;
                crate::server::certifications::compliance::refresh(tx, &[employee]).await?;
                if let Some(course) = course {
                    raise_levels(tx, employee, course, now).await?;
                }
            }
            if frees_place && let Some(session) = session {
                promote_waiting(tx, session, now).await?;
            }
            Ok(())
        })
    })
    .await?;
    tracing::info!(record_id = %id, status = outcome.status.as_str(), "course outcome recorded");
    Ok(())
}

/// `me` logs training they did elsewhere, with its certificate: completed, waiting for HR's
/// review. The file is stored first and deleted again if the record cannot be written.
pub async fn log(
    db: &DatabaseConnection,
    files: &FileStore,
    me: &CurrentUser,
    training: LoggedTraining,
    certificate: Certificate,
    now: DateTime<Utc>,
) -> Result<CourseRecordId, AppError> {
    let own = access::own(db, me).await?;
    if let Some(course) = training.course
        && course::Entity::find_by_id(course.0)
            .one(db)
            .await?
            .is_none()
    {
        return Err(refuse("course_id", "unknown"));
    }
    let stored = files
        .save(&certificate.bytes, certificate.kind.extension())
        .await?;
    let stored_name = stored.stored_name.clone();
    let written = course_record::ActiveModel {
        employee_id: Set(own.id),
        course_id: Set(training.course.map(|c| c.0)),
        session_id: Set(None),
        title: Set(training.title),
        provider: Set(training.provider),
        kind: Set(training.kind.as_str().to_owned()),
        hours: Set(i32::try_from(training.hours).unwrap_or(0)),
        status: Set(RecordStatus::Completed.as_str().to_owned()),
        review: Set(Review::Pending.as_str().to_owned()),
        induction: Set(false),
        completed_on: Set(Some(training.completed_on)),
        certificate_name: Set(Some(certificate.name)),
        certificate_stored: Set(Some(stored.stored_name)),
        certificate_type: Set(Some(certificate.kind.content_type().to_owned())),
        requested_by: Set(Some(me.id.0)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await;
    match written {
        Ok(record) => {
            tracing::info!(
                record_id = record.id,
                employee_id = own.id,
                "training logged"
            );
            Ok(CourseRecordId(record.id))
        }
        Err(error) => {
            files.delete(&stored_name).await.ok();
            Err(error.into())
        }
    }
}

/// HR approve logged training `id` (its hours count, and a catalogue course's competencies
/// rise) or reject it with `reason`.
pub async fn review(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: CourseRecordId,
    approve: bool,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (found, relation) = record_for(db, me, id).await?;
    if relation != Relation::Hr {
        return Err(AppError::Forbidden);
    }
    if access::own(db, me).await?.id == found.employee_id {
        return Err(refuse("form", "own_record"));
    }
    if found.review != Review::Pending.as_str() {
        return Err(refuse("form", "not_pending"));
    }
    let reason = reason.trim().to_owned();
    let actor = me.id.0;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let verdict = if approve {
                Review::Approved
            } else {
                Review::Rejected
            };
            let decided = course_record::Entity::update_many()
                .col_expr(
                    course_record::Column::Review,
                    sea_orm::sea_query::Expr::value(verdict.as_str()),
                )
                .col_expr(
                    course_record::Column::ReviewReason,
                    sea_orm::sea_query::Expr::value(
                        Some(reason).filter(|r| !approve && !r.is_empty()),
                    ),
                )
                .col_expr(
                    course_record::Column::DecidedBy,
                    sea_orm::sea_query::Expr::value(Some(actor)),
                )
                .col_expr(
                    course_record::Column::DecidedAt,
                    sea_orm::sea_query::Expr::value(Some(now)),
                )
                .col_expr(
                    course_record::Column::UpdatedAt,
                    sea_orm::sea_query::Expr::value(now),
                )
                .filter(course_record::Column::Id.eq(id.0))
                .filter(course_record::Column::Review.eq(Review::Pending.as_str()))
                .exec(tx)
                .await?;
            if decided.rows_affected != 1 {
                return Err(refuse("form", "not_pending"));
            }
            if approve {
                super::ledger::recount(tx, EmployeeId(found.employee_id)).await?;
                crate::server::certifications::compliance::refresh(
                    tx,
                    &[EmployeeId(found.employee_id)],
                )
                .await?;
                if let Some(course) = found.course_id {
                    raise_levels(tx, EmployeeId(found.employee_id), course, now).await?;
                }
            }
            Ok(())
        })
    })
    .await?;
    tracing::info!(record_id = %id, approve, "logged training reviewed");
    Ok(())
}

/// A record's certificate, for the employee, their manager and HR.
pub async fn certificate(
    db: &impl ConnectionTrait,
    files: &FileStore,
    me: &CurrentUser,
    id: CourseRecordId,
) -> Result<(String, String, Vec<u8>), AppError> {
    let (found, _) = record_for(db, me, id).await?;
    let (Some(name), Some(stored), Some(kind)) = (
        found.certificate_name,
        found.certificate_stored,
        found.certificate_type,
    ) else {
        return Err(AppError::NotFound);
    };
    Ok((name, kind, files.read(&stored).await?))
}
