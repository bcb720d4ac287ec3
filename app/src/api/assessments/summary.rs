//! The assessment of an application and the side-by-side comparison of an opening's
//! candidates (HR and admins: they gather every interviewer's ratings).

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{
    AppError, ApplicationAssessment, ApplicationId, ComparisonSort, OpeningAssessment, OpeningId,
};

/// One application's assessment: per competency, the ratings and test levels, and the fit.
#[server(endpoint = "application_assessment", input = Json)]
pub async fn get_application_assessment(
    id: ApplicationId,
) -> Result<ApplicationAssessment, AppError> {
    use crate::server::assessments::summary;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageRecruitment)?;
    let db = Backend::current()?.db;
    crate::server::assessments::online::take::close_overdue(&db, chrono::Utc::now()).await?;
    summary::for_application(&db, id).await
}

/// An opening's candidates side by side: page `page` (from 0) in `sort`'s order (the fit,
/// and the first page, when not given).
#[server(endpoint = "opening_assessment", input = Json)]
pub async fn get_opening_assessment(
    id: OpeningId,
    #[server(default)] sort: ComparisonSort,
    #[server(default)] page: u64,
) -> Result<OpeningAssessment, AppError> {
    use crate::server::assessments::summary;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageRecruitment)?;
    let db = Backend::current()?.db;
    crate::server::assessments::online::take::close_overdue(&db, chrono::Utc::now()).await?;
    summary::for_opening(&db, id, sort, page).await
}
