//! Certification forms that work without JavaScript: HR add or change a certification of the
//! catalogue (`/certifications/new`, `/certifications/{id}`), an employee uploads a
//! certificate of their own on "My training" (`/training/certificates`, multipart), and HR
//! verify or reject one waiting (`/certificates/{id}`, from the employee's page or the
//! decisions page).

use app::model::{
    AppError, CandidateId, CertificationId, CertificationInput, DecisionInput, FieldErrors,
    HoldingFields, HoldingId, HoldingInput, Permission, StatedId,
};
use app::pages::certifications::catalogue::CertificationDraft;
use app::pages::certifications::holdings::{HoldingDraft, VerdictDraft};
use app::pages::certifications::stated::StatedDraft;
use app::pages::training::decisions::DECISIONS_PAGE;
use app::server::certifications::{catalogue, holdings, stated};
use app::server::files::{Certificate, Upload, check_certificate};
use app::server::interviews::times;
use axum::Form;
use axum::extract::{Path, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use server_fn::codec::MultipartData;

use super::{allowed, as_page, catalogue_link, log_if_internal, render_again};
use crate::startup::AppState;

/// The catalogue form as typed: `level_{competency}` and repeated `profile` fields.
fn catalogue_input(pairs: &[(String, String)]) -> CertificationInput {
    let mut input = CertificationInput::default();
    for (key, value) in pairs {
        match key.as_str() {
            "name_it" => input.name_it.clone_from(value),
            "name_en" => input.name_en.clone_from(value),
            "issuer" => input.issuer.clone_from(value),
            "validity_months" => input.validity_months.clone_from(value),
            "active" => input.active = true,
            other => catalogue_link(other, value, &mut input.levels, &mut input.profiles),
        }
    }
    input
}

/// Saves the certification, then the catalogue saying so; or the form again with what was
/// typed and why it was refused.
pub async fn save(
    State(state): State<AppState>,
    Path(id): Path<String>,
    parts: Parts,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let page = format!("/certifications/{id}");
    let me = match allowed(&state, &parts, Permission::ManageTraining, &page).await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let id = match id.as_str() {
        "new" => None,
        typed => match typed.parse() {
            Ok(id) => Some(CertificationId(id)),
            Err(_) => return (StatusCode::NOT_FOUND, "Not Found").into_response(),
        },
    };
    let input = catalogue_input(&pairs);
    match catalogue::save(&state.backend.db, me.id, id, &input).await {
        Ok(_) => Redirect::to("/certifications?saved=1").into_response(),
        Err(error) => {
            log_if_internal("certification", &error);
            let status = error.status();
            let mut response =
                render_again(state, parts, CertificationDraft { input, error }).await;
            if let (404, Ok(code)) = (status, StatusCode::from_u16(status)) {
                *response.status_mut() = code;
            }
            response
        }
    }
}

/// The upload form and its document checked together, so every refusal shows at once.
fn checked(
    input: &HoldingInput,
    file: Result<Option<Upload>, AppError>,
    today: chrono::NaiveDate,
) -> Result<(HoldingFields, Certificate), AppError> {
    let mut errors = match input.check(today) {
        Ok(_) => FieldErrors::default(),
        Err(AppError::Invalid(errors)) => errors,
        Err(other) => return Err(other),
    };
    let document = match file {
        Ok(upload) => check_certificate("document", upload, &mut errors),
        Err(AppError::Invalid(refused)) => {
            errors.0.extend(refused.0);
            None
        }
        Err(other) => return Err(other),
    };
    match (input.check(today), document) {
        (Ok(fields), Some(document)) if errors.is_empty() => Ok((fields, document)),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Uploads a certificate of the caller's own, then "My training" saying so; or the page again
/// with what was typed (the document to choose again) and why.
pub async fn upload(State(state): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let me = match allowed(&state, &parts, Permission::OwnAccount, "/training").await {
        Ok(me) => me,
        Err(response) => return response,
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
    let now = state.backend.clock.now();
    let today = times::today_in(&me.time_zone, now);
    let (input, outcome) =
        match app::api::read_form(MultipartData::Server(multipart), "document").await {
            Ok(form) => {
                let input = HoldingInput {
                    certification_id: form.field("certification_id"),
                    credential_id: form.field("credential_id"),
                    issued_on: form.field("issued_on"),
                    expires_on: form.field("expires_on"),
                };
                let outcome = match checked(&input, form.file, today) {
                    Ok((fields, document)) => {
                        let backend = &state.backend;
                        holdings::add(&backend.db, &backend.files, &me, fields, document, now).await
                    }
                    Err(error) => Err(error),
                };
                (input, outcome)
            }
            Err(error) => (HoldingInput::default(), Err(error)),
        };
    match outcome {
        Ok(_) => Redirect::to("/training?certificate=1#certifications-heading").into_response(),
        Err(error) => {
            log_if_internal("certificate upload", &error);
            let draft = HoldingDraft { input, error };
            render_again(state, as_page(parts, "/training"), draft).await
        }
    }
}

/// The stated-certification forms' fields.
#[derive(Debug, serde::Deserialize)]
pub struct StatedFields {
    #[serde(default)]
    intent: String,
    #[serde(default)]
    certification_id: String,
    #[serde(default)]
    credential_id: String,
    #[serde(default)]
    issued_on: String,
    #[serde(default)]
    expires_on: String,
    #[serde(default)]
    stated_id: String,
}

/// HR record a certification candidate `id` says they hold (`intent` = `add`) or remove one
/// (`remove`), then the candidate's page; or the page again with what was typed and why.
pub async fn stated(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(fields): Form<StatedFields>,
) -> Response {
    let page = format!("/candidates/{id}");
    let me = match allowed(&state, &parts, Permission::ManageRecruitment, &page).await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let candidate = CandidateId(id);
    let db = &state.backend.db;
    let now = state.backend.clock.now();
    let input = HoldingInput {
        certification_id: fields.certification_id,
        credential_id: fields.credential_id,
        issued_on: fields.issued_on,
        expires_on: fields.expires_on,
    };
    let outcome = match fields.intent.as_str() {
        "add" => match input.check(times::today_in(&me.time_zone, now)) {
            Ok(checked) => stated::add(db, &me, candidate, checked, now)
                .await
                .map(|_| ()),
            Err(error) => Err(error),
        },
        "remove" => match fields.stated_id.trim().parse() {
            Ok(stated_id) => stated::remove(db, &me, candidate, StatedId(stated_id)).await,
            Err(_) => Err(AppError::BadRequest),
        },
        _ => Err(AppError::BadRequest),
    };
    match outcome {
        Ok(()) => {
            Redirect::to(&format!("{page}?saved=certification#stated-heading")).into_response()
        }
        Err(error) => {
            log_if_internal("stated certification", &error);
            let status = error.status();
            let mut response =
                render_again(state, as_page(parts, &page), StatedDraft { input, error }).await;
            if let (403 | 404, Ok(code)) = (status, StatusCode::from_u16(status)) {
                *response.status_mut() = code;
            }
            response
        }
    }
}

/// The verdict form's fields.
#[derive(Debug, serde::Deserialize)]
pub struct VerdictFields {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    /// The page the form was on: an employee's (`/employees/{id}`) or the decisions page.
    #[serde(default)]
    back: String,
}

/// The page a verdict form returns to: the decisions page or an employee's page, nothing else.
fn back_to(back: &str) -> &str {
    let employee = back
        .strip_prefix("/employees/")
        .is_some_and(|id| id.parse::<i32>().is_ok());
    if employee { back } else { DECISIONS_PAGE }
}

/// HR verify or reject certificate `id`, then the page the form was on saying so; or that
/// page again with the reason typed and why it was refused.
pub async fn verdict(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(fields): Form<VerdictFields>,
) -> Response {
    let back = back_to(&fields.back).to_owned();
    let me = match allowed(&state, &parts, Permission::ManageEmployees, &back).await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let holding = HoldingId(id);
    let input = DecisionInput {
        decision: fields.decision.clone(),
        reason: fields.reason.clone(),
    };
    let outcome = match input.check() {
        Ok(approve) => {
            holdings::decide(
                &state.backend.db,
                &me,
                holding,
                approve,
                &input.reason,
                state.backend.clock.now(),
            )
            .await
        }
        Err(error) => Err(error),
    };
    let anchor = if back == DECISIONS_PAGE {
        "certificates-heading"
    } else {
        "certifications-heading"
    };
    match outcome {
        Ok(()) => Redirect::to(&format!("{back}?verdict=1#{anchor}")).into_response(),
        Err(error) => {
            log_if_internal("certificate verdict", &error);
            let status = error.status();
            let draft = VerdictDraft {
                holding,
                reason: fields.reason,
                error,
            };
            let mut response = render_again(state, as_page(parts, &back), draft).await;
            if let (403 | 404, Ok(code)) = (status, StatusCode::from_u16(status)) {
                *response.status_mut() = code;
            }
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verdict_returns_only_to_an_employees_page_or_the_decisions_page() {
        assert_eq!(back_to("/employees/12"), "/employees/12");
        assert_eq!(back_to("https://evil.example/"), DECISIONS_PAGE);
        assert_eq!(back_to("/employees/12/../../admin"), DECISIONS_PAGE);
        assert_eq!(back_to(""), DECISIONS_PAGE);
    }

    #[test]
    fn the_catalogue_form_reads_levels_by_competency_and_every_profile_ticked() {
        let pairs: Vec<(String, String)> = [
            ("name_it", "Primo soccorso"),
            ("level_4", "3"),
            ("level_x", "2"),
            ("profile", "2"),
            ("profile", "5"),
            ("active", "on"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let input = catalogue_input(&pairs);
        assert_eq!(input.name_it, "Primo soccorso");
        assert_eq!(input.levels, vec![(4, "3".to_owned())]);
        assert_eq!(input.profiles, vec![2, 5]);
        assert!(input.active);
    }
}
