//! Scorecards: each interviewer rates the profile's competencies (1–5 or not assessed) with
//! evidence, and gives a recommendation and a summary. Drafts save as they type; submitting
//! locks the scorecard; a later change is an amendment with a reason that keeps the original
//! and is audited.
//!
//! Independence: an interviewer sees other interviewers' scorecards for an application only
//! once they have submitted their own for every interview of it they sit on; HR and admins see
//! all of them, drafts included. Enforced here, whatever the pages show.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::access;
use crate::model::{
    AmendmentInput, AmendmentView, AppError, CompetencyId, InterviewId, InterviewStatus,
    RatingInput, Recommendation, ScorecardInput, ScorecardView, UserId, validate,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::audit;
use crate::server::entities::{
    application, interview, interview_interviewer, opening, profile_requirement, scorecard,
    scorecard_amendment, scorecard_rating,
};

use super::refuse;

/// The interview `id`, if `user` sits on its panel and it is not cancelled. HR may read every
/// interview, but only panelists write scorecards.
async fn own_interview(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: InterviewId,
) -> Result<interview::Model, AppError> {
    let found = interview::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !access::on_panel(db, user, id).await? {
        tracing::warn!(user_id = %user.id, interview_id = %id, "scorecard refused: not on the panel");
        return Err(AppError::Forbidden);
    }
    if found.status == InterviewStatus::Cancelled.as_str() {
        return Err(refuse("form", "interview_cancelled"));
    }
    Ok(found)
}

/// Refuses ratings of competencies the interview's profile does not require, or given twice.
async fn check_competencies(
    db: &impl ConnectionTrait,
    interview: &interview::Model,
    input: &ScorecardInput,
) -> Result<(), AppError> {
    let required = required_competencies(db, interview.application_id).await?;
    let mut seen = BTreeSet::new();
    for (index, rating) in input.ratings.iter().enumerate() {
        if !required.contains(&rating.competency_id.0) || !seen.insert(rating.competency_id.0) {
            return Err(refuse(
                &format!("ratings.{index}.competency_id"),
                "not_in_profile",
            ));
        }
    }
    Ok(())
}

/// The competencies the profile of application `application_id`'s opening requires.
pub async fn required_competencies(
    db: &impl ConnectionTrait,
    application_id: i32,
) -> Result<BTreeSet<i32>, AppError> {
    let application = application::Entity::find_by_id(application_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let opening = opening::Entity::find_by_id(application.opening_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(profile_requirement::Entity::find()
        .filter(profile_requirement::Column::ProfileId.eq(opening.profile_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.competency_id)
        .collect())
}

async fn find(
    db: &impl ConnectionTrait,
    interview_id: i32,
    interviewer_id: i32,
) -> Result<Option<scorecard::Model>, AppError> {
    Ok(scorecard::Entity::find()
        .filter(scorecard::Column::InterviewId.eq(interview_id))
        .filter(scorecard::Column::InterviewerId.eq(interviewer_id))
        .one(db)
        .await?)
}

/// Writes `input` as the content of scorecard `card` (ratings replaced).
async fn write_content(
    db: &impl ConnectionTrait,
    card: scorecard::Model,
    input: &ScorecardInput,
    submitted_at: Option<DateTime<Utc>>,
) -> Result<scorecard::Model, AppError> {
    let mut model: scorecard::ActiveModel = card.into();
    model.recommendation = Set(input.recommendation.map(|r| r.as_str().to_owned()));
    model.summary = Set(input.summary.trim().to_owned());
    model.submitted_at = Set(submitted_at);
    model.updated_at = Set(Utc::now());
    let saved = model.update(db).await?;
    scorecard_rating::Entity::delete_many()
        .filter(scorecard_rating::Column::ScorecardId.eq(saved.id))
        .exec(db)
        .await?;
    // Every row sent is kept: a rating left unset is not sent, "not assessed" is.
    for rating in &input.ratings {
        scorecard_rating::ActiveModel {
            scorecard_id: Set(saved.id),
            competency_id: Set(rating.competency_id.0),
            rating: Set(rating.rating.map(i16::from)),
            evidence: Set(rating.evidence.trim().to_owned()),
        }
        .insert(db)
        .await?;
    }
    Ok(saved)
}

/// The scorecard of `user` for interview `id`, made empty if there is none yet.
async fn find_or_start(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: InterviewId,
) -> Result<scorecard::Model, AppError> {
    if let Some(card) = find(db, id.0, user.id.0).await? {
        return Ok(card);
    }
    let now = Utc::now();
    // Two first saves at once (two tabs): the unique index keeps one, both carry on with it.
    scorecard::Entity::insert(scorecard::ActiveModel {
        interview_id: Set(id.0),
        interviewer_id: Set(user.id.0),
        recommendation: Set(None),
        summary: Set(String::new()),
        submitted_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing()
    .exec_without_returning(db)
    .await?;
    find(db, id.0, user.id.0).await?.ok_or(AppError::Internal)
}

/// Saves `user`'s draft for interview `id`; answers when it was saved. Refused once submitted.
pub async fn save_draft(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: InterviewId,
    input: ScorecardInput,
) -> Result<DateTime<Utc>, AppError> {
    validate(&input)?;
    let found = own_interview(db, user, id).await?;
    check_competencies(db, &found, &input).await?;
    let user = user.clone();
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let card = find_or_start(tx, &user, id).await?;
            if card.submitted_at.is_some() {
                return Err(refuse("form", "scorecard_submitted"));
            }
            Ok(write_content(tx, card, &input, None).await?.updated_at)
        })
    })
    .await
}

/// Submits `user`'s scorecard for interview `id`, which then cannot change but by amendment.
/// A recommendation is required.
pub async fn submit(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: InterviewId,
    input: ScorecardInput,
) -> Result<(), AppError> {
    validate(&input)?;
    if input.recommendation.is_none() {
        return Err(refuse("recommendation", "required"));
    }
    let found = own_interview(db, user, id).await?;
    // A scorecard is about an interview that took place: submitting one earlier would open the
    // others' scorecards to someone who has not interviewed yet.
    if Utc::now() < found.starts_at {
        return Err(refuse("form", "interview_not_started"));
    }
    check_competencies(db, &found, &input).await?;
    let user = user.clone();
    let user_id = user.id;
    let application = found.application_id;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let card = find_or_start(tx, &user, id).await?;
            if card.submitted_at.is_some() {
                return Err(refuse("form", "scorecard_submitted"));
            }
            let interview = card.interview_id;
            write_content(tx, card, &input, Some(Utc::now())).await?;
            super::seats::refresh(tx, interview).await?;
            crate::server::assessments::scores::refresh(tx, [application]).await
        })
    })
    .await?;
    tracing::info!(interview_id = %id, interviewer = %user_id, "scorecard submitted");
    Ok(())
}

/// Changes `user`'s submitted scorecard for interview `id`, keeping what it said before with
/// the reason, and recording who did it.
pub async fn amend(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: InterviewId,
    input: AmendmentInput,
) -> Result<(), AppError> {
    validate(&input)?;
    if input.scorecard.recommendation.is_none() {
        return Err(refuse("scorecard.recommendation", "required"));
    }
    let found = own_interview(db, user, id).await?;
    check_competencies(db, &found, &input.scorecard).await?;
    let user = user.clone();
    let user_id = user.id;
    let application = found.application_id;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let card = find(tx, id.0, user.id.0)
                .await?
                .filter(|card| card.submitted_at.is_some())
                .ok_or_else(|| refuse("form", "scorecard_not_submitted"))?;
            let before = content(tx, &card).await?;
            let original = serde_json::to_string(&before).map_err(|error| {
                tracing::error!(%error, "cannot keep the scorecard's original");
                AppError::Internal
            })?;
            scorecard_amendment::ActiveModel {
                scorecard_id: Set(card.id),
                actor_id: Set(user.id.0),
                reason: Set(input.reason.trim().to_owned()),
                original: Set(original),
                at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            let submitted_at = card.submitted_at;
            let card_id = card.id;
            write_content(tx, card, &input.scorecard, submitted_at).await?;
            crate::server::assessments::scores::refresh(tx, [application]).await?;
            audit::record(
                tx,
                user.id,
                audit::Action::ScorecardAmended,
                "scorecard",
                card_id,
            )
            .await
        })
    })
    .await?;
    tracing::info!(interview_id = %id, interviewer = %user_id, "scorecard amended");
    Ok(())
}

/// What scorecard `card` says now.
async fn content(
    db: &impl ConnectionTrait,
    card: &scorecard::Model,
) -> Result<ScorecardInput, AppError> {
    let ratings = scorecard_rating::Entity::find()
        .filter(scorecard_rating::Column::ScorecardId.eq(card.id))
        .order_by_asc(scorecard_rating::Column::CompetencyId)
        .all(db)
        .await?;
    Ok(ScorecardInput {
        ratings: ratings
            .into_iter()
            .map(|r| RatingInput {
                competency_id: CompetencyId(r.competency_id),
                rating: r.rating.and_then(|v| u8::try_from(v).ok()),
                evidence: r.evidence,
            })
            .collect(),
        recommendation: card
            .recommendation
            .as_deref()
            .and_then(Recommendation::parse),
        summary: card.summary.clone(),
    })
}

/// Scorecards `cards` as read back, with their interviewers' names and amendments.
pub async fn views(
    db: &impl ConnectionTrait,
    cards: Vec<scorecard::Model>,
) -> Result<Vec<ScorecardView>, AppError> {
    let amendments = scorecard_amendment::Entity::find()
        .filter(scorecard_amendment::Column::ScorecardId.is_in(cards.iter().map(|c| c.id)))
        .order_by_asc(scorecard_amendment::Column::Id)
        .all(db)
        .await?;
    let mut people: Vec<i32> = cards.iter().map(|c| c.interviewer_id).collect();
    people.extend(amendments.iter().map(|a| a.actor_id));
    let names: HashMap<i32, String> = crate::server::accounts::users::names(db, people).await?;
    let mut views = Vec::with_capacity(cards.len());
    for card in cards {
        let content = content(db, &card).await?;
        views.push(ScorecardView {
            interview_id: InterviewId(card.interview_id),
            interviewer_id: UserId(card.interviewer_id),
            interviewer_name: names.get(&card.interviewer_id).cloned().unwrap_or_default(),
            content,
            submitted_at: card.submitted_at,
            updated_at: card.updated_at,
            amendments: amendments
                .iter()
                .filter(|a| a.scorecard_id == card.id)
                .map(|a| AmendmentView {
                    at: a.at,
                    actor_name: names.get(&a.actor_id).cloned().unwrap_or_default(),
                    reason: a.reason.clone(),
                    before: serde_json::from_str(&a.original).unwrap_or_default(),
                })
                .collect(),
        });
    }
    Ok(views)
}

/// The interviews of application `application_id` that are not cancelled.
async fn live_interviews(
    db: &impl ConnectionTrait,
    application_id: i32,
) -> Result<Vec<interview::Model>, AppError> {
    Ok(interview::Entity::find()
        .filter(interview::Column::ApplicationId.eq(application_id))
        .filter(interview::Column::Status.eq(InterviewStatus::Scheduled.as_str()))
        .all(db)
        .await?)
}

/// Whether `user` may see other interviewers' scorecards for application `application_id`:
/// HR and admins always; an interviewer once every interview of it they sit on has their
/// submitted scorecard.
pub async fn sees_others(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    application_id: i32,
) -> Result<bool, AppError> {
    if access::manages(user) {
        return Ok(true);
    }
    let interviews = live_interviews(db, application_id).await?;
    let mine: Vec<i32> = interview_interviewer::Entity::find()
        .filter(interview_interviewer::Column::UserId.eq(user.id.0))
        .filter(interview_interviewer::Column::InterviewId.is_in(interviews.iter().map(|i| i.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|seat| seat.interview_id)
        .collect();
    if mine.is_empty() {
        return Ok(false);
    }
    let submitted = scorecard::Entity::find()
        .filter(scorecard::Column::InterviewerId.eq(user.id.0))
        .filter(scorecard::Column::InterviewId.is_in(mine.clone()))
        .filter(scorecard::Column::SubmittedAt.is_not_null())
        .all(db)
        .await?;
    Ok(submitted.len() == mine.len())
}

/// The other interviewers' scorecards for application `application_id` that `user` may see:
/// `None` while hidden from them. HR see drafts too; interviewers only submitted ones.
pub async fn others(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    application_id: i32,
) -> Result<Option<Vec<ScorecardView>>, AppError> {
    if !sees_others(db, user, application_id).await? {
        return Ok(None);
    }
    let interviews: Vec<i32> = interview::Entity::find()
        .filter(interview::Column::ApplicationId.eq(application_id))
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let mut cards = scorecard::Entity::find()
        .filter(scorecard::Column::InterviewId.is_in(interviews))
        .filter(scorecard::Column::InterviewerId.ne(user.id.0))
        .order_by_asc(scorecard::Column::InterviewId)
        .order_by_asc(scorecard::Column::Id);
    if !access::manages(user) {
        cards = cards.filter(scorecard::Column::SubmittedAt.is_not_null());
    }
    Ok(Some(views(db, cards.all(db).await?).await?))
}

/// `user`'s own scorecard for interview `id`, if they started one.
pub async fn mine(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: InterviewId,
) -> Result<Option<ScorecardView>, AppError> {
    match find(db, id.0, user.id.0).await? {
        Some(card) => Ok(views(db, vec![card]).await?.pop()),
        None => Ok(None),
    }
}

/// Clears what the scorecards of applications `application_ids` say in words (evidence,
/// summaries, the originals kept by amendments) and the reasons given for moving or cancelling
/// their interviews: they are about a person being anonymised. Ratings and recommendations
/// stay, as figures.
pub async fn forget(db: &impl ConnectionTrait, application_ids: &[i32]) -> Result<(), AppError> {
    use crate::server::entities::interview_event;
    use sea_orm::sea_query::Expr;
    let interviews: Vec<i32> = interview::Entity::find()
        .filter(interview::Column::ApplicationId.is_in(application_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let cards: Vec<i32> = scorecard::Entity::find()
        .filter(scorecard::Column::InterviewId.is_in(interviews.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    scorecard_rating::Entity::update_many()
        .col_expr(scorecard_rating::Column::Evidence, Expr::value(""))
        .filter(scorecard_rating::Column::ScorecardId.is_in(cards.clone()))
        .exec(db)
        .await?;
    scorecard::Entity::update_many()
        .col_expr(scorecard::Column::Summary, Expr::value(""))
        .filter(scorecard::Column::Id.is_in(cards.clone()))
        .exec(db)
        .await?;
    scorecard_amendment::Entity::update_many()
        .col_expr(scorecard_amendment::Column::Original, Expr::value("{}"))
        .col_expr(scorecard_amendment::Column::Reason, Expr::value(""))
        .filter(scorecard_amendment::Column::ScorecardId.is_in(cards))
        .exec(db)
        .await?;
    interview_event::Entity::update_many()
        .col_expr(
            interview_event::Column::Reason,
            Expr::value(Option::<String>::None),
        )
        .filter(interview_event::Column::InterviewId.is_in(interviews))
        .exec(db)
        .await?;
    Ok(())
}

/// The interviews of applications `application_ids` as a person's data export holds them: when
/// and where, what changed and why, and every scorecard with its amendments. Times in UTC.
pub async fn export(
    db: &impl ConnectionTrait,
    application_ids: &[i32],
) -> Result<Vec<serde_json::Value>, AppError> {
    use crate::server::entities::interview_event;
    let interviews = interview::Entity::find()
        .filter(interview::Column::ApplicationId.is_in(application_ids.iter().copied()))
        .order_by_asc(interview::Column::StartsAt)
        .all(db)
        .await?;
    let ids: Vec<i32> = interviews.iter().map(|i| i.id).collect();
    let events = interview_event::Entity::find()
        .filter(interview_event::Column::InterviewId.is_in(ids.clone()))
        .order_by_asc(interview_event::Column::Id)
        .all(db)
        .await?;
    let cards = views(
        db,
        scorecard::Entity::find()
            .filter(scorecard::Column::InterviewId.is_in(ids))
            .order_by_asc(scorecard::Column::Id)
            .all(db)
            .await?,
    )
    .await?;
    Ok(interviews
        .iter()
        .map(|i| {
            serde_json::json!({
                "id": i.id,
                "application_id": i.application_id,
                "kind": i.kind,
                "status": i.status,
                "starts_at": i.starts_at,
                "ends_at": i.ends_at,
                "time_zone": i.time_zone,
                "location": i.location,
                "video_link": i.video_link,
                "changes": events.iter().filter(|e| e.interview_id == i.id).map(|e| serde_json::json!({
                    "change": e.change,
                    "reason": e.reason,
                    "starts_at": e.starts_at,
                    "ends_at": e.ends_at,
                    "at": e.at,
                })).collect::<Vec<_>>(),
                "scorecards": cards.iter().filter(|c| c.interview_id.0 == i.id).collect::<Vec<_>>(),
            })
        })
        .collect())
}
