//! The certification catalogue, and HR's form for one certification.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, CertificationForm, CertificationId, CertificationSummary};

/// The catalogue by English name, for everyone on the staff; HR also see the certifications
/// no longer offered.
#[server(endpoint = "certification_catalogue", input = Json)]
pub async fn certification_catalogue() -> Result<Vec<CertificationSummary>, AppError> {
    use crate::server::certifications::catalogue;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ViewTraining)?;
    let retired = me.role.can(Permission::ManageTraining);
    catalogue::list(&Backend::current()?.db, retired).await
}

/// HR's form for certification `id`, or for a new one.
#[server(endpoint = "certification_editor", input = Json)]
pub async fn certification_editor(
    id: Option<CertificationId>,
) -> Result<CertificationForm, AppError> {
    use crate::server::certifications::catalogue;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageTraining)?;
    catalogue::form(&Backend::current()?.db, id).await
}
