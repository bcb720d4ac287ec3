//! The signed-in user's own account.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, ChangePasswordInput};

/// Changes the caller's password; their other sessions end.
#[server(endpoint = "change_password", input = Json)]
pub async fn change_password(input: ChangePasswordInput) -> Result<(), AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts, auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    validate(&input)?;
    let backend = Backend::current()?;
    accounts::change_own_password(&backend.db, &me, input.current_password, input.new_password)
        .await
}
