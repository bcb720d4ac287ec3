//! Assessments: HR write practical test templates and give tests to applications; graders see
//! and grade the tests given to them.

pub mod online;
pub mod practical;
pub mod summary;
pub mod templates;
