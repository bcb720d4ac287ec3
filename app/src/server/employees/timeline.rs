//! An employee's timeline, oldest first: the applications of the candidate they were (applied,
//! each move, interviews, practical and online tests), the hire, their first day, and the
//! courses they completed.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::model::{AppError, CareerEntry, CareerEvent, InterviewStatus, Stage};
use crate::server::entities::{
    application, interview, job_profile, online_test, opening, practical_test, stage_event,
};

/// "Bank teller · Milano" in both languages, by opening id.
async fn opening_titles(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, (String, String)>, AppError> {
    let openings = opening::Entity::find()
        .filter(opening::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let profiles: HashMap<i32, job_profile::Model> = job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(openings.iter().map(|o| o.profile_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(openings
        .into_iter()
        .filter_map(|o| {
            let p = profiles.get(&o.profile_id)?;
            Some((
                o.id,
                (
                    format!("{} · {}", p.title_it, o.location),
                    format!("{} · {}", p.title_en, o.location),
                ),
            ))
        })
        .collect())
}

/// The courses employee `employee` completed (logged ones once approved), on their day.
async fn courses(db: &impl ConnectionTrait, employee: i32) -> Result<Vec<CareerEntry>, AppError> {
    use crate::model::{RecordStatus, Review};
    use crate::server::entities::{course, course_record};
    let done = course_record::Entity::find()
        .filter(course_record::Column::EmployeeId.eq(employee))
        .filter(course_record::Column::Status.eq(RecordStatus::Completed.as_str()))
        .filter(
            course_record::Column::Review.is_in([Review::None.as_str(), Review::Approved.as_str()]),
        )
        .all(db)
        .await?;
    let titles: HashMap<i32, (String, String)> = course::Entity::find()
        .filter(course::Column::Id.is_in(done.iter().filter_map(|r| r.course_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, (c.title_it, c.title_en)))
        .collect();
    Ok(done
        .into_iter()
        .filter_map(|r| {
            let (title_it, title_en) = match r.course_id.and_then(|c| titles.get(&c)) {
                Some(titles) if r.title.is_empty() => titles.clone(),
                _ => (r.title.clone(), r.title.clone()),
            };
            Some(CareerEntry {
                at: r.completed_on?.and_time(NaiveTime::MIN).and_utc(),
                event: CareerEvent::CourseCompleted,
                title_it,
                title_en,
            })
        })
        .collect())
}

/// The timeline of employee `employee`, who was candidate `candidate` (if they were one) and
/// started on `start_date`.
pub async fn of_person(
    db: &impl ConnectionTrait,
    employee: i32,
    candidate: Option<i32>,
    start_date: Option<NaiveDate>,
) -> Result<Vec<CareerEntry>, AppError> {
    let mut entries = Vec::new();
    if let Some(candidate) = candidate {
        let applications = application::Entity::find()
            .filter(application::Column::CandidateId.eq(candidate))
            .all(db)
            .await?;
        let ids: Vec<i32> = applications.iter().map(|a| a.id).collect();
        let titles = opening_titles(db, applications.iter().map(|a| a.opening_id)).await?;
        let opening_of: HashMap<i32, i32> =
            applications.iter().map(|a| (a.id, a.opening_id)).collect();
        let title = |application: i32| {
            opening_of
                .get(&application)
                .and_then(|o| titles.get(o))
                .cloned()
                .unwrap_or_default()
        };
        let mut add = |at, event, (title_it, title_en): (String, String)| {
            entries.push(CareerEntry {
                at,
                event,
                title_it,
                title_en,
            });
        };
        for a in &applications {
            add(a.created_at, CareerEvent::Applied, title(a.id));
        }
        for e in stage_event::Entity::find()
            .filter(stage_event::Column::ApplicationId.is_in(ids.clone()))
            .filter(stage_event::Column::FromStage.is_not_null())
            .all(db)
            .await?
        {
            let event = match Stage::parse(&e.to_stage) {
                Some(Stage::Hired) => CareerEvent::Hired,
                Some(stage) => CareerEvent::Moved(stage),
                None => continue,
            };
            add(e.at, event, title(e.application_id));
        }
        for i in interview::Entity::find()
            .filter(interview::Column::ApplicationId.is_in(ids.clone()))
            .filter(interview::Column::Status.ne(InterviewStatus::Cancelled.as_str()))
            .all(db)
            .await?
        {
            add(i.starts_at, CareerEvent::Interview, title(i.application_id));
        }
        for t in practical_test::Entity::find()
            .filter(practical_test::Column::ApplicationId.is_in(ids.clone()))
            .all(db)
            .await?
        {
            add(
                t.assigned_at,
                CareerEvent::PracticalTest,
                (t.title_it, t.title_en),
            );
        }
        for t in online_test::Entity::find()
            .filter(online_test::Column::ApplicationId.is_in(ids))
            .all(db)
            .await?
        {
            add(t.sent_at, CareerEvent::OnlineTest, (t.title_it, t.title_en));
        }
    }
    entries.extend(courses(db, employee).await?);
    if let Some(day) = start_date {
        entries.push(CareerEntry {
            at: day.and_time(NaiveTime::MIN).and_utc(),
            event: CareerEvent::Started,
            title_it: String::new(),
            title_en: String::new(),
        });
    }
    entries.sort_by_key(|e| e.at);
    Ok(entries)
}
