//! The compliance matrix, for HR.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, ComplianceMatrix, ComplianceQuery, JobProfileId, RequirementColumn};

/// Everyone's requirements and where each stands on the caller's today, filtered and ordered
/// by `query`.
#[server(endpoint = "compliance_report", input = Json)]
pub async fn compliance_report(query: ComplianceQuery) -> Result<ComplianceMatrix, AppError> {
    use crate::server::certifications::compliance;
    use crate::server::interviews::times;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageEmployees)?;
    let today = times::today_in(&me.time_zone, Backend::current()?.clock.now());
    compliance::matrix(&Backend::current()?.db, &query, today).await
}

/// What job profile `id` requires: its certifications, then its mandatory courses.
#[server(endpoint = "profile_requirements", input = Json)]
pub async fn profile_requirements(id: JobProfileId) -> Result<Vec<RequirementColumn>, AppError> {
    use crate::server::certifications::compliance;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ViewFramework)?;
    compliance::of_profile(&Backend::current()?.db, id).await
}
