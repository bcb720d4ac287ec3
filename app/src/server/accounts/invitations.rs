//! Invitations to a new account: a mailed link (`/welcome/{token}`, a single-use link of
//! [`links`]) with which the new user chooses their password once, within [`WELCOME_DAYS`]
//! days. A new invitation replaces any earlier one still unused.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::links::{self, Link};
use super::{password, sessions};
use crate::i18n::Lang;
use crate::model::{AppError, InvitationState, UserId, WELCOME_DAYS, Welcome};
use crate::server::Backend;
use crate::server::entities::{account_invitation, user};
use crate::server::mail::{letter::Letter, outbox};

/// Ends the links of account `id` still unused (it has a password now, from elsewhere).
pub async fn withdraw(db: &impl ConnectionTrait, id: UserId) -> Result<(), AppError> {
    links::withdraw::<account_invitation::Entity>(db, id).await
}

/// The letter with the link, in the new user's language.
fn letter(lang: Lang, name: &str, link: &str, until: &str) -> Letter {
    match lang {
        Lang::It => Letter {
            lang,
            subject: "Benvenuto in Percorso: scegli la tua password".to_owned(),
            greeting: format!("Gentile {name},"),
            paragraphs: vec![
                format!(
                    "il tuo account in Percorso è pronto: qui vedrai i tuoi corsi, le tue certificazioni e le competenze del tuo ruolo. Scegli la tua password da questo link entro il {until} (UTC):\n{link}"
                ),
                "Il link vale una volta sola ed è personale: non lo inoltri.".to_owned(),
            ],
            signature: "Il team Risorse umane".to_owned(),
            attachment: None,
        },
        Lang::En => Letter {
            lang,
            subject: "Welcome to Percorso: choose your password".to_owned(),
            greeting: format!("Dear {name},"),
            paragraphs: vec![
                format!(
                    "your Percorso account is ready: it shows your courses, your certifications and the competencies of your role. Choose your password at this link by {until} (UTC):\n{link}"
                ),
                "The link works once and is yours alone: please do not forward it.".to_owned(),
            ],
            signature: "The HR team".to_owned(),
            attachment: None,
        },
    }
}

/// Invites account `id`: a new link, mailed through the outbox in `lang`; earlier unused links
/// stop working. `public_url` is where the site is reached.
pub async fn invite(
    db: &impl ConnectionTrait,
    id: UserId,
    lang: Lang,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let account = user::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let issued =
        links::issue::<account_invitation::Entity>(db, id, now, TimeDelta::days(WELCOME_DAYS))
            .await?;
    let (token, expires_at) = (issued.token, issued.expires_at);
    let link = format!("{}/welcome/{token}", public_url.trim_end_matches('/'));
    let until = expires_at.format("%d/%m/%Y %H:%M").to_string();
    outbox::queue(
        db,
        &account.email,
        &letter(lang, &account.name, &link, &until),
    )
    .await?;
    tracing::info!(user_id = %id, "account invitation sent");
    Ok(())
}

/// Whether account `account` has chosen its password, and if not, whether its link still works.
pub async fn state(
    db: &impl ConnectionTrait,
    account: &user::Model,
    now: DateTime<Utc>,
) -> Result<InvitationState, AppError> {
    if !account.password_hash.is_empty() {
        return Ok(InvitationState::Accepted);
    }
    let latest = links::latest_unused::<account_invitation::Entity>(db, UserId(account.id)).await?;
    Ok(match latest {
        Some(link) if link.is_live(now) => InvitationState::Pending(link.expires_at),
        _ => InvitationState::Expired,
    })
}

/// The invitation behind `token` and its account, if it can still be used at `now`: a link is
/// for an account still without a password.
async fn usable(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Link, user::Model)>, AppError> {
    Ok(links::usable::<account_invitation::Entity>(db, token, now)
        .await?
        .filter(|(_, account)| account.password_hash.is_empty()))
}

/// What link `token` opens at `now`; `NotFound` for a link that never existed.
pub async fn open(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Welcome, AppError> {
    Ok(match usable(db, token, now).await? {
        Some((_, account)) => Welcome::Open {
            name: account.name,
            email: account.email,
        },
        None => Welcome::Over,
    })
}

/// Sets the password chosen through link `token` (already checked against the policy), uses
/// the link up, and signs the user in: returns the new session's token. A link used or
/// expired meanwhile is refused on the form (`welcome_over`).
pub async fn accept(
    backend: &Backend,
    token: &str,
    new_password: String,
    now: DateTime<Utc>,
) -> Result<(UserId, String), AppError> {
    let db: &DatabaseConnection = &backend.db;
    let over = || AppError::Invalid(crate::model::FieldErrors::single("form", "welcome_over"));
    let (found, account) = usable(db, token, now).await?.ok_or_else(over)?;
    let password_hash = password::hash(new_password).await?;
    let id = UserId(account.id);
    let policy = backend.sessions;
    let session = crate::server::write(db, move |tx| {
        Box::pin(async move {
            // Of two uses at once, only one finds the link unused.
            if !links::use_up::<account_invitation::Entity>(tx, &found, now).await? {
                return Err(over());
            }
            // Nor over a password chosen some other way meanwhile (an admin's reset).
            let set = user::Entity::update_many()
                .col_expr(user::Column::PasswordHash, Expr::value(password_hash))
                .col_expr(user::Column::UpdatedAt, Expr::value(now))
                .filter(user::Column::Id.eq(account.id))
                .filter(user::Column::PasswordHash.eq(""))
                .exec(tx)
                .await?;
            if set.rows_affected != 1 {
                return Err(over());
            }
            // Signed in within the same transaction: a password reset right after ends this
            // session too.
            let session = sessions::start(tx, &policy, id).await?;
            crate::server::audit::record(
                tx,
                id,
                crate::server::audit::Action::SignedIn,
                "user",
                id.0,
            )
            .await?;
            Ok(session)
        })
    })
    .await?;
    tracing::info!(user_id = %id, "account invitation accepted");
    Ok((id, session))
}
