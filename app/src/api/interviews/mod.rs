//! Interviews: HR schedule, move and cancel them; interviewers read their own with the kit and
//! fill in their scorecards; HR edit each profile's suggested questions.

pub mod kits;
pub mod scheduling;
pub mod scorecards;
