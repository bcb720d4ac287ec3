//! Interviews: scheduling with invitations and calendar entries, the interview kit, each
//! interviewer's scorecard, and HR's comparison of the scorecards of an application.

pub mod access;
pub mod calendar;
pub mod comparison;
pub mod demo;
pub mod invitations;
pub mod kits;
pub mod scheduling;
pub mod scorecards;
pub mod times;
pub mod views;
