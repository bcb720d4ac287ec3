//! Who may see and act on an interview: HR and admins on every one, an interviewer on the
//! interviews whose panel they are on, nobody else.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::model::{AppError, InterviewId, Permission};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{interview, interview_interviewer};

/// Whether `user` runs recruitment (and so sees every interview and every scorecard).
pub fn manages(user: &CurrentUser) -> bool {
    user.role.can(Permission::ManageRecruitment)
}

/// Whether `user` is on interview `id`'s panel.
pub async fn on_panel(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: InterviewId,
) -> Result<bool, AppError> {
    Ok(interview_interviewer::Entity::find()
        .filter(interview_interviewer::Column::InterviewId.eq(id.0))
        .filter(interview_interviewer::Column::UserId.eq(user.id.0))
        .count(db)
        .await?
        > 0)
}

/// Interview `id`, if it exists and `user` may see it: `NotFound` when it does not exist,
/// `Forbidden` when it is not theirs.
pub async fn interview(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: InterviewId,
) -> Result<interview::Model, AppError> {
    let found = interview::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if manages(user) || on_panel(db, user, id).await? {
        Ok(found)
    } else {
        tracing::warn!(user_id = %user.id, interview_id = %id, "interview access refused");
        Err(AppError::Forbidden)
    }
}
