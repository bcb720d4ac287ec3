//! Training: the course catalogue and the planning of its sessions, places on courses and
//! how they went, training logged by employees, and the pages that read them.

pub mod catalogue;
pub mod course_editor;
pub mod demo;
pub mod enrolment;
pub mod ledger;
pub mod outcomes;
pub mod records;
pub mod sessions;

use crate::model::{AppError, FieldErrors};

/// A refusal of the form: `code` on `field`.
pub(crate) fn refuse(field: &str, code: &str) -> AppError {
    AppError::Invalid(FieldErrors::single(field, code))
}
