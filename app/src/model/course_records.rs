//! Course records: an employee's place on a course and how it went, training they logged
//! themselves for HR to review, the forms that change them, and "My training".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    AppError, CourseId, CourseKind, CourseRecordId, CourseSessionId, CourseSummary,
    EmployeeCompetency, EmployeeId, FieldErrors, LocalSpan, SessionView,
};

/// Where a record stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordStatus {
    /// Asked for by the employee; their manager or HR decide.
    Requested,
    /// On a session's waiting list: it was full.
    Waiting,
    /// In the plan, with no session yet.
    Planned,
    /// A place on a session.
    Enrolled,
    InProgress,
    Completed,
    Failed,
    Cancelled,
}

impl RecordStatus {
    pub const ALL: [RecordStatus; 8] = [
        RecordStatus::Requested,
        RecordStatus::Waiting,
        RecordStatus::Planned,
        RecordStatus::Enrolled,
        RecordStatus::InProgress,
        RecordStatus::Completed,
        RecordStatus::Failed,
        RecordStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecordStatus::Requested => "requested",
            RecordStatus::Waiting => "waiting",
            RecordStatus::Planned => "planned",
            RecordStatus::Enrolled => "enrolled",
            RecordStatus::InProgress => "in_progress",
            RecordStatus::Completed => "completed",
            RecordStatus::Failed => "failed",
            RecordStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(value: &str) -> Option<RecordStatus> {
        RecordStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == value.trim())
    }

    /// Still to happen or happening: the employee holds (or waits for) a place.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            RecordStatus::Requested
                | RecordStatus::Waiting
                | RecordStatus::Planned
                | RecordStatus::Enrolled
                | RecordStatus::InProgress
        )
    }

    /// Over, one way or the other.
    pub fn is_done(self) -> bool {
        matches!(self, RecordStatus::Completed | RecordStatus::Failed)
    }

    /// The outcomes HR record on a record.
    pub const OUTCOMES: [RecordStatus; 4] = [
        RecordStatus::InProgress,
        RecordStatus::Completed,
        RecordStatus::Failed,
        RecordStatus::Cancelled,
    ];
}

/// HR's review of training an employee logged themselves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    /// Not self-logged: nothing to review.
    #[default]
    None,
    Pending,
    Approved,
    Rejected,
}

impl Review {
    pub fn as_str(self) -> &'static str {
        match self {
            Review::None => "none",
            Review::Pending => "pending",
            Review::Approved => "approved",
            Review::Rejected => "rejected",
        }
    }

    pub fn parse(value: &str) -> Option<Review> {
        [
            Review::None,
            Review::Pending,
            Review::Approved,
            Review::Rejected,
        ]
        .into_iter()
        .find(|r| r.as_str() == value)
    }

    /// Whether the record's hours and levels count.
    pub fn counts(self) -> bool {
        matches!(self, Review::None | Review::Approved)
    }
}

/// A course record as its pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseRecordView {
    pub id: CourseRecordId,
    pub employee_id: EmployeeId,
    pub employee_name: String,
    /// The catalogue's course, if it is one.
    pub course_id: Option<CourseId>,
    pub title_it: String,
    pub title_en: String,
    pub provider: String,
    pub kind: CourseKind,
    pub hours: u32,
    pub status: RecordStatus,
    pub review: Review,
    pub review_reason: Option<String>,
    /// Made by the induction of a hire.
    pub induction: bool,
    pub score: Option<u8>,
    pub completed_on: Option<NaiveDate>,
    /// The session, in the reader's time zone.
    pub session: Option<LocalSpan>,
    /// The certificate's file name, if one was uploaded.
    pub certificate: Option<String>,
}

/// The most hours one record can hold.
pub const MOST_HOURS: u32 = 1000;

/// Reads hours typed in a form: a whole number from 1 to [`MOST_HOURS`].
pub(crate) fn read_hours(value: &str, errors: &mut FieldErrors) -> u32 {
    match value.trim().parse::<i64>() {
        Ok(n) if (1..=i64::from(MOST_HOURS)).contains(&n) => u32::try_from(n).unwrap_or(0),
        Ok(_) => {
            errors.add_with("hours", "hours_range", u64::from(MOST_HOURS));
            0
        }
        Err(_) if value.trim().is_empty() => {
            errors.add("hours", "required");
            0
        }
        Err(_) => {
            errors.add("hours", "number");
            0
        }
    }
}

/// Reads a completion date: required, a date, not after `today`.
fn read_completed_on(value: &str, today: NaiveDate, errors: &mut FieldErrors) -> NaiveDate {
    match value.trim() {
        "" => {
            errors.add("completed_on", "required");
            today
        }
        day => match day.parse::<NaiveDate>() {
            Ok(day) if day > today => {
                errors.add("completed_on", "future_date");
                today
            }
            Ok(day) => day,
            Err(_) => {
                errors.add("completed_on", "date");
                today
            }
        },
    }
}

fn optional_id(value: &str, field: &str, errors: &mut FieldErrors) -> Option<i32> {
    match value.trim() {
        "" => None,
        id => id.parse().ok().or_else(|| {
            errors.add(field, "unknown");
            None
        }),
    }
}

/// A place on a course, as HR, a manager or the employee ask for it: the course and, if one
/// is chosen, its session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolInput {
    pub course_id: String,
    #[serde(default)]
    pub session_id: String,
}

impl EnrolInput {
    pub fn check(&self) -> Result<(CourseId, Option<CourseSessionId>), AppError> {
        let mut errors = FieldErrors::default();
        let course = match self.course_id.trim() {
            "" => {
                errors.add("course_id", "required");
                None
            }
            _ => optional_id(&self.course_id, "course_id", &mut errors),
        };
        let session = optional_id(&self.session_id, "session_id", &mut errors);
        match course {
            Some(course) if errors.is_empty() => {
                Ok((CourseId(course), session.map(CourseSessionId)))
            }
            _ => Err(AppError::Invalid(errors)),
        }
    }
}

/// How a course went, as HR record it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeInput {
    pub status: String,
    /// For a completion: the hours done (the course's by default).
    #[serde(default)]
    pub hours: String,
    /// 0–100, optional.
    #[serde(default)]
    pub score: String,
    #[serde(default)]
    pub completed_on: String,
}

/// An outcome as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: RecordStatus,
    /// For Completed and Failed.
    pub hours: u32,
    pub score: Option<u8>,
    pub completed_on: Option<NaiveDate>,
}

impl OutcomeInput {
    /// Checks the form on `today`: a completion or a failure needs its hours and date.
    pub fn check(&self, today: NaiveDate) -> Result<Outcome, AppError> {
        let mut errors = FieldErrors::default();
        let status = RecordStatus::parse(&self.status)
            .filter(|s| RecordStatus::OUTCOMES.contains(s))
            .unwrap_or_else(|| {
                errors.add("status", "unknown");
                RecordStatus::InProgress
            });
        let done = status.is_done();
        let hours = if done {
            read_hours(&self.hours, &mut errors)
        } else {
            0
        };
        let completed_on = done.then(|| read_completed_on(&self.completed_on, today, &mut errors));
        let score = match self.score.trim() {
            "" => None,
            score => match score.parse::<u8>() {
                Ok(n) if n <= 100 => Some(n),
                _ => {
                    errors.add("score", "score_range");
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        Ok(Outcome {
            status,
            hours,
            score,
            completed_on,
        })
    }
}

/// Training an employee logs themselves (an external course or seminar, say), as typed; the
/// certificate travels beside it as a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogTrainingInput {
    pub title: String,
    pub provider: String,
    pub kind: String,
    pub hours: String,
    pub completed_on: String,
    /// The catalogue's course it was, if any (its competencies count once approved).
    #[serde(default)]
    pub course_id: String,
}

/// Logged training as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedTraining {
    pub title: String,
    pub provider: String,
    pub kind: CourseKind,
    pub hours: u32,
    pub completed_on: NaiveDate,
    pub course: Option<CourseId>,
}

impl LogTrainingInput {
    /// Checks the form on `today`, every refusal on its field.
    pub fn check(&self, today: NaiveDate) -> Result<LoggedTraining, AppError> {
        let mut errors = FieldErrors::default();
        for (field, value, most) in [
            ("title", &self.title, 200),
            ("provider", &self.provider, 200),
        ] {
            let length = value.trim().chars().count();
            if length == 0 {
                errors.add(field, "required");
            } else if length > most {
                errors.add_with(field, "too_long", most as u64);
            }
        }
        let kind = CourseKind::parse(self.kind.trim())
            .filter(|k| *k != CourseKind::Internal)
            .unwrap_or_else(|| {
                errors.add("kind", "unknown");
                CourseKind::External
            });
        let hours = read_hours(&self.hours, &mut errors);
        let completed_on = read_completed_on(&self.completed_on, today, &mut errors);
        let course = optional_id(&self.course_id, "course_id", &mut errors).map(CourseId);
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        Ok(LoggedTraining {
            title: self.title.trim().to_owned(),
            provider: self.provider.trim().to_owned(),
            kind,
            hours,
            completed_on,
            course,
        })
    }
}

/// HR's decision on logged training, or a manager's (or HR's) on a request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionInput {
    /// `approve` or `reject`.
    pub decision: String,
    /// Required to reject.
    #[serde(default)]
    pub reason: String,
}

impl DecisionInput {
    /// Whether it approves; a rejection needs its reason.
    pub fn check(&self) -> Result<bool, AppError> {
        match self.decision.as_str() {
            "approve" => Ok(true),
            "reject" if self.reason.trim().is_empty() => Err(AppError::Invalid(
                FieldErrors::single("reason", "reason_required"),
            )),
            "reject" if self.reason.trim().chars().count() > 1000 => {
                let mut errors = FieldErrors::default();
                errors.add_with("reason", "too_long", 1000);
                Err(AppError::Invalid(errors))
            }
            "reject" => Ok(false),
            _ => Err(AppError::Invalid(FieldErrors::single(
                "decision", "unknown",
            ))),
        }
    }
}

/// A catalogue course that would close a gap: the competencies it brings to the required
/// level, and its next sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseSuggestion {
    pub course: CourseSummary,
    /// (Italian, English) names of the competencies it closes.
    pub closes: Vec<(String, String)>,
    pub sessions: Vec<SessionView>,
    /// Whether the employee already holds or asked for a place.
    pub asked: bool,
}

/// An employee's training page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingOverview {
    pub employee_id: EmployeeId,
    pub name: String,
    /// (Italian, English) title of their job profile.
    pub profile: Option<(String, String)>,
    pub year: i32,
    /// Hours completed this calendar year (approved ones only).
    pub hours_this_year: u32,
    /// Their profile's yearly target.
    pub target_hours: u32,
    /// Requested, waiting, enrolled and in progress.
    pub current: Vec<CourseRecordView>,
    pub planned: Vec<CourseRecordView>,
    /// Completed and failed, newest first, with logged training still under review.
    pub done: Vec<CourseRecordView>,
    pub competencies: Vec<EmployeeCompetency>,
    pub recommended: Vec<CourseSuggestion>,
}

impl TrainingOverview {
    /// Progress towards the target, 0–100.
    pub fn progress(&self) -> u32 {
        (self.hours_this_year * 100)
            .checked_div(self.target_hours)
            .map_or(100, |p| p.min(100))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
    }

    fn logged() -> LogTrainingInput {
        LogTrainingInput {
            title: "Seminario sul GDPR".into(),
            provider: "Ordine dei consulenti".into(),
            kind: "seminar".into(),
            hours: "4".into(),
            completed_on: "2026-11-20".into(),
            course_id: String::new(),
        }
    }

    #[test]
    fn logged_training_with_good_fields_is_read_and_trimmed() {
        let ok = logged().check(today()).unwrap();
        assert_eq!(ok.hours, 4);
        assert_eq!(ok.kind, CourseKind::Seminar);
        assert_eq!(ok.course, None);
    }

    #[test]
    fn hours_that_are_zero_negative_or_over_a_thousand_are_refused() {
        for hours in ["0", "-3", "1001"] {
            let bad = LogTrainingInput {
                hours: hours.into(),
                ..logged()
            };
            let errors = bad.check(today()).unwrap_err().field_errors();
            assert_eq!(errors.get("hours").unwrap().code, "hours_range", "{hours}");
        }
        let words = LogTrainingInput {
            hours: "four".into(),
            ..logged()
        };
        assert_eq!(
            words
                .check(today())
                .unwrap_err()
                .field_errors()
                .get("hours")
                .unwrap()
                .code,
            "number"
        );
    }

    #[test]
    fn a_completion_date_in_the_future_is_refused() {
        let bad = LogTrainingInput {
            completed_on: "2026-12-08".into(),
            ..logged()
        };
        let errors = bad.check(today()).unwrap_err().field_errors();
        assert_eq!(errors.get("completed_on").unwrap().code, "future_date");
    }

    #[test]
    fn an_internal_course_cannot_be_logged_by_hand() {
        let bad = LogTrainingInput {
            kind: "internal".into(),
            ..logged()
        };
        assert!(
            bad.check(today())
                .unwrap_err()
                .field_errors()
                .get("kind")
                .is_some()
        );
    }

    #[test]
    fn a_completion_needs_hours_and_a_date_but_a_cancellation_does_not() {
        let done = OutcomeInput {
            status: "completed".into(),
            hours: String::new(),
            score: "101".into(),
            completed_on: String::new(),
        };
        let errors = done.check(today()).unwrap_err().field_errors();
        for field in ["hours", "completed_on", "score"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let cancelled = OutcomeInput {
            status: "cancelled".into(),
            ..OutcomeInput::default()
        };
        assert_eq!(
            cancelled.check(today()).unwrap().status,
            RecordStatus::Cancelled
        );
        let planned = OutcomeInput {
            status: "planned".into(),
            ..OutcomeInput::default()
        };
        assert!(planned.check(today()).is_err(), "not an outcome");
    }

    #[test]
    fn a_rejection_needs_its_reason() {
        let reject = DecisionInput {
            decision: "reject".into(),
            reason: "  ".into(),
        };
        assert!(reject.check().is_err());
        let approve = DecisionInput {
            decision: "approve".into(),
            reason: String::new(),
        };
        assert!(approve.check().unwrap());
    }
}
