//! The audit log: who viewed or changed a sensitive record, or an account's password or second
//! factor, every sign-in and failed attempt, and when. Ids only, no content.

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
    /// Someone not signed in asked for a link to reset the account's forgotten password.
    PasswordResetRequested,
    /// The account's holder chose a new password through a reset link.
    PasswordReset,
    /// An admin set a new password for the account.
    PasswordResetByAdmin,
    /// The account's holder signed in.
    SignedIn,
    /// Someone tried to sign in to the account with a wrong password or code.
    SignInFailed,
    /// Failed attempts locked the account's sign-in (from anywhere but its known devices, or
    /// from one known device) for the throttling window.
    SignInLockedOut,
    /// The account's holder turned on two-factor sign-in.
    TwoFactorEnabled,
    /// The account's holder turned off two-factor sign-in.
    TwoFactorDisabled,
    /// An admin removed the account's second factor (and recovery codes).
    TwoFactorResetByAdmin,
    /// A recovery code stood in for the authenticator app.
    RecoveryCodeUsed,
    /// The account's holder made new recovery codes (the old ones stop working).
    RecoveryCodesRenewed,
    /// An admin changed which roles must sign in with a second factor.
    TwoFactorRolesChanged,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::FileDownloaded => "file_downloaded",
            Action::CandidateViewed => "candidate_viewed",
            Action::CandidatesMerged => "candidates_merged",
            Action::CandidateExported => "candidate_exported",
            Action::CandidateErased => "candidate_erased",
            Action::MessageSentAgain => "message_sent_again",
            Action::ScorecardAmended => "scorecard_amended",
            Action::EmployeeExported => "employee_exported",
            Action::PasswordResetRequested => "password_reset_requested",
            Action::PasswordReset => "password_reset",
            Action::PasswordResetByAdmin => "password_reset_by_admin",
            Action::SignedIn => "signed_in",
            Action::SignInFailed => "sign_in_failed",
            Action::SignInLockedOut => "sign_in_locked_out",
            Action::TwoFactorEnabled => "two_factor_enabled",
            Action::TwoFactorDisabled => "two_factor_disabled",
            Action::TwoFactorResetByAdmin => "two_factor_reset_by_admin",
            Action::RecoveryCodeUsed => "recovery_code_used",
            Action::RecoveryCodesRenewed => "recovery_codes_renewed",
            Action::TwoFactorRolesChanged => "two_factor_roles_changed",
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
    insert(db, Some(actor), action, subject_type, subject_id).await
}

/// Records `action` on a `subject_type` row by someone not signed in.
pub async fn record_unattributed(
    db: &impl ConnectionTrait,
    action: Action,
    subject_type: &'static str,
    subject_id: i32,
) -> Result<(), AppError> {
    insert(db, None, action, subject_type, subject_id).await
}

async fn insert(
    db: &impl ConnectionTrait,
    actor: Option<UserId>,
    action: Action,
    subject_type: &'static str,
    subject_id: i32,
) -> Result<(), AppError> {
    audit_event::ActiveModel {
        actor_id: Set(actor.map(|a| a.0)),
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
