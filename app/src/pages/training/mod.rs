//! Training: the course catalogue and a course's page, "My training", an employee's training
//! on their page, the decisions waiting for HR and managers, and the hours ledger.

pub mod catalogue;
pub mod course_editor;
pub mod decisions;
pub mod employee_training;
pub mod hours;
pub mod mine;
pub mod record_list;
