//! Recruitment's services: applications from the careers site, openings and their pipelines,
//! candidates (list, search, detail, duplicates, notes, personal data), CV intake and import,
//! record-level access, the reports, and HR's worklist.

pub mod access;
pub mod application_facts;
pub mod applications;
pub mod candidates;
pub mod duplicates;
pub mod import;
pub mod intake;
pub mod notes;
pub mod openings;
pub mod person_data;
pub mod pipeline;
pub mod reports;
pub mod search;
pub mod worklist;
