//! Employee forms that work without JavaScript: HR change a record or send a new welcome link
//! on the employee's page (`/employees/{id}`, `intent` = `update` | `invite`), HR and the
//! manager give a place, decide a request or record an outcome there (`enrol`, `decide`,
//! `review`, `outcome`), and HR hire an application on its hire page
//! (`/applications/{id}/hire`).

use app::model::{
    AppError, ApplicationId, CourseRecordId, EmployeeId, EmployeeInput, EnrolInput, HireInput,
    OutcomeInput, Permission,
};
use app::pages::employees::hire::HireDraft;
use app::pages::employees::record::EmployeeDraft;
use app::pages::training::employee_training::EnrolDraft;
use app::pages::training::record_list::RecordDraft;
use app::server::accounts::auth::{self, CurrentUser, RequestLang};
use app::server::employees::{hiring, records};
use app::server::training::{enrolment, outcomes};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{allowed, log_if_internal, render_again};
use crate::startup::AppState;

/// HR only: the caller, or the answer for anyone else (sign in first, or the page with 403).
async fn hr_only(state: &AppState, parts: &Parts, page: &str) -> Result<CurrentUser, Response> {
    allowed(state, parts, Permission::ManageEmployees, page).await
}

/// The fields of either form on an employee's page.
#[derive(Debug, Deserialize)]
pub struct RecordFields {
    intent: String,
    #[serde(default)]
    profile_id: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    manager_id: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    status: String,
    /// `course` or `course:session`, for a place.
    #[serde(default)]
    place: String,
    #[serde(default)]
    record_id: String,
    #[serde(default)]
    hours: String,
    #[serde(default)]
    score: String,
    #[serde(default)]
    completed_on: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

/// Reads a place (`course` or `course:session`) as the enrolment form's input.
fn place_input(place: &str) -> EnrolInput {
    let (course, session) = place.split_once(':').unwrap_or((place, ""));
    EnrolInput {
        course_id: course.to_owned(),
        session_id: session.to_owned(),
    }
}

/// The training forms on an employee's page, for HR and the employee's manager: a place, an
/// outcome (HR), and a decision on a request or on logged training. Returns the notice.
async fn training(
    state: &AppState,
    me: &CurrentUser,
    id: EmployeeId,
    fields: &RecordFields,
) -> Result<&'static str, AppError> {
    let db = &state.backend.db;
    let now = chrono::Utc::now();
    match fields.intent.as_str() {
        "enrol" => {
            let (course, session) = place_input(&fields.place).check()?;
            enrolment::enrol(db, me, id, course, session, now)
                .await
                .map(|status| status.as_str())
        }
        "outcome" => {
            auth::allow(Some(me.clone()), Permission::ManageEmployees)?;
            let record = record_id(&fields.record_id)?;
            of_employee(state, record, id).await?;
            let input = OutcomeInput {
                status: fields.status.clone(),
                hours: fields.hours.clone(),
                score: fields.score.clone(),
                completed_on: fields.completed_on.clone(),
            };
            let outcome =
                input.check(app::server::interviews::times::today_in(&me.time_zone, now))?;
            outcomes::record(db, me, record, outcome, now)
                .await
                .map(|()| "recorded")
        }
        "decide" | "review" => {
            of_employee(state, record_id(&fields.record_id)?, id).await?;
            let decision = super::training::DecisionFields {
                intent: fields.intent.clone(),
                record_id: record_id(&fields.record_id)?.0.to_string(),
                decision: fields.decision.clone(),
                reason: fields.reason.clone(),
            };
            super::training::decision(state, me, &decision)
                .await
                .map(|()| "decided")
        }
        _ => Err(AppError::BadRequest),
    }
}

/// Refuses (404) a record that is not employee `id`'s, as the page's address says.
async fn of_employee(
    state: &AppState,
    record: CourseRecordId,
    id: EmployeeId,
) -> Result<(), AppError> {
    use app::server::entities::course_record;
    use sea_orm::EntityTrait;
    match course_record::Entity::find_by_id(record.0)
        .one(&state.backend.db)
        .await
    {
        Ok(Some(found)) if found.employee_id == id.0 => Ok(()),
        Ok(_) => Err(AppError::NotFound),
        Err(_) => Err(AppError::Internal),
    }
}

fn record_id(value: &str) -> Result<CourseRecordId, AppError> {
    value
        .trim()
        .parse()
        .map(CourseRecordId)
        .map_err(|_| AppError::BadRequest)
}

/// Saves the record or sends a new link, then shows the page saying so; or the page again with
/// what was typed and why it was refused.
pub async fn edit(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(fields): Form<RecordFields>,
) -> Response {
    let page = format!("/employees/{id}");
    let id = EmployeeId(id);
    if matches!(
        fields.intent.as_str(),
        "enrol" | "outcome" | "decide" | "review"
    ) {
        // Managers too: the services check who may do what to whose record.
        let Some(me) = parts.extensions.get::<CurrentUser>().cloned() else {
            return Redirect::to(&format!("/login?next={page}")).into_response();
        };
        return match training(&state, &me, id, &fields).await {
            Ok(done) => {
                Redirect::to(&format!("{page}?training={done}#training-heading")).into_response()
            }
            Err(error) => {
                log_if_internal("employee training", &error);
                let status = error.status();
                let mut response = match record_id(&fields.record_id) {
                    Ok(record) if fields.intent != "enrol" => {
                        let draft = RecordDraft {
                            record,
                            status: fields.status.clone(),
                            hours: fields.hours.clone(),
                            score: fields.score.clone(),
                            completed_on: fields.completed_on.clone(),
                            reason: fields.reason.clone(),
                            error,
                        };
                        render_again(state, parts, draft).await
                    }
                    _ => {
                        let draft = EnrolDraft {
                            place: fields.place.clone(),
                            error,
                        };
                        render_again(state, parts, draft).await
                    }
                };
                if let (403 | 404, Ok(code)) = (status, StatusCode::from_u16(status)) {
                    *response.status_mut() = code;
                }
                response
            }
        };
    }
    if let Err(response) = hr_only(&state, &parts, &page).await {
        return response;
    }
    let db = &state.backend.db;
    let (outcome, input) = match fields.intent.as_str() {
        "update" => {
            let input = EmployeeInput {
                profile_id: fields.profile_id,
                department: fields.department,
                location: fields.location,
                manager_id: fields.manager_id,
                start_date: fields.start_date,
                status: fields.status,
            };
            let outcome = match input.check() {
                Ok(change) => records::update(db, id, change).await.map(|()| "saved"),
                Err(error) => Err(error),
            };
            (outcome, Some(input))
        }
        "invite" => {
            let outcome =
                records::invite_again(db, id, &state.backend.public_url, chrono::Utc::now())
                    .await
                    .map(|()| "invited");
            (outcome, None)
        }
        _ => return (StatusCode::BAD_REQUEST, "unknown form").into_response(),
    };
    match outcome {
        Ok(done) => Redirect::to(&format!("{page}?{done}=1")).into_response(),
        Err(error) => {
            log_if_internal("employee record", &error);
            render_again(state, parts, EmployeeDraft { input, error }).await
        }
    }
}

/// The hire form's fields.
#[derive(Debug, Deserialize)]
pub struct HireFields {
    #[serde(default)]
    email: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    manager_id: String,
    #[serde(default)]
    start_date: String,
    /// Sent only when HR tick that the person on the staff with this address is the one hired.
    #[serde(default)]
    link_to: String,
}

/// Hires, then shows the new employee's page; or the form again with what was typed and why.
pub async fn hire(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    parts: Parts,
    Form(fields): Form<HireFields>,
) -> Response {
    let page = format!("/applications/{id}/hire");
    let me = match hr_only(&state, &parts, &page).await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let lang = parts
        .extensions
        .get::<RequestLang>()
        .map(|l| l.0)
        .unwrap_or_default();
    let input = HireInput {
        email: fields.email,
        department: fields.department,
        location: fields.location,
        manager_id: fields.manager_id,
        start_date: fields.start_date,
        link_to: fields.link_to,
    };
    let outcome = hiring::hire(
        &state.backend.db,
        &me,
        ApplicationId(id),
        input.clone(),
        lang,
        &state.backend.public_url,
        chrono::Utc::now(),
    )
    .await;
    match outcome {
        Ok(employee) => Redirect::to(&format!("/employees/{employee}?hired=1")).into_response(),
        Err(error) => {
            log_if_internal("hire", &error);
            render_again(state, parts, HireDraft { input, error }).await
        }
    }
}
