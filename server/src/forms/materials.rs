//! Practical tests' materials and start, as plain forms: HR add a file to a template (multipart,
//! to the materials page's own address) and remove one; a test's grader or HR start the test.
//! Each goes back to its page saying what happened, or shows the page again with the reason.

use app::model::{MaterialId, Permission, PracticalTemplateId, PracticalTestId};
use app::pages::assessments::materials::MaterialDraft;
use app::pages::assessments::test::StartDraft;
use app::server::assessments::{candidate_link, materials};
use axum::extract::{Path, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use server_fn::codec::MultipartData;

use super::{allowed, as_page, log_if_internal, render_again};
use crate::startup::AppState;

/// Adds the file posted to `/tests/templates/{id}/materials`.
pub async fn add(State(state): State<AppState>, Path(id): Path<i32>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let page = format!("/tests/templates/{id}/materials");
    if let Err(response) = allowed(&state, &parts, Permission::ManageRecruitment, &page).await {
        return response;
    }
    let boundary = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok());
    let Some(boundary) = boundary else {
        return (StatusCode::BAD_REQUEST, "a multipart form is expected").into_response();
    };
    let multipart = multer::Multipart::new(body.into_data_stream(), boundary);
    let (lang, outcome) = match app::api::read_form(MultipartData::Server(multipart), "file").await
    {
        Ok(form) => {
            let lang = form.field("lang");
            let outcome = match (materials::parse_lang(&lang), form.file) {
                (Ok(chosen), Ok(file)) => {
                    materials::add(&state.backend.db, PracticalTemplateId(id), chosen, file).await
                }
                (Err(error), _) | (_, Err(error)) => Err(error),
            };
            (lang, outcome)
        }
        Err(error) => (String::new(), Err(error)),
    };
    match outcome {
        Ok(_) => Redirect::to(&format!("{page}?added=1")).into_response(),
        Err(error) => {
            log_if_internal("material", &error);
            render_again(state, parts, MaterialDraft { lang, error }).await
        }
    }
}

/// The request's parts, as for the page at `path`: a form posted to an address of its own
/// (`…/remove`, `…/start`) shows its page again.
/// Removes material `material` from template `id`.
pub async fn remove(
    State(state): State<AppState>,
    Path((id, material)): Path<(i32, i32)>,
    parts: Parts,
) -> Response {
    let page = format!("/tests/templates/{id}/materials");
    if let Err(response) = allowed(&state, &parts, Permission::ManageRecruitment, &page).await {
        return response;
    }
    match materials::remove(
        &state.backend.db,
        PracticalTemplateId(id),
        MaterialId(material),
    )
    .await
    {
        Ok(()) => Redirect::to(&format!("{page}?removed=1")).into_response(),
        Err(error) => {
            log_if_internal("material removal", &error);
            let status =
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut response = render_again(state, as_page(parts, &page), ()).await;
            *response.status_mut() = status;
            response
        }
    }
}

/// Starts test `id` (its grader or HR): back to its page saying whether the candidate was
/// mailed the link to the materials.
pub async fn start(State(state): State<AppState>, Path(id): Path<i32>, parts: Parts) -> Response {
    let page = format!("/tests/{id}");
    let me = match allowed(&state, &parts, Permission::Interview, &page).await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let outcome = candidate_link::start(
        &state.backend.db,
        &me,
        PracticalTestId(id),
        &state.backend.public_url,
        chrono::Utc::now(),
    )
    .await;
    match outcome {
        Ok(started) => {
            let how = match started {
                candidate_link::Started::LinkSent => "sent",
                candidate_link::Started::NothingToSend => "none",
            };
            Redirect::to(&format!("{page}?started={how}")).into_response()
        }
        Err(error) => {
            log_if_internal("test start", &error);
            render_again(state, as_page(parts, &page), StartDraft { error }).await
        }
    }
}
