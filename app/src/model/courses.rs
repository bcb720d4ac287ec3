//! The course catalogue: what a course is (kind, hours, the competencies it develops and the
//! level it brings them to, a validity for recurring training, the job profiles it is mandatory
//! for) and its sessions.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::catalogue::{distinct, read_levels, read_validity, required_text};
use super::course_records::read_hours;
use super::users::not_blank;
use super::{AppError, CourseId, CourseSessionId, FieldErrors, LocalSpan};

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
    /// Still offered; a retired course keeps its records but takes no new places.
    pub active: bool,
    pub develops: Vec<Develops>,
    /// (Italian, English) titles of the job profiles it is mandatory for.
    pub mandatory_for: Vec<(String, String)>,
    /// Its next session, in the reader's time zone, if one is planned.
    pub next_session: Option<LocalSpan>,
}

/// HR's form for a course, as typed: `levels` holds a level ("" for none) per competency
/// id, `profiles` the ids of the job profiles it is mandatory for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseInput {
    pub title_it: String,
    pub title_en: String,
    pub description_it: String,
    pub description_en: String,
    pub provider: String,
    pub kind: String,
    pub hours: String,
    pub validity_months: String,
    pub active: bool,
    pub levels: Vec<(i32, String)>,
    pub profiles: Vec<i32>,
}

/// A course as checked: what the catalogue stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseFields {
    pub title_it: String,
    pub title_en: String,
    pub description_it: String,
    pub description_en: String,
    pub provider: String,
    pub kind: CourseKind,
    pub hours: u32,
    pub validity_months: Option<u32>,
    pub active: bool,
    /// (competency id, level 1–5).
    pub develops: Vec<(i32, u8)>,
    pub profiles: Vec<i32>,
}

/// The longest description a course can have, in characters.
pub const MOST_DESCRIPTION: usize = 4000;

impl CourseInput {
    /// Checks the form, every refusal on its field: the titles, provider and kind are
    /// required, the hours 1–1,000, a validity blank (training that does not recur) or 1–600
    /// months, each level 1–5; the descriptions may be blank.
    pub fn check(&self) -> Result<CourseFields, AppError> {
        let mut errors = FieldErrors::default();
        let title_it = required_text(&self.title_it, "title_it", 200, &mut errors);
        let title_en = required_text(&self.title_en, "title_en", 200, &mut errors);
        let provider = required_text(&self.provider, "provider", 200, &mut errors);
        let description_it = self.description_it.trim().to_owned();
        let description_en = self.description_en.trim().to_owned();
        for (field, text) in [
            ("description_it", &description_it),
            ("description_en", &description_en),
        ] {
            if text.chars().count() > MOST_DESCRIPTION {
                errors.add_with(field, "too_long", MOST_DESCRIPTION as u64);
            }
        }
        let kind = CourseKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "required");
        }
        let hours = read_hours(&self.hours, &mut errors);
        let validity_months = read_validity(&self.validity_months, &mut errors);
        let develops = read_levels(&self.levels, &mut errors);
        match kind {
            Some(kind) if errors.is_empty() => Ok(CourseFields {
                title_it,
                title_en,
                description_it,
                description_en,
                provider,
                kind,
                hours,
                validity_months,
                active: self.active,
                develops,
                profiles: distinct(&self.profiles),
            }),
            _ => Err(AppError::Invalid(errors)),
        }
    }
}

/// HR's form for one course (or a new one), with every competency and job profile it may
/// name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseForm {
    /// `None` for a new course.
    pub id: Option<CourseId>,
    pub input: CourseInput,
    /// (id, Italian name, English name) of every active competency, and of any retired one
    /// the course still develops.
    pub competencies: Vec<(i32, String, String)>,
    /// (id, Italian title, English title) of every job profile.
    pub profiles: Vec<(i32, String, String)>,
}

/// The code a new course is filed under: its English title in lower case, words joined by
/// hyphens ("Excel for administration" → `excel-for-administration`), at most 60 characters.
pub fn course_code(title_en: &str) -> String {
    let mut code = String::new();
    for c in title_en.chars() {
        if c.is_ascii_alphanumeric() {
            code.push(c.to_ascii_lowercase());
        } else if !code.is_empty() && !code.ends_with('-') {
            code.push('-');
        }
        if code.len() >= 60 {
            break;
        }
    }
    let code = code.trim_end_matches('-');
    if code.is_empty() {
        "course".to_owned()
    } else {
        code.to_owned()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn typed() -> CourseInput {
        CourseInput {
            title_it: " Sicurezza antincendio ".into(),
            title_en: "Fire safety".into(),
            description_it: String::new(),
            description_en: "Evacuation drills.".into(),
            provider: "Vigili del fuoco".into(),
            kind: "external".into(),
            hours: "8".into(),
            validity_months: "60".into(),
            active: true,
            levels: vec![(3, "4".into()), (5, String::new()), (3, "2".into())],
            profiles: vec![2, 1, 2],
        }
    }

    #[test]
    fn a_course_as_typed_is_trimmed_with_each_competency_and_profile_once() {
        let checked = typed().check().unwrap();
        assert_eq!(checked.title_it, "Sicurezza antincendio");
        assert_eq!(checked.kind, CourseKind::External);
        assert_eq!(checked.hours, 8);
        assert_eq!(checked.validity_months, Some(60));
        assert_eq!(checked.develops, vec![(3, 4)]);
        assert_eq!(checked.profiles, vec![1, 2]);
    }

    #[test]
    fn each_mistake_in_a_course_is_refused_on_its_own_field() {
        let input = CourseInput {
            title_en: "  ".into(),
            kind: "webinar".into(),
            hours: "0".into(),
            validity_months: "601".into(),
            levels: vec![(3, "9".into())],
            description_it: "x".repeat(MOST_DESCRIPTION + 1),
            ..typed()
        };
        let AppError::Invalid(errors) = input.check().unwrap_err() else {
            panic!("not a field error");
        };
        assert_eq!(errors.get("title_en").unwrap().code, "required");
        assert_eq!(errors.get("kind").unwrap().code, "required");
        assert_eq!(errors.get("hours").unwrap().code, "hours_range");
        assert_eq!(
            errors.get("validity_months").unwrap().code,
            "validity_range"
        );
        assert_eq!(errors.get("level_3").unwrap().code, "level_range");
        assert_eq!(errors.get("description_it").unwrap().code, "too_long");
        assert!(errors.get("title_it").is_none());
    }

    #[test]
    fn a_blank_validity_means_training_that_does_not_recur() {
        let input = CourseInput {
            validity_months: String::new(),
            ..typed()
        };
        assert_eq!(input.check().unwrap().validity_months, None);
    }

    #[test]
    fn a_course_code_is_its_english_title_in_lower_case_joined_by_hyphens() {
        assert_eq!(
            course_code("Excel for administration"),
            "excel-for-administration"
        );
        assert_eq!(course_code("  CRM & ticketing!  "), "crm-ticketing");
        assert_eq!(course_code("Über"), "ber");
        assert_eq!(course_code("¿?"), "course");
        assert!(course_code(&"word ".repeat(40)).len() <= 60);
    }
}
