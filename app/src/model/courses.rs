//! The course catalogue: what a course is (kind, hours, the competencies it develops and the
//! level it brings them to, a validity for recurring training, the job profiles it is mandatory
//! for) and its sessions.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::users::not_blank;
use super::{CourseId, CourseSessionId, LocalSpan};

/// How a course is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourseKind {
    /// Run by the company's own trainers.
    Internal,
    /// Run by an outside provider.
    External,
    Seminar,
    Elearning,
}

impl CourseKind {
    pub const ALL: [CourseKind; 4] = [
        CourseKind::Internal,
        CourseKind::External,
        CourseKind::Seminar,
        CourseKind::Elearning,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CourseKind::Internal => "internal",
            CourseKind::External => "external",
            CourseKind::Seminar => "seminar",
            CourseKind::Elearning => "elearning",
        }
    }

    pub fn parse(value: &str) -> Option<CourseKind> {
        CourseKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// A competency a course develops, by its two names, and the level (1–5) it brings it to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Develops {
    pub name_it: String,
    pub name_en: String,
    pub level: u8,
}

/// A course as the catalogue lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseSummary {
    pub id: CourseId,
    pub title_it: String,
    pub title_en: String,
    pub provider: String,
    pub kind: CourseKind,
    pub hours: u32,
    /// For recurring training: how long a completion counts, in months.
    pub validity_months: Option<u32>,
    pub develops: Vec<Develops>,
    /// (Italian, English) titles of the job profiles it is mandatory for.
    pub mandatory_for: Vec<(String, String)>,
    /// Its next session, in the reader's time zone, if one is planned.
    pub next_session: Option<LocalSpan>,
}

/// A session of a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: CourseSessionId,
    /// In the reader's time zone.
    pub when: LocalSpan,
    /// A place, or the link of an online session.
    pub place: String,
    pub capacity: u32,
    pub trainer: String,
}

/// A course's page: the summary, its description and its sessions to come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDetail {
    pub summary: CourseSummary,
    pub description_it: String,
    pub description_en: String,
    /// Sessions not yet over, soonest first.
    pub sessions: Vec<SessionView>,
}

/// A course with its sessions still to start: the places an enrolment can choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoursePlaces {
    pub course: CourseSummary,
    pub sessions: Vec<SessionView>,
}

/// The most places a session can have.
pub const MOST_PLACES: i32 = 500;

/// A session as HR plan it: its start and end as wall-clock times in their own time zone
/// (`2026-12-03T09:00`), a place or link, the places and the trainer. Plain form fields, so
/// all text; the server reads the times and the places.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct SessionInput {
    pub starts_at: String,
    pub ends_at: String,
    #[validate(custom(function = "not_blank"), length(max = 300, code = "too_long"))]
    pub place: String,
    pub capacity: String,
    #[validate(custom(function = "not_blank"), length(max = 200, code = "too_long"))]
    pub trainer: String,
}

impl SessionInput {
    /// The places typed, if they are a whole number from 1 to `MOST_PLACES`.
    pub fn capacity(&self) -> Option<i32> {
        self.capacity
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=MOST_PLACES).contains(n))
    }
}
