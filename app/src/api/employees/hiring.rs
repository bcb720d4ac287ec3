//! The hire (HR), and the welcome link with which a new employee's account gets its password.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, ApplicationId, EmployeeId, HireForm, HireInput, Welcome};

/// What hiring application `id` asks for.
#[server(endpoint = "get_hire_form", input = Json)]
pub async fn get_hire_form(id: ApplicationId) -> Result<HireForm, AppError> {
    use crate::server::employees::hiring;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageEmployees)?;
    hiring::form(&Backend::current()?.db, id).await
}

/// Hires application `id`: returns the new (or linked) employee.
#[server(endpoint = "hire", input = Json)]
pub async fn hire(id: ApplicationId, input: HireInput) -> Result<EmployeeId, AppError> {
    use crate::server::employees::hiring;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageEmployees)?;
    let backend = Backend::current()?;
    hiring::hire(
        &backend.db,
        &me,
        id,
        input,
        auth::request_lang(),
        &backend.public_url,
        chrono::Utc::now(),
    )
    .await
}

/// What a welcome link opens (anyone holding it).
#[server(endpoint = "welcome_link", input = Json)]
pub async fn welcome_link(token: String) -> Result<Welcome, AppError> {
    use crate::server::accounts::invitations;
    use crate::server::{Backend, accounts::auth};
    auth::public();
    invitations::open(&Backend::current()?.db, &token, chrono::Utc::now()).await
}
