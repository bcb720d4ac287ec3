//! The course catalogue's plain forms (HR): a course added (`/courses/new`) or changed
//! (`/courses/{id}/edit`), and its sessions, whose two forms post to the course's own address
//! (`/courses/{id}`) saying which they are in `intent`: `add` a session, or `remove` one.

use app::model::{CourseId, CourseInput, CourseSessionId, Permission, SessionInput};
use app::pages::training::catalogue::SessionDraft;
use app::pages::training::course_editor::{CourseDraft, editor_path};
use app::server::training::{course_editor, sessions};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::{allowed, catalogue_link, log_if_internal, render_again};
use crate::startup::AppState;

/// The fields of either session form.
#[derive(Debug, Default)]
struct SessionFields {
    intent: String,
    session_id: String,
    input: SessionInput,
}

impl SessionFields {
    fn read(pairs: &[(String, String)]) -> SessionFields {
        let mut fields = SessionFields::default();
        for (key, value) in pairs {
            let slot = match key.as_str() {
                "intent" => &mut fields.intent,
                "session_id" => &mut fields.session_id,
                "starts_at" => &mut fields.input.starts_at,
                "ends_at" => &mut fields.input.ends_at,
                "place" => &mut fields.input.place,
                "capacity" => &mut fields.input.capacity,
                "trainer" => &mut fields.input.trainer,
                _ => continue,
            };
            slot.clone_from(value);
        }
        fields
    }
}

/// `/courses/{id}`, posted: the new course's form (`/courses/new`), or one of a course's
/// session forms.
pub async fn edit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    parts: Parts,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    if id == "new" {
        return save(state, parts, None, &pairs).await;
    }
    let Ok(id) = id.parse::<i32>() else {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    };
    let fields = SessionFields::read(&pairs);
    plan(state, parts, id, fields).await
}

/// Plans or removes a session, then shows the course saying so; or the course again with what
/// was typed and why it was refused.
async fn plan(state: AppState, parts: Parts, id: i32, fields: SessionFields) -> Response {
    let page = format!("/courses/{id}");
    let me = match allowed(&state, &parts, Permission::ManageTraining, &page).await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let db = &state.backend.db;
    let id = CourseId(id);
    let input = fields.input;
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

/// The course form as typed: `level_{competency}` and repeated `profile` fields.
fn course_input(pairs: &[(String, String)]) -> CourseInput {
    let mut input = CourseInput::default();
    for (key, value) in pairs {
        match key.as_str() {
            "title_it" => input.title_it.clone_from(value),
            "title_en" => input.title_en.clone_from(value),
            "description_it" => input.description_it.clone_from(value),
            "description_en" => input.description_en.clone_from(value),
            "provider" => input.provider.clone_from(value),
            "kind" => input.kind.clone_from(value),
            "hours" => input.hours.clone_from(value),
            "validity_months" => input.validity_months.clone_from(value),
            "active" => input.active = true,
            other => catalogue_link(other, value, &mut input.levels, &mut input.profiles),
        }
    }
    input
}

/// Saves a new course (`/courses/new`) or course `id` (`/courses/{id}/edit`), then the
/// course's page saying so; or the form again with what was typed and why it was refused.
async fn save(
    state: AppState,
    parts: Parts,
    id: Option<CourseId>,
    pairs: &[(String, String)],
) -> Response {
    let page = editor_path(id);
    let me = match allowed(&state, &parts, Permission::ManageTraining, &page).await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let input = course_input(pairs);
    match course_editor::save(&state.backend.db, me.id, id, &input).await {
        Ok(saved) => Redirect::to(&format!("/courses/{saved}?saved=1")).into_response(),
        Err(error) => {
            log_if_internal("course", &error);
            let status = error.status();
            let mut response = render_again(state, parts, CourseDraft { input, error }).await;
            if let (404, Ok(code)) = (status, StatusCode::from_u16(status)) {
                *response.status_mut() = code;
            }
            response
        }
    }
}

/// `/courses/{id}/edit`, posted.
pub async fn change(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    save(state, parts, Some(CourseId(id)), &pairs).await
}
