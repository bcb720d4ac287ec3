//! The careers application form without JavaScript: the form posts (multipart) to the
//! opening's own address. An accepted application goes on to the confirmation page; a refused
//! one gets the opening's page again, with its errors beside their fields and what was typed.

use app::api::recruitment::careers::read_submission;
use app::model::AppError;
use app::pages::careers::ApplicationDraft;
use app::server::accounts::auth::RequestLang;
use app::server::recruitment::applications;
use app::shell;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use server_fn::codec::MultipartData;
use std::net::SocketAddr;

use crate::startup::AppState;

/// Takes an application posted by the plain form on `/careers/{id}`.
pub async fn apply(State(state): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let ip = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
    let lang = parts
        .extensions
        .get::<RequestLang>()
        .map(|l| l.0)
        .unwrap_or_default();
    let boundary = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok());
    let Some(boundary) = boundary else {
        return (StatusCode::BAD_REQUEST, "a multipart form is expected").into_response();
    };
    let multipart = multer::Multipart::new(body.into_data_stream(), boundary);
    let (input, outcome) = match read_submission(MultipartData::Server(multipart)).await {
        Ok(submission) => {
            let input = submission.input.clone();
            let outcome = applications::apply(&state.backend, submission, &ip, lang).await;
            (input, outcome)
        }
        Err(error) => (Default::default(), Err(error)),
    };
    match outcome {
        Ok(()) => Redirect::to("/careers/applied").into_response(),
        Err(error) => {
            render_again(
                state,
                parts,
                ApplicationDraft {
                    input,
                    error: Some(error),
                },
            )
            .await
        }
    }
}

/// Renders the opening's page for the same request, with the refused draft in context; the
/// page sets the status from the error (422 for invalid input, 429 when throttled, ...).
async fn render_again(
    state: AppState,
    mut parts: axum::http::request::Parts,
    draft: ApplicationDraft,
) -> Response {
    if matches!(draft.error, Some(AppError::Internal)) {
        tracing::error!("application form: the application could not be saved");
    }
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
