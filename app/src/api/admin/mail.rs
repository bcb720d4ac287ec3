//! The outbox for admins: what waits, what failed, and sending a failed message again.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, MailBacklog, MessageId};

/// How many messages wait, retry and failed, and the latest failed ones.
#[server(endpoint = "mail_backlog", input = Json)]
pub async fn get_mail_backlog() -> Result<MailBacklog, AppError> {
    use crate::server::{Backend, accounts::auth, mail};
    auth::authorize(Permission::OverseeMail)?;
    mail::backlog(&Backend::current()?.db).await
}

/// Puts a failed message back in the queue, to be sent at the sender's next pass.
#[server(endpoint = "send_message_again", input = Json)]
pub async fn send_message_again(id: MessageId) -> Result<(), AppError> {
    use crate::server::{Backend, accounts::auth, mail};
    let me = auth::authorize(Permission::OverseeMail)?;
    mail::send_again(&Backend::current()?.db, me.id, id).await
}
