//! Openings and their hiring teams: HR and admins only.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, OpeningDetail, OpeningId, OpeningInput, OpeningSummary, StaffMember};

#[server(endpoint = "list_openings", input = Json)]
pub async fn list_openings() -> Result<Vec<OpeningSummary>, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, recruitment::openings};
    auth::authorize(Permission::ManageRecruitment)?;
    openings::list(&Backend::current()?.db).await
}

/// Every opening with its applications counted by stage and the new ones: HR's list.
#[server(endpoint = "opening_overview", input = Json)]
pub async fn opening_overview() -> Result<Vec<crate::model::OpeningOverview>, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, recruitment::openings};
    auth::authorize(Permission::ManageRecruitment)?;
    openings::overview(&Backend::current()?.db).await
}

#[server(endpoint = "get_opening", input = Json)]
pub async fn get_opening(id: OpeningId) -> Result<OpeningDetail, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, recruitment::openings};
    auth::authorize(Permission::ManageRecruitment)?;
    openings::get(&Backend::current()?.db, id).await
}

#[server(endpoint = "create_opening", input = Json)]
pub async fn create_opening(input: OpeningInput) -> Result<OpeningId, AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts::auth, recruitment::openings};
    auth::authorize(Permission::ManageRecruitment)?;
    validate(&input)?;
    openings::create(&Backend::current()?.db, input).await
}

#[server(endpoint = "update_opening", input = Json)]
pub async fn update_opening(id: OpeningId, input: OpeningInput) -> Result<(), AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts::auth, recruitment::openings};
    auth::authorize(Permission::ManageRecruitment)?;
    validate(&input)?;
    openings::update(&Backend::current()?.db, id, input).await
}

/// Staff who can own an opening or sit on its hiring team.
#[server(endpoint = "list_staff", input = Json)]
pub async fn list_staff() -> Result<Vec<StaffMember>, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, recruitment::openings};
    auth::authorize(Permission::ManageRecruitment)?;
    openings::staff(&Backend::current()?.db).await
}

/// An opening's pipeline board.
#[server(endpoint = "opening_board", input = Json)]
pub async fn opening_board(id: OpeningId) -> Result<crate::model::Board, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, recruitment::pipeline};
    auth::authorize(Permission::ManageRecruitment)?;
    pipeline::board(&Backend::current()?.db, id).await
}

/// Moves an application to another stage (Rejected and Withdrawn need a reason).
#[server(endpoint = "move_application", input = Json)]
pub async fn move_application(
    id: crate::model::ApplicationId,
    input: crate::model::MoveInput,
) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, recruitment::pipeline};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    pipeline::move_to(&Backend::current()?.db, &me, id, input).await
}
