//! The caller's notifications.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, Inbox};

/// How many of the caller's notifications are unread (the header's bell).
#[server(endpoint = "unread_notifications", input = Json)]
pub async fn unread_notifications() -> Result<u32, AppError> {
    use crate::server::notifications::inbox;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    inbox::unread(&Backend::current()?.db, me.id).await
}

/// The caller's latest notifications, how many are unread, and whether reminders also come
/// by email.
#[server(endpoint = "my_notifications", input = Json)]
pub async fn my_notifications() -> Result<Inbox, AppError> {
    use crate::server::notifications::inbox;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    inbox::of(&Backend::current()?.db, me.id).await
}
