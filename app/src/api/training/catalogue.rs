//! The course catalogue, which every signed-in user reads: employees to find the courses that
//! close their gaps, HR and managers to plan training.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, CourseDetail, CourseId, CourseSummary};

/// Every active course.
#[server(endpoint = "course_catalogue", input = Json)]
pub async fn course_catalogue() -> Result<Vec<CourseSummary>, AppError> {
    use crate::server::training::catalogue;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ViewTraining)?;
    catalogue::list(&Backend::current()?.db, chrono::Utc::now(), &me.time_zone).await
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
