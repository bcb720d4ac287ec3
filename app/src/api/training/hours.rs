//! The training hours ledger and the yearly targets of the job profiles (HR).

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, HoursTarget, JobProfileId, Ledger, LedgerQuery};

/// The hours done in `query`'s year, per employee or department and period, against targets.
#[server(endpoint = "training_ledger", input = Json)]
pub async fn training_ledger(query: LedgerQuery) -> Result<Ledger, AppError> {
    use crate::server::training::ledger;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageEmployees)?;
    ledger::ledger(
        &Backend::current()?.db,
        &query,
        chrono::Utc::now().date_naive(),
    )
    .await
}

/// Every job profile's yearly target of training hours.
#[server(endpoint = "training_targets", input = Json)]
pub async fn training_targets() -> Result<Vec<HoursTarget>, AppError> {
    use crate::server::training::ledger;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageEmployees)?;
    ledger::targets(&Backend::current()?.db).await
}

/// HR set profile `profile`'s yearly target to `hours` (0–1,000).
#[server(endpoint = "set_training_target", input = Json)]
pub async fn set_training_target(profile: JobProfileId, hours: String) -> Result<(), AppError> {
    use crate::server::training::ledger;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageEmployees)?;
    ledger::set_target(&Backend::current()?.db, profile, &hours).await
}
