//! Interview kits: a job profile's competencies with their levels and suggested questions,
//! which HR and admins edit.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, JobProfileId, Kit, QuestionsInput};

/// The interview kit of a job profile.
#[server(endpoint = "profile_kit", input = Json)]
pub async fn profile_kit(id: JobProfileId) -> Result<Kit, AppError> {
    use crate::server::interviews::kits;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageFramework)?;
    kits::for_profile(&Backend::current()?.db, id).await
}

/// Replaces a job profile's suggested questions.
#[server(endpoint = "save_profile_questions", input = Json)]
pub async fn save_profile_questions(
    id: JobProfileId,
    input: QuestionsInput,
) -> Result<(), AppError> {
    use crate::server::interviews::kits;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageFramework)?;
    kits::save_questions(&Backend::current()?.db, id, input).await
}
