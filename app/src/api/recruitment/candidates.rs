//! Candidates: one person across their applications. HR and admins see all of them; an
//! interviewer sees, read-only, the candidates of the openings whose hiring team they are on.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, CandidateDetail, CandidateId, NoteInput};

/// Everything about one candidate: profile, files, applications and history.
#[server(endpoint = "get_candidate", input = Json)]
pub async fn get_candidate(id: CandidateId) -> Result<CandidateDetail, AppError> {
    use crate::model::Permission;
    use crate::server::interviews::views;
    use crate::server::{
        Backend, accounts::auth, audit, recruitment::access, recruitment::candidates,
    };
    let me = auth::authorize(Permission::ReadCandidates)?;
    let db = Backend::current()?.db;
    access::candidate(&db, &me, id).await?;
    let openings = if access::sees_all(&me) {
        None
    } else {
        Some(access::team_openings(&db, &me).await?)
    };
    let mut detail = candidates::detail(&db, id, openings.as_deref()).await?;
    detail.interviews = views::for_candidate(&db, &me, id).await?;
    detail.practical_tests =
        crate::server::assessments::practical::for_candidate(&db, &me, id).await?;
    crate::server::assessments::online::take::close_overdue(&db, chrono::Utc::now()).await?;
    detail.online_tests =
        crate::server::assessments::online::review::for_candidate(&db, &me, id).await?;
    let kinds: Vec<_> = detail.interviews.iter().map(|i| (i.id, i.kind)).collect();
    detail.interview_history = views::history(&db, &me, kinds.iter().map(|(id, _)| id.0).collect())
        .await?
        .into_iter()
        .filter_map(|(interview_id, change)| {
            let kind = kinds.iter().find(|(id, _)| *id == interview_id)?.1;
            Some(crate::model::InterviewTimelineEntry {
                interview_id,
                kind,
                change,
            })
        })
        .collect();
    audit::record(
        &db,
        me.id,
        audit::Action::CandidateViewed,
        "candidate",
        id.0,
    )
    .await?;
    Ok(detail)
}

/// One page of the candidates matching the filter.
#[server(endpoint = "list_candidates", input = Json)]
pub async fn list_candidates(
    filter: crate::model::CandidateFilter,
    page: u64,
) -> Result<crate::model::Page<crate::model::CandidateRow>, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, recruitment::candidates};
    auth::authorize(Permission::ManageRecruitment)?;
    candidates::list(&Backend::current()?.db, &filter, page).await
}

/// Adds a note to a candidate's timeline.
#[server(endpoint = "add_note", input = Json)]
pub async fn add_note(id: CandidateId, input: NoteInput) -> Result<(), AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::notes};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    notes::add(&Backend::current()?.db, me.id, id, input).await
}

/// Replaces a candidate's tags; answers them as saved.
#[server(endpoint = "set_tags", input = Json)]
pub async fn set_tags(id: CandidateId, tags: Vec<String>) -> Result<Vec<String>, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::notes};
    auth::authorize(Permission::ManageRecruitment)?;
    notes::set_tags(&Backend::current()?.db, id, tags).await
}

/// Every tag in use, most used first.
#[server(endpoint = "list_tags", input = Json)]
pub async fn list_tags() -> Result<Vec<String>, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::notes};
    auth::authorize(Permission::ManageRecruitment)?;
    notes::all_tags(&Backend::current()?.db).await
}

/// Merges candidate `duplicate` into `keep`, keeping every application, file and note.
#[server(endpoint = "merge_candidates", input = Json)]
pub async fn merge_candidates(keep: CandidateId, duplicate: CandidateId) -> Result<(), AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::duplicates};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    duplicates::merge(&Backend::current()?.db, me.id, keep, duplicate).await
}

/// Erases a candidate and their files for good. `confirm` must repeat their name.
#[server(endpoint = "erase_candidate", input = Json)]
pub async fn erase_candidate(id: CandidateId, confirm: String) -> Result<(), AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::person_data};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    person_data::erase(&Backend::current()?, me.id, id, &confirm).await
}

/// The open applications on the hiring teams I am on, with their candidates.
#[server(endpoint = "team_candidates", input = Json)]
pub async fn team_candidates() -> Result<Vec<crate::model::TeamCandidate>, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::access, recruitment::candidates};
    let me = auth::authorize(Permission::ReadCandidates)?;
    let db = Backend::current()?.db;
    let openings = access::team_openings(&db, &me).await?;
    candidates::on_openings(&db, &openings).await
}
