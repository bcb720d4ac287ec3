//! Employees: every staff member's record, the list HR search, who may read whom, an
//! employee's page with their competencies and timeline, and the hire that makes a candidate
//! an employee.

pub mod access;
pub mod competencies;
pub mod demo;
pub mod directory;
pub mod export;
pub mod hiring;
pub mod records;
pub mod timeline;
