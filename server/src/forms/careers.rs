//! The careers application form without JavaScript: the form posts (multipart) to the
//! opening's own address. An accepted application goes on to the confirmation page; a refused
//! one gets the opening's page again, with its errors beside their fields and what was typed.

use app::api::recruitment::careers::read_submission;
use app::pages::careers::ApplicationDraft;
use app::server::accounts::auth::{self, RequestLang};
use app::server::recruitment::applications;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use server_fn::codec::MultipartData;

use crate::startup::AppState;

/// Takes an application posted by the plain form on `/careers/{id}`.
pub async fn apply(State(state): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let ip = auth::client_ip_of(&parts);
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
            super::log_if_internal("application", &error);
            let draft = ApplicationDraft {
                input,
                error: Some(error),
            };
            super::render_again(state, parts, draft).await
        }
    }
}
