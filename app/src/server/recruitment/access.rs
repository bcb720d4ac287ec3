//! Record-level access: which candidates and files a user may read. HR and admins may read
//! all; an interviewer only what belongs to applications on openings whose hiring team they
//! are on. Called right after `auth::authorize`.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};

use crate::model::{AppError, CandidateId, FileId, Permission};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{application, candidate_file, opening_interviewer};

/// The openings whose hiring team `user` is on.
pub async fn team_openings(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
) -> Result<Vec<i32>, AppError> {
    Ok(opening_interviewer::Entity::find()
        .select_only()
        .column(opening_interviewer::Column::OpeningId)
        .filter(opening_interviewer::Column::UserId.eq(user.id.0))
        .into_tuple::<i32>()
        .all(db)
        .await?)
}

/// Whether `user` sees every candidate (HR, admins) or only their teams' (interviewers).
pub fn sees_all(user: &CurrentUser) -> bool {
    user.role.can(Permission::ManageRecruitment)
}

/// Allows reading candidate `id` if `user` may.
pub async fn candidate(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: CandidateId,
) -> Result<(), AppError> {
    if sees_all(user) {
        return Ok(());
    }
    let assigned = application::Entity::find()
        .filter(application::Column::CandidateId.eq(id.0))
        .filter(application::Column::OpeningId.is_in(team_openings(db, user).await?))
        .count(db)
        .await?;
    refuse_unless(user, assigned > 0)
}

/// Allows reading file `id` if it belongs to an application `user` may read.
pub async fn file(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: FileId,
) -> Result<(), AppError> {
    if sees_all(user) {
        return Ok(());
    }
    let application_id = candidate_file::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .and_then(|f| f.application_id);
    let assigned = match application_id {
        Some(application_id) => {
            application::Entity::find_by_id(application_id)
                .filter(application::Column::OpeningId.is_in(team_openings(db, user).await?))
                .count(db)
                .await?
                > 0
        }
        None => false,
    };
    refuse_unless(user, assigned)
}

fn refuse_unless(user: &CurrentUser, allowed: bool) -> Result<(), AppError> {
    if allowed {
        Ok(())
    } else {
        tracing::warn!(user_id = %user.id, role = ?user.role, "record access refused");
        Err(AppError::Forbidden)
    }
}
