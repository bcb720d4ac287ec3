//! A course's sessions as plain forms (HR): both post to the course's own address
//! (`/courses/{id}`), saying which they are in `intent`: `add` a session, or `remove` one.

use app::model::{AppError, CourseId, CourseSessionId, Permission, SessionInput};
use app::pages::training::catalogue::SessionDraft;
use app::server::accounts::auth::{self, CurrentUser};
use app::server::training::sessions;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{log_if_internal, render_again};
use crate::startup::AppState;

/// The fields of either form.
#[derive(Debug, Deserialize)]
pub struct SessionFields {
    intent: String,
    #[serde(default)]
    session_id: String,
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    ends_at: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    trainer: String,
}

impl SessionFields {
    fn input(&self) -> SessionInput {
        SessionInput {
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            place: self.place.clone(),
            capacity: self.capacity.clone(),
            trainer: self.trainer.clone(),
        }
    }
}

/// Plans or removes a session, then shows the course saying so; or the course again with what
/// was typed and why it was refused.
pub async fn edit(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(fields): Form<SessionFields>,
) -> Response {
    let page = format!("/courses/{id}");
    let me = match auth::allow(
        parts.extensions.get::<CurrentUser>().cloned(),
        Permission::ManageTraining,
    ) {
        Ok(me) => me,
        Err(AppError::Unauthenticated) => {
            return Redirect::to(&format!("/login?next={page}")).into_response();
        }
        Err(_) => {
            let mut response = render_again(state, parts, ()).await;
            *response.status_mut() = StatusCode::FORBIDDEN;
            return response;
        }
    };
    let db = &state.backend.db;
    let id = CourseId(id);
    let input = fields.input();
    let outcome = match (
        fields.intent.as_str(),
        fields.session_id.trim().parse::<i32>(),
    ) {
        ("add", _) => sessions::add(db, &me, id, input.clone(), chrono::Utc::now())
            .await
            .map(|_| "added"),
        ("remove", Ok(session)) => sessions::remove(db, id, CourseSessionId(session))
            .await
            .map(|()| "removed"),
        _ => return (StatusCode::BAD_REQUEST, "unknown form").into_response(),
    };
    match outcome {
        Ok(done) => Redirect::to(&format!("{page}?session={done}")).into_response(),
        Err(error) => {
            log_if_internal("course session", &error);
            let draft = SessionDraft { input, error };
            render_again(state, parts, draft).await
        }
    }
}
