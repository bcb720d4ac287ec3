//! Employees: HR's list and every employee's page (their own, their team's for a manager,
//! anyone's for HR), HR's changes, the hire, and the welcome link of a new account.

pub mod hiring;
pub mod records;
