//! The interviews area: an interviewer's agenda, the interview page (kit, scorecard, the
//! others' scorecards and the comparison, HR's changes), the printable kit, the form that
//! schedules one, and an opening's interviews.

pub mod agenda;
pub mod comparison;
pub mod detail;
pub mod fields;
pub mod kit;
pub mod manage;
pub mod opening;
pub mod questions;
pub mod schedule;
pub mod scorecard;
