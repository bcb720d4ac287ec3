//! Signing in: the password, then, for an account with a second factor (or whose role
//! requires one), a code from the authenticator app or a recovery code, or the second factor's
//! set-up. Between the two steps the browser holds a challenge: a single-use link of
//! [`links`] in a cookie, good for [`CHALLENGE_MINUTES`], ended by a change of the password.
//! Every attempt is throttled by account and address, or by known device ([`devices`]), and
//! every sign-in, failure and lockout of an account is audited.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::second_factor::{self, Need};
use super::throttle::{self, Origin};
use super::{devices, links, password, sessions};
use crate::model::{
    AppError, FieldErrors, LoginStep, Role, TwoFactorSetup, UserId, normalise_email,
};
use crate::server::entities::{sign_in_challenge, user};
use crate::server::{Backend, SessionPolicy, audit};

/// Name of the cookie that holds a sign-in waiting for its second factor.
pub const CHALLENGE_COOKIE: &str = "percorso_sign_in";

/// How long a sign-in may wait for its second factor (its set-up included).
pub const CHALLENGE_MINUTES: i64 = 10;

/// What a browser that has just signed in keeps: the session's token, and a new device
/// cookie's if it was not a known device of the account.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub user: UserId,
    pub session: String,
    pub device: Option<String>,
}

impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("user", &self.user)
            .finish()
    }
}

/// Where a sign-in stands after the password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterPassword {
    SignedIn(SignedIn),
    /// The second factor is asked next (`step` says which page): the challenge's token, for
    /// the cookie.
    SecondFactor {
        step: LoginStep,
        challenge: String,
    },
}

fn wrong_credentials() -> AppError {
    AppError::Invalid(FieldErrors::single("form", "wrong_credentials"))
}

/// A challenge that is missing, used, expired or replaced: the sign-in starts again.
fn sign_in_over() -> AppError {
    AppError::Invalid(FieldErrors::single("form", "sign_in_over"))
}

/// A failed attempt (already counted by [`throttle::attempt`]): for an account, audited, with
/// the lockout it brings.
async fn failed(
    db: &DatabaseConnection,
    attempt: throttle::Attempt,
    account: Option<UserId>,
) -> Result<(), AppError> {
    if let Some(id) = account {
        audit::record_unattributed(db, audit::Action::SignInFailed, "user", id.0).await?;
        if attempt.locks {
            audit::record_unattributed(db, audit::Action::SignInLockedOut, "user", id.0).await?;
        }
    }
    tracing::info!("sign-in refused");
    Ok(())
}

/// The session begun: clears the failures from where it came, knows the device, audits.
async fn finish(
    db: &DatabaseConnection,
    account: &user::Model,
    origin: Origin,
    device_cookie: Option<&str>,
    session: String,
    now: DateTime<Utc>,
) -> Result<SignedIn, AppError> {
    let id = UserId(account.id);
    throttle::clear_account(db, &account.email, origin).await?;
    let device = devices::remember(db, id, device_cookie, now).await?;
    audit::record(db, id, audit::Action::SignedIn, "user", id.0).await?;
    tracing::info!(user_id = %id, "signed in");
    Ok(SignedIn {
        user: id,
        session,
        device,
    })
}

/// Checks email and password (throttled) and then starts a session, unless the password
/// changed meanwhile, or, for an account with a second factor or whose role requires one,
/// issues the challenge that asks for it.
pub async fn with_password(
    backend: &Backend,
    email: &str,
    password_attempt: String,
    ip: &str,
    device_cookie: Option<&str>,
    now: DateTime<Utc>,
) -> Result<AfterPassword, AppError> {
    let db = &backend.db;
    let email = normalise_email(email);
    let found = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?;
    let origin = match &found {
        Some(account) => {
            Origin::of(devices::recognise(db, UserId(account.id), device_cookie).await?)
        }
        None => Origin::Elsewhere,
    };
    let attempt = throttle::attempt(db, &backend.throttle, &email, ip, origin).await?;
    let stored = match &found {
        Some(account) => account.password_hash.clone(),
        None => password::dummy_hash().await?,
    };
    let matches = password::verify(password_attempt, stored.clone()).await?;
    let account = match found {
        Some(account) if matches && account.active => account,
        other => {
            failed(db, attempt, other.map(|a| UserId(a.id))).await?;
            return Err(wrong_credentials());
        }
    };
    let id = UserId(account.id);
    let role = Role::parse(&account.role).unwrap_or(Role::Employee);
    let step = match second_factor::need(db, id, role).await? {
        Need::Nothing => {
            let Some(session) =
                sessions::start_if_password_is(db, &backend.sessions, id, stored).await?
            else {
                failed(db, attempt, Some(id)).await?;
                return Err(wrong_credentials());
            };
            let signed_in = finish(db, &account, origin, device_cookie, session, now).await?;
            return Ok(AfterPassword::SignedIn(signed_in));
        }
        Need::Code => LoginStep::Code,
        Need::SetUp => LoginStep::SetUp,
    };
    // The password was right: no failure, whatever the second step brings.
    throttle::forget(db, attempt).await?;
    let lifetime = TimeDelta::minutes(CHALLENGE_MINUTES);
    let issued = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let issued = links::issue::<sign_in_challenge::Entity>(tx, id, now, lifetime).await?;
            // Issued after the account's row was locked: a change of the password at the same
            // time either withdraws it or came first and is seen here.
            let current = user::Entity::find_by_id(id.0)
                .select_only()
                .columns([user::Column::PasswordHash, user::Column::Active])
                .into_tuple::<(String, bool)>()
                .one(tx)
                .await?;
            Ok((current == Some((stored, true))).then_some(issued))
        })
    })
    .await?;
    let Some(issued) = issued else {
        return Err(wrong_credentials());
    };
    tracing::info!(user_id = %id, ?step, "password right, second factor asked");
    Ok(AfterPassword::SecondFactor {
        step,
        challenge: issued.token,
    })
}

/// The account of the sign-in waiting behind `challenge`, if it still waits.
async fn waiting(
    db: &DatabaseConnection,
    challenge: &str,
    now: DateTime<Utc>,
) -> Result<(links::Link, user::Model), AppError> {
    match links::usable::<sign_in_challenge::Entity>(db, challenge, now).await {
        Ok(Some(found)) => Ok(found),
        Ok(None) | Err(AppError::NotFound) => Err(sign_in_over()),
        Err(error) => Err(error),
    }
}

/// Ends the challenge and starts the session in one transaction: a change of the password at
/// the same time either withdraws the challenge first or ends the new session.
async fn start_session(
    db: &DatabaseConnection,
    policy: &SessionPolicy,
    challenge: links::Link,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let policy = *policy;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            if !links::use_up::<sign_in_challenge::Entity>(tx, &challenge, now).await? {
                return Err(sign_in_over());
            }
            sessions::start(tx, &policy, UserId(challenge.user_id)).await
        })
    })
    .await
}

/// Completes the sign-in waiting behind `challenge` with `code`: the app's code (each accepted
/// once) or a recovery code. Throttled and audited as the password is.
pub async fn with_code(
    backend: &Backend,
    challenge: &str,
    code: &str,
    ip: &str,
    device_cookie: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SignedIn, AppError> {
    let db = &backend.db;
    let (link, account) = waiting(db, challenge, now).await?;
    let id = UserId(account.id);
    let origin = Origin::of(devices::recognise(db, id, device_cookie).await?);
    let attempt = throttle::attempt(db, &backend.throttle, &account.email, ip, origin).await?;
    if second_factor::prove(db, id, code, now).await?.is_none() {
        failed(db, attempt, Some(id)).await?;
        return Err(AppError::Invalid(FieldErrors::single("code", "wrong_code")));
    }
    let session = start_session(db, &backend.sessions, link, now).await?;
    finish(db, &account, origin, device_cookie, session, now).await
}

/// What the authenticator app needs, for the sign-in waiting behind `challenge` whose role
/// requires a second factor the account does not have yet.
pub async fn setup(
    db: &DatabaseConnection,
    challenge: &str,
    now: DateTime<Utc>,
) -> Result<TwoFactorSetup, AppError> {
    let (_, account) = waiting(db, challenge, now).await?;
    second_factor::begin(db, UserId(account.id), &account.email, now).await
}

/// Turns on the second factor being set up behind `challenge`, proved with `code`, and
/// completes the sign-in; returns the session and the recovery codes, to be shown once.
pub async fn with_new_second_factor(
    backend: &Backend,
    challenge: &str,
    code: &str,
    ip: &str,
    device_cookie: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(SignedIn, Vec<String>), AppError> {
    let db = &backend.db;
    let (link, account) = waiting(db, challenge, now).await?;
    let id = UserId(account.id);
    let origin = Origin::of(devices::recognise(db, id, device_cookie).await?);
    let attempt = throttle::attempt(db, &backend.throttle, &account.email, ip, origin).await?;
    let policy = backend.sessions;
    let code = code.to_owned();
    let outcome = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let codes = second_factor::confirm(tx, id, &code, now).await?;
            if !links::use_up::<sign_in_challenge::Entity>(tx, &link, now).await? {
                return Err(sign_in_over());
            }
            let session = sessions::start(tx, &policy, id).await?;
            Ok((session, codes))
        })
    })
    .await;
    let (session, codes) = match outcome {
        Ok(done) => done,
        Err(error) => {
            if error.field_errors().get("code").is_some() {
                failed(db, attempt, Some(id)).await?;
            } else {
                throttle::forget(db, attempt).await?;
            }
            return Err(error);
        }
    };
    let signed_in = finish(db, &account, origin, device_cookie, session, now).await?;
    Ok((signed_in, codes))
}

/// Ends account `user`'s sign-ins waiting for their second factor. Part of the caller's
/// transaction (a change of the password).
pub async fn withdraw(tx: &impl sea_orm::ConnectionTrait, user: UserId) -> Result<(), AppError> {
    links::withdraw::<sign_in_challenge::Entity>(tx, user).await
}

/// Deletes the waiting sign-ins that expired before `now`, used or not (the retention job
/// does, daily); how many.
pub async fn purge(
    db: &impl sea_orm::ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    links::purge::<sign_in_challenge::Entity>(db, now).await
}

/// The `Set-Cookie` value that holds a waiting sign-in's `token`.
pub fn challenge_cookie(token: &str, policy: &SessionPolicy) -> String {
    format!(
        "{CHALLENGE_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        CHALLENGE_MINUTES * 60,
        if policy.secure_cookie { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that removes it.
pub fn clearing_challenge_cookie(policy: &SessionPolicy) -> String {
    format!(
        "{CHALLENGE_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        if policy.secure_cookie { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` values for a browser that has just signed in: the session, the device
/// cookie if new, and the end of the waiting sign-in's cookie.
pub fn cookies(signed_in: &SignedIn, policy: &SessionPolicy) -> Vec<String> {
    let mut cookies = vec![
        sessions::cookie(&signed_in.session, policy),
        clearing_challenge_cookie(policy),
    ];
    if let Some(device) = &signed_in.device {
        cookies.push(devices::cookie(device, policy));
    }
    cookies
}
