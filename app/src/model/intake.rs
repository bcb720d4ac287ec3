//! HR's intake of candidates: by hand, from uploaded CVs or from a CSV file, and the possible
//! duplicates found on the way.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::users::not_blank;
use super::{CandidateId, OpeningId, check_phone};

/// A CV HR uploaded, stored and read, waiting to become a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UploadId(pub i32);

impl std::fmt::Display for UploadId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Sources HR choose when they add a candidate themselves (`careers` and `import` are set by
/// the careers page and the CSV import).
pub const MANUAL_SOURCES: [&str; 3] = ["manual", "referral", "job_board"];

/// Whether a source names where it came from: who referred, which job board.
pub fn source_needs_detail(source: &str) -> bool {
    matches!(source, "referral" | "job_board")
}

/// A candidate added by HR. Email and phone are optional (a CV may lack them), but checked when
/// given; a referral or a job board must say which.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct CandidateInput {
    #[validate(custom(function = "not_blank"), length(max = 160, code = "too_long"))]
    pub name: String,
    #[validate(custom(function = "optional_email"))]
    pub email: String,
    #[validate(custom(function = "optional_phone"))]
    pub phone: String,
    #[validate(length(max = 4000, code = "too_long"))]
    pub education: String,
    #[validate(length(max = 4000, code = "too_long"))]
    pub experience: String,
    /// The opening they are considered for, if any yet.
    pub opening_id: Option<OpeningId>,
    /// `manual`, `referral` or `job_board`.
    pub source: String,
    /// Who referred them, or which job board.
    #[validate(length(max = 120, code = "too_long"))]
    pub source_detail: String,
    /// The uploaded CV this candidate comes from, if any.
    pub upload_id: Option<UploadId>,
}

fn optional_email(value: &str) -> Result<(), validator::ValidationError> {
    if value.trim().is_empty() {
        return Ok(());
    }
    super::check_email(value)
}

fn optional_phone(value: &str) -> Result<(), validator::ValidationError> {
    if value.trim().is_empty() {
        Ok(())
    } else {
        check_phone(value)
    }
}

impl CandidateInput {
    /// The field rules, plus the source: one HR may pick, with its detail when it needs one.
    pub fn check(&self) -> Result<(), super::AppError> {
        let mut errors = match super::validate(self) {
            Ok(()) => super::FieldErrors::default(),
            Err(error) => error.field_errors(),
        };
        if !MANUAL_SOURCES.contains(&self.source.as_str()) {
            errors
                .0
                .insert("source".into(), super::FieldError::new("required"));
        } else if source_needs_detail(&self.source) && self.source_detail.trim().is_empty() {
            errors
                .0
                .insert("source_detail".into(), super::FieldError::new("required"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(super::AppError::Invalid(errors))
        }
    }
}

/// An uploaded CV with what was read from it, to prefill the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeDraft {
    pub upload_id: UploadId,
    pub file_name: String,
    pub size_bytes: i64,
    /// False when no text could be read ("text not extracted"); the file is kept anyway.
    pub text_extracted: bool,
    /// A guess at the name, from the first lines of the CV or the file name.
    pub name: String,
    pub email: String,
    pub phone: String,
}

/// Why two candidates may be one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    Email,
    Phone,
    Name,
}

/// Another candidate who may be the same person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PossibleDuplicate {
    pub id: CandidateId,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub reason: DuplicateReason,
    pub applications: u32,
}

/// What an intake did: the candidate it created or found, and who else may be the same person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakeOutcome {
    pub candidate_id: CandidateId,
    /// True when the email matched someone already known: the intake went to that person.
    pub matched_existing: bool,
    pub possible_duplicates: Vec<PossibleDuplicate>,
}

/// What a CSV import wrote (it writes all its rows or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub created: u32,
    /// Rows whose email matched a known person, attached to them.
    pub matched: u32,
}

/// Letters of a name without accents, case or order: "Nicolò  ROSSI" and "Rossi Nicolo" agree.
pub fn name_key(name: &str) -> String {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.chars()
                .map(fold_accent)
                .collect::<String>()
                .to_lowercase()
        })
        .collect();
    words.sort();
    words.join(" ")
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        other => other,
    }
}

/// Whether two names are probably the same person's: the same words in any order, or one or
/// two letters apart (a typo) when both are long enough for that to mean something.
pub fn similar_names(a: &str, b: &str) -> bool {
    let (a, b) = (name_key(a), name_key(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let shorter = a.chars().count().min(b.chars().count());
    let allowed = if shorter >= 16 {
        2
    } else if shorter >= 10 {
        1
    } else {
        0
    };
    allowed > 0 && strsim::levenshtein(&a, &b) <= allowed
}

/// The columns of a candidates import file: each by its English and its Italian name, and a
/// file may use either (`name` or `nome` is required, the rest optional).
pub const IMPORT_COLUMNS: [(&str, &str); 7] = [
    ("name", "nome"),
    ("email", "email"),
    ("phone", "telefono"),
    ("opening", "posizione"),
    ("education", "istruzione"),
    ("experience", "esperienza"),
    ("tags", "etichette"),
];

/// The English name of an import file's column header, in either language and any case.
pub fn import_column(header: &str) -> Option<&'static str> {
    let header = header.trim().to_lowercase();
    IMPORT_COLUMNS
        .iter()
        .find(|(en, it)| header == *en || header == *it)
        .map(|(en, _)| *en)
}

/// The header line of an empty import file, in `lang`.
pub fn import_template(lang: crate::i18n::Lang) -> String {
    let names: Vec<&str> = IMPORT_COLUMNS
        .iter()
        .map(|(en, it)| lang.pick(it, en))
        .collect();
    format!("{}\r\n", names.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CandidateInput {
        CandidateInput {
            name: "Giulia Neri".into(),
            source: "manual".into(),
            ..CandidateInput::default()
        }
    }

    #[test]
    fn a_candidate_added_by_hand_needs_only_a_name_and_a_source() {
        assert!(input().check().is_ok());
    }

    #[test]
    fn a_referral_must_say_who_referred_and_a_bad_email_is_refused() {
        let referral = CandidateInput {
            source: "referral".into(),
            email: "not-an-email".into(),
            phone: "abc".into(),
            ..input()
        };
        let errors = referral.check().unwrap_err().field_errors();
        assert_eq!(errors.get("source_detail").unwrap().code, "required");
        assert_eq!(errors.get("email").unwrap().code, "email");
        assert_eq!(errors.get("phone").unwrap().code, "phone");
    }

    #[test]
    fn careers_and_import_are_not_sources_hr_can_pick() {
        let careers = CandidateInput {
            source: "careers".into(),
            ..input()
        };
        let errors = careers.check().unwrap_err().field_errors();
        assert_eq!(errors.get("source").unwrap().code, "required");
    }

    #[test]
    fn names_match_whatever_their_order_accents_and_case() {
        assert!(similar_names("Nicolò ROSSI", "rossi nicolo"));
        assert!(similar_names("Francesca Esposito", "Francesca Espositto"));
        assert!(!similar_names("Anna Bo", "Anna Bi"));
        assert!(!similar_names("Mario Rossi", "Maria Bianchi"));
    }
}
