//! A person's certificates with where they stand against their profile, and the certificates
//! waiting for HR's verification.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, CertificationsOverview, EmployeeId, PendingHolding};

/// Employee `id`'s certifications (the caller's own with `None`), for them, their manager and
/// HR, on the caller's today.
#[server(endpoint = "certifications_of", input = Json)]
pub async fn certifications_of(id: Option<EmployeeId>) -> Result<CertificationsOverview, AppError> {
    use crate::server::certifications::holdings;
    use crate::server::interviews::times;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    let today = times::today_in(&me.time_zone, Backend::current()?.clock.now());
    holdings::overview(&Backend::current()?.db, &me, id, today).await
}

/// The certificates waiting for HR, oldest first.
#[server(endpoint = "pending_certificates", input = Json)]
pub async fn pending_certificates() -> Result<Vec<PendingHolding>, AppError> {
    use crate::server::certifications::holdings;
    use crate::server::interviews::times;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageEmployees)?;
    let today = times::today_in(&me.time_zone, Backend::current()?.clock.now());
    holdings::pending(&Backend::current()?.db, &me, today).await
}
