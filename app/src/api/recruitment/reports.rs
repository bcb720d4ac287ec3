//! Recruitment figures for HR: the source breakdown and an opening's funnel.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, Funnel, OpeningId, SourceCount};

/// Applications per source, for every opening or one.
#[server(endpoint = "source_breakdown", input = Json)]
pub async fn source_breakdown(opening: Option<OpeningId>) -> Result<Vec<SourceCount>, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::reports};
    auth::authorize(Permission::ManageRecruitment)?;
    reports::sources(&Backend::current()?.db, opening).await
}

/// The funnel of one opening.
#[server(endpoint = "opening_funnel", input = Json)]
pub async fn opening_funnel(id: OpeningId) -> Result<Funnel, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::reports};
    auth::authorize(Permission::ManageRecruitment)?;
    reports::funnel(&Backend::current()?.db, id).await
}
