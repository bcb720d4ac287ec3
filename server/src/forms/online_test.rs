//! The candidate's online test as a plain form, posted to the private link's own address
//! (`/t/{token}`): start, save, hand in, and the typing test's start and finish, saying which
//! in `intent`. Each answers with a redirect back to the page, which shows where the test
//! stands; the autosave (`x-autosave: 1`) answers 204 when saved and 409 when the time is up.

use app::model::{AppError, OnlineItemId};
use app::server::assessments::online::take::{self, Saved};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;

use super::log_if_internal;
use crate::startup::AppState;

/// What the candidate asked for.
enum Intent {
    Start,
    Save,
    Submit,
    StartTyping(OnlineItemId),
    FinishTyping(OnlineItemId),
}

fn intent(fields: &[(String, String)]) -> Option<Intent> {
    let value = fields
        .iter()
        .rev()
        .find(|(k, _)| k == "intent")
        .map(|(_, v)| v.as_str())?;
    let item = |rest: &str| rest.parse().ok().map(OnlineItemId);
    match value.split_once(':') {
        Some(("start_typing", id)) => item(id).map(Intent::StartTyping),
        Some(("finish_typing", id)) => item(id).map(Intent::FinishTyping),
        _ => match value {
            "start" => Some(Intent::Start),
            "save" => Some(Intent::Save),
            "submit" => Some(Intent::Submit),
            _ => None,
        },
    }
}

/// Does what the candidate asked, then sends them back to the page.
pub async fn act(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let page = format!("/t/{token}");
    let autosave = headers.contains_key("x-autosave");
    let db = &state.backend.db;
    let now = Utc::now();
    let Some(intent) = intent(&fields) else {
        return (StatusCode::BAD_REQUEST, "unknown form").into_response();
    };
    let answers = match &intent {
        Intent::Start => Ok(Vec::new()),
        _ => take::answers_from_form(db, &token, &fields).await,
    };
    // Where the page opens again: at the typing test after its buttons.
    let (saved_page, anchor) = match &intent {
        Intent::Start => (page.clone(), String::new()),
        Intent::StartTyping(item) => (page.clone(), format!("#question-{item}")),
        Intent::FinishTyping(item) => (format!("{page}?saved=1"), format!("#question-{item}")),
        Intent::Save | Intent::Submit => (format!("{page}?saved=1"), String::new()),
    };
    let outcome = match answers {
        Err(error) => Err(error),
        Ok(answers) => match intent {
            Intent::Start => take::start(db, &token, now).await.map(|()| Saved::Saved),
            Intent::Save => take::save(db, &token, answers, now).await,
            Intent::Submit => take::submit(db, &token, answers, now).await,
            Intent::StartTyping(item) => match take::save(db, &token, answers, now).await {
                Ok(Saved::Saved) => take::start_typing(db, &token, item, now).await,
                other => other,
            },
            Intent::FinishTyping(item) => take::finish_typing(db, &token, item, answers, now).await,
        },
    };
    match (outcome, autosave) {
        (Ok(Saved::Saved), true) => StatusCode::NO_CONTENT.into_response(),
        (Ok(Saved::TooLate), true) => StatusCode::CONFLICT.into_response(),
        (Ok(Saved::Saved), false) => Redirect::to(&format!("{saved_page}{anchor}")).into_response(),
        (Ok(Saved::TooLate), false) => Redirect::to(&format!("{page}?late=1")).into_response(),
        (Err(AppError::NotFound), _) => Redirect::to(&page).into_response(),
        (Err(error), true) => {
            log_if_internal("online test autosave", &error);
            StatusCode::from_u16(error.status())
                .unwrap_or(StatusCode::UNPROCESSABLE_ENTITY)
                .into_response()
        }
        // The page shows where the test stands (handed in, expired...), which says why.
        (Err(error), false) => {
            log_if_internal("online test form", &error);
            Redirect::to(&page).into_response()
        }
    }
}
