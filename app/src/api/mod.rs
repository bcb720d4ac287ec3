//! Server functions: the HTTP API the UI calls, one folder per area of the product.
//!
//! Each one authorises first (`auth::authorize`, or `auth::public` for the few open to anyone),
//! validates its input with the same rules the browser ran, calls a service, and returns
//! `AppError` on failure. Endpoints are named explicitly so URLs stay stable.

pub mod account;
pub mod admin;
pub mod assessments;
pub mod certifications;
pub mod employees;
pub mod framework;
pub mod interviews;
pub mod notifications;
pub mod recruitment;
pub mod training;

/// Server functions that take multipart form data (files). The server checks their requests
/// carry a multipart boundary before the framework parses them.
pub const MULTIPART_ENDPOINTS: &[&str] =
    &["/api/apply", "/api/upload_cv", "/api/import_candidates"];

/// Largest request body a server function accepts: two files at the upload limit, and the form.
pub const MAX_REQUEST_BYTES: usize = 2 * crate::model::MAX_UPLOAD_BYTES + 1024 * 1024;

/// Adds a `Set-Cookie` header to the server function's response.
#[cfg(feature = "ssr")]
pub(crate) fn set_cookie(value: &str) {
    use axum::http::{HeaderValue, header::SET_COOKIE};
    if let (Some(response), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

/// Reads the file in form field `field` from a multipart body, holding at most the upload limit
/// in memory. Over the limit, the answer is a field error on `field`; other fields are ignored.
#[cfg(feature = "ssr")]
pub(crate) async fn read_one_file(
    data: server_fn::codec::MultipartData,
    field: &str,
) -> Result<Option<crate::server::files::Upload>, crate::model::AppError> {
    read_form(data, field).await?.file
}

/// A multipart form as read: its text fields, and the file or why it was refused.
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub struct FormWithFile {
    pub fields: Vec<(String, String)>,
    /// None when no file was chosen; a field error when it is over the upload limit.
    pub file: Result<Option<crate::server::files::Upload>, crate::model::AppError>,
}

#[cfg(feature = "ssr")]
impl FormWithFile {
    /// The text field `name`, empty when absent.
    pub fn field(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// A multipart form's text field: UTF-8 without NUL characters (which no one types and
/// PostgreSQL cannot store), or a bad request.
#[cfg(feature = "ssr")]
pub fn form_text(bytes: Vec<u8>) -> Result<String, crate::model::AppError> {
    String::from_utf8(bytes)
        .ok()
        .filter(|text| !text.contains('\0'))
        .ok_or(crate::model::AppError::BadRequest)
}

/// Reads a multipart form: its text fields (each at most 64 KB) and the file in field
/// `file_field` (at most the upload limit: over it, the rest of the file is skipped and the
/// other fields are still read). Other files are not read.
#[cfg(feature = "ssr")]
pub async fn read_form(
    data: server_fn::codec::MultipartData,
    file_field: &str,
) -> Result<FormWithFile, crate::model::AppError> {
    use crate::model::{AppError, FieldErrors, MAX_UPLOAD_BYTES};
    use crate::server::files::{Upload, UploadProblem};

    const MAX_TEXT_BYTES: usize = 64 * 1024;
    let mut multipart = data.into_inner().ok_or(AppError::BadRequest)?;
    let mut form = FormWithFile {
        fields: Vec::new(),
        file: Ok(None),
    };
    while let Some(mut part) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest)?
    {
        let name = part.name().unwrap_or_default().to_owned();
        let is_file = name == file_field;
        if !is_file && part.file_name().is_some() {
            // Another file: not asked for, not read.
            continue;
        }
        let limit = if is_file {
            MAX_UPLOAD_BYTES
        } else {
            MAX_TEXT_BYTES
        };
        let file_name = part.file_name().unwrap_or_default().to_owned();
        let mut bytes = Vec::new();
        let mut too_large = false;
        while let Some(chunk) = part.chunk().await.map_err(|_| AppError::BadRequest)? {
            if bytes.len() + chunk.len() > limit {
                too_large = true;
                break;
            }
            bytes.extend_from_slice(&chunk);
        }
        match (is_file, too_large) {
            (false, true) => return Err(AppError::BadRequest),
            (true, true) => {
                let mut errors = FieldErrors::default();
                errors
                    .0
                    .insert(file_field.into(), UploadProblem::TooLarge.error());
                form.file = Err(AppError::Invalid(errors));
            }
            (true, false) => {
                if !(bytes.is_empty() && file_name.is_empty()) {
                    form.file = Ok(Some(Upload { file_name, bytes }));
                }
            }
            (false, false) => {
                form.fields.push((name, form_text(bytes)?));
            }
        }
    }
    Ok(form)
}
