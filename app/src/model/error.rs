//! The one error type server functions return, and field-level validation errors.
//!
//! Errors travel to the browser as JSON; the HTTP status is derived from the variant by the
//! server (`AppError::status`), so a user's mistake is a 4xx and only our own faults are a 500.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};
use validator::{ValidationErrors, ValidationErrorsKind};

/// What went wrong with one field: a stable code (translated by the UI) and an optional number
/// (such as the maximum length) used in the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<i64>,
}

impl FieldError {
    pub fn new(code: &str) -> Self {
        Self {
            code: code.to_owned(),
            param: None,
        }
    }
}

/// Field name → its first error. Field names are the input struct's field names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldErrors(pub BTreeMap<String, FieldError>);

impl FieldErrors {
    /// One error on one field.
    pub fn single(field: &str, code: &str) -> Self {
        let mut errors = Self::default();
        errors.0.insert(field.to_owned(), FieldError::new(code));
        errors
    }

    /// Adds `code` on `field`, unless the field already has an error (the first one stands).
    pub fn add(&mut self, field: &str, code: &str) {
        self.0
            .entry(field.to_owned())
            .or_insert_with(|| FieldError::new(code));
    }

    /// Adds `code` with its number (a limit, say) on `field`, unless it has an error already.
    pub fn add_with(&mut self, field: &str, code: &str, param: u64) {
        self.0.entry(field.to_owned()).or_insert(FieldError {
            code: code.to_owned(),
            param: i64::try_from(param).ok(),
        });
    }

    pub fn get(&self, field: &str) -> Option<&FieldError> {
        self.0.get(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<&ValidationErrors> for FieldErrors {
    /// Flattens nested errors into paths such as `levels.2.en`.
    fn from(errors: &ValidationErrors) -> Self {
        fn walk(prefix: &str, errors: &ValidationErrors, out: &mut BTreeMap<String, FieldError>) {
            for (field, kind) in errors.errors() {
                let path = if prefix.is_empty() {
                    field.to_string()
                } else {
                    format!("{prefix}.{field}")
                };
                match kind {
                    ValidationErrorsKind::Field(errs) => {
                        if let Some(first) = errs.first() {
                            let param = ["max", "min", "limit"]
                                .iter()
                                .find_map(|key| first.params.get(*key).and_then(|v| v.as_i64()));
                            out.insert(
                                path,
                                FieldError {
                                    code: first.code.to_string(),
                                    param,
                                },
                            );
                        }
                    }
                    ValidationErrorsKind::Struct(inner) => walk(&path, inner, out),
                    ValidationErrorsKind::List(items) => {
                        for (index, inner) in items {
                            walk(&format!("{path}.{index}"), inner, out);
                        }
                    }
                }
            }
        }
        let mut out = BTreeMap::new();
        walk("", errors, &mut out);
        Self(out)
    }
}

/// Validates `input` with its `validator` rules, as the browser does before sending it.
pub fn validate<T: validator::Validate>(input: &T) -> Result<(), AppError> {
    input
        .validate()
        .map_err(|errors| AppError::Invalid(FieldErrors::from(&errors)))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the session has expired.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but this role or this record is not theirs to see or change.
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// The input breaks a rule; one message per field.
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// The action conflicts with the record's state (e.g. deleting a competency in use).
    #[error("conflict: {0}")]
    Conflict(String),
    /// Too many attempts; try again after this many seconds.
    #[error("too many attempts")]
    TooManyAttempts { retry_after_secs: u64 },
    /// The request itself was malformed (not something the UI sends).
    #[error("bad request")]
    BadRequest,
    /// Our fault. Details are logged on the server, never sent.
    #[error("internal error")]
    Internal,
    /// The browser could not reach the server.
    #[error("network error")]
    Network,
}

impl AppError {
    /// A refusal of the form: `code` on `field`.
    pub fn on_field(field: &str, code: &str) -> Self {
        Self::Invalid(FieldErrors::single(field, code))
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Invalid(_) => 422,
            Self::Conflict(_) => 409,
            Self::TooManyAttempts { .. } => 429,
            Self::BadRequest => 400,
            Self::Internal | Self::Network => 500,
        }
    }

    /// The field errors, if this is a validation error.
    pub fn field_errors(&self) -> FieldErrors {
        match self {
            Self::Invalid(errors) => errors.clone(),
            _ => FieldErrors::default(),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => Self::BadRequest,
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => Self::Network,
            _ => Self::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use validator::Validate;

    #[derive(Validate)]
    struct Sample {
        #[validate(length(max = 3, code = "too_long"))]
        name: String,
    }

    #[test]
    fn validation_errors_keep_the_code_and_the_limit() {
        let errors = validate(&Sample {
            name: "abcd".into(),
        })
        .unwrap_err()
        .field_errors();
        assert_eq!(
            errors.get("name"),
            Some(&FieldError {
                code: "too_long".into(),
                param: Some(3)
            })
        );
    }

    #[test]
    fn a_users_mistake_is_never_a_server_error() {
        assert_eq!(AppError::Invalid(FieldErrors::default()).status(), 422);
        assert_eq!(AppError::BadRequest.status(), 400);
        assert_eq!(
            AppError::from_server_fn_error(ServerFnErrorErr::Args("x".into())).status(),
            400
        );
    }
}
