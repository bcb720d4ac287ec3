//! Employee forms that work without JavaScript: HR change a record or send a new welcome link
//! on the employee's page (`/employees/{id}`, `intent` = `update` | `invite`), and hire an
//! application on its hire page (`/applications/{id}/hire`).

use app::model::{AppError, ApplicationId, EmployeeId, EmployeeInput, HireInput, Permission};
use app::pages::employees::hire::HireDraft;
use app::pages::employees::record::EmployeeDraft;
use app::server::accounts::auth::{self, CurrentUser, RequestLang};
use app::server::employees::{hiring, records};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{log_if_internal, render_again};
use crate::startup::AppState;

/// HR only: the caller, or the answer for anyone else (sign in first, or the page with 403).
async fn hr_only(state: &AppState, parts: &Parts, page: &str) -> Result<CurrentUser, Response> {
    match auth::allow(
        parts.extensions.get::<CurrentUser>().cloned(),
        Permission::ManageEmployees,
    ) {
        Ok(me) => Ok(me),
        Err(AppError::Unauthenticated) => {
            Err(Redirect::to(&format!("/login?next={page}")).into_response())
        }
        Err(_) => {
            let mut response = render_again(state.clone(), parts.clone(), ()).await;
            *response.status_mut() = StatusCode::FORBIDDEN;
            Err(response)
        }
    }
}

/// The fields of either form on an employee's page.
#[derive(Debug, Deserialize)]
pub struct RecordFields {
    intent: String,
    #[serde(default)]
    profile_id: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    manager_id: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    status: String,
}

/// Saves the record or sends a new link, then shows the page saying so; or the page again with
/// what was typed and why it was refused.
pub async fn edit(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(fields): Form<RecordFields>,
) -> Response {
    let page = format!("/employees/{id}");
    if let Err(response) = hr_only(&state, &parts, &page).await {
        return response;
    }
    let db = &state.backend.db;
    let id = EmployeeId(id);
    let (outcome, input) = match fields.intent.as_str() {
        "update" => {
            let input = EmployeeInput {
                profile_id: fields.profile_id,
                department: fields.department,
                location: fields.location,
                manager_id: fields.manager_id,
                start_date: fields.start_date,
                status: fields.status,
            };
            let outcome = match input.check() {
                Ok(change) => records::update(db, id, change).await.map(|()| "saved"),
                Err(error) => Err(error),
            };
            (outcome, Some(input))
        }
        "invite" => {
            let outcome =
                records::invite_again(db, id, &state.backend.public_url, chrono::Utc::now())
                    .await
                    .map(|()| "invited");
            (outcome, None)
        }
        _ => return (StatusCode::BAD_REQUEST, "unknown form").into_response(),
    };
    match outcome {
        Ok(done) => Redirect::to(&format!("{page}?{done}=1")).into_response(),
        Err(error) => {
            log_if_internal("employee record", &error);
            render_again(state, parts, EmployeeDraft { input, error }).await
        }
    }
}

/// The hire form's fields.
#[derive(Debug, Deserialize)]
pub struct HireFields {
    #[serde(default)]
    email: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    manager_id: String,
    #[serde(default)]
    start_date: String,
    /// Sent only when HR tick that the person on the staff with this address is the one hired.
    #[serde(default)]
    link_to: String,
}

/// Hires, then shows the new employee's page; or the form again with what was typed and why.
pub async fn hire(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(fields): Form<HireFields>,
) -> Response {
    let page = format!("/applications/{id}/hire");
    let me = match hr_only(&state, &parts, &page).await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let lang = parts
        .extensions
        .get::<RequestLang>()
        .map(|l| l.0)
        .unwrap_or_default();
    let input = HireInput {
        email: fields.email,
        department: fields.department,
        location: fields.location,
        manager_id: fields.manager_id,
        start_date: fields.start_date,
        link_to: fields.link_to,
    };
    let outcome = hiring::hire(
        &state.backend.db,
        &me,
        ApplicationId(id),
        input.clone(),
        lang,
        &state.backend.public_url,
        chrono::Utc::now(),
    )
    .await;
    match outcome {
        Ok(employee) => Redirect::to(&format!("/employees/{employee}?hired=1")).into_response(),
        Err(error) => {
            log_if_internal("hire", &error);
            render_again(state, parts, HireDraft { input, error }).await
        }
    }
}
