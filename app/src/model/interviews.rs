//! Interviews: what HR fill in to schedule one, what an interviewer scores, and what the pages
//! show (the interview with its kit, the scorecards, and HR's side-by-side comparison).

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use super::users::not_blank;
use super::{
    ApplicationId, CandidateId, CompetencyId, InterviewId, JobProfileId, OpeningId, UserId,
};

/// The longest interview that can be scheduled.
pub const LONGEST_INTERVIEW_HOURS: i64 = 8;

/// The time zone used when a user has not chosen one.
pub const DEFAULT_TIME_ZONE: &str = "Europe/Rome";

/// The time zones offered in the forms (any IANA name is accepted).
pub const TIME_ZONES: &[&str] = &[
    "Europe/Rome",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Madrid",
    "Europe/Paris",
    "Europe/Zurich",
    "Europe/Berlin",
    "Europe/Vienna",
    "Europe/Athens",
    "Europe/Bucharest",
    "America/New_York",
    "UTC",
];

/// A stage of the selection's interviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewKind {
    PhoneScreen,
    HrInterview,
    TechnicalInterview,
}

impl InterviewKind {
    pub const ALL: [InterviewKind; 3] = [
        InterviewKind::PhoneScreen,
        InterviewKind::HrInterview,
        InterviewKind::TechnicalInterview,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InterviewKind::PhoneScreen => "phone_screen",
            InterviewKind::HrInterview => "hr_interview",
            InterviewKind::TechnicalInterview => "technical_interview",
        }
    }

    pub fn parse(value: &str) -> Option<InterviewKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// Whether an interview is still to happen as planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewStatus {
    Scheduled,
    Cancelled,
}

impl InterviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InterviewStatus::Scheduled => "scheduled",
            InterviewStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(value: &str) -> Option<InterviewStatus> {
        [InterviewStatus::Scheduled, InterviewStatus::Cancelled]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

/// An interviewer's overall call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    StrongNo,
    No,
    Yes,
    StrongYes,
}

impl Recommendation {
    pub const ALL: [Recommendation; 4] = [
        Recommendation::StrongNo,
        Recommendation::No,
        Recommendation::Yes,
        Recommendation::StrongYes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Recommendation::StrongNo => "strong_no",
            Recommendation::No => "no",
            Recommendation::Yes => "yes",
            Recommendation::StrongYes => "strong_yes",
        }
    }

    pub fn parse(value: &str) -> Option<Recommendation> {
        Self::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

/// Where an interviewer's scorecard for an interview stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoringState {
    /// Nothing written yet (and not overdue).
    ToScore,
    /// Started, not submitted (and not overdue).
    Draft,
    Submitted,
    /// Not submitted 24 hours after the interview ended.
    Overdue,
    /// The interview was cancelled: nothing to score.
    Cancelled,
}

/// A `datetime-local` value such as `2026-12-03T10:00` (seconds allowed). Read by hand: chrono's
/// pattern parser would add tens of kilobytes to the browser bundle.
pub fn parse_local(value: &str) -> Option<NaiveDateTime> {
    let (date, time) = value.trim().split_once('T')?;
    let number = |part: &str| -> Option<u32> {
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let mut ymd = date.split('-');
    let (year, month, day) = (ymd.next()?, ymd.next()?, ymd.next()?);
    if ymd.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let mut hms = time.split(':');
    let (hour, minute) = (hms.next()?, hms.next()?);
    let second = hms.next().map_or(Some(0), number)?;
    if hms.next().is_some() || hour.len() != 2 || minute.len() != 2 {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(
        i32::try_from(number(year)?).ok()?,
        number(month)?,
        number(day)?,
    )?
    .and_hms_opt(number(hour)?, number(minute)?, second)
}

fn local_time(value: &str) -> Result<(), ValidationError> {
    if parse_local(value).is_some() {
        Ok(())
    } else {
        Err(ValidationError::new("date_time"))
    }
}

fn video_link(value: &str) -> Result<(), ValidationError> {
    let value = value.trim();
    if value.is_empty()
        || (value.starts_with("https://")
            && value.len() > 8
            && !value.contains(char::is_whitespace))
    {
        Ok(())
    } else {
        Err(ValidationError::new("https_link"))
    }
}

/// What HR fill in to schedule an interview, or to change one (then with a reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct InterviewInput {
    pub application_id: ApplicationId,
    pub kind: InterviewKind,
    /// Local to `time_zone`, as typed: `2026-12-03T10:00`.
    #[validate(custom(function = "local_time"))]
    pub starts_at: String,
    #[validate(custom(function = "local_time"))]
    pub ends_at: String,
    #[validate(custom(function = "not_blank"), length(max = 64, code = "too_long"))]
    pub time_zone: String,
    /// A room or an address.
    #[validate(length(max = 200, code = "too_long"))]
    pub location: String,
    #[validate(length(max = 500, code = "too_long"), custom(function = "video_link"))]
    pub video_link: String,
    #[validate(length(min = 1, code = "no_interviewers"))]
    pub interviewer_ids: Vec<UserId>,
}

/// Why an interview is moved or cancelled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct ChangeReason {
    #[validate(custom(function = "not_blank"), length(max = 1000, code = "too_long"))]
    pub reason: String,
}

/// Something HR should know about a time just scheduled, which does not stop it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScheduleWarning {
    /// This interviewer has another interview at an overlapping time.
    InterviewerBusy { name: String, other: LocalSpan },
    /// The same place is booked for another interview at an overlapping time.
    PlaceBooked { place: String, other: LocalSpan },
}

/// What scheduling (or rescheduling) did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheduled {
    pub id: InterviewId,
    pub warnings: Vec<ScheduleWarning>,
    /// Interviewers added to the opening's hiring team to take part.
    pub added_to_team: Vec<String>,
}

/// A start and an end as wall-clock times in one time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalSpan {
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub zone: String,
}

/// An interviewer of an interview and where their scorecard stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Panelist {
    pub id: UserId,
    pub name: String,
    pub state: ScoringState,
}

/// An interview as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewSummary {
    pub id: InterviewId,
    pub application_id: ApplicationId,
    pub candidate_id: CandidateId,
    pub candidate_name: String,
    pub opening_id: OpeningId,
    pub opening_title_it: String,
    pub opening_title_en: String,
    pub kind: InterviewKind,
    pub status: InterviewStatus,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// In the viewer's time zone.
    pub local: LocalSpan,
    pub location: String,
    pub video_link: String,
    pub panel: Vec<Panelist>,
    /// The viewer's own scorecard state, when they are on the panel.
    pub mine: Option<ScoringState>,
}

/// A change to an interview, for its history and the candidate's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewChange {
    /// `scheduled`, `rescheduled` or `cancelled`.
    pub change: String,
    pub reason: Option<String>,
    pub local: LocalSpan,
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
}

/// A change to one of a candidate's interviews, on their timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewTimelineEntry {
    pub interview_id: InterviewId,
    pub kind: InterviewKind,
    pub change: InterviewChange,
}

/// One competency of the interview kit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitCompetency {
    pub id: CompetencyId,
    pub name_it: String,
    pub name_en: String,
    pub weight: u8,
    pub required_level: u8,
    /// Levels 1 to 5: (Italian, English) behaviour descriptions.
    pub levels: Vec<(String, String)>,
    /// Suggested questions: (Italian, English).
    pub questions: Vec<(String, String)>,
}

/// What an interviewer needs for an interview of a job profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kit {
    pub profile_id: JobProfileId,
    pub profile_title_it: String,
    pub profile_title_en: String,
    pub competencies: Vec<KitCompetency>,
}

/// One competency's rating on a scorecard: 1–5, or none for "not assessed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct RatingInput {
    pub competency_id: CompetencyId,
    #[validate(range(min = 1, max = 5, code = "rating_range"))]
    pub rating: Option<u8>,
    #[validate(length(max = 4000, code = "too_long"))]
    pub evidence: String,
}

/// A scorecard as the interviewer writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct ScorecardInput {
    #[validate(nested)]
    pub ratings: Vec<RatingInput>,
    pub recommendation: Option<Recommendation>,
    #[validate(length(max = 4000, code = "too_long"))]
    pub summary: String,
}

/// When a draft was saved, also as the wall-clock time of the one saving it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSaved {
    pub at: DateTime<Utc>,
    pub local: NaiveDateTime,
}

/// A change to a submitted scorecard, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct AmendmentInput {
    #[validate(nested)]
    pub scorecard: ScorecardInput,
    #[validate(custom(function = "not_blank"), length(max = 1000, code = "too_long"))]
    pub reason: String,
}

/// A past amendment: when, by whom, why, and what the scorecard said before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentView {
    pub at: DateTime<Utc>,
    pub actor_name: String,
    pub reason: String,
    pub before: ScorecardInput,
}

/// A scorecard as read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScorecardView {
    pub interview_id: InterviewId,
    pub interviewer_id: UserId,
    pub interviewer_name: String,
    pub content: ScorecardInput,
    pub submitted_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub amendments: Vec<AmendmentView>,
}

/// One competency across the submitted scorecards of an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparedCompetency {
    pub id: CompetencyId,
    pub name_it: String,
    pub name_en: String,
    pub required_level: u8,
    pub weight: u8,
    /// One per rater, in the order of `Comparison::raters`; none where not assessed.
    pub ratings: Vec<Option<u8>>,
    /// The mean of the ratings given, in tenths (37 = 3.7).
    pub mean_tenths: Option<u16>,
    /// The highest rating given minus the lowest.
    pub spread: Option<u8>,
    /// Two raters differ by 2 or more: a point to settle at the debrief.
    pub disagreement: bool,
}

/// A rater in the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rater {
    pub id: UserId,
    pub name: String,
    pub kind: InterviewKind,
    pub recommendation: Option<Recommendation>,
}

/// The submitted scorecards of one application, side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub raters: Vec<Rater>,
    pub competencies: Vec<ComparedCompetency>,
}

/// The interview page: the interview, its history, its kit, the viewer's scorecard, and the
/// others' when the viewer may see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewDetail {
    pub summary: InterviewSummary,
    /// Its times as typed in its own time zone, for the change form.
    pub scheduled_in: LocalSpan,
    pub history: Vec<InterviewChange>,
    pub kit: Kit,
    /// HR and admins: may change, cancel, and see every scorecard.
    pub can_manage: bool,
    pub my_scorecard: Option<ScorecardView>,
    /// The other scorecards, once the viewer may see them (HR always; an interviewer after
    /// submitting their own); `None` while hidden.
    pub others: Option<Vec<ScorecardView>>,
    pub comparison: Option<Comparison>,
}

/// An interviewer's interviews, what needs scoring first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    /// Over, and the scorecard not submitted: overdue first, then oldest first.
    pub to_score: Vec<InterviewSummary>,
    /// Still to come, soonest first.
    pub upcoming: Vec<InterviewSummary>,
    /// Scored or cancelled, latest first.
    pub done: Vec<InterviewSummary>,
    /// How many are to score, and to come, in all (the lists hold the first few).
    pub to_score_total: u64,
    pub upcoming_total: u64,
}

/// A suggested question for a competency of a job profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct QuestionInput {
    pub competency_id: CompetencyId,
    #[validate(custom(function = "not_blank"), length(max = 1000, code = "too_long"))]
    pub text_it: String,
    #[validate(custom(function = "not_blank"), length(max = 1000, code = "too_long"))]
    pub text_en: String,
}

/// A job profile's suggested questions, all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct QuestionsInput {
    #[validate(nested, length(max = 200, code = "too_many"))]
    pub questions: Vec<QuestionInput>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_time_is_read_as_the_browser_types_it_with_or_without_seconds() {
        assert!(parse_local("2026-12-03T10:00").is_some());
        assert!(parse_local("2026-12-03T10:00:30").is_some());
        assert!(parse_local("03/12/2026 10:00").is_none());
        assert!(parse_local("2026-02-30T10:00").is_none());
        assert!(parse_local("2026-12-03T25:00").is_none());
        assert!(parse_local("2026-12-3T10:00").is_none());
        assert!(parse_local("2026-12-03T10:00:30:00").is_none());
        assert!(parse_local("").is_none());
    }

    #[test]
    fn a_video_link_is_empty_or_an_https_address() {
        assert!(video_link("").is_ok());
        assert!(video_link("https://meet.example.com/abc").is_ok());
        assert!(video_link("http://meet.example.com/abc").is_err());
        assert!(video_link("javascript:alert(1)").is_err());
    }

    #[test]
    fn a_rating_outside_one_to_five_is_refused_on_its_field() {
        let card = ScorecardInput {
            ratings: vec![RatingInput {
                competency_id: CompetencyId(1),
                rating: Some(6),
                evidence: String::new(),
            }],
            recommendation: None,
            summary: String::new(),
        };
        let errors = card.validate().unwrap_err();
        let fields = crate::model::FieldErrors::from(&errors);
        assert_eq!(fields.get("ratings.0.rating").unwrap().code, "rating_range");
    }
}
