//! Candidates: one person across their applications. HR and admins see all of them; an
//! interviewer sees, read-only, the candidates of the openings whose hiring team they are on.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, CandidateDetail, CandidateId};

/// Everything about one candidate: profile, files, applications and history.
#[server(endpoint = "get_candidate", input = Json)]
pub async fn get_candidate(id: CandidateId) -> Result<CandidateDetail, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, access, auth, candidates};
    let me = auth::authorize(Permission::ReadCandidates)?;
    let db = Backend::current()?.db;
    access::candidate(&db, &me, id).await?;
    let openings = if access::sees_all(&me) {
        None
    } else {
        Some(access::team_openings(&db, &me).await?)
    };
    candidates::detail(&db, id, openings.as_deref()).await
}

/// One page of the candidates matching the filter.
#[server(endpoint = "list_candidates", input = Json)]
pub async fn list_candidates(
    filter: crate::model::CandidateFilter,
    page: u64,
) -> Result<crate::model::Page<crate::model::CandidateRow>, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, auth, candidates};
    auth::authorize(Permission::ManageRecruitment)?;
    candidates::list(&Backend::current()?.db, &filter, page).await
}
