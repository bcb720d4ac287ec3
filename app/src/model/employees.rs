//! Employees: the record every staff member has (job profile, department, location, manager,
//! start date, status), the list's filter, an employee's page (competencies against their
//! profile, the timeline from their first application), the hire, and the HR form's inputs.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::recruitment::percent_encode;
use super::{
    AppError, ApplicationId, CandidateId, EmployeeId, FieldErrors, JobProfileId, Role, Stage,
};

/// Where an employee stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployeeStatus {
    #[default]
    Active,
    OnLeave,
    Left,
}

impl EmployeeStatus {
    pub const ALL: [EmployeeStatus; 3] = [
        EmployeeStatus::Active,
        EmployeeStatus::OnLeave,
        EmployeeStatus::Left,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EmployeeStatus::Active => "active",
            EmployeeStatus::OnLeave => "on_leave",
            EmployeeStatus::Left => "left",
        }
    }

    pub fn parse(value: &str) -> Option<EmployeeStatus> {
        EmployeeStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == value.trim())
    }
}

/// Employees per page of the list.
pub const EMPLOYEES_PER_PAGE: u64 = 50;

/// Longest department or location name.
pub const MOST_PLACE_CHARS: usize = 120;

/// The employee list's search and filters, kept in the address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeFilter {
    /// Words of the name or the email.
    pub q: String,
    pub department: Option<String>,
    pub profile: Option<JobProfileId>,
    pub manager: Option<EmployeeId>,
    pub status: Option<EmployeeStatus>,
}

impl EmployeeFilter {
    /// Reads the filter from URL query pairs (unknown or malformed values are ignored).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut filter = EmployeeFilter::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" => filter.q = value.chars().take(200).collect(),
                "department" => {
                    filter.department =
                        (!value.is_empty()).then(|| value.chars().take(MOST_PLACE_CHARS).collect());
                }
                "profile" => filter.profile = value.parse().ok().map(JobProfileId),
                "manager" => filter.manager = value.parse().ok().map(EmployeeId),
                "status" => filter.status = EmployeeStatus::parse(value),
                _ => {}
            }
        }
        filter
    }

    /// The filter as a percent-encoded URL query (only what is set).
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.trim().to_owned()));
        }
        if let Some(d) = &self.department {
            pairs.push(("department", d.clone()));
        }
        if let Some(p) = self.profile {
            pairs.push(("profile", p.to_string()));
        }
        if let Some(m) = self.manager {
            pairs.push(("manager", m.to_string()));
        }
        if let Some(s) = self.status {
            pairs.push(("status", s.as_str().to_owned()));
        }
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// A job profile by its id and two titles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileTitle {
    pub id: JobProfileId,
    pub title_it: String,
    pub title_en: String,
}

/// Someone on the staff, by id and name (a manager, a report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub id: EmployeeId,
    pub name: String,
}

/// A row of the employee list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeRow {
    pub id: EmployeeId,
    pub name: String,
    pub email: String,
    pub profile: Option<ProfileTitle>,
    pub department: String,
    pub location: String,
    pub manager: Option<Colleague>,
    pub start_date: Option<NaiveDate>,
    pub status: EmployeeStatus,
}

/// What the list's filters and HR's forms offer: the departments and locations in use, the
/// profiles, those who manage someone, and (for the forms only) everyone who may.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeChoices {
    pub departments: Vec<String>,
    pub locations: Vec<String>,
    pub profiles: Vec<ProfileTitle>,
    /// Those who manage someone now, by name: the list's manager filter.
    pub managers: Vec<Colleague>,
    /// Everyone on the staff who is not gone, by name: who may be someone's manager. Empty
    /// for the list's filters.
    pub staff: Vec<Colleague>,
}

/// Where a competency level comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelSource {
    /// The interviews and tests of the application they were hired through.
    Assessment,
    /// A completed course.
    Course,
    /// A verified certificate.
    Certification,
}

impl LevelSource {
    pub fn as_str(self) -> &'static str {
        match self {
            LevelSource::Assessment => "assessment",
            LevelSource::Course => "course",
            LevelSource::Certification => "certification",
        }
    }

    pub fn parse(value: &str) -> Option<LevelSource> {
        [
            LevelSource::Assessment,
            LevelSource::Course,
            LevelSource::Certification,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }
}

/// One competency of an employee: their level, the level their profile requires, and where the
/// level comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeCompetency {
    pub name_it: String,
    pub name_en: String,
    /// 0 when nothing shows it yet.
    pub level: u8,
    /// `None` for a competency the profile does not ask for.
    pub required_level: Option<u8>,
    pub source: Option<LevelSource>,
}

impl EmployeeCompetency {
    /// How many levels short of the profile's requirement (0 when met or not required).
    pub fn gap(&self) -> u8 {
        self.required_level
            .map_or(0, |required| required.saturating_sub(self.level))
    }
}

/// What happened, on an employee's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CareerEvent {
    Applied,
    /// The application moved to a stage (other than Hired, which is `Hired`).
    Moved(Stage),
    Interview,
    PracticalTest,
    OnlineTest,
    Hired,
    /// Their first day.
    Started,
    /// A course completed (or logged, once approved).
    CourseCompleted,
}

/// One line of the timeline: when, what, and about what (an opening's or a test's title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareerEntry {
    pub at: DateTime<Utc>,
    pub event: CareerEvent,
    pub title_it: String,
    pub title_en: String,
}

/// Whether a new account has chosen its password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvitationState {
    /// The account has a password.
    Accepted,
    /// A link is out and still valid until then.
    Pending(DateTime<Utc>),
    /// The last link ran out unused (or none was sent): HR may send another.
    Expired,
}

/// An employee's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeDetail {
    pub row: EmployeeRow,
    pub role: Role,
    pub candidate_id: Option<CandidateId>,
    pub reports: Vec<Colleague>,
    /// The profile's requirements first (biggest gap first), then the other levels held.
    pub competencies: Vec<EmployeeCompetency>,
    /// Oldest first.
    pub timeline: Vec<CareerEntry>,
    pub invitation: InvitationState,
    /// Whether the reader may change the record (HR, admins).
    pub editable: bool,
    /// Whether the reader is the employee's manager.
    pub manages: bool,
}

/// HR's form for an employee's record, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeInput {
    pub profile_id: String,
    pub department: String,
    pub location: String,
    pub manager_id: String,
    pub start_date: String,
    pub status: String,
}

/// An employee's record as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeChange {
    pub profile: Option<JobProfileId>,
    pub department: String,
    pub location: String,
    pub manager: Option<EmployeeId>,
    pub start_date: Option<NaiveDate>,
    pub status: EmployeeStatus,
}

fn optional_id(value: &str) -> Result<Option<i32>, ()> {
    match value.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| ()),
    }
}

impl EmployeeInput {
    /// Checks the form: every refusal on its field.
    pub fn check(&self) -> Result<EmployeeChange, AppError> {
        let mut errors = FieldErrors::default();
        let profile = optional_id(&self.profile_id).unwrap_or_else(|()| {
            errors.add("profile_id", "unknown");
            None
        });
        let manager = optional_id(&self.manager_id).unwrap_or_else(|()| {
            errors.add("manager_id", "unknown");
            None
        });
        for (field, value) in [
            ("department", &self.department),
            ("location", &self.location),
        ] {
            if value.trim().chars().count() > MOST_PLACE_CHARS {
                errors.add_with(field, "too_long", MOST_PLACE_CHARS as u64);
            }
        }
        let start_date = match self.start_date.trim() {
            "" => None,
            day => day.parse::<NaiveDate>().map(Some).unwrap_or_else(|_| {
                errors.add("start_date", "date");
                None
            }),
        };
        let status = EmployeeStatus::parse(&self.status).unwrap_or_else(|| {
            errors.add("status", "unknown");
            EmployeeStatus::Active
        });
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        Ok(EmployeeChange {
            profile: profile.map(JobProfileId),
            department: self.department.trim().to_owned(),
            location: self.location.trim().to_owned(),
            manager: manager.map(EmployeeId),
            start_date,
            status,
        })
    }
}

/// HR's hire of an application, as typed: the account's email (the candidate's, unless they
/// have none or HR change it) and the new employee's record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HireInput {
    pub email: String,
    pub department: String,
    pub location: String,
    pub manager_id: String,
    pub start_date: String,
    /// The employee HR confirm this person already is (their id), when the address is on the
    /// staff; empty otherwise.
    #[serde(default)]
    pub link_to: String,
}

/// A hire as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HireChange {
    /// Normalised.
    pub email: String,
    pub department: String,
    pub location: String,
    pub manager: Option<EmployeeId>,
    pub start_date: NaiveDate,
    pub link_to: Option<EmployeeId>,
}

impl HireInput {
    /// Checks the form: every refusal on its field. The start date is required.
    pub fn check(&self) -> Result<HireChange, AppError> {
        let mut errors = FieldErrors::default();
        let email = super::normalise_email(&self.email);
        if email.is_empty() {
            errors.add("email", "required");
        } else if super::check_email(&email).is_err() {
            errors.add("email", "email");
        }
        for (field, value) in [
            ("department", &self.department),
            ("location", &self.location),
        ] {
            if value.trim().chars().count() > MOST_PLACE_CHARS {
                errors.add_with(field, "too_long", MOST_PLACE_CHARS as u64);
            }
        }
        let manager = optional_id(&self.manager_id).unwrap_or_else(|()| {
            errors.add("manager_id", "unknown");
            None
        });
        let link_to = optional_id(&self.link_to).unwrap_or_else(|()| {
            errors.add("link_to", "unknown");
            None
        });
        let start_date = match self.start_date.trim() {
            "" => {
                errors.add("start_date", "required");
                None
            }
            day => day.parse::<NaiveDate>().ok().or_else(|| {
                errors.add("start_date", "date");
                None
            }),
        };
        match start_date {
            Some(start_date) if errors.is_empty() => Ok(HireChange {
                email,
                department: self.department.trim().to_owned(),
                location: self.location.trim().to_owned(),
                manager: manager.map(EmployeeId),
                start_date,
                link_to: link_to.map(EmployeeId),
            }),
            _ => Err(AppError::Invalid(errors)),
        }
    }
}

/// What the hire form needs: who, for which opening, and whether they are on the staff
/// already.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HireForm {
    pub application_id: ApplicationId,
    pub candidate_id: CandidateId,
    pub name: String,
    pub email: String,
    pub title_it: String,
    pub title_en: String,
    pub location: String,
    pub stage: Stage,
    /// Someone on the staff with the application's address: HR confirm it is them to update
    /// their record.
    pub existing: Option<Colleague>,
    pub choices: EmployeeChoices,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> EmployeeInput {
        EmployeeInput {
            profile_id: "3".into(),
            department: " Front office ".into(),
            location: "Milano".into(),
            manager_id: String::new(),
            start_date: "2026-03-02".into(),
            status: "on_leave".into(),
        }
    }

    #[test]
    fn a_filter_survives_its_own_address() {
        let filter = EmployeeFilter {
            q: "rossi".into(),
            department: Some("Back office & archivio".into()),
            profile: Some(JobProfileId(2)),
            manager: Some(EmployeeId(7)),
            status: Some(EmployeeStatus::OnLeave),
        };
        let query = filter.to_query();
        let pairs: Vec<(String, String)> = url_pairs(&query);
        let back = EmployeeFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, filter);
    }

    fn url_pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), percent_decode(v)))
            .collect()
    }

    fn percent_decode(value: &str) -> String {
        let bytes = value.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&value[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_malformed_filter_value_is_ignored() {
        let filter = EmployeeFilter::from_pairs([("profile", "x"), ("status", "retired")]);
        assert_eq!(filter, EmployeeFilter::default());
    }

    #[test]
    fn a_well_formed_record_is_trimmed_and_typed() {
        let change = input().check().unwrap();
        assert_eq!(change.department, "Front office");
        assert_eq!(change.profile, Some(JobProfileId(3)));
        assert_eq!(change.manager, None);
        assert_eq!(change.status, EmployeeStatus::OnLeave);
        assert_eq!(change.start_date, NaiveDate::from_ymd_opt(2026, 3, 2));
    }

    #[test]
    fn each_bad_field_of_a_record_is_refused_on_that_field() {
        let bad = EmployeeInput {
            profile_id: "three".into(),
            department: "x".repeat(MOST_PLACE_CHARS + 1),
            manager_id: "-".into(),
            start_date: "2 March".into(),
            status: "gone".into(),
            ..input()
        };
        let errors = bad.check().unwrap_err().field_errors();
        for field in [
            "profile_id",
            "department",
            "manager_id",
            "start_date",
            "status",
        ] {
            assert!(errors.get(field).is_some(), "{field} not refused");
        }
        assert!(errors.get("location").is_none());
    }

    #[test]
    fn a_hire_needs_an_address_and_a_first_day() {
        let hire = HireInput {
            email: "not an address".into(),
            start_date: String::new(),
            ..HireInput::default()
        };
        let errors = hire.check().unwrap_err().field_errors();
        assert_eq!(errors.get("email").unwrap().code, "email");
        assert_eq!(errors.get("start_date").unwrap().code, "required");
        let hire = HireInput {
            email: " Anna.Rossi@Example.it ".into(),
            start_date: "2027-01-11".into(),
            ..HireInput::default()
        };
        assert_eq!(hire.check().unwrap().email, "anna.rossi@example.it");
    }

    #[test]
    fn a_gap_counts_the_levels_missing_and_never_below_zero() {
        let mut c = EmployeeCompetency {
            name_it: String::new(),
            name_en: String::new(),
            level: 2,
            required_level: Some(4),
            source: None,
        };
        assert_eq!(c.gap(), 2);
        c.level = 5;
        assert_eq!(c.gap(), 0);
        c.required_level = None;
        assert_eq!(c.gap(), 0);
    }
}
