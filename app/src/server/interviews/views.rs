//! Interviews as the pages read them: summaries with each panelist's scorecard state (for an
//! interviewer's own list, an opening's, an application's), and the interview page with its
//! history, kit and the scorecards the viewer may see.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
};

use super::{access, comparison, kits, scorecards, times};
use crate::model::{
    Agenda, AppError, ApplicationId, CandidateId, InterviewChange, InterviewDetail, InterviewId,
    InterviewKind, InterviewStatus, InterviewSummary, JobProfileId, OpeningId, Panelist,
    ScoringState, UserId,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{
    application, candidate, interview, interview_event, interview_interviewer, job_profile,
    opening, scorecard,
};

/// A scorecard not submitted this long after the interview ended is overdue.
pub const OVERDUE_AFTER: TimeDelta = TimeDelta::hours(24);

/// Where a panelist's scorecard stands.
pub fn scoring_state(
    interview: &interview::Model,
    card: Option<&scorecard::Model>,
    now: DateTime<Utc>,
) -> ScoringState {
    if interview.status == InterviewStatus::Cancelled.as_str() {
        return ScoringState::Cancelled;
    }
    match card {
        Some(card) if card.submitted_at.is_some() => ScoringState::Submitted,
        _ if now > interview.ends_at + OVERDUE_AFTER => ScoringState::Overdue,
        Some(_) => ScoringState::Draft,
        None => ScoringState::ToScore,
    }
}

/// Summaries of `interviews` for `viewer`, in the given order: five statements, whatever
/// their number.
pub async fn summaries(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    interviews: Vec<interview::Model>,
) -> Result<Vec<InterviewSummary>, AppError> {
    let ids: Vec<i32> = interviews.iter().map(|i| i.id).collect();
    let seats = interview_interviewer::Entity::find()
        .filter(interview_interviewer::Column::InterviewId.is_in(ids.clone()))
        .all(db)
        .await?;
    let people: HashMap<i32, String> =
        crate::server::accounts::users::names(db, seats.iter().map(|s| s.user_id).collect())
            .await?;
    let cards = scorecard::Entity::find()
        .filter(scorecard::Column::InterviewId.is_in(ids))
        .all(db)
        .await?;
    let applications: HashMap<i32, application::Model> = application::Entity::find()
        .filter(application::Column::Id.is_in(interviews.iter().map(|i| i.application_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let candidates: HashMap<i32, candidate::Model> = candidate::Entity::find()
        .filter(candidate::Column::Id.is_in(applications.values().map(|a| a.candidate_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let openings: HashMap<i32, opening::Model> = opening::Entity::find()
        .filter(opening::Column::Id.is_in(applications.values().map(|a| a.opening_id)))
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
    let mut panels: HashMap<i32, Vec<i32>> = HashMap::new();
    for seat in &seats {
        panels
            .entry(seat.interview_id)
            .or_default()
            .push(seat.user_id);
    }
    let cards: HashMap<(i32, i32), scorecard::Model> = cards
        .into_iter()
        .map(|c| ((c.interview_id, c.interviewer_id), c))
        .collect();
    let now = Utc::now();
    Ok(interviews
        .into_iter()
        .filter_map(|found| {
            let application = applications.get(&found.application_id)?;
            let candidate = candidates.get(&application.candidate_id)?;
            let opening = openings.get(&application.opening_id)?;
            let profile = profiles.get(&opening.profile_id)?;
            let panel: Vec<Panelist> = panels
                .get(&found.id)
                .into_iter()
                .flatten()
                .map(|&user| Panelist {
                    id: UserId(user),
                    name: people.get(&user).cloned().unwrap_or_default(),
                    state: scoring_state(&found, cards.get(&(found.id, user)), now),
                })
                .collect();
            let mine = panel.iter().find(|p| p.id == viewer.id).map(|p| p.state);
            Some(InterviewSummary {
                id: InterviewId(found.id),
                application_id: ApplicationId(application.id),
                candidate_id: CandidateId(candidate.id),
                candidate_name: candidate.name.clone(),
                opening_id: OpeningId(opening.id),
                opening_title_it: format!("{} · {}", profile.title_it, opening.location),
                opening_title_en: format!("{} · {}", profile.title_en, opening.location),
                kind: InterviewKind::parse(&found.kind).unwrap_or(InterviewKind::HrInterview),
                status: InterviewStatus::parse(&found.status).unwrap_or(InterviewStatus::Scheduled),
                starts_at: found.starts_at,
                ends_at: found.ends_at,
                local: times::span(found.starts_at, found.ends_at, &viewer.time_zone),
                location: found.location.clone(),
                video_link: found.video_link.clone(),
                panel,
                mine,
            })
        })
        .collect())
}

/// The interviews a section of "My interviews" shows at most; the page says how many more
/// there are.
pub const AGENDA_SECTION: u64 = 50;

/// `user`'s interviews: to score (overdue, that is oldest, first), upcoming (soonest first) and
/// done (latest first), at most [`AGENDA_SECTION`] of each, with the totals of the first two:
/// a fixed number of statements, reading through the index of their seats the few still open
/// and the latest done, however many interviews they sat on.
pub async fn mine(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<Agenda, AppError> {
    let now = Utc::now();
    let seats = |done: bool| {
        interview_interviewer::Entity::find()
            .filter(interview_interviewer::Column::UserId.eq(user.id.0))
            .filter(interview_interviewer::Column::Done.eq(done))
    };
    let to_score = seats(false).filter(interview_interviewer::Column::StartsAt.lte(now));
    let upcoming = seats(false).filter(interview_interviewer::Column::StartsAt.gt(now));
    let to_score_total = to_score.clone().count(db).await?;
    let upcoming_total = upcoming.clone().count(db).await?;
    let open = |seats: sea_orm::Select<interview_interviewer::Entity>| {
        interview::Entity::find().filter(
            interview::Column::Id.in_subquery(
                seats
                    .select_only()
                    .column(interview_interviewer::Column::InterviewId)
                    .into_query(),
            ),
        )
    };
    // Past their start and not done: oldest end first, which puts the overdue at the top.
    let to_score = open(to_score)
        .order_by_asc(interview::Column::EndsAt)
        .order_by_asc(interview::Column::Id)
        .limit(AGENDA_SECTION)
        .all(db)
        .await?;
    let upcoming = open(
        upcoming
            .order_by_asc(interview_interviewer::Column::StartsAt)
            .order_by_asc(interview_interviewer::Column::InterviewId)
            .limit(AGENDA_SECTION),
    )
    .order_by_asc(interview::Column::StartsAt)
    .order_by_asc(interview::Column::Id)
    .all(db)
    .await?;
    let done = open(
        seats(true)
            .order_by_desc(interview_interviewer::Column::StartsAt)
            .order_by_desc(interview_interviewer::Column::InterviewId)
            .limit(AGENDA_SECTION),
    )
    .order_by_desc(interview::Column::StartsAt)
    .order_by_desc(interview::Column::Id)
    .all(db)
    .await?;
    let ids = |list: &[interview::Model]| list.iter().map(|i| i.id).collect::<Vec<i32>>();
    let sections = [ids(&to_score), ids(&upcoming), ids(&done)];
    let mut found: HashMap<i32, InterviewSummary> =
        summaries(db, user, [to_score, upcoming, done].concat())
            .await?
            .into_iter()
            .map(|s| (s.id.0, s))
            .collect();
    let [to_score, upcoming, done] =
        sections.map(|ids| ids.iter().filter_map(|id| found.remove(id)).collect());
    Ok(Agenda {
        to_score,
        upcoming,
        done,
        to_score_total,
        upcoming_total,
    })
}

/// Every interview of opening `id`, soonest first.
pub async fn for_opening(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    id: OpeningId,
) -> Result<Vec<InterviewSummary>, AppError> {
    opening::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let applications: Vec<i32> = application::Entity::find()
        .filter(application::Column::OpeningId.eq(id.0))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let interviews = interview::Entity::find()
        .filter(interview::Column::ApplicationId.is_in(applications))
        .order_by_asc(interview::Column::StartsAt)
        .all(db)
        .await?;
    summaries(db, viewer, interviews).await
}

/// The interviews of candidate `id`'s applications that `viewer` may see: all of them for HR,
/// an interviewer's own for an interviewer.
pub async fn for_candidate(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    id: CandidateId,
) -> Result<Vec<InterviewSummary>, AppError> {
    let applications: Vec<i32> = application::Entity::find()
        .filter(application::Column::CandidateId.eq(id.0))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut interviews = interview::Entity::find()
        .filter(interview::Column::ApplicationId.is_in(applications))
        .order_by_asc(interview::Column::StartsAt)
        .all(db)
        .await?;
    if !access::manages(viewer) {
        let own: Vec<i32> = interview_interviewer::Entity::find()
            .filter(interview_interviewer::Column::UserId.eq(viewer.id.0))
            .all(db)
            .await?
            .into_iter()
            .map(|s| s.interview_id)
            .collect();
        interviews.retain(|i| own.contains(&i.id));
    }
    summaries(db, viewer, interviews).await
}

/// The changes to interviews `ids`, oldest first, in `viewer`'s time zone.
pub async fn history(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    ids: Vec<i32>,
) -> Result<Vec<(InterviewId, InterviewChange)>, AppError> {
    let events = interview_event::Entity::find()
        .filter(interview_event::Column::InterviewId.is_in(ids))
        .order_by_asc(interview_event::Column::At)
        .order_by_asc(interview_event::Column::Id)
        .all(db)
        .await?;
    let names = crate::server::accounts::users::names(
        db,
        events.iter().filter_map(|e| e.actor_id).collect(),
    )
    .await?;
    Ok(events
        .into_iter()
        .map(|e| {
            (
                InterviewId(e.interview_id),
                InterviewChange {
                    change: e.change,
                    reason: e.reason,
                    local: times::span(e.starts_at, e.ends_at, &viewer.time_zone),
                    actor_name: e.actor_id.and_then(|id| names.get(&id).cloned()),
                    at: e.at,
                },
            )
        })
        .collect())
}

/// The interview page for `user`: refused unless HR or on its panel.
pub async fn detail(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: InterviewId,
) -> Result<InterviewDetail, AppError> {
    let found = access::interview(db, user, id).await?;
    let application = application::Entity::find_by_id(found.application_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let opening = opening::Entity::find_by_id(application.opening_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let scheduled_in = times::span(found.starts_at, found.ends_at, &found.time_zone);
    let summary = summaries(db, user, vec![found.clone()])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let history = history(db, user, vec![found.id])
        .await?
        .into_iter()
        .map(|(_, change)| change)
        .collect();
    let kit = kits::for_profile(db, JobProfileId(opening.profile_id)).await?;
    let my_scorecard = scorecards::mine(db, user, id).await?;
    let others = scorecards::others(db, user, application.id).await?;
    let comparison = match others {
        Some(_) => Some(comparison::for_application(db, user, application.id).await?),
        None => None,
    };
    Ok(InterviewDetail {
        summary,
        scheduled_in,
        history,
        kit,
        can_manage: access::manages(user),
        my_scorecard,
        others,
        comparison,
    })
}
