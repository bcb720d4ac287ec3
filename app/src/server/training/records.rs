//! Course records as pages read them: an employee's (on their page, for them, their manager
//! and HR), the logged training waiting for HR, and "My training" (current, planned and done
//! courses, this year's hours against the profile's target, the competencies against the
//! profile, and the courses that would close the gaps with their next sessions).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::catalogue;
use crate::model::{
    AppError, CourseId, CourseKind, CourseRecordId, CourseRecordView, CourseSuggestion, EmployeeId,
    RecordStatus, Review, SessionView, TrainingOverview,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::employees::{access, competencies, records as employees};
use crate::server::entities::{
    course, course_competency, course_record, course_session, employee, job_profile,
};
use crate::server::interviews::times;

/// `records` as pages show them, with sessions in time zone `zone`.
pub async fn views(
    db: &impl ConnectionTrait,
    records: Vec<course_record::Model>,
    zone: &str,
) -> Result<Vec<CourseRecordView>, AppError> {
    let courses: HashMap<i32, course::Model> = course::Entity::find()
        .filter(course::Column::Id.is_in(records.iter().filter_map(|r| r.course_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let sessions: HashMap<i32, course_session::Model> = course_session::Entity::find()
        .filter(course_session::Column::Id.is_in(records.iter().filter_map(|r| r.session_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let names = employees::names(db, records.iter().map(|r| r.employee_id)).await?;
    Ok(records
        .into_iter()
        .map(|r| {
            let from_catalogue = r.course_id.and_then(|c| courses.get(&c));
            // Logged training keeps the title typed; a catalogue course its own two.
            let (title_it, title_en) = match from_catalogue {
                Some(c) if r.title.is_empty() => (c.title_it.clone(), c.title_en.clone()),
                _ => (r.title.clone(), r.title.clone()),
            };
            CourseRecordView {
                id: CourseRecordId(r.id),
                employee_id: EmployeeId(r.employee_id),
                employee_name: names.get(&r.employee_id).cloned().unwrap_or_default(),
                course_id: r.course_id.map(CourseId),
                title_it,
                title_en,
                provider: r.provider,
                kind: CourseKind::parse(&r.kind).unwrap_or(CourseKind::External),
                hours: u32::try_from(r.hours).unwrap_or(0),
                status: RecordStatus::parse(&r.status).unwrap_or(RecordStatus::Cancelled),
                review: Review::parse(&r.review).unwrap_or_default(),
                review_reason: r.review_reason,
                induction: r.induction,
                score: r.score.and_then(|s| u8::try_from(s).ok()),
                completed_on: r.completed_on,
                session: r
                    .session_id
                    .and_then(|s| sessions.get(&s))
                    .map(|s| times::span(s.starts_at, s.ends_at, zone)),
                certificate: r.certificate_name,
            }
        })
        .collect())
}

/// Employee `id`'s records, newest first, as `me` may see them (see `access::readable`).
pub async fn of_employee(
    db: &impl ConnectionTrait,
    me: &CurrentUser,
    id: EmployeeId,
) -> Result<Vec<CourseRecordView>, AppError> {
    access::readable(db, me, id).await?;
    let records = course_record::Entity::find()
        .filter(course_record::Column::EmployeeId.eq(id.0))
        .order_by_desc(course_record::Column::CreatedAt)
        .order_by_desc(course_record::Column::Id)
        .all(db)
        .await?;
    views(db, records, &me.time_zone).await
}

/// What waits for a decision from `me`: logged training to review (HR), and requests for a
/// place from the people they manage (HR: from everyone).
pub async fn waiting_for(
    db: &impl ConnectionTrait,
    me: &CurrentUser,
) -> Result<(Vec<CourseRecordView>, Vec<CourseRecordView>), AppError> {
    let hr = access::sees_all(me);
    let reviews = if hr {
        course_record::Entity::find()
            .filter(course_record::Column::Review.eq(Review::Pending.as_str()))
            .order_by_asc(course_record::Column::CreatedAt)
            .all(db)
            .await?
    } else {
        Vec::new()
    };
    let mut requests = course_record::Entity::find()
        .filter(course_record::Column::Status.eq(RecordStatus::Requested.as_str()))
        .order_by_asc(course_record::Column::CreatedAt);
    if !hr {
        let own = access::own(db, me).await?;
        let team: Vec<i32> = employee::Entity::find()
            .filter(employee::Column::ManagerId.eq(own.id))
            .all(db)
            .await?
            .into_iter()
            .map(|e| e.id)
            .collect();
        requests = requests.filter(course_record::Column::EmployeeId.is_in(team));
    }
    let requests = requests.all(db).await?;
    Ok((
        views(db, reviews, &me.time_zone).await?,
        views(db, requests, &me.time_zone).await?,
    ))
}

/// The hours an employee's `records` count in `year`: completed, not waiting for or refused
/// by HR's review, finished that year.
pub fn hours_in(records: &[course_record::Model], year: i32) -> u32 {
    records
        .iter()
        .filter(|r| r.status == RecordStatus::Completed.as_str())
        .filter(|r| Review::parse(&r.review).unwrap_or_default().counts())
        .filter(|r| r.completed_on.is_some_and(|d| d.year() == year))
        .map(|r| u32::try_from(r.hours).unwrap_or(0))
        .sum()
}

/// "My training" for `me` at `now`.
pub async fn mine(
    db: &impl ConnectionTrait,
    me: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<TrainingOverview, AppError> {
    let own = access::own(db, me).await?;
    let id = EmployeeId(own.id);
    let records = course_record::Entity::find()
        .filter(course_record::Column::EmployeeId.eq(own.id))
        .order_by_desc(course_record::Column::CompletedOn)
        .order_by_desc(course_record::Column::CreatedAt)
        .all(db)
        .await?;
    let today: NaiveDate = crate::server::interviews::times::today_in(&me.time_zone, now);
    let year = today.year();
    let hours_this_year = hours_in(&records, year);
    let profile = match own.profile_id {
        Some(p) => job_profile::Entity::find_by_id(p).one(db).await?,
        None => None,
    };
    let competencies = competencies::of_employee(db, id, own.profile_id).await?;
    let asked: HashSet<i32> = records
        .iter()
        .filter(|r| RecordStatus::parse(&r.status).is_some_and(RecordStatus::is_open))
        .filter_map(|r| r.course_id)
        .collect();
    let short = competencies_short(db, id, own.profile_id).await?;
    let recommended = recommend(db, &short, &asked, now, &me.time_zone).await?;
    let all = views(db, records, &me.time_zone).await?;
    let (mut current, mut planned, mut done) = (Vec::new(), Vec::new(), Vec::new());
    for r in all {
        match r.status {
            RecordStatus::Planned => planned.push(r),
            RecordStatus::Completed | RecordStatus::Failed => done.push(r),
            RecordStatus::Cancelled => {}
            _ => current.push(r),
        }
    }
    Ok(TrainingOverview {
        employee_id: id,
        name: me.name.clone(),
        profile: profile
            .as_ref()
            .map(|p| (p.title_it.clone(), p.title_en.clone())),
        year,
        hours_this_year,
        target_hours: profile
            .map(|p| u32::try_from(p.yearly_training_hours).unwrap_or(0))
            .unwrap_or(0),
        current,
        planned,
        done,
        competencies,
        recommended,
    })
}

/// The competencies employee `id` falls short in for `profile`: (competency id, level held,
/// level required).
async fn competencies_short(
    db: &impl ConnectionTrait,
    id: EmployeeId,
    profile: Option<i32>,
) -> Result<Vec<(i32, i32, i32)>, AppError> {
    use crate::server::entities::{employee_competency, profile_requirement};
    let Some(profile) = profile else {
        return Ok(Vec::new());
    };
    let held: HashMap<i32, i32> = employee_competency::Entity::find()
        .filter(employee_competency::Column::EmployeeId.eq(id.0))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.competency_id, c.level))
        .collect();
    Ok(profile_requirement::Entity::find()
        .filter(profile_requirement::Column::ProfileId.eq(profile))
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            let level = held.get(&r.competency_id).copied().unwrap_or(0);
            (r.competency_id, level, i32::from(r.required_level))
        })
        .filter(|(_, level, required)| level < required)
        .collect())
}

/// The active catalogue courses that bring at least one of the `short` competencies to its
/// required level, those closing the most gaps first, with their next sessions.
async fn recommend(
    db: &impl ConnectionTrait,
    short: &[(i32, i32, i32)],
    asked: &HashSet<i32>,
    now: DateTime<Utc>,
    zone: &str,
) -> Result<Vec<CourseSuggestion>, AppError> {
    use crate::server::entities::competency;
    if short.is_empty() {
        return Ok(Vec::new());
    }
    let develops = course_competency::Entity::find()
        .filter(course_competency::Column::CompetencyId.is_in(short.iter().map(|s| s.0)))
        .all(db)
        .await?;
    let names: HashMap<i32, (String, String)> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(short.iter().map(|s| s.0)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, (c.name_it, c.name_en)))
        .collect();
    let mut closes: HashMap<i32, Vec<(String, String)>> = HashMap::new();
    for d in develops {
        let required = short.iter().find(|s| s.0 == d.competency_id).map(|s| s.2);
        if required.is_some_and(|r| d.level >= r)
            && let Some(name) = names.get(&d.competency_id)
        {
            closes.entry(d.course_id).or_default().push(name.clone());
        }
    }
    let upcoming = course_session::Entity::find()
        .filter(course_session::Column::CourseId.is_in(closes.keys().copied()))
        .filter(course_session::Column::StartsAt.gt(now))
        .order_by_asc(course_session::Column::StartsAt)
        .all(db)
        .await?;
    let mut found: Vec<CourseSuggestion> = Vec::new();
    for summary in catalogue::list(db, now, zone, false).await? {
        let Some(names) = closes.remove(&summary.id.0) else {
            continue;
        };
        let sessions: Vec<SessionView> = upcoming
            .iter()
            .filter(|s| s.course_id == summary.id.0)
            .take(3)
            .map(|s| SessionView {
                id: crate::model::CourseSessionId(s.id),
                when: times::span(s.starts_at, s.ends_at, zone),
                place: s.place.clone(),
                capacity: u32::try_from(s.capacity).unwrap_or(0),
                trainer: s.trainer.clone(),
            })
            .collect();
        found.push(CourseSuggestion {
            asked: asked.contains(&summary.id.0),
            course: summary,
            closes: names,
            sessions,
        });
    }
    found.sort_by_key(|r| std::cmp::Reverse(r.closes.len()));
    Ok(found)
}
