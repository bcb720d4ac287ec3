//! Forgotten passwords: a mailed link (`/reset-password/{token}`, a single-use link of
//! [`links`]) that works for [`RESET_MINUTES`] minutes, with which an account's holder chooses
//! a new password; every session of the account then ends. Asking for a link answers the same
//! whether or not the address belongs to an account, and is limited per address and per
//! account, so that it tells no one who has an account and cannot flood anyone's mailbox.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{links, password, rate_limit, throttle, users};
use crate::i18n::Lang;
use crate::model::{AppError, FieldErrors, RESET_MINUTES, ResetLink, UserId, normalise_email};
use crate::server::entities::{password_reset, user};
use crate::server::interviews::times;
use crate::server::mail::{letter::Letter, outbox};
use crate::server::{Backend, audit};

/// A moment as a reader in zone `zone_name` (the default zone's for a name not known) reads it:
/// `07/12/2026 18:30 (Europe/Rome)`.
fn local_time(at: DateTime<Utc>, zone_name: &str) -> String {
    let local = times::span(at, at, zone_name);
    format!("{} ({})", local.starts.format("%d/%m/%Y %H:%M"), local.zone)
}

/// The letter with the link, in the account's language.
fn link_letter(lang: Lang, name: &str, link: &str, until: &str) -> Letter {
    match lang {
        Lang::It => Letter {
            lang,
            subject: "Percorso: scegli una nuova password".to_owned(),
            greeting: format!("Gentile {name},"),
            paragraphs: vec![
                format!(
                    "abbiamo ricevuto la richiesta di reimpostare la password del tuo account in Percorso. Scegli una nuova password da questo link entro il {until}:\n{link}"
                ),
                format!(
                    "Il link vale una volta sola e per {RESET_MINUTES} minuti. Se non l'hai chiesto tu, ignora questo messaggio: la tua password resta quella di prima."
                ),
            ],
            signature: "Il team Risorse umane".to_owned(),
            attachment: None,
        },
        Lang::En => Letter {
            lang,
            subject: "Percorso: choose a new password".to_owned(),
            greeting: format!("Dear {name},"),
            paragraphs: vec![
                format!(
                    "we were asked to reset the password of your Percorso account. Choose a new password at this link by {until}:\n{link}"
                ),
                format!(
                    "The link works once and for {RESET_MINUTES} minutes. If you did not ask for it, ignore this message: your password stays as it was."
                ),
            ],
            signature: "The HR team".to_owned(),
            attachment: None,
        },
    }
}

/// The letter that says the password was changed through a link, so that a holder who did
/// not do it knows at once.
fn changed_letter(lang: Lang, name: &str, when: &str) -> Letter {
    match lang {
        Lang::It => Letter {
            lang,
            subject: "Percorso: la tua password è stata cambiata".to_owned(),
            greeting: format!("Gentile {name},"),
            paragraphs: vec![
                format!(
                    "il {when} la password del tuo account in Percorso è stata cambiata con il link per reimpostarla, e ogni sessione aperta con il tuo account è stata chiusa."
                ),
                "Se non sei stato tu, scrivi subito alle Risorse umane o a un amministratore."
                    .to_owned(),
            ],
            signature: "Il team Risorse umane".to_owned(),
            attachment: None,
        },
        Lang::En => Letter {
            lang,
            subject: "Percorso: your password was changed".to_owned(),
            greeting: format!("Dear {name},"),
            paragraphs: vec![
                format!(
                    "on {when} the password of your Percorso account was changed through the link to reset it, and every session signed in to your account was ended."
                ),
                "If it was not you, tell HR or an administrator at once.".to_owned(),
            ],
            signature: "The HR team".to_owned(),
            attachment: None,
        },
    }
}

/// The language to write to `account` in: their own setting, else the page's.
fn lang_of(account: &user::Model, asked_in: Lang) -> Lang {
    account
        .language
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(asked_in)
}

/// Someone not signed in, from address `ip`, asks for a link to reset the password of the
/// account with `email`, on a page in `lang`. Too many asks from one address are refused
/// (`TooManyAttempts`) whatever they ask for; any other ask is answered at once and alike, and
/// the rest ([`mail_link`]) happens after the answer has gone, so that neither the answer nor
/// the time it takes tells whether the address has an account.
pub async fn request(
    backend: &Backend,
    email: &str,
    ip: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    rate_limit::hit(&backend.db, rate_limit::RESET_ASKS_PER_ADDRESS, ip).await?;
    let email = normalise_email(email);
    let mailer = backend.clone();
    backend.after_answer("mailing a password reset link", async move {
        mail_link(&mailer, &email, lang, now).await
    });
    Ok(())
}

/// What an ask for a reset link does once answered: for an active account that has not had
/// [`rate_limit::RESET_LINKS_PER_ACCOUNT`] links in the last hour, a new link (replacing any
/// earlier one) mailed through the outbox in the account's language. An ask naming an account
/// is audited, whether a link went out or not; one naming no account leaves no trace.
async fn mail_link(
    backend: &Backend,
    email: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let db = &backend.db;
    let Some(account) = user::Entity::find()
        .filter(user::Column::Email.eq(normalise_email(email)))
        .one(db)
        .await?
    else {
        tracing::info!("password reset asked for an address with no account");
        return Ok(());
    };
    let id = UserId(account.id);
    let withheld = if account.active {
        match rate_limit::hit(db, rate_limit::RESET_LINKS_PER_ACCOUNT, &id.to_string()).await {
            Ok(()) => None,
            Err(AppError::TooManyAttempts { .. }) => Some("enough were sent this hour"),
            Err(error) => return Err(error),
        }
    } else {
        Some("the account is deactivated")
    };
    if let Some(reason) = withheld {
        audit::record_unattributed(db, audit::Action::PasswordResetRequested, "user", id.0).await?;
        tracing::info!(user_id = %id, reason, "no password reset link sent");
        return Ok(());
    }
    let lang = lang_of(&account, lang);
    let site = backend.public_url.trim_end_matches('/').to_owned();
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let issued = links::issue::<password_reset::Entity>(
                tx,
                id,
                now,
                TimeDelta::minutes(RESET_MINUTES),
            )
            .await?;
            let link = format!("{site}/reset-password/{}", issued.token);
            let until = local_time(issued.expires_at, &account.time_zone);
            let letter = link_letter(lang, &account.name, &link, &until);
            outbox::queue(tx, &account.email, &letter).await?;
            audit::record_unattributed(tx, audit::Action::PasswordResetRequested, "user", id.0)
                .await
        })
    })
    .await?;
    tracing::info!(user_id = %id, "password reset link sent");
    Ok(())
}

/// What reset link `token` opens at `now`; `NotFound` for a link never sent or since replaced
/// by a newer one.
pub async fn open(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<ResetLink, AppError> {
    Ok(
        match links::usable::<password_reset::Entity>(db, token, now).await? {
            Some((_, account)) => ResetLink::Open {
                name: account.name,
                email: account.email,
            },
            None => ResetLink::Over,
        },
    )
}

/// Sets the password chosen through reset link `token` (already checked against the policy),
/// uses the link up, and ends every session of the account; the holder then signs in with
/// the new password. A link used, expired or replaced meanwhile is refused on the form
/// (`reset_over`).
pub async fn complete(
    db: &DatabaseConnection,
    token: &str,
    new_password: String,
    now: DateTime<Utc>,
) -> Result<UserId, AppError> {
    let over = || AppError::Invalid(FieldErrors::single("form", "reset_over"));
    let (found, account) = links::usable::<password_reset::Entity>(db, token, now)
        .await?
        .ok_or_else(over)?;
    let password_hash = password::hash(new_password).await?;
    let id = UserId(account.id);
    let letter = changed_letter(
        lang_of(&account, Lang::default()),
        &account.name,
        &local_time(now, &account.time_zone),
    );
    let email = account.email;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            // Of two uses at once, only one finds the link unused.
            if !links::use_up::<password_reset::Entity>(tx, &found, now).await? {
                return Err(over());
            }
            users::replace_password(tx, id, password_hash, None).await?;
            audit::record(tx, id, audit::Action::PasswordReset, "user", id.0).await?;
            outbox::queue(tx, &email, &letter).await?;
            // They proved they hold the mailbox: earlier wrong guesses no longer hold them back.
            throttle::clear_account(tx, &email, throttle::Origin::Elsewhere).await
        })
    })
    .await?;
    tracing::info!(user_id = %id, "password reset through a mailed link");
    Ok(id)
}

/// How long a reset link is kept once it stopped working, used or not: meanwhile its page says
/// that it no longer works rather than that it never existed.
pub const KEPT_AFTER_EXPIRY: TimeDelta = TimeDelta::days(1);

/// Deletes the reset links that stopped working more than [`KEPT_AFTER_EXPIRY`] before `now`
/// (the retention job does, daily); how many.
pub async fn purge(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, AppError> {
    links::purge::<password_reset::Entity>(db, now - KEPT_AFTER_EXPIRY).await
}

/// Ends account `id`'s reset links still unused (its password changed some other way, or it
/// was deactivated).
pub async fn withdraw(db: &impl ConnectionTrait, id: UserId) -> Result<(), AppError> {
    links::withdraw::<password_reset::Entity>(db, id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_letter_carries_the_link_and_its_end_in_both_languages() {
        for lang in Lang::ALL {
            let letter = link_letter(
                lang,
                "Anna",
                "https://percorso.example/reset-password/abc",
                "07/12/2026 18:30 (Europe/Rome)",
            );
            let text = letter.text();
            assert!(text.contains("https://percorso.example/reset-password/abc"));
            assert!(text.contains("18:30 (Europe/Rome)"));
            let lasts = match lang {
                Lang::It => format!("Il link vale una volta sola e per {RESET_MINUTES} minuti."),
                Lang::En => format!("The link works once and for {RESET_MINUTES} minutes."),
            };
            assert!(text.contains(&lasts), "{text}");
        }
    }

    #[test]
    fn the_end_of_a_link_is_shown_in_its_readers_time_zone() {
        let at = DateTime::parse_from_rfc3339("2026-12-07T17:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            local_time(at, "Europe/Rome"),
            "07/12/2026 18:30 (Europe/Rome)"
        );
        assert_eq!(
            local_time(at, "Europe/London"),
            "07/12/2026 17:30 (Europe/London)"
        );
        assert_eq!(
            local_time(at, "Nowhere/Atlantis"),
            local_time(at, crate::model::DEFAULT_TIME_ZONE)
        );
    }
}
