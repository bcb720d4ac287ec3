//! Candidates: one person across their applications. HR and admins only, for now.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, CandidateDetail, CandidateId};

/// Everything about one candidate: profile, files, applications and history.
#[server(endpoint = "get_candidate", input = Json)]
pub async fn get_candidate(id: CandidateId) -> Result<CandidateDetail, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, auth, candidates};
    auth::authorize(Permission::ManageRecruitment)?;
    candidates::detail(&Backend::current()?.db, id).await
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
