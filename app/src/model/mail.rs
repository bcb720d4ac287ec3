//! The outbox as admins see it: how many messages wait, retry or failed, and the failed ones.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::MessageId;

/// A message the sender gave up on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedMessage {
    pub id: MessageId,
    pub to: String,
    pub subject: String,
    pub attempts: i32,
    /// The last answer of the mail server, or why the message could not be made.
    pub last_error: String,
    pub failed_at: DateTime<Utc>,
}

/// The outbox page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailBacklog {
    /// Not sent yet, still being tried.
    pub waiting: u64,
    /// Of those, how many failed at least once.
    pub retrying: u64,
    /// Failed for good.
    pub failed: u64,
    pub sent_this_week: u64,
    /// The latest failed messages, newest first.
    pub latest_failed: Vec<FailedMessage>,
}
