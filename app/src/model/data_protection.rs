//! Data protection for applicants: the privacy notice's versions, how long rejected
//! candidates are kept, and the log of the job that anonymises them.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::PrivacyNotice;
use super::users::not_blank;

/// A new version of the privacy notice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NoticeInput {
    #[validate(custom(function = "not_blank"), length(max = 20000, code = "too_long"))]
    pub text_it: String,
    #[validate(custom(function = "not_blank"), length(max = 20000, code = "too_long"))]
    pub text_en: String,
}

/// Months a rejected candidate is kept before being anonymised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct RetentionPolicy {
    /// For candidates who did not agree to stay in the talent pool.
    #[validate(range(min = 1, max = 120, code = "months_range"))]
    pub months_without_consent: u32,
    /// For candidates who agreed to stay in the talent pool.
    #[validate(range(min = 1, max = 120, code = "months_range"))]
    pub months_with_consent: u32,
}

/// One run of the retention job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRunView {
    pub at: chrono::DateTime<chrono::Utc>,
    /// Who ran it; none for the daily scheduled run.
    pub actor_name: Option<String>,
    pub anonymised: u32,
    pub files_deleted: u32,
}

/// The data protection page: the notice in force, the policy, the recent runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataProtection {
    pub notice: PrivacyNotice,
    pub notice_published_at: chrono::DateTime<chrono::Utc>,
    pub policy: RetentionPolicy,
    /// Candidates the job would anonymise if it ran now.
    pub due_now: u64,
    pub runs: Vec<RetentionRunView>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn retention_is_between_one_month_and_ten_years() {
        let policy = RetentionPolicy {
            months_without_consent: 0,
            months_with_consent: 121,
        };
        let errors = validate(&policy).unwrap_err().field_errors();
        assert_eq!(
            errors.get("months_without_consent").unwrap().code,
            "months_range"
        );
        assert_eq!(
            errors.get("months_with_consent").unwrap().code,
            "months_range"
        );
    }
}
