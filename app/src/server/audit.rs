//! The audit log: who viewed or changed a sensitive record, and when. Ids only, no content.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use crate::model::{AppError, UserId};
use crate::server::entities::audit_event;

/// What was done to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A candidate file (CV, cover letter) was downloaded.
    FileDownloaded,
    /// A candidate's page (their profile and the list of their CVs) was viewed.
    CandidateViewed,
    /// Another candidate record was merged into this one.
    CandidatesMerged,
    /// Everything about a candidate was exported.
    CandidateExported,
    /// A candidate was erased at their request.
    CandidateErased,
    /// A message the sender had given up on was queued again.
    MessageSentAgain,
    /// A submitted scorecard was changed.
    ScorecardAmended,
    /// Everything about an employee was exported.
    EmployeeExported,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::FileDownloaded => "file_downloaded",
            Action::CandidateViewed => "candidate_viewed",
            Action::CandidatesMerged => "candidates_merged",
            Action::CandidateExported => "candidate_exported",
            Action::CandidateErased => "candidate_erased",
            Action::MessageSentAgain => "message_sent_again",
            Action::ScorecardAmended => "scorecard_amended",
            Action::EmployeeExported => "employee_exported",
        }
    }
}

/// Records `action` by `actor` on a `subject_type` row.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: UserId,
    action: Action,
    subject_type: &'static str,
    subject_id: i32,
) -> Result<(), AppError> {
    audit_event::ActiveModel {
        actor_id: Set(Some(actor.0)),
        action: Set(action.as_str().to_owned()),
        subject_type: Set(subject_type.to_owned()),
        subject_id: Set(subject_id),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
