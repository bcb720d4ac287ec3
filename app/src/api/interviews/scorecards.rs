//! Scorecards: each interviewer writes their own (drafts, submission, amendments), and sees the
//! others' and the comparison only after submitting; HR see them all.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{
    AmendmentInput, AppError, ApplicationId, Comparison, DraftSaved, InterviewId, ScorecardInput,
};

/// Saves the caller's draft scorecard for an interview; answers when it was saved.
#[server(endpoint = "save_scorecard_draft", input = Json)]
pub async fn save_scorecard_draft(
    id: InterviewId,
    input: ScorecardInput,
) -> Result<DraftSaved, AppError> {
    use crate::server::interviews::{scorecards, times};
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    let at = scorecards::save_draft(&Backend::current()?.db, &me, id, input).await?;
    Ok(DraftSaved {
        at,
        local: times::span(at, at, &me.time_zone).starts,
    })
}

/// Submits the caller's scorecard for an interview; it is locked from then on.
#[server(endpoint = "submit_scorecard", input = Json)]
pub async fn submit_scorecard(id: InterviewId, input: ScorecardInput) -> Result<(), AppError> {
    use crate::server::interviews::scorecards;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    scorecards::submit(&Backend::current()?.db, &me, id, input).await
}

/// Changes the caller's submitted scorecard, with a reason; the original is kept.
#[server(endpoint = "amend_scorecard", input = Json)]
pub async fn amend_scorecard(id: InterviewId, input: AmendmentInput) -> Result<(), AppError> {
    use crate::server::interviews::scorecards;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    scorecards::amend(&Backend::current()?.db, &me, id, input).await
}

/// The submitted scorecards of an application side by side, per competency.
#[server(endpoint = "application_comparison", input = Json)]
pub async fn application_comparison(id: ApplicationId) -> Result<Comparison, AppError> {
    use crate::server::interviews::comparison;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    comparison::for_application(&Backend::current()?.db, &me, id.0).await
}
