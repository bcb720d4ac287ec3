//! Employees: HR's list, an employee's page (and one's own), and the hire form.

pub mod hire;
pub mod list;
pub mod record;
