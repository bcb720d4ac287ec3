//! The notifications page's forms, without JavaScript (`/notifications`): mark one read
//! (`intent` = `read`), all of them (`read_all`), or choose whether reminders also come by
//! email (`email`).

use app::model::{AppError, NotificationId, Permission};
use app::pages::notifications::NOTIFICATIONS_PAGE;
use app::server::accounts::auth::{self, CurrentUser};
use app::server::notifications::inbox;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::log_if_internal;
use crate::startup::AppState;

/// The forms' fields.
#[derive(Debug, Deserialize)]
pub struct NotificationFields {
    #[serde(default)]
    intent: String,
    #[serde(default)]
    id: String,
    /// Sent ("on") only when ticked.
    #[serde(default)]
    email_reminders: String,
}

/// Carries out the form, then the page saying so.
pub async fn act(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<NotificationFields>,
) -> Response {
    let me = match auth::allow(
        parts.extensions.get::<CurrentUser>().cloned(),
        Permission::OwnAccount,
    ) {
        Ok(me) => me,
        Err(_) => {
            return Redirect::to(&format!("/login?next={NOTIFICATIONS_PAGE}")).into_response();
        }
    };
    let db = &state.backend.db;
    let now = chrono::Utc::now();
    let outcome = match fields.intent.as_str() {
        "read" => match fields.id.trim().parse() {
            Ok(id) => inbox::mark_read(db, me.id, Some(NotificationId(id)), now)
                .await
                .map(|()| "read"),
            Err(_) => Err(AppError::BadRequest),
        },
        "read_all" => inbox::mark_read(db, me.id, None, now)
            .await
            .map(|()| "read"),
        "email" => inbox::set_email_reminders(db, me.id, !fields.email_reminders.is_empty())
            .await
            .map(|()| "email"),
        _ => Err(AppError::BadRequest),
    };
    match outcome {
        Ok(done) => Redirect::to(&format!("{NOTIFICATIONS_PAGE}?{done}=1")).into_response(),
        Err(error) => {
            log_if_internal("notifications", &error);
            let status =
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, status.canonical_reason().unwrap_or_default()).into_response()
        }
    }
}
