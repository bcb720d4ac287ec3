//! The course catalogue as pages read it: every active course with what it develops, the
//! profiles it is mandatory for and its next session, in a fixed number of statements; and
//! one course with its sessions to come.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::model::{
    AppError, CourseDetail, CourseId, CourseKind, CourseSessionId, CourseSummary, Develops,
    SessionView,
};
use crate::server::entities::{
    competency, course, course_competency, course_profile, course_session, job_profile,
};
use crate::server::interviews::times;

/// Summaries of `courses`, in the given order, with sessions not over at `now` in time zone
/// `zone`.
async fn summaries(
    db: &impl ConnectionTrait,
    courses: Vec<course::Model>,
    now: DateTime<Utc>,
    zone: &str,
) -> Result<Vec<CourseSummary>, AppError> {
    let ids: Vec<i32> = courses.iter().map(|c| c.id).collect();
    let develops = course_competency::Entity::find()
        .filter(course_competency::Column::CourseId.is_in(ids.clone()))
        .all(db)
        .await?;
    let competencies: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(develops.iter().map(|d| d.competency_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mandatory = course_profile::Entity::find()
        .filter(course_profile::Column::CourseId.is_in(ids.clone()))
        .all(db)
        .await?;
    let profiles: HashMap<i32, job_profile::Model> = job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(mandatory.iter().map(|m| m.profile_id)))
        .order_by_asc(job_profile::Column::TitleEn)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let upcoming = course_session::Entity::find()
        .filter(course_session::Column::CourseId.is_in(ids))
        .filter(course_session::Column::EndsAt.gte(now))
        .order_by_asc(course_session::Column::StartsAt)
        .all(db)
        .await?;
    Ok(courses
        .into_iter()
        .map(|c| {
            let mut develops: Vec<Develops> = develops
                .iter()
                .filter(|d| d.course_id == c.id)
                .filter_map(|d| {
                    let name = competencies.get(&d.competency_id)?;
                    Some(Develops {
                        name_it: name.name_it.clone(),
                        name_en: name.name_en.clone(),
                        level: u8::try_from(d.level).unwrap_or(0),
                    })
                })
                .collect();
            develops.sort_by(|a, b| a.name_en.cmp(&b.name_en));
            let mut mandatory_for: Vec<(String, String)> = mandatory
                .iter()
                .filter(|m| m.course_id == c.id)
                .filter_map(|m| profiles.get(&m.profile_id))
                .map(|p| (p.title_it.clone(), p.title_en.clone()))
                .collect();
            mandatory_for.sort_by(|a, b| a.1.cmp(&b.1));
            CourseSummary {
                id: CourseId(c.id),
                title_it: c.title_it,
                title_en: c.title_en,
                provider: c.provider,
                kind: CourseKind::parse(&c.kind).unwrap_or(CourseKind::Internal),
                hours: u32::try_from(c.hours).unwrap_or(0),
                validity_months: c.validity_months.and_then(|m| u32::try_from(m).ok()),
                active: c.active,
                develops,
                mandatory_for,
                next_session: upcoming
                    .iter()
                    .find(|s| s.course_id == c.id && s.starts_at >= now)
                    .map(|s| times::span(s.starts_at, s.ends_at, zone)),
            }
        })
        .collect())
}

/// Every active course, and with `retired` those no longer offered too, by English title, with
/// times in time zone `zone`.
pub async fn list(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    zone: &str,
    retired: bool,
) -> Result<Vec<CourseSummary>, AppError> {
    let mut courses = course::Entity::find().order_by_asc(course::Column::TitleEn);
    if !retired {
        courses = courses.filter(course::Column::Active.eq(true));
    }
    summaries(db, courses.all(db).await?, now, zone).await
}

/// Course `id`'s page, with its sessions not over at `now`, in time zone `zone`.
pub async fn detail(
    db: &impl ConnectionTrait,
    id: CourseId,
    now: DateTime<Utc>,
    zone: &str,
) -> Result<CourseDetail, AppError> {
    let found = course::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::CourseId.eq(found.id))
        .filter(course_session::Column::EndsAt.gte(now))
        .order_by_asc(course_session::Column::StartsAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| SessionView {
            id: CourseSessionId(s.id),
            when: times::span(s.starts_at, s.ends_at, zone),
            place: s.place,
            capacity: u32::try_from(s.capacity).unwrap_or(0),
            trainer: s.trainer,
        })
        .collect();
    let (description_it, description_en) =
        (found.description_it.clone(), found.description_en.clone());
    let summary = summaries(db, vec![found], now, zone)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(CourseDetail {
        summary,
        description_it,
        description_en,
        sessions,
    })
}

/// Every active course with its sessions still to start at `now` (in time zone `zone`): the
/// places an enrolment can choose.
pub async fn places(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    zone: &str,
) -> Result<Vec<crate::model::CoursePlaces>, AppError> {
    let courses = list(db, now, zone, false).await?;
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::StartsAt.gt(now))
        .order_by_asc(course_session::Column::StartsAt)
        .all(db)
        .await?;
    Ok(courses
        .into_iter()
        .map(|course| crate::model::CoursePlaces {
            sessions: sessions
                .iter()
                .filter(|s| s.course_id == course.id.0)
                .map(|s| SessionView {
                    id: CourseSessionId(s.id),
                    when: times::span(s.starts_at, s.ends_at, zone),
                    place: s.place.clone(),
                    capacity: u32::try_from(s.capacity).unwrap_or(0),
                    trainer: s.trainer.clone(),
                })
                .collect(),
            course,
        })
        .collect())
}
