//! The admin's user management.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{
    AppError, NewUserInput, Page, ResetPasswordInput, Role, TwoFactorRoles, UserId, UserSummary,
};

/// One page of users, by name.
#[server(endpoint = "list_users", input = Json)]
pub async fn list_users(page: u64) -> Result<Page<UserSummary>, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, accounts::users};
    auth::authorize(Permission::ManageUsers)?;
    users::list(&Backend::current()?.db, page).await
}

#[server(endpoint = "create_user", input = Json)]
pub async fn create_user(input: NewUserInput) -> Result<UserId, AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts::auth, accounts::users};
    auth::authorize(Permission::ManageUsers)?;
    validate(&input)?;
    users::create(&Backend::current()?.db, input).await
}

/// Deactivates (ending all their sessions) or reactivates a user.
#[server(endpoint = "set_user_active", input = Json)]
pub async fn set_user_active(id: UserId, active: bool) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, accounts::users};
    let me = auth::authorize(Permission::ManageUsers)?;
    users::set_active(&Backend::current()?.db, &me, id, active).await
}

#[server(endpoint = "set_user_role", input = Json)]
pub async fn set_user_role(id: UserId, role: Role) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, accounts::users};
    let me = auth::authorize(Permission::ManageUsers)?;
    users::set_role(&Backend::current()?.db, &me, id, role).await
}

/// Sets a new password for a user and ends their sessions; audited.
#[server(endpoint = "reset_user_password", input = Json)]
pub async fn reset_user_password(id: UserId, input: ResetPasswordInput) -> Result<(), AppError> {
    use crate::model::{Permission, validate};
    use crate::server::{Backend, accounts::auth, accounts::users};
    let me = auth::authorize(Permission::ManageUsers)?;
    validate(&input)?;
    users::reset_password(&Backend::current()?.db, &me, id, input.password).await
}

/// Removes a user's second factor and recovery codes (a lost phone) and ends their sessions;
/// audited.
#[server(endpoint = "reset_user_two_factor", input = Json)]
pub async fn reset_user_two_factor(id: UserId) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, accounts::second_factor};
    let me = auth::authorize(Permission::ManageUsers)?;
    second_factor::reset_by_admin(&Backend::current()?.db, &me, id).await
}

/// The roles that must sign in with a second factor.
#[server(endpoint = "required_two_factor_roles", input = Json)]
pub async fn required_two_factor_roles() -> Result<TwoFactorRoles, AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, accounts::second_factor};
    auth::authorize(Permission::ManageUsers)?;
    let roles = second_factor::required_roles(&Backend::current()?.db).await?;
    Ok(TwoFactorRoles { roles })
}

/// Makes these (and only these) the roles that must sign in with a second factor; audited.
#[server(endpoint = "set_two_factor_roles", input = Json)]
pub async fn set_two_factor_roles(input: TwoFactorRoles) -> Result<(), AppError> {
    use crate::model::Permission;
    use crate::server::{Backend, accounts::auth, accounts::second_factor};
    let me = auth::authorize(Permission::ManageUsers)?;
    let db = &Backend::current()?.db;
    second_factor::set_required_roles(db, &me, input.roles, chrono::Utc::now()).await
}
