//! A person's notifications: the newest first, the unread count the header's bell shows,
//! marking them read, and the choice to get reminders by email as well.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::model::{AppError, Inbox, NotificationId, NotificationView, UserId};
use crate::server::entities::{notification, user};

/// How many notifications the list shows.
const SHOWN: u64 = 100;

/// How many of `user`'s notifications are unread.
pub async fn unread(db: &impl ConnectionTrait, user: UserId) -> Result<u32, AppError> {
    let count = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user.0))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// `user`'s latest notifications, newest first.
pub async fn of(db: &impl ConnectionTrait, user: UserId) -> Result<Inbox, AppError> {
    let items = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user.0))
        .order_by_desc(notification::Column::CreatedAt)
        .order_by_desc(notification::Column::Id)
        .limit(SHOWN)
        .all(db)
        .await?
        .into_iter()
        .map(|n| NotificationView {
            id: NotificationId(n.id),
            title_it: n.title_it,
            title_en: n.title_en,
            link: n.link,
            created_at: n.created_at,
            read: n.read_at.is_some(),
        })
        .collect();
    let email_reminders = user::Entity::find_by_id(user.0)
        .one(db)
        .await?
        .is_none_or(|u| u.email_reminders);
    Ok(Inbox {
        items,
        unread: unread(db, user).await?,
        email_reminders,
    })
}

/// Marks `user`'s notification `id` read (`None`: all of theirs). Someone else's is not found.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    user: UserId,
    id: Option<NotificationId>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut unread = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Some(now)))
        .filter(notification::Column::UserId.eq(user.0))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(id) = id {
        let theirs = notification::Entity::find_by_id(id.0)
            .filter(notification::Column::UserId.eq(user.0))
            .one(db)
            .await?;
        if theirs.is_none() {
            return Err(AppError::NotFound);
        }
        unread = unread.filter(notification::Column::Id.eq(id.0));
    }
    unread.exec(db).await?;
    Ok(())
}

/// Whether `user` also gets reminders by email (in the app they always do).
pub async fn set_email_reminders(
    db: &impl ConnectionTrait,
    user: UserId,
    on: bool,
) -> Result<(), AppError> {
    let found = user::Entity::find_by_id(user.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut row: user::ActiveModel = found.into();
    row.email_reminders = Set(on);
    row.update(db).await?;
    tracing::info!(user_id = %user, on, "email reminders set");
    Ok(())
}
