//! Server functions: the HTTP API the UI calls, one file per area.
//!
//! Each one authorises first (`auth::authorize`, or `auth::public` for the few open to anyone),
//! validates its input with the same rules the browser ran, calls a service, and returns
//! `AppError` on failure. Endpoints are named explicitly so URLs stay stable.

pub mod account;
pub mod candidates;
pub mod careers;
pub mod competencies;
pub mod openings;
pub mod profiles;
pub mod session;
pub mod users;

/// Server functions that take multipart form data (files). The server checks their requests
/// carry a multipart boundary before the framework parses them.
pub const MULTIPART_ENDPOINTS: &[&str] = &["/api/apply"];

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
