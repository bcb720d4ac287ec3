//! Each user's second factor: an authenticator app's secret ([`totp`]) set up from the account
//! page (or at sign-in, for a role that requires one), proved with a code before it counts,
//! and then asked for at every sign-in; each code is accepted once. Recovery codes stand in
//! for a lost app; an admin can remove a user's second factor, and choose the roles that must
//! have one.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};

use super::auth::CurrentUser;
use super::throttle::{self, Origin};
use super::{recovery_codes, sessions, totp};
use crate::model::{AppError, FieldErrors, Role, TwoFactorSetup, TwoFactorStatus, UserId};
use crate::server::entities::{second_factor, two_factor_role};
use crate::server::{Backend, audit};

/// How long a secret being set up stays the same (reloading the page shows the same QR code).
const SETUP_LASTS: chrono::TimeDelta =
    chrono::TimeDelta::minutes(super::sign_in::CHALLENGE_MINUTES);

/// Drops the secret `user` is setting up, if any (their password changed: whoever saw it with
/// the old password must not find it in use later). Part of the caller's transaction.
pub async fn drop_unproved(tx: &impl ConnectionTrait, user: UserId) -> Result<(), AppError> {
    second_factor::Entity::delete_many()
        .filter(second_factor::Column::UserId.eq(user.0))
        .filter(second_factor::Column::ConfirmedAt.is_null())
        .exec(tx)
        .await?;
    Ok(())
}

/// What a sign-in of an account needs once its password is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Nothing more.
    Nothing,
    /// A code: the account has a second factor.
    Code,
    /// A second factor set up first: the account's role requires one and it has none.
    SetUp,
}

/// Which kind of code proved the second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    App,
    RecoveryCode,
}

fn wrong_code() -> AppError {
    AppError::Invalid(FieldErrors::single("code", "wrong_code"))
}

async fn find(
    db: &impl ConnectionTrait,
    user: UserId,
) -> Result<Option<second_factor::Model>, AppError> {
    Ok(second_factor::Entity::find_by_id(user.0).one(db).await?)
}

/// When `user`'s second factor was turned on, if it is on.
pub async fn on_since(
    db: &impl ConnectionTrait,
    user: UserId,
) -> Result<Option<DateTime<Utc>>, AppError> {
    Ok(find(db, user).await?.and_then(|f| f.confirmed_at))
}

/// The roles that must sign in with a second factor.
pub async fn required_roles(db: &impl ConnectionTrait) -> Result<Vec<Role>, AppError> {
    let mut roles: Vec<Role> = two_factor_role::Entity::find()
        .all(db)
        .await?
        .iter()
        .filter_map(|r| Role::parse(&r.role))
        .collect();
    roles.sort_by_key(|role| Role::ALL.iter().position(|r| r == role));
    Ok(roles)
}

async fn required_for(db: &impl ConnectionTrait, role: Role) -> Result<bool, AppError> {
    Ok(
        two_factor_role::Entity::find_by_id(role.as_str().to_owned())
            .one(db)
            .await?
            .is_some(),
    )
}

/// Makes `roles` (and only them) the roles that must sign in with a second factor; audited.
/// Their users without one set it up at their next sign-in.
pub async fn set_required_roles(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    roles: Vec<Role>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let admin = actor.id;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let keep: Vec<String> = roles.iter().map(|r| r.as_str().to_owned()).collect();
            two_factor_role::Entity::delete_many()
                .filter(two_factor_role::Column::Role.is_not_in(keep.clone()))
                .exec(tx)
                .await?;
            for role in keep {
                two_factor_role::Entity::insert(two_factor_role::ActiveModel {
                    role: Set(role),
                    required_at: Set(now),
                })
                .on_conflict(
                    OnConflict::column(two_factor_role::Column::Role)
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(tx)
                .await?;
            }
            audit::record(
                tx,
                admin,
                audit::Action::TwoFactorRolesChanged,
                "user",
                admin.0,
            )
            .await
        })
    })
    .await?;
    tracing::info!(actor = %admin, "roles requiring a second factor changed");
    Ok(())
}

/// What a sign-in of `user` (of `role`) needs once the password is right.
pub async fn need(db: &impl ConnectionTrait, user: UserId, role: Role) -> Result<Need, AppError> {
    if on_since(db, user).await?.is_some() {
        Ok(Need::Code)
    } else if required_for(db, role).await? {
        Ok(Need::SetUp)
    } else {
        Ok(Need::Nothing)
    }
}

/// `user`'s second factor as their account page shows it.
pub async fn status(
    db: &impl ConnectionTrait,
    user: UserId,
    role: Role,
) -> Result<TwoFactorStatus, AppError> {
    let on_since = on_since(db, user).await?;
    let recovery_codes_left = if on_since.is_some() {
        recovery_codes::left(db, user).await?
    } else {
        0
    };
    Ok(TwoFactorStatus {
        on_since,
        recovery_codes_left,
        required: required_for(db, role).await?,
    })
}

/// The secret being set up for `user` (signing in as `email`), made now if none is: the same
/// one until it is proved, so that reloading the page does not change the QR code. A user
/// whose second factor is on already has nothing to set up.
pub async fn begin(
    db: &impl ConnectionTrait,
    user: UserId,
    email: &str,
    now: DateTime<Utc>,
) -> Result<TwoFactorSetup, AppError> {
    // A set-up left unproved for longer than a sign-in may wait starts again with a new
    // secret: whoever saw the old one (someone who had the password then) learns nothing.
    second_factor::Entity::delete_many()
        .filter(second_factor::Column::UserId.eq(user.0))
        .filter(second_factor::Column::ConfirmedAt.is_null())
        .filter(second_factor::Column::CreatedAt.lt(now - SETUP_LASTS))
        .exec(db)
        .await?;
    second_factor::Entity::insert(second_factor::ActiveModel {
        user_id: Set(user.0),
        secret: Set(totp::new_secret()),
        created_at: Set(now),
        confirmed_at: Set(None),
        last_step: Set(None),
    })
    .on_conflict(
        OnConflict::column(second_factor::Column::UserId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    let factor = find(db, user).await?.ok_or(AppError::Internal)?;
    if factor.confirmed_at.is_some() {
        return Err(AppError::Conflict("two_factor_on".into()));
    }
    totp::setup(&factor.secret, email)
}

/// Turns on the second factor `user` is setting up, if `code` is its app's code now; returns
/// the ten recovery codes, to be shown once. Part of the caller's transaction.
pub async fn confirm(
    tx: &impl ConnectionTrait,
    user: UserId,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    let factor = find(tx, user).await?.ok_or_else(wrong_code)?;
    if factor.confirmed_at.is_some() {
        return Err(AppError::Conflict("two_factor_on".into()));
    }
    let step = totp::check(&factor.secret, code, now)?.ok_or_else(wrong_code)?;
    let turned_on = second_factor::Entity::update_many()
        .col_expr(second_factor::Column::ConfirmedAt, Expr::value(now))
        .col_expr(second_factor::Column::LastStep, Expr::value(step))
        .filter(second_factor::Column::UserId.eq(user.0))
        .filter(second_factor::Column::ConfirmedAt.is_null())
        .exec(tx)
        .await?;
    if turned_on.rows_affected != 1 {
        return Err(AppError::Conflict("two_factor_on".into()));
    }
    let codes = recovery_codes::replace(tx, user, now).await?;
    audit::record(tx, user, audit::Action::TwoFactorEnabled, "user", user.0).await?;
    tracing::info!(user_id = %user, "second factor turned on");
    Ok(codes)
}

/// Whether `typed` is six digits (an app's code) rather than a recovery code.
fn is_app_code(typed: &str) -> bool {
    let digits: Vec<char> = typed.chars().filter(|c| !c.is_whitespace()).collect();
    digits.len() == 6 && digits.iter().all(char::is_ascii_digit)
}

/// Proves `user`'s second factor with `typed`: the app's code of now (or a step either side),
/// never one of a step already used, or one of their recovery codes not used yet, which is
/// then used up (audited). `None` if it proves nothing.
pub async fn prove(
    db: &impl ConnectionTrait,
    user: UserId,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Option<Proof>, AppError> {
    let Some(factor) = find(db, user).await?.filter(|f| f.confirmed_at.is_some()) else {
        return Ok(None);
    };
    if is_app_code(typed) {
        let Some(step) = totp::check(&factor.secret, typed, now)? else {
            return Ok(None);
        };
        // Of two sign-ins with one code, or with an older code after a newer one, only the
        // first of a later step counts.
        let accepted = second_factor::Entity::update_many()
            .col_expr(second_factor::Column::LastStep, Expr::value(step))
            .filter(second_factor::Column::UserId.eq(user.0))
            .filter(second_factor::Column::ConfirmedAt.is_not_null())
            .filter(
                Condition::any()
                    .add(second_factor::Column::LastStep.is_null())
                    .add(second_factor::Column::LastStep.lt(step)),
            )
            .exec(db)
            .await?;
        if accepted.rows_affected != 1 {
            tracing::warn!(user_id = %user, "a second factor's code used again was refused");
            return Ok(None);
        }
        return Ok(Some(Proof::App));
    }
    if recovery_codes::use_up(db, user, typed, now).await? {
        audit::record(db, user, audit::Action::RecoveryCodeUsed, "user", user.0).await?;
        tracing::info!(user_id = %user, "a recovery code was used");
        return Ok(Some(Proof::RecoveryCode));
    }
    Ok(None)
}

/// Removes `user`'s second factor and recovery codes. Part of the caller's transaction.
async fn remove(tx: &impl ConnectionTrait, user: UserId) -> Result<(), AppError> {
    second_factor::Entity::delete_by_id(user.0).exec(tx).await?;
    recovery_codes::remove(tx, user).await
}

/// Runs `attempt`, a proof of the caller's second factor, throttled as a sign-in is: refused
/// while too many wrong passwords or codes stand against the account or the address, and
/// counted among them if its code is wrong.
async fn throttled<T>(
    backend: &Backend,
    me: &CurrentUser,
    ip: &str,
    attempt: impl Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    let origin = Origin::Elsewhere;
    let counted = throttle::attempt(&backend.db, &backend.throttle, &me.email, ip, origin).await?;
    let outcome = attempt.await;
    let wrong = matches!(&outcome, Err(error)
        if error.field_errors().get("code").is_some_and(|e| e.code == "wrong_code"));
    if !wrong {
        throttle::forget(&backend.db, counted).await?;
    }
    outcome
}

/// Turns on the second factor the caller is setting up, proved with the app's code `typed`;
/// returns the ten recovery codes, to be shown once.
pub async fn turn_on(
    backend: &Backend,
    me: &CurrentUser,
    typed: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    let id = me.id;
    let typed = typed.to_owned();
    throttled(backend, me, ip, async move {
        crate::server::write(&backend.db, move |tx| {
            Box::pin(async move { confirm(tx, id, &typed, now).await })
        })
        .await
    })
    .await
}

/// Turns off the caller's second factor, proved with `typed` (which `prove` checks); refused
/// while their role requires one. Audited.
pub async fn turn_off(
    backend: &Backend,
    me: &CurrentUser,
    typed: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let db = &backend.db;
    if required_for(db, me.role).await? {
        return Err(AppError::Invalid(FieldErrors::single(
            "code",
            "two_factor_required",
        )));
    }
    throttled(backend, me, ip, async {
        match prove(db, me.id, typed, now).await? {
            Some(_) => Ok(()),
            None => Err(wrong_code()),
        }
    })
    .await?;
    let id = me.id;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            remove(tx, id).await?;
            super::sign_in::withdraw(tx, id).await?;
            audit::record(tx, id, audit::Action::TwoFactorDisabled, "user", id.0).await
        })
    })
    .await?;
    tracing::info!(user_id = %id, "second factor turned off");
    Ok(())
}

/// New recovery codes for the caller in place of the old ones, proved with `typed`; audited.
pub async fn renew_recovery_codes(
    backend: &Backend,
    me: &CurrentUser,
    typed: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, AppError> {
    let db = &backend.db;
    throttled(backend, me, ip, async {
        match prove(db, me.id, typed, now).await? {
            Some(_) => Ok(()),
            None => Err(wrong_code()),
        }
    })
    .await?;
    let id = me.id;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let codes = recovery_codes::replace(tx, id, now).await?;
            audit::record(tx, id, audit::Action::RecoveryCodesRenewed, "user", id.0).await?;
            Ok(codes)
        })
    })
    .await
}

/// Removes user `target`'s second factor and recovery codes (they lost their phone), and ends
/// their sessions; audited. An admin's own goes from their account page, with a code.
pub async fn reset_by_admin(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    target: UserId,
) -> Result<(), AppError> {
    if actor.id == target {
        return Err(AppError::Invalid(FieldErrors::single("two_factor", "self")));
    }
    super::users::find(db, target).await?;
    let admin = actor.id;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            remove(tx, target).await?;
            sessions::end_all_for_user(tx, target, None).await?;
            super::sign_in::withdraw(tx, target).await?;
            audit::record(
                tx,
                admin,
                audit::Action::TwoFactorResetByAdmin,
                "user",
                target.0,
            )
            .await
        })
    })
    .await?;
    tracing::info!(user_id = %target, actor = %admin, "second factor reset by an admin");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_app_code;

    #[test]
    fn six_digits_are_an_apps_code_and_anything_else_a_recovery_code() {
        assert!(is_app_code("123456"));
        assert!(is_app_code(" 123 456 "));
        assert!(!is_app_code("12345"));
        assert!(!is_app_code("23456-78923"));
        assert!(!is_app_code("ab2cd-ef3gh"));
    }
}
