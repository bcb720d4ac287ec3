//! Job profiles: everyone signed in reads them, HR and admins manage them.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, JobProfileDetail, JobProfileId, JobProfileInput, JobProfileSummary};

#[server(endpoint = "list_profiles", input = Json)]
pub async fn list_profiles() -> Result<Vec<JobProfileSummary>, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, framework::profiles};
    auth::authorize(Permission::ViewFramework)?;
    profiles::list(&Backend::current()?.db).await
}

#[server(endpoint = "get_profile", input = Json)]
pub async fn get_profile(id: JobProfileId) -> Result<JobProfileDetail, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, framework::profiles};
    auth::authorize(Permission::ViewFramework)?;
    profiles::get(&Backend::current()?.db, id).await
}

#[server(endpoint = "create_profile", input = Json)]
pub async fn create_profile(input: JobProfileInput) -> Result<JobProfileId, AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts::auth, framework::profiles};
    auth::authorize(Permission::ManageFramework)?;
    validate(&input)?;
    profiles::create(&Backend::current()?.db, input).await
}

#[server(endpoint = "update_profile", input = Json)]
pub async fn update_profile(id: JobProfileId, input: JobProfileInput) -> Result<(), AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts::auth, framework::profiles};
    auth::authorize(Permission::ManageFramework)?;
    validate(&input)?;
    profiles::update(&Backend::current()?.db, id, input).await
}

#[server(endpoint = "delete_profile", input = Json)]
pub async fn delete_profile(id: JobProfileId) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, framework::profiles};
    auth::authorize(Permission::ManageFramework)?;
    profiles::delete(&Backend::current()?.db, id).await
}
