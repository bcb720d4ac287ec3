//! Recruitment: openings and their hiring teams, and what the public careers page shows.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::users::not_blank;
use super::{Area, JobProfileId, OpeningId, Role, Sector, UserId};

/// Where an opening stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpeningStatus {
    Draft,
    Open,
    OnHold,
    Closed,
}

impl OpeningStatus {
    pub const ALL: [OpeningStatus; 4] = [
        OpeningStatus::Draft,
        OpeningStatus::Open,
        OpeningStatus::OnHold,
        OpeningStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OpeningStatus::Draft => "draft",
            OpeningStatus::Open => "open",
            OpeningStatus::OnHold => "on_hold",
            OpeningStatus::Closed => "closed",
        }
    }

    pub fn parse(value: &str) -> Option<OpeningStatus> {
        OpeningStatus::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// What HR fill in to open or edit an opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct OpeningInput {
    pub profile_id: JobProfileId,
    #[validate(custom(function = "not_blank"), length(max = 120, code = "too_long"))]
    pub location: String,
    #[validate(range(min = 1, max = 500, code = "positions_range"))]
    pub positions: u32,
    pub status: OpeningStatus,
    /// Shown on the public careers page (only while the opening is open).
    pub published: bool,
    /// The HR person who owns the opening.
    pub hr_owner_id: UserId,
    /// The interviewers of its hiring team.
    pub interviewer_ids: Vec<UserId>,
    /// Extra text for the careers page, beside the profile's description.
    #[validate(length(max = 4000, code = "too_long"))]
    pub description_it: String,
    #[validate(length(max = 4000, code = "too_long"))]
    pub description_en: String,
}

/// An opening as listed for HR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningSummary {
    pub id: OpeningId,
    pub profile_id: JobProfileId,
    pub title_it: String,
    pub title_en: String,
    pub location: String,
    pub positions: u32,
    pub status: OpeningStatus,
    pub published: bool,
    pub hr_owner_name: String,
}

/// An opening with everything HR edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningDetail {
    pub id: OpeningId,
    pub input: OpeningInput,
}

/// A member of staff who can join a hiring team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: UserId,
    pub name: String,
    pub role: Role,
}

/// An opening as the public careers page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicOpening {
    pub id: OpeningId,
    pub title_it: String,
    pub title_en: String,
    pub area: Area,
    pub sector: Sector,
    pub location: String,
    pub positions: u32,
    pub profile_description_it: String,
    pub profile_description_en: String,
    pub description_it: String,
    pub description_en: String,
}

/// An opening in HR's list of openings, with where its applications stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningOverview {
    pub opening: OpeningSummary,
    /// How many applications are in each stage, in the order of `Stage::ALL`.
    pub stages: Vec<u32>,
    /// Applications received in the last [`NEW_APPLICATION_DAYS`] days.
    pub new_applications: u32,
}

impl OpeningOverview {
    /// The stages that hold any application, with their counts, in pipeline order.
    pub fn occupied(&self) -> impl Iterator<Item = (Stage, u32)> + '_ {
        Stage::ALL
            .into_iter()
            .zip(self.stages.iter().copied())
            .filter(|(_, n)| *n > 0)
    }

    /// All of the opening's applications.
    pub fn applications(&self) -> u32 {
        self.stages.iter().sum()
    }
}

/// How recent an application is to count as new in the list of openings.
pub const NEW_APPLICATION_DAYS: i64 = 7;

/// How long an application may wait in an open stage before HR's worklist points it out.
pub const WAITING_DAYS: i64 = 7;

/// One application in HR's worklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItem {
    pub candidate_id: super::CandidateId,
    pub name: String,
    pub opening_id: OpeningId,
    pub title_it: String,
    pub title_en: String,
    pub stage: Stage,
    /// When it arrived (new applications) or entered its stage (waiting ones).
    pub since: chrono::DateTime<chrono::Utc>,
    pub days: i64,
}

/// HR's worklist on the home page: what arrived since they last cleared it, what has waited
/// too long, and the CVs in their intake tray.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Worklist {
    /// When they last marked the new applications as seen (`None`: never; the last
    /// [`NEW_APPLICATION_DAYS`] days are shown).
    pub seen_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The newest first, at most [`WORKLIST_ROWS`].
    pub new_applications: Vec<WorkItem>,
    pub new_total: u64,
    /// The longest waiting first, at most [`WORKLIST_ROWS`].
    pub waiting: Vec<WorkItem>,
    pub waiting_total: u64,
    pub uploads: u64,
}

/// Most rows each part of the worklist shows.
pub const WORKLIST_ROWS: u64 = 10;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn an_opening_needs_a_location_and_between_one_and_five_hundred_positions() {
        let input = OpeningInput {
            profile_id: JobProfileId(1),
            location: " ".into(),
            positions: 0,
            status: OpeningStatus::Draft,
            published: false,
            hr_owner_id: UserId(1),
            interviewer_ids: vec![],
            description_it: String::new(),
            description_en: String::new(),
        };
        let errors = validate(&input).unwrap_err().field_errors();
        assert_eq!(errors.get("location").unwrap().code, "required");
        assert_eq!(errors.get("positions").unwrap().code, "positions_range");
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for status in OpeningStatus::ALL {
            assert_eq!(OpeningStatus::parse(status.as_str()), Some(status));
        }
    }
}

/// The written part of an application on the careers page (the files travel beside it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct ApplicationInput {
    #[validate(custom(function = "not_blank"), length(max = 160, code = "too_long"))]
    pub name: String,
    #[validate(
        custom(function = "not_blank"),
        custom(function = "super::check_email")
    )]
    pub email: String,
    #[validate(custom(function = "check_phone"))]
    pub phone: String,
    #[validate(length(max = 4000, code = "too_long"))]
    pub education: String,
    #[validate(length(max = 4000, code = "too_long"))]
    pub experience: String,
    #[validate(length(max = 8000, code = "too_long"))]
    pub cover_letter: String,
    /// Separate, optional consent to stay in the talent pool.
    pub talent_pool: bool,
    /// The version of the privacy notice the form showed.
    pub notice_version: i32,
}

/// A phone number: digits with the usual separators, 6 to 15 digits, an optional leading +.
pub fn check_phone(phone: &str) -> Result<(), validator::ValidationError> {
    let phone = phone.trim();
    if phone.is_empty() {
        return Err(validator::ValidationError::new("required"));
    }
    let allowed = phone
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " -./()".contains(c) || (c == '+' && i == 0));
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if allowed && (6..=15).contains(&digits) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("phone"))
    }
}

/// The digits of a phone number, for matching the same person (Italian numbers without +39).
pub fn phone_key(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = phone.trim_start().starts_with('+') || digits.starts_with("00");
    let digits = digits.strip_prefix("00").unwrap_or(&digits).to_owned();
    match digits.strip_prefix("39") {
        Some(national) if international => national.to_owned(),
        _ => digits,
    }
}

/// The privacy notice the application form shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyNotice {
    pub version: i32,
    pub text_it: String,
    pub text_en: String,
}

/// Largest file a candidate or HR may upload.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

#[cfg(test)]
mod application_tests {
    use super::*;

    #[test]
    fn phone_numbers_allow_usual_separators_and_refuse_letters() {
        assert!(check_phone("+39 041 555 1234").is_ok());
        assert!(check_phone("(041) 555-1234").is_ok());
        assert_eq!(check_phone("call me").unwrap_err().code, "phone");
        assert_eq!(check_phone("12 34").unwrap_err().code, "phone");
        assert_eq!(check_phone("  ").unwrap_err().code, "required");
    }

    #[test]
    fn the_same_italian_number_matches_with_or_without_the_country_code() {
        assert_eq!(phone_key("+39 347 123 4567"), phone_key("347-123-4567"));
        assert_eq!(phone_key("0039 347 1234567"), "3471234567");
        assert_ne!(phone_key("+44 20 7946 0958"), phone_key("20 7946 0958 1"));
    }
}

/// Where an application stands in the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Applied,
    Screening,
    Interview,
    PracticalTest,
    Offer,
    Hired,
    Rejected,
    Withdrawn,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Applied,
        Stage::Screening,
        Stage::Interview,
        Stage::PracticalTest,
        Stage::Offer,
        Stage::Hired,
        Stage::Rejected,
        Stage::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Applied => "applied",
            Stage::Screening => "screening",
            Stage::Interview => "interview",
            Stage::PracticalTest => "practical_test",
            Stage::Offer => "offer",
            Stage::Hired => "hired",
            Stage::Rejected => "rejected",
            Stage::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(value: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Rejected and Withdrawn end an application and need a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, Stage::Rejected | Stage::Withdrawn)
    }

    /// The stages an application is still in progress in: all but Hired, Rejected and
    /// Withdrawn.
    pub fn in_progress() -> impl Iterator<Item = Stage> {
        Stage::ALL
            .into_iter()
            .filter(|s| !matches!(s, Stage::Hired | Stage::Rejected | Stage::Withdrawn))
    }
}

/// A move of an application to another stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveInput {
    pub to: Stage,
    /// Why, for Rejected and Withdrawn (kept in the history).
    pub reason: String,
}

impl MoveInput {
    /// The same check on both sides: a reason for Rejected and Withdrawn, of sane length.
    pub fn check(&self) -> Result<(), super::AppError> {
        let reason = self.reason.trim();
        let code = if self.to.needs_reason() && reason.is_empty() {
            Some(("reason_required", None))
        } else if reason.chars().count() > 1000 {
            Some(("too_long", Some(1000)))
        } else {
            None
        };
        match code {
            Some((code, param)) => {
                let mut errors = super::FieldErrors::default();
                errors.0.insert(
                    "reason".into(),
                    super::FieldError {
                        code: code.into(),
                        param,
                    },
                );
                Err(super::AppError::Invalid(errors))
            }
            None => Ok(()),
        }
    }
}

/// One application on an opening's board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardCard {
    pub application_id: super::ApplicationId,
    pub candidate_id: super::CandidateId,
    pub name: String,
    pub stage: Stage,
    pub days_in_stage: i64,
    pub reason: Option<String>,
}

/// An application on one of an interviewer's hiring teams, for their list of candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamCandidate {
    pub candidate_id: super::CandidateId,
    pub name: String,
    pub opening_id: OpeningId,
    pub title_it: String,
    pub title_en: String,
    pub location: String,
    pub stage: Stage,
}

/// An opening's pipeline: its title and every application on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub opening_id: OpeningId,
    pub title_it: String,
    pub title_en: String,
    pub location: String,
    pub cards: Vec<BoardCard>,
}

#[cfg(test)]
mod stage_tests {
    use super::*;

    #[test]
    fn rejecting_needs_a_reason_and_moving_forward_does_not() {
        let reject = MoveInput {
            to: Stage::Rejected,
            reason: "  ".into(),
        };
        assert_eq!(
            reject
                .check()
                .unwrap_err()
                .field_errors()
                .get("reason")
                .unwrap()
                .code,
            "reason_required"
        );
        let forward = MoveInput {
            to: Stage::Interview,
            reason: String::new(),
        };
        assert!(forward.check().is_ok());
    }

    #[test]
    fn stages_round_trip_through_their_names() {
        for stage in Stage::ALL {
            assert_eq!(Stage::parse(stage.as_str()), Some(stage));
        }
    }
}

/// A candidate's file, as listed on their page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateFileView {
    pub id: super::FileId,
    /// `cv` or `cover_letter`.
    pub kind: String,
    pub name: String,
    pub size_bytes: i64,
    /// False when no text could be read from it ("text not extracted").
    pub text_extracted: bool,
    pub uploaded_at: chrono::DateTime<chrono::Utc>,
}

/// One of a candidate's applications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateApplicationView {
    pub id: super::ApplicationId,
    pub opening_id: OpeningId,
    pub title_it: String,
    pub title_en: String,
    pub location: String,
    pub stage: Stage,
    pub source: String,
    /// Which job board, who referred.
    pub source_detail: Option<String>,
    pub applied_at: chrono::DateTime<chrono::Utc>,
}

/// A move in a candidate's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: chrono::DateTime<chrono::Utc>,
    pub title_it: String,
    pub title_en: String,
    pub from: Option<Stage>,
    pub to: Stage,
    pub reason: Option<String>,
    /// Who moved it; none when the candidate applied.
    pub actor_name: Option<String>,
}

/// Everything HR see about one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateDetail {
    pub id: super::CandidateId,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub education: String,
    pub experience: String,
    pub talent_pool: bool,
    pub consent_at: Option<chrono::DateTime<chrono::Utc>>,
    pub consent_notice_version: Option<i32>,
    pub files: Vec<CandidateFileView>,
    pub applications: Vec<CandidateApplicationView>,
    pub timeline: Vec<TimelineEntry>,
    pub notes: Vec<super::NoteView>,
    pub tags: Vec<String>,
    /// Other candidates who may be the same person (shown to HR, who may merge them).
    pub possible_duplicates: Vec<super::PossibleDuplicate>,
    /// Whether the one looking may change this record (HR and admins).
    pub editable: bool,
    /// The interviews the one looking may see (all for HR, their own for an interviewer).
    pub interviews: Vec<super::InterviewSummary>,
    /// Those interviews' changes, for the timeline.
    pub interview_history: Vec<super::InterviewTimelineEntry>,
    /// The practical tests the viewer may see: all for HR, their own to grade for a grader.
    pub practical_tests: Vec<super::PracticalTestSummary>,
    /// The online tests the viewer may see, likewise.
    pub online_tests: Vec<super::OnlineTestSummary>,
}

/// How the candidate list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateSort {
    /// Most recent application first.
    #[default]
    Newest,
    Oldest,
    Name,
}

impl CandidateSort {
    pub const ALL: [CandidateSort; 3] = [
        CandidateSort::Newest,
        CandidateSort::Oldest,
        CandidateSort::Name,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CandidateSort::Newest => "newest",
            CandidateSort::Oldest => "oldest",
            CandidateSort::Name => "name",
        }
    }

    pub fn parse(value: &str) -> Option<CandidateSort> {
        CandidateSort::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// The candidate list's search and filters; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CandidateFilter {
    /// Words to find in the name, email or CV text.
    pub q: String,
    pub opening: Option<OpeningId>,
    pub stage: Option<Stage>,
    /// `careers`, `manual`, `referral`, `job_board` or `import`.
    pub source: Option<String>,
    /// Candidates carrying this tag.
    pub tag: Option<String>,
    pub area: Option<Area>,
    pub sector: Option<Sector>,
    /// Applied on or after this day.
    pub from: Option<chrono::NaiveDate>,
    /// Applied on or before this day.
    pub to: Option<chrono::NaiveDate>,
    pub sort: CandidateSort,
}

/// Sources an application can come from.
pub const SOURCES: [&str; 5] = ["careers", "manual", "referral", "job_board", "import"];

/// A row of the candidate list: the person and their latest application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateRow {
    pub id: super::CandidateId,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub applications: u32,
    pub latest_title_it: String,
    pub latest_title_en: String,
    pub latest_stage: Option<Stage>,
    pub latest_source: Option<String>,
    pub latest_applied_at: Option<chrono::DateTime<chrono::Utc>>,
    pub tags: Vec<String>,
}

impl CandidateFilter {
    /// Reads the filter from URL query pairs (unknown or malformed values are ignored).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filter = CandidateFilter::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" => filter.q = value.chars().take(200).collect(),
                "opening" => filter.opening = value.parse().ok(),
                "stage" => filter.stage = Stage::parse(value),
                "source" => filter.source = SOURCES.contains(&value).then(|| value.to_owned()),
                "tag" => {
                    let tag = value.to_lowercase();
                    filter.tag = (!tag.is_empty()).then(|| tag.chars().take(40).collect());
                }
                "area" => filter.area = Area::parse(value),
                "sector" => filter.sector = Sector::parse(value),
                "from" => filter.from = value.parse().ok(),
                "to" => filter.to = value.parse().ok(),
                "sort" => filter.sort = CandidateSort::parse(value).unwrap_or_default(),
                _ => {}
            }
        }
        filter
    }

    /// The filter as URL query pairs (only those set).
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.trim().to_owned()));
        }
        if let Some(o) = self.opening {
            pairs.push(("opening", o.to_string()));
        }
        if let Some(s) = self.stage {
            pairs.push(("stage", s.as_str().to_owned()));
        }
        if let Some(s) = &self.source {
            pairs.push(("source", s.clone()));
        }
        if let Some(t) = &self.tag {
            pairs.push(("tag", t.clone()));
        }
        if let Some(a) = self.area {
            pairs.push(("area", a.as_str().to_owned()));
        }
        if let Some(s) = self.sector {
            pairs.push(("sector", s.as_str().to_owned()));
        }
        if let Some(d) = self.from {
            pairs.push(("from", d.to_string()));
        }
        if let Some(d) = self.to {
            pairs.push(("to", d.to_string()));
        }
        if self.sort != CandidateSort::default() {
            pairs.push(("sort", self.sort.as_str().to_owned()));
        }
        pairs
    }

    /// The filter as a URL query string, percent-encoded.
    pub fn to_query(&self) -> String {
        self.to_pairs()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Percent-encodes `value` for a URL query or an RFC 5987 header parameter: letters, digits
/// and `-._~` stay, every other byte becomes `%XX`.
pub fn percent_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod filter_tests {
    use super::*;

    #[test]
    fn a_filter_survives_the_round_trip_through_the_address() {
        let filter = CandidateFilter {
            q: "cassa & sportello".into(),
            opening: Some(OpeningId(4)),
            stage: Some(Stage::Interview),
            source: Some("careers".into()),
            tag: Some("inglese c1".into()),
            from: "2026-01-31".parse().ok(),
            sort: CandidateSort::Name,
            ..CandidateFilter::default()
        };
        let query = filter.to_query();
        assert!(query.contains("q=cassa%20%26%20sportello"));
        let pairs: Vec<(String, String)> = filter
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        let back = CandidateFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, filter);
    }

    #[test]
    fn malformed_filter_values_are_ignored() {
        let filter =
            CandidateFilter::from_pairs([("stage", "nope"), ("opening", "x"), ("source", "spam")]);
        assert_eq!(filter, CandidateFilter::default());
    }
}
