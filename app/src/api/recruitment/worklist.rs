//! HR's worklist on the home page.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, Worklist};

/// What needs HR's attention: new applications, applications waiting too long, and the CVs in
/// the caller's intake tray.
#[server(endpoint = "hr_worklist", input = Json)]
pub async fn hr_worklist() -> Result<Worklist, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, recruitment::worklist};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    worklist::for_user(&Backend::current()?.db, &me).await
}

/// Marks the new applications as seen, up to `until` (the newest one the worklist showed). The
/// home page posts here as a plain form; the browser then goes back home.
#[server(endpoint = "mark_worklist_seen")]
pub async fn mark_worklist_seen(until: chrono::DateTime<chrono::Utc>) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, recruitment::worklist};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    worklist::mark_seen(&Backend::current()?.db, &me, until).await?;
    leptos_axum::redirect("/");
    Ok(())
}
