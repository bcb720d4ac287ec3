//! Who may see a practical test: HR and admins every one, its grader their own, nobody else.

use sea_orm::{ConnectionTrait, EntityTrait};

use crate::model::{AppError, Permission, PracticalTestId};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::practical_test;

/// Whether `user` runs recruitment (and so sees every test).
pub fn manages(user: &CurrentUser) -> bool {
    user.role.can(Permission::ManageRecruitment)
}

/// Test `id`, if it exists and `user` may see it: `NotFound` when it does not exist,
/// `Forbidden` when it is neither theirs to grade nor theirs to run.
pub async fn test(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: PracticalTestId,
) -> Result<practical_test::Model, AppError> {
    let found = practical_test::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if manages(user) || found.grader_id == user.id.0 {
        Ok(found)
    } else {
        tracing::warn!(user_id = %user.id, test_id = %id, "practical test access refused");
        Err(AppError::Forbidden)
    }
}
