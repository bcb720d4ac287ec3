//! Course records: "My training", an employee's records, places asked for and given, the
//! outcomes HR record, and HR's review of training logged by employees.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{
    AppError, CourseRecordId, CourseRecordView, DecisionInput, EmployeeId, EnrolInput,
    OutcomeInput, RecordStatus, TrainingOverview,
};

/// The caller's own training page.
#[server(endpoint = "my_training", input = Json)]
pub async fn my_training() -> Result<TrainingOverview, AppError> {
    use crate::server::training::records;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    records::mine(&Backend::current()?.db, &me, chrono::Utc::now()).await
}

/// Employee `id`'s course records, for them, their manager and HR.
#[server(endpoint = "employee_training", input = Json)]
pub async fn employee_training(id: EmployeeId) -> Result<Vec<CourseRecordView>, AppError> {
    use crate::server::training::records;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    records::of_employee(&Backend::current()?.db, &me, id).await
}

/// HR or the employee's manager give employee `id` a place; returns where it went (enrolled,
/// on the waiting list, or planned without a session).
#[server(endpoint = "enrol_employee", input = Json)]
pub async fn enrol_employee(id: EmployeeId, input: EnrolInput) -> Result<RecordStatus, AppError> {
    use crate::server::training::enrolment;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    let (course, session) = input.check()?;
    enrolment::enrol(
        &Backend::current()?.db,
        &me,
        id,
        course,
        session,
        chrono::Utc::now(),
    )
    .await
}

/// The caller asks for a place for themselves.
#[server(endpoint = "request_place", input = Json)]
pub async fn request_place(input: EnrolInput) -> Result<CourseRecordId, AppError> {
    use crate::server::training::enrolment;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    let (course, session) = input.check()?;
    enrolment::request(
        &Backend::current()?.db,
        &me,
        course,
        session,
        chrono::Utc::now(),
    )
    .await
}

/// The employee's manager or HR grant or turn down requested place `id`.
#[server(endpoint = "decide_request", input = Json)]
pub async fn decide_request(
    id: CourseRecordId,
    input: DecisionInput,
) -> Result<RecordStatus, AppError> {
    use crate::server::training::enrolment;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    let grant = input.check()?;
    enrolment::decide(
        &Backend::current()?.db,
        &me,
        id,
        grant,
        &input.reason,
        chrono::Utc::now(),
    )
    .await
}

/// HR record how course record `id` went.
#[server(endpoint = "record_outcome", input = Json)]
pub async fn record_outcome(id: CourseRecordId, input: OutcomeInput) -> Result<(), AppError> {
    use crate::server::training::outcomes;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageEmployees)?;
    let now = chrono::Utc::now();
    let today = crate::server::interviews::times::today_in(&me.time_zone, now);
    let outcome = input.check(today)?;
    outcomes::record(&Backend::current()?.db, &me, id, outcome, now).await
}

/// HR approve or reject logged training `id`.
#[server(endpoint = "review_training", input = Json)]
pub async fn review_training(id: CourseRecordId, input: DecisionInput) -> Result<(), AppError> {
    use crate::server::training::outcomes;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageEmployees)?;
    let approve = input.check()?;
    outcomes::review(
        &Backend::current()?.db,
        &me,
        id,
        approve,
        &input.reason,
        chrono::Utc::now(),
    )
    .await
}

/// What waits for the caller's decision: logged training to review (HR) and requests for a
/// place (from their team; HR: everyone's).
#[server(endpoint = "training_decisions", input = Json)]
pub async fn training_decisions() -> Result<(Vec<CourseRecordView>, Vec<CourseRecordView>), AppError>
{
    use crate::server::training::records;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    records::waiting_for(&Backend::current()?.db, &me).await
}
