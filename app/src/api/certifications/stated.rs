//! The certifications a candidate says they hold.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, CandidateCertifications, CandidateId};

/// Candidate `id`'s stated certifications, for whoever may read the candidate.
#[server(endpoint = "stated_certifications", input = Json)]
pub async fn stated_certifications(id: CandidateId) -> Result<CandidateCertifications, AppError> {
    use crate::server::certifications::stated;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ReadCandidates)?;
    stated::of_candidate(&Backend::current()?.db, &me, id).await
}
