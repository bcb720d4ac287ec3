//! Email: letters queued in the outbox in the same transaction as the change that causes them,
//! and a sender in every server process that delivers them over SMTP, or writes them as `.eml`
//! files when no SMTP server is configured.

pub mod letter;
pub mod outbox;
pub mod sender;
pub mod transport;

pub use letter::{Attachment, Letter};
pub use sender::{RetryPolicy, Sender};
pub use transport::{DeliveryError, Security, SmtpSettings, Transport};

use sea_orm::DatabaseConnection;

use super::audit;
use crate::model::{AppError, FailedMessage, MailBacklog, MessageId, UserId};

/// The outbox page: counts, and the 50 latest failed messages.
pub async fn backlog(db: &DatabaseConnection) -> Result<MailBacklog, AppError> {
    let backlog = outbox::backlog(db, 50).await?;
    Ok(MailBacklog {
        waiting: backlog.waiting,
        retrying: backlog.retrying,
        failed: backlog.failed,
        sent_this_week: backlog.sent_this_week,
        latest_failed: backlog
            .latest_failed
            .into_iter()
            .map(|message| FailedMessage {
                id: MessageId(message.id),
                to: message.to_address,
                subject: message.subject,
                attempts: message.attempts,
                last_error: message.last_error.unwrap_or_default(),
                failed_at: message.failed_at.unwrap_or(message.created_at),
            })
            .collect(),
    })
}

/// Puts failed message `id` back in the queue, recording who did.
pub async fn send_again(
    db: &DatabaseConnection,
    actor: UserId,
    id: MessageId,
) -> Result<(), AppError> {
    super::write(db, move |tx| {
        Box::pin(async move {
            outbox::send_again(tx, id).await?;
            audit::record(tx, actor, audit::Action::MessageSentAgain, "outbox", id.0).await
        })
    })
    .await?;
    tracing::info!(message_id = %id, actor = %actor, "failed message queued again");
    Ok(())
}
