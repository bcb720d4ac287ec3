//! The sender: claims due messages from the outbox, delivers each, and records the outcome,
//! retrying a failed message later with a growing pause until it gives up. Run one in every
//! server process; the outbox's claims keep them from sending a message twice.

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use lettre::message::Mailbox;
use sea_orm::DatabaseConnection;

use super::outbox::{self, AfterFailure};
use super::transport::{self, DeliveryError, Transport};
use crate::model::AppError;

/// How often and how long a failed message is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Tries in all, the first included, before a message is failed for good.
    pub max_attempts: i32,
    /// The pause after the first failure; each later pause doubles it.
    pub first_pause: TimeDelta,
    /// The longest pause.
    pub longest_pause: TimeDelta,
}

impl Default for RetryPolicy {
    /// Ten tries over about six hours: pauses of 1, 2, 4 … 64 minutes, then two hours.
    fn default() -> Self {
        Self {
            max_attempts: 10,
            first_pause: TimeDelta::minutes(1),
            longest_pause: TimeDelta::hours(2),
        }
    }
}

impl RetryPolicy {
    /// What follows the `attempts`-th failed try (counting from 1) of a message.
    pub fn after(&self, attempts: i32, error: &DeliveryError) -> AfterFailure {
        if matches!(error, DeliveryError::Permanent(_)) || attempts >= self.max_attempts {
            return AfterFailure::GiveUp;
        }
        let doublings = u32::try_from(attempts.saturating_sub(1))
            .unwrap_or(0)
            .min(20);
        let pause = self
            .first_pause
            .checked_mul(1 << doublings)
            .unwrap_or(self.longest_pause)
            .min(self.longest_pause);
        AfterFailure::RetryAt(Utc::now() + pause)
    }
}

/// What one pass over the due messages did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    /// Failed this time, to be tried again.
    pub retrying: usize,
    /// Failed for good.
    pub failed: usize,
}

impl Pass {
    fn handled(&self) -> usize {
        self.sent + self.retrying + self.failed
    }
}

/// A sender working through one database's outbox.
#[derive(Debug, Clone)]
pub struct Sender {
    db: DatabaseConnection,
    transport: Transport,
    from: Mailbox,
    policy: RetryPolicy,
    /// Who claims: this host and process, and a part unique to this sender.
    holder: String,
    /// Messages claimed at a time.
    batch: u64,
    /// How long a claim holds: longer than a batch takes to send.
    lease: TimeDelta,
}

impl Sender {
    pub fn new(db: DatabaseConnection, transport: Transport, from: Mailbox) -> Self {
        Self {
            db,
            transport,
            from,
            policy: RetryPolicy::default(),
            holder: crate::server::jobs::holder(),
            batch: 20,
            lease: TimeDelta::minutes(10),
        }
    }

    pub fn with_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    pub fn with_batch(mut self, batch: u64) -> Self {
        self.batch = batch.max(1);
        self
    }

    pub fn holder(&self) -> &str {
        &self.holder
    }

    /// Claims one batch of due messages and delivers them.
    pub async fn send_batch(&self) -> Result<Pass, AppError> {
        let claimed = outbox::claim(&self.db, &self.holder, self.batch, self.lease).await?;
        let mut pass = Pass::default();
        for message in claimed {
            if !outbox::renew(&self.db, message.id, &self.holder, self.lease).await? {
                tracing::warn!(
                    message_id = message.id,
                    "claim lost before sending; left to its new holder"
                );
                continue;
            }
            let delivered = match transport::compose(&message, &self.from) {
                Ok(mime) => self.transport.deliver(message.id, &mime).await,
                Err(error) => Err(error),
            };
            match delivered {
                Ok(()) => {
                    if outbox::mark_sent(&self.db, message.id, &self.holder).await? {
                        tracing::info!(message_id = message.id, "message sent");
                    } else {
                        tracing::warn!(
                            message_id = message.id,
                            "message sent after its claim ran out"
                        );
                    }
                    pass.sent += 1;
                }
                Err(error) => {
                    let after = self.policy.after(message.attempts + 1, &error);
                    outbox::mark_attempt_failed(
                        &self.db,
                        message.id,
                        &self.holder,
                        &error.to_string(),
                        after,
                    )
                    .await?;
                    match after {
                        AfterFailure::RetryAt(at) => {
                            tracing::warn!(message_id = message.id, %error, retry_at = %at, "message not sent; will try again");
                            pass.retrying += 1;
                        }
                        AfterFailure::GiveUp => {
                            tracing::error!(message_id = message.id, %error, "message not sent; gave up");
                            pass.failed += 1;
                        }
                    }
                }
            }
        }
        Ok(pass)
    }

    /// Sends batches until none is due.
    pub async fn send_due(&self) -> Result<Pass, AppError> {
        let mut total = Pass::default();
        loop {
            let pass = self.send_batch().await?;
            if pass.handled() == 0 {
                return Ok(total);
            }
            total.sent += pass.sent;
            total.retrying += pass.retrying;
            total.failed += pass.failed;
        }
    }

    /// Sends what is due every `poll`, for as long as the process runs.
    pub async fn run(self, poll: Duration) {
        let mut ticks = tokio::time::interval(poll);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tracing::info!(transport = ?self.transport, from = %self.from, "mail sender started");
        loop {
            ticks.tick().await;
            if let Err(error) = self.send_due().await {
                tracing::error!(%error, "the mail sender's pass failed; the next one tries again");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pause(after: AfterFailure) -> TimeDelta {
        match after {
            AfterFailure::RetryAt(at) => at - Utc::now(),
            AfterFailure::GiveUp => panic!("gave up"),
        }
    }

    fn close(a: TimeDelta, b: TimeDelta) -> bool {
        (a - b).abs() < TimeDelta::seconds(5)
    }

    #[test]
    fn a_failed_message_waits_twice_as_long_after_each_try_up_to_the_longest_pause() {
        let policy = RetryPolicy::default();
        let busy = DeliveryError::Transient("421 busy".into());
        assert!(close(pause(policy.after(1, &busy)), TimeDelta::minutes(1)));
        assert!(close(pause(policy.after(2, &busy)), TimeDelta::minutes(2)));
        assert!(close(pause(policy.after(4, &busy)), TimeDelta::minutes(8)));
        assert!(close(pause(policy.after(7, &busy)), TimeDelta::minutes(64)));
        assert!(close(pause(policy.after(8, &busy)), TimeDelta::hours(2)));
        assert!(close(pause(policy.after(9, &busy)), TimeDelta::hours(2)));
        let patient = RetryPolicy {
            max_attempts: 100,
            ..policy
        };
        assert!(close(pause(patient.after(60, &busy)), TimeDelta::hours(2)));
    }

    #[test]
    fn a_message_is_given_up_after_the_last_try_or_at_once_when_refused_for_good() {
        let policy = RetryPolicy::default();
        let busy = DeliveryError::Transient("421 busy".into());
        assert_eq!(policy.after(10, &busy), AfterFailure::GiveUp);
        let refused = DeliveryError::Permanent("550 no such user".into());
        assert_eq!(policy.after(1, &refused), AfterFailure::GiveUp);
    }
}
