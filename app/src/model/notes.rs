//! Notes HR write on a candidate and the tags they file them under.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::users::not_blank;

/// A note (or a comment on the process) about a candidate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct NoteInput {
    #[validate(custom(function = "not_blank"), length(max = 4000, code = "too_long"))]
    pub body: String,
}

/// A note as the candidate's timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub id: i32,
    pub body: String,
    pub author_name: Option<String>,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Most tags one candidate carries.
pub const MAX_TAGS: usize = 20;
/// Longest tag.
pub const MAX_TAG_CHARS: usize = 40;

/// Tags as HR type them, comma-separated: trimmed, lower-case, without repeats.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',') {
        let tag = tag
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// The same check on both sides: at most 20 tags of letters, digits, spaces and dashes, each
/// at most 40 characters.
pub fn check_tags(tags: &[String]) -> Result<(), super::AppError> {
    let code = if tags.len() > MAX_TAGS {
        Some(("too_many_tags", MAX_TAGS as i64))
    } else if tags.iter().any(|t| t.chars().count() > MAX_TAG_CHARS) {
        Some(("too_long", MAX_TAG_CHARS as i64))
    } else if tags.iter().any(|t| {
        t.trim().is_empty()
            || !t
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_')
    }) {
        Some(("tag_chars", 0))
    } else {
        None
    };
    match code {
        None => Ok(()),
        Some((code, param)) => {
            let mut errors = super::FieldErrors::default();
            errors.0.insert(
                "tags".into(),
                super::FieldError {
                    code: code.into(),
                    param: (param > 0).then_some(param),
                },
            );
            Err(super::AppError::Invalid(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_trimmed_lower_cased_and_not_repeated() {
        assert_eq!(
            parse_tags(" Inglese C1, inglese   c1 ,SAP,, "),
            vec!["inglese c1".to_owned(), "sap".to_owned()]
        );
    }

    #[test]
    fn tags_with_symbols_or_too_many_are_refused() {
        assert!(check_tags(&parse_tags("sap, excel")).is_ok());
        let code = |tags: &[String]| {
            check_tags(tags)
                .unwrap_err()
                .field_errors()
                .get("tags")
                .unwrap()
                .code
                .clone()
        };
        assert_eq!(code(&parse_tags("<script>")), "tag_chars");
        let many: Vec<String> = (0..21).map(|i| format!("t{i}")).collect();
        assert_eq!(code(&many), "too_many_tags");
    }
}
