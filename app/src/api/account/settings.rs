//! The signed-in user's own account.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, ChangePasswordInput};

/// Changes the caller's password; their other sessions end.
#[server(endpoint = "change_password", input = Json)]
pub async fn change_password(input: ChangePasswordInput) -> Result<(), AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts::auth, accounts::users};
    let me = auth::authorize(Permission::OwnAccount)?;
    validate(&input)?;
    let backend = Backend::current()?;
    users::change_own_password(
        &backend,
        &me,
        input.current_password,
        input.new_password,
        &auth::client_ip(),
    )
    .await
}

/// Sets the time zone the user reads and types times in. A plain form posts here; the
/// browser then goes back to the account page.
#[server(endpoint = "set_time_zone")]
pub async fn set_time_zone(time_zone: String) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, accounts::users};
    let me = auth::authorize(Permission::OwnAccount)?;
    users::set_time_zone(&Backend::current()?.db, &me, &time_zone).await
}
