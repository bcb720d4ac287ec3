//! HR's intake of candidates: CV uploads (one request a file, so each shows its own
//! progress), the tray of uploads not yet saved, candidates added by hand, and CSV import.

use leptos::prelude::*;
use server_fn::codec::{Json, MultipartData, MultipartFormData};

#[allow(unused_imports)]
use crate::model::{AppError, Permission};
use crate::model::{CandidateInput, ImportSummary, IntakeDraft, IntakeOutcome, UploadId};

/// Stores one CV and reads it: the answer prefills the candidate form.
#[server(endpoint = "upload_cv", input = MultipartFormData)]
pub async fn upload_cv(data: MultipartData) -> Result<IntakeDraft, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::intake};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    let file = crate::api::read_one_file(data, "file").await?;
    intake::upload(&Backend::current()?, me.id, file).await
}

/// The CVs I uploaded that are not candidates yet.
#[server(endpoint = "pending_uploads", input = Json)]
pub async fn pending_uploads() -> Result<Vec<IntakeDraft>, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::intake};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    intake::pending(&Backend::current()?.db, me.id).await
}

/// Throws away one of my uploads.
#[server(endpoint = "discard_upload", input = Json)]
pub async fn discard_upload(id: UploadId) -> Result<(), AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::intake};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    intake::discard(&Backend::current()?, me.id, id).await
}

/// Adds a candidate (from one of my uploads, or by hand).
#[server(endpoint = "add_candidate", input = Json)]
pub async fn add_candidate(input: CandidateInput) -> Result<IntakeOutcome, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::intake};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    intake::add(&Backend::current()?.db, me.id, input).await
}

/// Imports candidates from a CSV file: every row or none.
#[server(endpoint = "import_candidates", input = MultipartFormData)]
pub async fn import_candidates(data: MultipartData) -> Result<ImportSummary, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::import};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    let file = crate::api::read_one_file(data, "file").await?;
    import::run(&Backend::current()?.db, me.id, file).await
}
