//! Data protection settings for admins: the privacy notice, the retention policy and its job.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{AppError, DataProtection, NoticeInput, RetentionPolicy, RetentionRunView};

/// The notice in force, the retention policy and the latest runs.
#[server(endpoint = "data_protection", input = Json)]
pub async fn get_data_protection() -> Result<DataProtection, AppError> {
    use crate::server::{Backend, accounts::auth, data_protection};
    auth::authorize(Permission::ConfigureDataProtection)?;
    data_protection::overview(&Backend::current()?.db).await
}

/// Publishes a new version of the privacy notice; answers its version number.
#[server(endpoint = "publish_notice", input = Json)]
pub async fn publish_notice(input: NoticeInput) -> Result<i32, AppError> {
    use crate::server::{Backend, accounts::auth, data_protection};
    let me = auth::authorize(Permission::ConfigureDataProtection)?;
    data_protection::publish_notice(&Backend::current()?.db, me.id, input).await
}

/// Sets how many months rejected candidates are kept.
#[server(endpoint = "save_retention", input = Json)]
pub async fn save_retention(policy: RetentionPolicy) -> Result<(), AppError> {
    use crate::server::{Backend, accounts::auth, data_protection};
    let me = auth::authorize(Permission::ConfigureDataProtection)?;
    data_protection::save_policy(&Backend::current()?.db, me.id, policy).await
}

/// Runs the retention job now.
#[server(endpoint = "run_retention", input = Json)]
pub async fn run_retention() -> Result<RetentionRunView, AppError> {
    use crate::server::{Backend, accounts::auth, data_protection};
    let me = auth::authorize(Permission::ConfigureDataProtection)?;
    let mut run = data_protection::run_retention(&Backend::current()?, Some(me.id)).await?;
    run.actor_name = Some(me.name);
    Ok(run)
}
