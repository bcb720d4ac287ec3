//! Demo interviews, so a first look shows every state: an upcoming one, one to score, a draft,
//! one scored by two interviewers who disagree on a competency, an overdue one and a cancelled
//! one. Times are set around the day the demo is loaded.

use chrono::{TimeDelta, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{scheduling, scorecards};
use crate::model::{
    AppError, ApplicationId, ChangeReason, CompetencyId, InterviewId, InterviewInput,
    InterviewKind, RatingInput, Recommendation, ScorecardInput, UserId,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{application, candidate};

/// A wall-clock time in Rome `days` from today at `hour`, as the form types it.
fn rome(days: i64, hour: u32) -> String {
    let day = (Utc::now() + TimeDelta::days(days))
        .with_timezone(&chrono_tz::Europe::Rome)
        .date_naive();
    format!("{}T{hour:02}:00", day.format("%Y-%m-%d"))
}

/// Wall-clock times in Rome `hours` from now, whole hours.
fn rome_hours_from_now(hours: i64) -> String {
    (Utc::now() + TimeDelta::hours(hours))
        .with_timezone(&chrono_tz::Europe::Rome)
        .format("%Y-%m-%dT%H:00")
        .to_string()
}

async fn application_of(db: &DatabaseConnection, email: &str) -> Result<ApplicationId, AppError> {
    let person = candidate::Entity::find()
        .filter(candidate::Column::Email.eq(email))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let found = application::Entity::find()
        .filter(application::Column::CandidateId.eq(person.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ApplicationId(found.id))
}

struct Plan<'a> {
    email: &'a str,
    kind: InterviewKind,
    starts: String,
    ends: String,
    place: &'a str,
    video: &'a str,
    panel: Vec<UserId>,
}

async fn schedule(
    db: &DatabaseConnection,
    hr: &CurrentUser,
    plan: Plan<'_>,
) -> Result<InterviewId, AppError> {
    let input = InterviewInput {
        application_id: application_of(db, plan.email).await?,
        kind: plan.kind,
        starts_at: plan.starts,
        ends_at: plan.ends,
        time_zone: crate::model::DEFAULT_TIME_ZONE.to_owned(),
        location: plan.place.to_owned(),
        video_link: plan.video.to_owned(),
        interviewer_ids: plan.panel,
    };
    Ok(scheduling::schedule(db, hr, input).await?.id)
}

/// A scorecard rating the first competencies of the application's profile with `ratings`.
async fn card(
    db: &DatabaseConnection,
    email: &str,
    ratings: &[u8],
    recommendation: Option<Recommendation>,
    summary: &str,
) -> Result<ScorecardInput, AppError> {
    let application = application_of(db, email).await?;
    let competencies = scorecards::required_competencies(db, application.0).await?;
    Ok(ScorecardInput {
        ratings: competencies
            .into_iter()
            .zip(ratings)
            .map(|(id, rating)| RatingInput {
                competency_id: CompetencyId(id),
                rating: Some(*rating),
                evidence: "Esempi concreti e pertinenti dalla sua esperienza.".to_owned(),
            })
            .collect(),
        recommendation,
        summary: summary.to_owned(),
    })
}

/// Loads the demo interviews, scheduled by `hr` with `interviewer` (and `hr` on some panels).
pub async fn seed(
    db: &DatabaseConnection,
    hr: &CurrentUser,
    interviewer: &CurrentUser,
) -> Result<(), AppError> {
    let both = vec![interviewer.id, hr.id];
    let upcoming = Plan {
        email: "chiara.lombardi@example.it",
        kind: InterviewKind::HrInterview,
        starts: rome(2, 10),
        ends: rome(2, 11),
        place: "Sala Tiziano",
        video: "",
        panel: both.clone(),
    };
    schedule(db, hr, upcoming).await?;
    let to_score = Plan {
        email: "chiara.lombardi@example.it",
        kind: InterviewKind::PhoneScreen,
        starts: rome_hours_from_now(-3),
        ends: rome_hours_from_now(-2),
        place: "",
        video: "https://meet.example.com/percorso-demo",
        panel: vec![interviewer.id],
    };
    schedule(db, hr, to_score).await?;

    let draft = Plan {
        email: "martina.fontana@example.it",
        kind: InterviewKind::TechnicalInterview,
        starts: rome_hours_from_now(-5),
        ends: rome_hours_from_now(-4),
        place: "Ufficio amministrazione, Padova",
        video: "",
        panel: vec![interviewer.id],
    };
    let draft = schedule(db, hr, draft).await?;
    let content = card(db, "martina.fontana@example.it", &[4, 3], None, "").await?;
    scorecards::save_draft(db, interviewer, draft, content).await?;

    let scored = Plan {
        email: "sofia.ricci@example.it",
        kind: InterviewKind::HrInterview,
        starts: rome(-5, 15),
        ends: rome(-5, 16),
        place: "Sala Tiziano",
        video: "",
        panel: both.clone(),
    };
    let scored = schedule(db, hr, scored).await?;
    let email = "sofia.ricci@example.it";
    let mine = card(
        db,
        email,
        &[4, 2, 4],
        Some(Recommendation::Yes),
        "Solida, da approfondire il tedesco.",
    )
    .await?;
    scorecards::submit(db, interviewer, scored, mine).await?;
    let theirs = card(
        db,
        email,
        &[4, 4, 3],
        Some(Recommendation::StrongYes),
        "Molto adatta al ricevimento.",
    )
    .await?;
    scorecards::submit(db, hr, scored, theirs).await?;

    let overdue = Plan {
        email: "davide.russo@example.it",
        kind: InterviewKind::PhoneScreen,
        starts: rome(-4, 9),
        ends: rome(-4, 10),
        place: "",
        video: "https://meet.example.com/percorso-demo-2",
        panel: vec![interviewer.id],
    };
    schedule(db, hr, overdue).await?;

    let cancelled = Plan {
        email: "davide.russo@example.it",
        kind: InterviewKind::HrInterview,
        starts: rome(3, 14),
        ends: rome(3, 15),
        place: "Sala Tiziano",
        video: "",
        panel: both,
    };
    let cancelled = schedule(db, hr, cancelled).await?;
    scheduling::cancel(
        db,
        hr,
        cancelled,
        ChangeReason {
            reason: "Il candidato ha chiesto di rinviare; lo ricontatteremo.".to_owned(),
        },
    )
    .await?;
    Ok(())
}
