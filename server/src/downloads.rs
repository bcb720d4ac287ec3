//! Downloads, always as attachments (never rendered by the browser) and never cached: candidate
//! files (recorded in the audit log), the candidate list as CSV, a candidate's data, an
//! interview's calendar entry, and practical tests' materials (for HR, for a test's grader,
//! and for the candidate through the private link while the test runs).

use app::model::{AppError, FileId, MaterialId, Permission, PracticalTemplateId, PracticalTestId};
use app::server::accounts::auth::{self, CurrentUser};
use app::server::assessments::{self, candidate_link, materials};
use app::server::{
    Backend, recruitment::access, recruitment::candidates, recruitment::person_data,
};
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

/// `filename` for ASCII-only clients and `filename*` (RFC 5987) for the real name.
fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = app::model::percent_encode(name);
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// `bytes` as a download named `name`.
fn attachment(name: &str, content_type: &str, bytes: impl IntoResponse) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    for (header_name, value) in [
        (header::CONTENT_TYPE, content_type.to_owned()),
        (header::CONTENT_DISPOSITION, content_disposition(name)),
        (header::CACHE_CONTROL, "private, no-store".to_owned()),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(header_name, value);
        }
    }
    response
}

fn refuse(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, status.canonical_reason().unwrap_or_default()).into_response()
}

pub async fn candidate_file(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<i32>,
) -> Response {
    let user = match auth::allow(user.map(|Extension(u)| u), Permission::ReadCandidates) {
        Ok(user) => user,
        Err(error) => return refuse(&error),
    };
    if let Err(error) = access::file(&backend.db, &user, FileId(id)).await {
        return refuse(&error);
    }
    match candidates::download(&backend.db, &backend.files, user.id, FileId(id)).await {
        Ok(file) => attachment(&file.name, &file.content_type, file.bytes),
        Err(error) => refuse(&error),
    }
}

/// The filtered candidate list as CSV (`/candidates.csv?` with the list's own query).
pub async fn candidates_csv(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    axum::extract::Query(pairs): axum::extract::Query<Vec<(String, String)>>,
) -> Response {
    if let Err(error) = auth::allow(user.map(|Extension(u)| u), Permission::ManageRecruitment) {
        return refuse(&error);
    }
    let filter = app::model::CandidateFilter::from_pairs(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    );
    match candidates::export_csv(&backend.db, &filter).await {
        Ok(csv) => csv_attachment("candidates.csv", csv),
        Err(error) => refuse(&error),
    }
}

/// The filtered employee list as CSV (`/employees.csv?` with the list's own query), for HR.
pub async fn employees_csv(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    axum::extract::Query(pairs): axum::extract::Query<Vec<(String, String)>>,
) -> Response {
    if let Err(error) = auth::allow(user.map(|Extension(u)| u), Permission::ManageEmployees) {
        return refuse(&error);
    }
    let filter =
        app::model::EmployeeFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    match app::server::employees::directory::export_csv(&backend.db, &filter).await {
        Ok(csv) => csv_attachment("employees.csv", csv),
        Err(error) => refuse(&error),
    }
}

/// `csv` as a download named `name`, never cached.
fn csv_attachment(name: &str, csv: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        csv,
    )
        .into_response()
}

/// Everything about one candidate as a zip (JSON and files), for HR and admins.
pub async fn candidate_export(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<i32>,
) -> Response {
    let user = match auth::allow(user.map(|Extension(u)| u), Permission::ManageRecruitment) {
        Ok(user) => user,
        Err(error) => return refuse(&error),
    };
    match person_data::export(&backend, user.id, app::model::CandidateId(id)).await {
        Ok((name, bytes)) => attachment(&name, "application/zip", bytes),
        Err(error) => refuse(&error),
    }
}

/// Everything about one employee as a zip (JSON by table and their documents), for the
/// employee and HR.
pub async fn employee_export(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<i32>,
) -> Response {
    let user = match auth::allow(user.map(|Extension(u)| u), Permission::OwnAccount) {
        Ok(user) => user,
        Err(error) => return refuse(&error),
    };
    let id = app::model::EmployeeId(id);
    match app::server::employees::export::export(&backend, &user, id).await {
        Ok((name, bytes)) => attachment(&name, "application/zip", bytes),
        Err(error) => refuse(&error),
    }
}

/// An interview's calendar entry (`.ics`), for HR and the interviewers on it.
pub async fn interview_calendar(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<i32>,
) -> Response {
    let user = match auth::allow(user.map(|Extension(u)| u), Permission::Interview) {
        Ok(user) => user,
        Err(error) => return refuse(&error),
    };
    let id = app::model::InterviewId(id);
    match app::server::interviews::scheduling::calendar_file(&backend.db, &user, id).await {
        Ok(ics) => attachment(
            &format!("interview-{id}.ics"),
            "text/calendar; charset=utf-8",
            ics,
        ),
        Err(error) => refuse(&error),
    }
}

fn material(outcome: Result<materials::MaterialFile, AppError>) -> Response {
    match outcome {
        Ok(file) => attachment(&file.name, &file.content_type, file.bytes),
        Err(error) => refuse(&error),
    }
}

/// A template's material, for HR.
pub async fn template_material(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    Path((id, material_id)): Path<(i32, i32)>,
) -> Response {
    if let Err(error) = auth::allow(user.map(|Extension(u)| u), Permission::ManageRecruitment) {
        return refuse(&error);
    }
    material(
        materials::template_file(
            &backend.db,
            PracticalTemplateId(id),
            MaterialId(material_id),
        )
        .await,
    )
}

/// A test's material, for its grader and HR.
pub async fn test_material(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    Path((id, material_id)): Path<(i32, i32)>,
) -> Response {
    let user = match auth::allow(user.map(|Extension(u)| u), Permission::Interview) {
        Ok(user) => user,
        Err(error) => return refuse(&error),
    };
    let id = PracticalTestId(id);
    if let Err(error) = assessments::access::test(&backend.db, &user, id).await {
        return refuse(&error);
    }
    material(materials::test_file(&backend.db, id, MaterialId(material_id), None).await)
}

/// A test's material through the candidate's private link, while the test runs; once it is
/// over, the link's page, which says so.
pub async fn link_material(
    State(backend): State<Backend>,
    Path((token, material_id)): Path<(String, i32)>,
) -> Response {
    let now = chrono::Utc::now();
    match candidate_link::file(&backend.db, &token, MaterialId(material_id), now).await {
        Ok(candidate_link::LinkFile::File(file)) => material(Ok(file)),
        Ok(candidate_link::LinkFile::Over) => {
            Redirect::to(&format!("/p/{}", app::model::percent_encode(&token))).into_response()
        }
        Err(error) => refuse(&error),
    }
}

/// A course record's certificate, for the employee, their manager and HR.
pub async fn certificate(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<i32>,
) -> Response {
    let user = match auth::allow(user.map(|Extension(u)| u), Permission::OwnAccount) {
        Ok(user) => user,
        Err(error) => return refuse(&error),
    };
    let record = app::model::CourseRecordId(id);
    match app::server::training::outcomes::certificate(&backend.db, &backend.files, &user, record)
        .await
    {
        Ok((name, kind, bytes)) => attachment(&name, &kind, bytes),
        Err(error) => refuse(&error),
    }
}

/// The training hours ledger as CSV (`/training/hours.csv?` with the page's own query), for HR.
pub async fn training_hours_csv(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    axum::extract::Query(pairs): axum::extract::Query<Vec<(String, String)>>,
) -> Response {
    if let Err(error) = auth::allow(user.map(|Extension(u)| u), Permission::ManageEmployees) {
        return refuse(&error);
    }
    let query =
        app::model::LedgerQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let today = chrono::Utc::now().date_naive();
    match app::server::training::ledger::export_csv(&backend.db, &query, today).await {
        Ok(csv) => csv_attachment("training-hours.csv", csv),
        Err(error) => refuse(&error),
    }
}

/// A certificate's document, for its holder, their manager and HR.
pub async fn certificate_document(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<i32>,
) -> Response {
    let user = match auth::allow(user.map(|Extension(u)| u), Permission::OwnAccount) {
        Ok(user) => user,
        Err(error) => return refuse(&error),
    };
    let holding = app::model::HoldingId(id);
    let found = app::server::certifications::holdings::document(
        &backend.db,
        &backend.files,
        &user,
        holding,
    )
    .await;
    match found {
        Ok((name, kind, bytes)) => attachment(&name, &kind, bytes),
        Err(error) => refuse(&error),
    }
}

/// The compliance matrix as CSV (`/compliance.csv?` with the page's own query), for HR.
pub async fn compliance_csv(
    State(backend): State<Backend>,
    user: Option<Extension<CurrentUser>>,
    axum::extract::Query(pairs): axum::extract::Query<Vec<(String, String)>>,
) -> Response {
    let user = match auth::allow(user.map(|Extension(u)| u), Permission::ManageEmployees) {
        Ok(user) => user,
        Err(error) => return refuse(&error),
    };
    let query = app::model::ComplianceQuery::from_pairs(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let today = app::server::interviews::times::today_in(&user.time_zone, backend.clock.now());
    match app::server::certifications::compliance::export_csv(&backend.db, &query, today).await {
        Ok(csv) => csv_attachment("compliance.csv", csv),
        Err(error) => refuse(&error),
    }
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn the_download_name_is_quoted_safely_and_kept_in_full_for_modern_browsers() {
        let header = content_disposition("CV \"Anna\" Città.pdf");
        assert!(header.starts_with("attachment; filename=\"CV _Anna_ Citt_.pdf\""));
        assert!(header.ends_with("filename*=UTF-8''CV%20%22Anna%22%20Citt%C3%A0.pdf"));
    }
}
