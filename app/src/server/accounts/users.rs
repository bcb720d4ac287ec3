//! User accounts: the admin's user management, and each user's own settings.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::auth::CurrentUser;
use crate::i18n::Lang;
use crate::model::{
    AppError, FieldErrors, NewUserInput, Page, PageRequest, Role, UserId, UserSummary,
    normalise_email,
};
use crate::server::entities::{second_factor, user};
use crate::server::{
    Backend, accounts::password, accounts::sessions, accounts::throttle, audit, employees,
};

/// Users per page in the admin's list.
pub const USERS_PER_PAGE: u64 = 50;

fn summary(model: user::Model, two_factor: bool) -> UserSummary {
    UserSummary {
        id: UserId(model.id),
        role: Role::parse(&model.role).unwrap_or(Role::Employee),
        name: model.name,
        email: model.email,
        active: model.active,
        two_factor,
    }
}

pub(super) async fn find(db: &DatabaseConnection, id: UserId) -> Result<user::Model, AppError> {
    user::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// One page (from 0) of users, by name; a page number out of range is a field error.
pub async fn list(db: &DatabaseConnection, page: u64) -> Result<Page<UserSummary>, AppError> {
    let page = PageRequest::new(page, USERS_PER_PAGE)?;
    let paginator = user::Entity::find()
        .order_by_asc(user::Column::Name)
        .order_by_asc(user::Column::Id)
        .paginate(db, page.size());
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.number()).await?;
    let with_second_factor: std::collections::HashSet<i32> = second_factor::Entity::find()
        .select_only()
        .column(second_factor::Column::UserId)
        .filter(second_factor::Column::UserId.is_in(items.iter().map(|u| u.id)))
        .filter(second_factor::Column::ConfirmedAt.is_not_null())
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(Page::counted(
        items
            .into_iter()
            .map(|u| {
                let two_factor = with_second_factor.contains(&u.id);
                summary(u, two_factor)
            })
            .collect(),
        page.number(),
        page.size(),
        total,
    ))
}

/// Creates an account. The email must not be in use.
pub async fn create(db: &DatabaseConnection, input: NewUserInput) -> Result<UserId, AppError> {
    let email = normalise_email(&input.email);
    let taken = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .count(db)
        .await?
        > 0;
    if taken {
        return Err(AppError::Invalid(FieldErrors::single(
            "email",
            "email_taken",
        )));
    }
    let password_hash = password::hash(input.password).await?;
    let now = Utc::now();
    let account = user::ActiveModel {
        email: Set(email),
        name: Set(input.name.trim().to_owned()),
        role: Set(input.role.as_str().to_owned()),
        password_hash: Set(password_hash),
        language: Set(None),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    // Everyone with an account is on the staff: the account comes with its employee record.
    let created = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let created = account.insert(tx).await?;
            employees::records::ensure(tx, UserId(created.id)).await?;
            Ok(created)
        })
    })
    .await?;
    tracing::info!(user_id = created.id, role = %created.role, "user created");
    Ok(UserId(created.id))
}

/// Admins may not lock themselves out: no deactivating or demoting their own account.
fn refuse_self(actor: &CurrentUser, target: UserId, field: &str) -> Result<(), AppError> {
    if actor.id == target {
        Err(AppError::Invalid(FieldErrors::single(field, "self")))
    } else {
        Ok(())
    }
}

/// Activates or deactivates an account; deactivating ends all its sessions.
pub async fn set_active(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    id: UserId,
    active: bool,
) -> Result<(), AppError> {
    refuse_self(actor, id, "active")?;
    let target = find(db, id).await?;
    crate::server::write(db, |tx| {
        Box::pin(async move {
            let mut model: user::ActiveModel = target.into();
            model.active = Set(active);
            model.updated_at = Set(Utc::now());
            model.update(tx).await?;
            if !active {
                sessions::end_all_for_user(tx, id, None).await?;
                super::password_resets::withdraw(tx, id).await?;
                super::sign_in::withdraw(tx, id).await?;
            }
            Ok(())
        })
    })
    .await?;
    tracing::info!(user_id = %id, active, "user activation changed");
    Ok(())
}

/// Changes an account's role.
pub async fn set_role(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    id: UserId,
    role: Role,
) -> Result<(), AppError> {
    refuse_self(actor, id, "role")?;
    let mut model: user::ActiveModel = find(db, id).await?.into();
    model.role = Set(role.as_str().to_owned());
    model.updated_at = Set(Utc::now());
    model.update(db).await?;
    tracing::info!(user_id = %id, role = role.as_str(), "user role changed");
    Ok(())
}

/// Sets a new password chosen by admin `actor` and ends the user's sessions; audited.
pub async fn reset_password(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    id: UserId,
    new_password: String,
) -> Result<(), AppError> {
    find(db, id).await?;
    let password_hash = password::hash(new_password).await?;
    let admin = actor.id;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            replace_password(tx, id, password_hash, None).await?;
            audit::record(tx, admin, audit::Action::PasswordResetByAdmin, "user", id.0).await
        })
    })
    .await?;
    tracing::info!(user_id = %id, actor = %admin, "password reset by an admin");
    Ok(())
}

/// Changes the caller's own password after checking the current one; their other sessions end.
/// A wrong current password is a guess like a wrong sign-in: throttled and counted the same
/// way (by account and by address), and logged.
pub async fn change_own_password(
    backend: &Backend,
    me: &CurrentUser,
    current: String,
    new_password: String,
    ip: &str,
) -> Result<(), AppError> {
    let db = &backend.db;
    let target = find(db, me.id).await?;
    let origin = throttle::Origin::Elsewhere;
    throttle::attempt(db, &backend.throttle, &target.email, ip, origin).await?;
    if !password::verify(current, target.password_hash.clone()).await? {
        tracing::warn!(user_id = %me.id, "password change refused: wrong current password");
        return Err(AppError::Invalid(FieldErrors::single(
            "current_password",
            "wrong_password",
        )));
    }
    throttle::clear_account(db, &target.email, origin).await?;
    let password_hash = password::hash(new_password).await?;
    store_password(db, target, password_hash, Some(me.session_id)).await?;
    tracing::info!(user_id = %me.id, "password changed");
    Ok(())
}

async fn store_password(
    db: &DatabaseConnection,
    target: user::Model,
    password_hash: String,
    keep_session: Option<i32>,
) -> Result<(), AppError> {
    let id = UserId(target.id);
    crate::server::write(db, move |tx| {
        Box::pin(async move { replace_password(tx, id, password_hash, keep_session).await })
    })
    .await
}

/// Gives account `id` the password of `password_hash` and ends what its old one opened: its
/// sessions (but `keep_session`, the caller's own), and its welcome and reset links still
/// unused. Part of the caller's transaction.
pub(super) async fn replace_password(
    tx: &impl ConnectionTrait,
    id: UserId,
    password_hash: String,
    keep_session: Option<i32>,
) -> Result<(), AppError> {
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(password_hash))
        .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(user::Column::Id.eq(id.0))
        .exec(tx)
        .await?;
    super::invitations::withdraw(tx, id).await?;
    super::password_resets::withdraw(tx, id).await?;
    super::sign_in::withdraw(tx, id).await?;
    super::second_factor::drop_unproved(tx, id).await?;
    sessions::end_all_for_user(tx, id, keep_session).await
}

/// Saves the caller's language.
pub async fn set_language(
    db: &DatabaseConnection,
    me: &CurrentUser,
    lang: Lang,
) -> Result<(), AppError> {
    let mut model: user::ActiveModel = find(db, me.id).await?.into();
    model.language = Set(Some(lang.as_str().to_owned()));
    model.updated_at = Set(Utc::now());
    model.update(db).await?;
    Ok(())
}

/// Sets the time zone `me` reads and types times in: an IANA name such as `Europe/Rome`.
pub async fn set_time_zone(
    db: &DatabaseConnection,
    me: &CurrentUser,
    time_zone: &str,
) -> Result<(), AppError> {
    if crate::server::interviews::times::zone(time_zone).is_none() {
        return Err(AppError::Invalid(crate::model::FieldErrors::single(
            "time_zone",
            "time_zone",
        )));
    }
    let mut model: user::ActiveModel = find(db, me.id).await?.into();
    model.time_zone = Set(time_zone.trim().to_owned());
    model.updated_at = Set(Utc::now());
    model.update(db).await?;
    Ok(())
}

/// Validates and creates a user (the command line and the demo data use this).
pub async fn create_validated(
    db: &DatabaseConnection,
    input: NewUserInput,
) -> Result<UserId, AppError> {
    crate::model::validate(&input)?;
    create(db, input).await
}

/// The names of the users `ids`, by id (one query).
pub async fn names(
    db: &impl sea_orm::ConnectionTrait,
    ids: Vec<i32>,
) -> Result<std::collections::HashMap<i32, String>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}
