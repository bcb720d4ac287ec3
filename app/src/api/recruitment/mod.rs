//! Recruitment: the public careers site, openings and their pipelines, candidates, CV intake
//! and the reports.

pub mod candidates;
pub mod careers;
pub mod intake;
pub mod openings;
pub mod reports;
