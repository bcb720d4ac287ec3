//! A note and the tags on a candidate's page without JavaScript: both forms post to the page's
//! own address (`/candidates/{id}`), saying which they are in `intent`.

use app::model::{CandidateId, NoteInput, Permission, parse_tags};
use app::pages::recruitment::candidate_actions::CandidateDraft;
use app::server::recruitment::notes;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{allowed, log_if_internal, render_again};
use crate::startup::AppState;

/// The fields of either form.
#[derive(Debug, Deserialize)]
pub struct EditFields {
    intent: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    tags: String,
}

/// Adds the note or saves the tags, then shows the page saying so; or the page again with
/// what was typed and the reason.
pub async fn edit(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(fields): Form<EditFields>,
) -> Response {
    let page = format!("/candidates/{id}");
    let me = match allowed(&state, &parts, Permission::ManageRecruitment, &page).await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let db = &state.backend.db;
    let id = CandidateId(id);
    let outcome = match fields.intent.as_str() {
        "note" => {
            let input = NoteInput {
                body: fields.body.clone(),
            };
            notes::add(db, me.id, id, input).await
        }
        "tags" => notes::set_tags(db, id, parse_tags(&fields.tags))
            .await
            .map(|_| ()),
        _ => return (StatusCode::BAD_REQUEST, "unknown form").into_response(),
    };
    match outcome {
        Ok(()) => Redirect::to(&format!("{page}?saved={}", fields.intent)).into_response(),
        Err(error) => {
            log_if_internal("candidate edit", &error);
            let draft = if fields.intent == "note" {
                CandidateDraft::Note {
                    body: fields.body,
                    error,
                }
            } else {
                CandidateDraft::Tags {
                    text: fields.tags,
                    error,
                }
            };
            render_again(state, parts, draft).await
        }
    }
}
