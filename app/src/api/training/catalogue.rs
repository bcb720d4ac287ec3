//! The course catalogue, which every signed-in user reads: employees to find the courses that
//! close their gaps, HR and managers to plan training.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, CourseDetail, CourseForm, CourseId, CourseSummary};

/// Every active course; HR also see the courses no longer offered.
#[server(endpoint = "course_catalogue", input = Json)]
pub async fn course_catalogue() -> Result<Vec<CourseSummary>, AppError> {
    use crate::server::training::catalogue;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ViewTraining)?;
    let retired = me.role.can(Permission::ManageTraining);
    catalogue::list(
        &Backend::current()?.db,
        chrono::Utc::now(),
        &me.time_zone,
        retired,
    )
    .await
}

/// HR's form for course `id`, or for a new one.
#[server(endpoint = "course_editor", input = Json)]
pub async fn course_editor(id: Option<CourseId>) -> Result<CourseForm, AppError> {
    use crate::server::training::course_editor;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageTraining)?;
    course_editor::form(&Backend::current()?.db, id).await
}

/// A course with its sessions to come.
#[server(endpoint = "get_course", input = Json)]
pub async fn get_course(id: CourseId) -> Result<CourseDetail, AppError> {
    use crate::server::training::catalogue;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ViewTraining)?;
    catalogue::detail(
        &Backend::current()?.db,
        id,
        chrono::Utc::now(),
        &me.time_zone,
    )
    .await
}

/// Every active course with its sessions still to start: what an enrolment can choose.
#[server(endpoint = "course_places", input = Json)]
pub async fn course_places() -> Result<Vec<crate::model::CoursePlaces>, AppError> {
    use crate::server::training::catalogue;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ViewTraining)?;
    catalogue::places(&Backend::current()?.db, chrono::Utc::now(), &me.time_zone).await
}
