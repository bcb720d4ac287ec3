//! Scheduling interviews (HR and admins) and reading them (HR, and the interviewers on each).

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{
    Agenda, AppError, CandidateId, ChangeReason, InterviewDetail, InterviewId, InterviewInput,
    InterviewSummary, OpeningId, Scheduled,
};

/// Schedules an interview; answers its id, any clashes, and who joined the hiring team.
#[server(endpoint = "schedule_interview", input = Json)]
pub async fn schedule_interview(input: InterviewInput) -> Result<Scheduled, AppError> {
    use crate::server::interviews::scheduling;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    scheduling::schedule(&Backend::current()?.db, &me, input).await
}

/// Moves an interview, for a reason.
#[server(endpoint = "reschedule_interview", input = Json)]
pub async fn reschedule_interview(
    id: InterviewId,
    input: InterviewInput,
    reason: ChangeReason,
) -> Result<Scheduled, AppError> {
    use crate::server::interviews::scheduling;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    scheduling::reschedule(&Backend::current()?.db, &me, id, input, reason).await
}

/// Cancels an interview, for a reason.
#[server(endpoint = "cancel_interview", input = Json)]
pub async fn cancel_interview(id: InterviewId, reason: ChangeReason) -> Result<(), AppError> {
    use crate::server::interviews::scheduling;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    scheduling::cancel(&Backend::current()?.db, &me, id, reason).await
}

/// The signed-in interviewer's interviews: to score, upcoming, done.
#[server(endpoint = "my_interviews", input = Json)]
pub async fn my_interviews() -> Result<Agenda, AppError> {
    use crate::server::interviews::views;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    views::mine(&Backend::current()?.db, &me).await
}

/// An interview with its history, kit and the scorecards the caller may see.
#[server(endpoint = "get_interview", input = Json)]
pub async fn get_interview(id: InterviewId) -> Result<InterviewDetail, AppError> {
    use crate::server::interviews::views;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    views::detail(&Backend::current()?.db, &me, id).await
}

/// Every interview of an opening, with who has and has not submitted.
#[server(endpoint = "opening_interviews", input = Json)]
pub async fn opening_interviews(id: OpeningId) -> Result<Vec<InterviewSummary>, AppError> {
    use crate::server::interviews::views;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    views::for_opening(&Backend::current()?.db, &me, id).await
}

/// A candidate's interviews: all for HR, their own for an interviewer on the hiring team.
#[server(endpoint = "candidate_interviews", input = Json)]
pub async fn candidate_interviews(id: CandidateId) -> Result<Vec<InterviewSummary>, AppError> {
    use crate::server::interviews::views;
    use crate::server::{Backend, accounts::auth, recruitment::access};
    let me = auth::authorize(Permission::ReadCandidates)?;
    let db = Backend::current()?.db;
    access::candidate(&db, &me, id).await?;
    views::for_candidate(&db, &me, id).await
}
