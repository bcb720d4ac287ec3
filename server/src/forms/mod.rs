//! Forms that work without JavaScript: each posts to its page's own address as a plain form,
//! and the answer is either a redirect to where the user goes next or the same page again,
//! rendered with what was typed and why it was refused. With the browser bundle loaded, the
//! same forms call their server functions instead and never reach these handlers.

pub mod account;
pub mod candidates;
pub mod careers;
pub mod certifications;
pub mod courses;
pub mod employees;
pub mod materials;
pub mod notifications;
pub mod online_test;
pub mod training;
pub mod two_factor;

use app::model::{AppError, Permission};
use app::server::accounts::auth::{self, CurrentUser};
use app::shell;
use axum::body::Body;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;

use crate::startup::AppState;

/// Renders the page of this request again (as a GET), with `draft` in context for the page's
/// form to show; the page sets the status from the draft's error (422, 429...).
pub(crate) async fn render_again<D>(state: AppState, mut parts: Parts, draft: D) -> Response
where
    D: Clone + Send + Sync + 'static,
{
    parts.method = Method::GET;
    let options = state.leptos_options.clone();
    let page_context = crate::startup::request_context(state.backend.clone(), state.assets.clone());
    let render = leptos_axum::render_app_async_with_context(
        move || {
            page_context();
            provide_context(draft.clone());
        },
        move || shell(options.clone()),
    );
    render(Request::from_parts(parts, Body::empty())).await
}

/// `response` with a `Set-Cookie` header for each of `cookies`.
pub(crate) fn with_cookies(
    response: impl IntoResponse,
    cookies: impl IntoIterator<Item = String>,
) -> Response {
    let mut response = response.into_response();
    for cookie in cookies {
        match HeaderValue::from_str(&cookie) {
            Ok(value) => {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            Err(_) => tracing::error!("a cookie could not be set: not a header value"),
        }
    }
    response
}

/// Logs a refusal that is the server's fault; the user's mistakes are not worth a line.
pub(crate) fn log_if_internal(form: &str, error: &AppError) {
    if matches!(error, AppError::Internal) {
        tracing::error!(form, "a form posted without JavaScript could not be saved");
    }
}

/// The request's parts, as for the page at `path`: a form posted to an address of its own
/// renders the page it belongs to.
pub(crate) fn as_page(mut parts: Parts, path: &str) -> Parts {
    if let Ok(uri) = path.parse() {
        parts.uri = uri;
    }
    parts
}

/// The signed-in user allowed to `permission`, or the response to give instead: the sign-in
/// page (then back to `page`) for a visitor, `page` again answered 403 for anyone else
/// (nothing changed).
pub(crate) async fn allowed(
    state: &AppState,
    parts: &Parts,
    permission: Permission,
    page: &str,
) -> Result<CurrentUser, Response> {
    match auth::allow(parts.extensions.get::<CurrentUser>().cloned(), permission) {
        Ok(me) => Ok(me),
        Err(AppError::Unauthenticated) => {
            Err(Redirect::to(&format!("/login?next={page}")).into_response())
        }
        Err(_) => {
            let parts = as_page(parts.clone(), page);
            let mut response = render_again(state.clone(), parts, ()).await;
            *response.status_mut() = StatusCode::FORBIDDEN;
            Err(response)
        }
    }
}

/// Reads a catalogue form's field into what it names: `profile` (repeated) a job profile
/// ticked, `level_{competency}` a level chosen; any other field is ignored.
pub(crate) fn catalogue_link(
    key: &str,
    value: &str,
    levels: &mut Vec<(i32, String)>,
    profiles: &mut Vec<i32>,
) {
    if key == "profile" {
        if let Ok(profile) = value.trim().parse() {
            profiles.push(profile);
        }
    } else if let Some(Ok(competency)) = key.strip_prefix("level_").map(str::parse) {
        levels.push((competency, value.to_owned()));
    }
}
