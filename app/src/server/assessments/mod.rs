//! Assessments: practical test templates with their rubrics, the tests HR give to applications,
//! and the grading that turns a rubric's points into competency levels.

pub mod access;
pub mod demo;
pub mod grading;
pub mod online;
pub mod practical;
pub mod summary;
pub mod templates;

use crate::model::{AppError, FieldErrors};

/// A refusal of `field` with `code` (`form` for the form as a whole).
fn refuse(field: &str, code: &str) -> AppError {
    AppError::Invalid(FieldErrors::single(field, code))
}
