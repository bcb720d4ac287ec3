//! The public careers page: open, published openings, for anyone.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, OpeningId, PublicOpening};

#[server(endpoint = "list_public_openings", input = Json)]
pub async fn list_public_openings() -> Result<Vec<PublicOpening>, AppError> {
    use crate::server::{Backend, auth, openings};
    auth::public();
    openings::public_list(&Backend::current()?.db).await
}

/// One open, published opening; anything else answers 404.
#[server(endpoint = "get_public_opening", input = Json)]
pub async fn get_public_opening(id: OpeningId) -> Result<PublicOpening, AppError> {
    use crate::server::{Backend, auth, openings};
    auth::public();
    openings::public_get(&Backend::current()?.db, id).await
}
