//! Interviews: scheduling with invitations and calendar entries, the interview kit, each
//! interviewer's scorecard, and HR's comparison of the scorecards of an application.

pub mod access;
pub mod calendar;
pub mod comparison;
pub mod demo;
pub mod invitations;
pub mod kits;
pub mod scheduling;
pub mod scorecards;
pub mod seats;
pub mod times;
pub mod views;

use crate::model::{AppError, FieldErrors};

/// A refusal of `field` with `code` (`form` for the form as a whole).
fn refuse(field: &str, code: &str) -> AppError {
    AppError::Invalid(FieldErrors::single(field, code))
}
