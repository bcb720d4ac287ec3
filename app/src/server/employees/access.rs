//! Who may read an employee's record: HR and admins every one, an employee their own, and a
//! manager those who report to them. Called right after `auth::authorize`.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::model::{AppError, EmployeeId, Permission};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::employee;

/// Whether `user` reaches every employee (HR, admins).
pub fn sees_all(user: &CurrentUser) -> bool {
    user.role.can(Permission::ManageEmployees)
}

/// The caller's own employee record (every account has one).
pub async fn own(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
) -> Result<employee::Model, AppError> {
    employee::Entity::find()
        .filter(employee::Column::UserId.eq(user.id.0))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Employee `id`, if `user` may read them: 404 when there is no such employee, 403 when it is
/// someone else's record.
pub async fn readable(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: EmployeeId,
) -> Result<employee::Model, AppError> {
    let found = employee::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if sees_all(user) || found.user_id == user.id.0 {
        return Ok(found);
    }
    let manages = match found.manager_id {
        Some(manager) => own(db, user).await?.id == manager,
        None => false,
    };
    if manages {
        Ok(found)
    } else {
        tracing::warn!(user_id = %user.id, employee_id = %id, "employee record refused");
        Err(AppError::Forbidden)
    }
}

/// How the caller stands to an employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// HR or an admin: everyone's.
    Hr,
    /// Their manager.
    Manager,
    /// The employee themselves.
    Own,
    None,
}

/// How `user` stands to employee `id` (404 when there is no such employee).
pub async fn relation(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: EmployeeId,
) -> Result<Relation, AppError> {
    let found = employee::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if sees_all(user) {
        return Ok(Relation::Hr);
    }
    if found.user_id == user.id.0 {
        return Ok(Relation::Own);
    }
    match found.manager_id {
        Some(manager) if own(db, user).await?.id == manager => Ok(Relation::Manager),
        _ => Ok(Relation::None),
    }
}
