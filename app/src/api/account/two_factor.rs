//! One's own second factor, and the set-up a sign-in asks for when the role requires one. The
//! forms that turn it on or off, make new recovery codes and complete a sign-in with a code
//! are plain forms (`forms::two_factor` on the server), which call the services directly.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, TwoFactorSetup, TwoFactorStatus};

/// The caller's second factor: on or off, recovery codes left, required by their role.
#[server(endpoint = "my_two_factor", input = Json)]
pub async fn my_two_factor() -> Result<TwoFactorStatus, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, accounts::second_factor};
    let me = auth::authorize(Permission::OwnAccount)?;
    second_factor::status(&Backend::current()?.db, me.id, me.role).await
}

/// The secret (and its QR code) the caller is setting up, while their second factor is off.
#[server(endpoint = "my_two_factor_setup", input = Json)]
pub async fn my_two_factor_setup() -> Result<TwoFactorSetup, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, accounts::second_factor};
    let me = auth::authorize(Permission::OwnAccount)?;
    second_factor::begin(
        &Backend::current()?.db,
        me.id,
        &me.email,
        chrono::Utc::now(),
    )
    .await
}

/// The secret (and its QR code) to set up for the sign-in waiting in this browser (its
/// cookie), whose role requires a second factor.
#[server(endpoint = "sign_in_setup", input = Json)]
pub async fn sign_in_setup() -> Result<TwoFactorSetup, AppError> {
    use crate::server::{Backend, accounts::auth, accounts::sign_in};
    auth::public();
    let challenge = auth::request_cookie(sign_in::CHALLENGE_COOKIE).unwrap_or_default();
    sign_in::setup(&Backend::current()?.db, &challenge, chrono::Utc::now()).await
}
