//! The competency framework and the job profiles built on it.

pub mod choices;
pub mod competencies;
pub mod profiles;
