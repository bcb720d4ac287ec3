//! Recruitment for HR: openings and their boards, candidates (list, page, actions), CV intake
//! the reports, and HR's worklist.

pub mod board;
pub mod candidate_actions;
pub mod candidate_list;
pub mod candidates;
pub mod intake;
pub mod openings;
pub mod reports;
pub mod worklist;
