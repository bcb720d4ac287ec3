//! Recruitment: the public careers site, openings and their pipelines, candidates, CV intake
//! the reports, and HR's worklist.

pub mod candidates;
pub mod careers;
pub mod intake;
pub mod openings;
pub mod reports;
pub mod worklist;
