//! Certifications: the catalogue (name, issuer, validity, the competencies each proves, the
//! job profiles that require it), the certificates people hold with HR's verification, and
//! where each certificate stands on a given day (valid, expiring within 90, 60 or 30 days,
//! expired, pending verification, rejected).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::catalogue::{distinct, read_levels, read_validity, required_text};
use super::{
    AppError, CandidateId, CertificationId, Develops, EmployeeId, FieldErrors, HoldingId, StatedId,
};

/// How many days before its expiry a certificate is said to be expiring, from the widest
/// warning to the last.
pub const EXPIRY_WARNINGS: [u32; 3] = [90, 60, 30];

/// A certification as the catalogue lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificationSummary {
    pub id: CertificationId,
    pub name_it: String,
    pub name_en: String,
    pub issuer: String,
    /// `None` when a certificate does not expire.
    pub validity_months: Option<u32>,
    pub active: bool,
    pub proves: Vec<Develops>,
    /// The job profiles that require it, (Italian, English) titles.
    pub required_for: Vec<(String, String)>,
}

/// The catalogue's form, as typed: `levels` holds a level ("" for none) per competency id,
/// `profiles` the ids of the job profiles that require it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificationInput {
    pub name_it: String,
    pub name_en: String,
    pub issuer: String,
    pub validity_months: String,
    pub active: bool,
    pub levels: Vec<(i32, String)>,
    pub profiles: Vec<i32>,
}

/// A certification as checked: what the catalogue stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificationFields {
    pub name_it: String,
    pub name_en: String,
    pub issuer: String,
    pub validity_months: Option<u32>,
    pub active: bool,
    /// (competency id, level 1–5).
    pub proves: Vec<(i32, u8)>,
    pub profiles: Vec<i32>,
}

impl CertificationInput {
    /// Checks the form, every refusal on its field: the names and issuer are required, a
    /// validity is blank (no expiry) or 1–600 months, each level 1–5.
    pub fn check(&self) -> Result<CertificationFields, AppError> {
        let mut errors = FieldErrors::default();
        let name_it = required_text(&self.name_it, "name_it", 200, &mut errors);
        let name_en = required_text(&self.name_en, "name_en", 200, &mut errors);
        let issuer = required_text(&self.issuer, "issuer", 200, &mut errors);
        let validity_months = read_validity(&self.validity_months, &mut errors);
        let proves = read_levels(&self.levels, &mut errors);
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let profiles = distinct(&self.profiles);
        Ok(CertificationFields {
            name_it,
            name_en,
            issuer,
            validity_months,
            active: self.active,
            proves,
            profiles,
        })
    }
}

/// The catalogue's form for one certification (or a new one), with every competency and job
/// profile it may name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificationForm {
    /// `None` for a new certification.
    pub id: Option<CertificationId>,
    pub input: CertificationInput,
    /// (id, Italian name, English name) of every active competency.
    pub competencies: Vec<(i32, String, String)>,
    /// (id, Italian title, English title) of every job profile.
    pub profiles: Vec<(i32, String, String)>,
}

/// Where HR's verification of a certificate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Uploaded, not yet looked at.
    Pending,
    Verified,
    Rejected,
}

impl Verification {
    pub fn as_str(self) -> &'static str {
        match self {
            Verification::Pending => "pending",
            Verification::Verified => "verified",
            Verification::Rejected => "rejected",
        }
    }

    pub fn parse(value: &str) -> Option<Verification> {
        [
            Verification::Pending,
            Verification::Verified,
            Verification::Rejected,
        ]
        .into_iter()
        .find(|v| v.as_str() == value)
    }
}

/// Where a certificate stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Verified and not expiring within the widest warning (or not expiring at all).
    Valid,
    /// Verified and expiring within `within` days (90, 60 or 30), still valid.
    Expiring { within: u32, days_left: u32 },
    /// Verified, and its expiry date has passed.
    Expired,
    /// Waiting for HR's verification.
    Pending,
    /// HR rejected it.
    Rejected,
}

impl Standing {
    /// Where a certificate `verification` and expiring on `expires_on` stands on `today`. A
    /// certificate is valid through its expiry date and expired from the day after.
    pub fn of(verification: Verification, expires_on: Option<NaiveDate>, today: NaiveDate) -> Self {
        match verification {
            Verification::Pending => return Standing::Pending,
            Verification::Rejected => return Standing::Rejected,
            Verification::Verified => {}
        }
        let Some(expires_on) = expires_on else {
            return Standing::Valid;
        };
        let days_left = (expires_on - today).num_days();
        if days_left < 0 {
            return Standing::Expired;
        }
        let days_left = u32::try_from(days_left).unwrap_or(u32::MAX);
        EXPIRY_WARNINGS
            .iter()
            .rev()
            .find(|&&within| days_left <= within)
            .map_or(Standing::Valid, |&within| Standing::Expiring {
                within,
                days_left,
            })
    }
}

/// The day a certificate issued on `issued_on` expires after `validity_months`: the same day
/// of the month that many months later (the month's last day when it is shorter).
pub fn expiry_after(issued_on: NaiveDate, validity_months: Option<u32>) -> Option<NaiveDate> {
    issued_on.checked_add_months(Months::new(validity_months?))
}

/// One certificate of a person, as their pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    pub id: HoldingId,
    pub certification: CertificationId,
    pub name_it: String,
    pub name_en: String,
    pub issuer: String,
    pub credential_id: Option<String>,
    pub issued_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
    pub standing: Standing,
    /// Why HR rejected it.
    pub reason: Option<String>,
    pub has_document: bool,
    /// Who verified or rejected it, and on which day.
    pub verified_by: Option<String>,
    pub verified_on: Option<NaiveDate>,
}

/// A person's certificates of one certification: the one that counts first (the latest one
/// not rejected, by issue date), then the earlier ones and those rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldCertification {
    pub current: Holding,
    pub history: Vec<Holding>,
}

/// A person's certifications, as "My training" and their record show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonCertifications {
    pub employee: EmployeeId,
    pub held: Vec<HeldCertification>,
    /// Whether the reader may verify and reject (HR, on someone else's record).
    pub verifies: bool,
}

/// A certification an upload may name: (id, Italian name, English name, validity in months).
pub type CertificationChoice = (CertificationId, String, String, Option<u32>);

/// A person's certifications with where they stand against their profile, and the
/// certifications they may upload, as "My training" and their record show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificationsOverview {
    pub person: PersonCertifications,
    pub compliance: super::PersonCompliance,
    pub choices: Vec<CertificationChoice>,
}

/// A certification a candidate says they hold, as HR recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedCertification {
    pub id: StatedId,
    pub certification: CertificationId,
    pub name_it: String,
    pub name_en: String,
    pub credential_id: Option<String>,
    pub issued_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
}

/// A candidate's stated certifications, what may be recorded, and whether the reader may.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateCertifications {
    pub candidate: CandidateId,
    pub items: Vec<StatedCertification>,
    pub choices: Vec<CertificationChoice>,
    pub editable: bool,
}

/// A certificate waiting for HR, with whose it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingHolding {
    pub employee: EmployeeId,
    pub employee_name: String,
    pub holding: Holding,
}

/// A certificate as its holder (or HR) types it; the document travels beside it as a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldingInput {
    pub certification_id: String,
    pub credential_id: String,
    pub issued_on: String,
    /// Blank to compute it from the certification's validity.
    pub expires_on: String,
}

/// A certificate as checked, before its certification's validity fills a blank expiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldingFields {
    pub certification: CertificationId,
    pub credential_id: Option<String>,
    pub issued_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
}

/// Reads an optional date of `field`.
fn read_date(value: &str, field: &str, errors: &mut FieldErrors) -> Option<NaiveDate> {
    match value.trim() {
        "" => None,
        typed => typed.parse().ok().or_else(|| {
            errors.add(field, "date");
            None
        }),
    }
}

impl HoldingInput {
    /// Checks the form on `today`, every refusal on its field: a certification, an issue date
    /// not in the future, an expiry (if typed) not before the issue.
    pub fn check(&self, today: NaiveDate) -> Result<HoldingFields, AppError> {
        let mut errors = FieldErrors::default();
        let certification = match self.certification_id.trim() {
            "" => {
                errors.add("certification_id", "required");
                None
            }
            typed => typed.parse().ok().map(CertificationId).or_else(|| {
                errors.add("certification_id", "unknown");
                None
            }),
        };
        let credential_id = self.credential_id.trim();
        if credential_id.chars().count() > 100 {
            errors.add_with("credential_id", "too_long", 100);
        }
        let issued_on = read_date(&self.issued_on, "issued_on", &mut errors);
        if self.issued_on.trim().is_empty() {
            errors.add("issued_on", "required");
        }
        if issued_on.is_some_and(|d| d > today) {
            errors.add("issued_on", "future_date");
        }
        let expires_on = read_date(&self.expires_on, "expires_on", &mut errors);
        if let (Some(issued), Some(expires)) = (issued_on, expires_on)
            && expires < issued
        {
            errors.add("expires_on", "expiry_before_issue");
        }
        match (certification, issued_on) {
            (Some(certification), Some(issued_on)) if errors.is_empty() => Ok(HoldingFields {
                certification,
                credential_id: (!credential_id.is_empty()).then(|| credential_id.to_owned()),
                issued_on,
                expires_on,
            }),
            _ => Err(AppError::Invalid(errors)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_verified_certificate_is_expiring_within_the_narrowest_warning_it_has_reached() {
        let today = day("2027-01-01");
        let on = |expires: &str| Standing::of(Verification::Verified, Some(day(expires)), today);
        assert_eq!(on("2027-06-01"), Standing::Valid);
        assert_eq!(
            on("2027-04-01"),
            Standing::Expiring {
                within: 90,
                days_left: 90
            }
        );
        assert_eq!(
            on("2027-02-20"),
            Standing::Expiring {
                within: 60,
                days_left: 50
            }
        );
        assert_eq!(
            on("2027-01-31"),
            Standing::Expiring {
                within: 30,
                days_left: 30
            }
        );
        assert_eq!(
            on("2027-01-01"),
            Standing::Expiring {
                within: 30,
                days_left: 0
            }
        );
        assert_eq!(on("2026-12-31"), Standing::Expired);
    }

    #[test]
    fn verification_decides_before_any_date_and_no_expiry_is_valid_for_ever() {
        let today = day("2027-01-01");
        let past = Some(day("2020-01-01"));
        assert_eq!(
            Standing::of(Verification::Pending, past, today),
            Standing::Pending
        );
        assert_eq!(
            Standing::of(Verification::Rejected, past, today),
            Standing::Rejected
        );
        assert_eq!(
            Standing::of(Verification::Verified, None, today),
            Standing::Valid
        );
    }

    #[test]
    fn the_expiry_is_the_same_day_validity_months_later_or_the_months_last_day() {
        assert_eq!(
            expiry_after(day("2026-03-15"), Some(36)),
            Some(day("2029-03-15"))
        );
        assert_eq!(
            expiry_after(day("2027-01-31"), Some(1)),
            Some(day("2027-02-28"))
        );
        assert_eq!(expiry_after(day("2027-01-31"), None), None);
    }

    #[test]
    fn a_certificate_issued_in_the_future_or_expiring_before_its_issue_is_refused_on_its_field() {
        let today = day("2027-01-01");
        let input = HoldingInput {
            certification_id: "1".into(),
            credential_id: String::new(),
            issued_on: "2027-01-02".into(),
            expires_on: "2026-01-01".into(),
        };
        let AppError::Invalid(errors) = input.check(today).unwrap_err() else {
            panic!("not a field error");
        };
        assert_eq!(errors.get("issued_on").unwrap().code, "future_date");
        assert_eq!(
            errors.get("expires_on").unwrap().code,
            "expiry_before_issue"
        );
        let blank = HoldingInput::default().check(today).unwrap_err();
        let AppError::Invalid(errors) = blank else {
            panic!("not a field error");
        };
        assert_eq!(errors.get("certification_id").unwrap().code, "required");
        assert_eq!(errors.get("issued_on").unwrap().code, "required");
    }

    #[test]
    fn a_blank_credential_and_expiry_are_none_and_the_typed_ones_are_kept() {
        let today = day("2027-01-01");
        let input = HoldingInput {
            certification_id: "3".into(),
            credential_id: "  AML-2026-0042 ".into(),
            issued_on: "2026-05-01".into(),
            expires_on: String::new(),
        };
        let checked = input.check(today).unwrap();
        assert_eq!(checked.certification, CertificationId(3));
        assert_eq!(checked.credential_id.as_deref(), Some("AML-2026-0042"));
        assert_eq!(checked.expires_on, None);
    }

    #[test]
    fn a_validity_of_zero_or_over_fifty_years_and_a_level_outside_one_to_five_are_refused() {
        let mut input = CertificationInput {
            name_it: "Primo soccorso".into(),
            name_en: "First aid".into(),
            issuer: "Croce Rossa".into(),
            validity_months: "0".into(),
            active: true,
            levels: vec![(4, "6".into()), (5, String::new())],
            profiles: vec![2, 2, 1],
        };
        let AppError::Invalid(errors) = input.check().unwrap_err() else {
            panic!("not a field error");
        };
        assert_eq!(
            errors.get("validity_months").unwrap().code,
            "validity_range"
        );
        assert_eq!(errors.get("level_4").unwrap().code, "level_range");
        input.validity_months = "601".into();
        assert!(input.check().is_err());
        input.validity_months = "600".into();
        input.levels = vec![(4, "3".into()), (5, String::new())];
        let checked = input.check().unwrap();
        assert_eq!(checked.validity_months, Some(600));
        assert_eq!(checked.proves, vec![(4, 3)]);
        assert_eq!(checked.profiles, vec![1, 2]);
    }
}
