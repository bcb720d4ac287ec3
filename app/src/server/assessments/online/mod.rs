//! Online tests: HR send one through a private link by email, the candidate takes it with the
//! clock kept by the server, the server scores what it can and the grader the short answers.

pub mod banks;
pub mod review;
pub mod send;
pub mod take;

use crate::model::{AppError, QuestionBody};
use crate::server::entities::online_test_item;

/// The question of `item`, as stored.
fn body(item: &online_test_item::Model) -> Result<QuestionBody, AppError> {
    serde_json::from_str(&item.body).map_err(|error| {
        tracing::error!(%error, item = item.id, "an online question does not parse");
        AppError::Internal
    })
}

/// The answer saved for `item`, if any (one that no longer parses counts as none).
fn answer(item: &online_test_item::Model) -> Option<crate::model::Answer> {
    item.answer
        .as_deref()
        .and_then(|a| serde_json::from_str(a).ok())
}
