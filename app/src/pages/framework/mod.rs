//! The competency framework and the job profiles: lists, editors and read-only views.

pub mod competencies;
pub mod profiles;
