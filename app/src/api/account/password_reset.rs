//! A forgotten password: what a reset link opens. Asking for a link and choosing the new
//! password are plain forms (`forms::account` on the server), which call the service directly.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, ResetLink};

/// What a password reset link opens (anyone holding it).
#[server(endpoint = "password_reset_link", input = Json)]
pub async fn password_reset_link(token: String) -> Result<ResetLink, AppError> {
    use crate::server::accounts::password_resets;
    use crate::server::{Backend, accounts::auth};
    auth::public();
    password_resets::open(&Backend::current()?.db, &token, chrono::Utc::now()).await
}
