//! The competency framework: everyone signed in reads it, HR and admins change it.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, CompetencyDetail, CompetencyId, CompetencyInput, CompetencySummary};

#[server(endpoint = "list_competencies", input = Json)]
pub async fn list_competencies() -> Result<Vec<CompetencySummary>, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, framework::competencies};
    auth::authorize(Permission::ViewFramework)?;
    competencies::list(&Backend::current()?.db).await
}

#[server(endpoint = "get_competency", input = Json)]
pub async fn get_competency(id: CompetencyId) -> Result<CompetencyDetail, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, framework::competencies};
    auth::authorize(Permission::ViewFramework)?;
    competencies::get(&Backend::current()?.db, id).await
}

#[server(endpoint = "create_competency", input = Json)]
pub async fn create_competency(input: CompetencyInput) -> Result<CompetencyId, AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts::auth, framework::competencies};
    auth::authorize(Permission::ManageFramework)?;
    validate(&input)?;
    competencies::create(&Backend::current()?.db, input).await
}

#[server(endpoint = "update_competency", input = Json)]
pub async fn update_competency(id: CompetencyId, input: CompetencyInput) -> Result<(), AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts::auth, framework::competencies};
    auth::authorize(Permission::ManageFramework)?;
    validate(&input)?;
    competencies::update(&Backend::current()?.db, id, input).await
}

/// Retires a competency, or restores a retired one.
#[server(endpoint = "set_competency_retired", input = Json)]
pub async fn set_competency_retired(id: CompetencyId, retired: bool) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, framework::competencies};
    auth::authorize(Permission::ManageFramework)?;
    competencies::set_retired(&Backend::current()?.db, id, retired).await
}

/// Deletes a competency nothing uses (one in use answers 409: retire it instead).
#[server(endpoint = "delete_competency", input = Json)]
pub async fn delete_competency(id: CompetencyId) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, framework::competencies};
    auth::authorize(Permission::ManageFramework)?;
    competencies::delete(&Backend::current()?.db, id).await
}
