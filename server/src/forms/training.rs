//! Training forms that work without JavaScript: on "My training" an employee asks for a place
//! (`/training`) or logs training done elsewhere with its certificate (`/training/log`,
//! multipart); on the decisions page HR and managers decide (`/training/decisions`); on the
//! hours ledger HR set a profile's yearly target (`/training/hours`).

use app::model::{
    AppError, CourseRecordId, DecisionInput, EnrolInput, LogTrainingInput, Permission,
};
use app::pages::training::decisions::DECISIONS_PAGE;
use app::pages::training::hours::{HOURS_PAGE, TargetDraft};
use app::pages::training::mine::TrainingDraft;
use app::pages::training::record_list::RecordDraft;
use app::server::accounts::auth::{self, CurrentUser};
use app::server::files::{Certificate, Upload, check_certificate};
use app::server::training::{enrolment, ledger, outcomes};
use axum::Form;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use server_fn::codec::MultipartData;

use super::{allowed, as_page, log_if_internal, render_again};
use crate::startup::AppState;

/// The caller, if signed in.
fn signed_in(parts: &Parts) -> Option<CurrentUser> {
    auth::allow(
        parts.extensions.get::<CurrentUser>().cloned(),
        Permission::OwnAccount,
    )
    .ok()
}

/// Where a visitor goes instead: the sign-in page, then back to `page`.
fn sign_in_first(page: &str) -> Response {
    Redirect::to(&format!("/login?next={page}")).into_response()
}

/// The request form's fields.
#[derive(Debug, Deserialize)]
pub struct RequestFields {
    #[serde(default)]
    course_id: String,
    #[serde(default)]
    session_id: String,
}

/// Asks for a place, then "My training" saying so; or the page again with the reason.
pub async fn request(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<RequestFields>,
) -> Response {
    let Some(me) = signed_in(&parts) else {
        return sign_in_first("/training");
    };
    let input = EnrolInput {
        course_id: fields.course_id,
        session_id: fields.session_id,
    };
    let outcome = match input.check() {
        Ok((course, session)) => {
            enrolment::request(&state.backend.db, &me, course, session, chrono::Utc::now()).await
        }
        Err(error) => Err(error),
    };
    match outcome {
        Ok(_) => Redirect::to("/training?requested=1").into_response(),
        Err(error) => {
            log_if_internal("place request", &error);
            let draft = TrainingDraft {
                intent: "request",
                log: LogTrainingInput::default(),
                error,
            };
            render_again(state, parts, draft).await
        }
    }
}

/// Logs training done elsewhere with its certificate, then "My training" saying so; or the
/// page again with what was typed (the file to choose again) and why.
pub async fn log(State(state): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let Some(me) = signed_in(&parts) else {
        return sign_in_first("/training");
    };
    let boundary = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok());
    let Some(boundary) = boundary else {
        return (StatusCode::BAD_REQUEST, "a multipart form is expected").into_response();
    };
    let multipart = multer::Multipart::new(body.into_data_stream(), boundary);
    let now = chrono::Utc::now();
    let today = app::server::interviews::times::today_in(&me.time_zone, now);
    let (input, outcome) =
        match app::api::read_form(MultipartData::Server(multipart), "certificate").await {
            Ok(form) => {
                let input = LogTrainingInput {
                    title: form.field("title"),
                    provider: form.field("provider"),
                    kind: form.field("kind"),
                    hours: form.field("hours"),
                    completed_on: form.field("completed_on"),
                    course_id: form.field("course_id"),
                };
                let outcome = checked(&input, form.file, today);
                let outcome = match outcome {
                    Ok((training, certificate)) => {
                        outcomes::log(
                            &state.backend.db,
                            &state.backend.files,
                            &me,
                            training,
                            certificate,
                            now,
                        )
                        .await
                    }
                    Err(error) => Err(error),
                };
                (input, outcome)
            }
            Err(error) => (LogTrainingInput::default(), Err(error)),
        };
    match outcome {
        Ok(_) => Redirect::to("/training?logged=1").into_response(),
        Err(error) => {
            log_if_internal("logged training", &error);
            let draft = TrainingDraft {
                intent: "log",
                log: input,
                error,
            };
            render_again(state, as_page(parts, "/training"), draft).await
        }
    }
}

/// The form and its certificate checked together, so every refusal shows at once.
fn checked(
    input: &LogTrainingInput,
    file: Result<Option<Upload>, AppError>,
    today: chrono::NaiveDate,
) -> Result<(app::model::LoggedTraining, Certificate), AppError> {
    let mut errors = match input.check(today) {
        Ok(_) => app::model::FieldErrors::default(),
        Err(AppError::Invalid(errors)) => errors,
        Err(other) => return Err(other),
    };
    let certificate = match file {
        Ok(upload) => check_certificate("certificate", upload, &mut errors),
        Err(AppError::Invalid(refused)) => {
            errors.0.extend(refused.0);
            None
        }
        Err(other) => return Err(other),
    };
    match (input.check(today), certificate) {
        (Ok(training), Some(certificate)) if errors.is_empty() => Ok((training, certificate)),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// The decision forms' fields.
#[derive(Debug, Deserialize)]
pub struct DecisionFields {
    #[serde(default)]
    pub(crate) intent: String,
    #[serde(default)]
    pub(crate) record_id: String,
    #[serde(default)]
    pub(crate) decision: String,
    #[serde(default)]
    pub(crate) reason: String,
}

/// Grants or turns down a request, or approves or rejects logged training, then the page
/// saying so; or the page again with the reason.
pub async fn decide(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<DecisionFields>,
) -> Response {
    let Some(me) = signed_in(&parts) else {
        return sign_in_first(DECISIONS_PAGE);
    };
    let outcome = decision(&state, &me, &fields).await;
    match outcome {
        Ok(()) => Redirect::to(&format!("{DECISIONS_PAGE}?decided=1")).into_response(),
        Err(error) => {
            log_if_internal("training decision", &error);
            let status = error.status();
            let draft = RecordDraft {
                record: CourseRecordId(fields.record_id.trim().parse().unwrap_or_default()),
                status: String::new(),
                hours: String::new(),
                score: String::new(),
                completed_on: String::new(),
                reason: fields.reason.clone(),
                error,
            };
            let mut response = render_again(state, parts, draft).await;
            if let (403 | 404, Ok(code)) = (status, StatusCode::from_u16(status)) {
                *response.status_mut() = code;
            }
            response
        }
    }
}

/// Carries out a decision form (`decide` a request, or `review` logged training), on any page.
pub async fn decision(
    state: &AppState,
    me: &CurrentUser,
    fields: &DecisionFields,
) -> Result<(), AppError> {
    let input = DecisionInput {
        decision: fields.decision.clone(),
        reason: fields.reason.clone(),
    };
    let approve = input.check()?;
    let id = CourseRecordId(
        fields
            .record_id
            .trim()
            .parse()
            .map_err(|_| AppError::BadRequest)?,
    );
    let now = chrono::Utc::now();
    let db = &state.backend.db;
    match fields.intent.as_str() {
        "decide" => enrolment::decide(db, me, id, approve, &input.reason, now)
            .await
            .map(|_| ()),
        "review" => {
            auth::allow(Some(me.clone()), Permission::ManageEmployees)?;
            outcomes::review(db, me, id, approve, &input.reason, now).await
        }
        _ => Err(AppError::BadRequest),
    }
}

/// The target form's fields.
#[derive(Debug, Deserialize)]
pub struct TargetFields {
    #[serde(default)]
    profile: String,
    #[serde(default)]
    hours: String,
}

/// HR set a profile's yearly target, then the ledger saying so; or the page again with the
/// reason beside that profile's field.
pub async fn target(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<TargetFields>,
) -> Response {
    if let Err(response) = allowed(&state, &parts, Permission::ManageEmployees, HOURS_PAGE).await {
        return response;
    }
    let Ok(profile) = fields.profile.trim().parse().map(app::model::JobProfileId) else {
        return (StatusCode::BAD_REQUEST, "unknown form").into_response();
    };
    match ledger::set_target(&state.backend.db, profile, &fields.hours).await {
        Ok(()) => {
            Redirect::to(&format!("{HOURS_PAGE}?target=saved#targets-heading")).into_response()
        }
        Err(error) => {
            log_if_internal("training target", &error);
            let draft = TargetDraft {
                profile,
                hours: fields.hours,
                error,
            };
            render_again(state, parts, draft).await
        }
    }
}
