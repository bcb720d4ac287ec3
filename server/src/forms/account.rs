//! Signing in, changing one's password, choosing a new account's password, and resetting a
//! forgotten one, without JavaScript: each form posts to its page's own address (`/login`,
//! `/account`, `/welcome/{token}`, `/forgot-password`, `/reset-password/{token}`).

use app::model::{
    ChangePasswordInput, ForgotPasswordInput, LoginInput, Permission, ResetPasswordInput, validate,
};
use app::pages::account::forgotten_password::{ForgotDraft, LINK_ASKED, ResetDraft};
use app::pages::account::login::{LoginDraft, PASSWORD_RESET_DONE, safe_next};
use app::pages::account::settings::PasswordDraft;
use app::pages::account::welcome::WelcomeDraft;
use app::server::accounts::auth::{self, RequestLang};
use app::server::accounts::sign_in::{self, AfterPassword};
use app::server::accounts::{devices, invitations, password_resets, sessions, users};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{allowed, log_if_internal, render_again, with_cookies};
use crate::startup::AppState;

/// The sign-in form's fields.
#[derive(Debug, Deserialize)]
pub struct SignInFields {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    /// Where to go once signed in (a local path; anything else goes home).
    #[serde(default)]
    next: String,
}

/// Signs in from the plain form: on to `next` with the session cookie, or to the second step
/// with the waiting sign-in's cookie, or the sign-in page again with the email kept (never the
/// password) and the reason.
pub async fn sign_in(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<SignInFields>,
) -> Response {
    let next = safe_next(Some(fields.next));
    let input = LoginInput {
        email: fields.email,
        password: fields.password,
    };
    let ip = auth::client_ip_of(&parts);
    let outcome = match validate(&input) {
        Ok(()) => {
            sign_in::with_password(
                &state.backend,
                &input.email,
                input.password,
                &ip,
                auth::cookie_of(&parts, devices::COOKIE).as_deref(),
                chrono::Utc::now(),
            )
            .await
        }
        Err(error) => Err(error),
    };
    let policy = &state.backend.sessions;
    match outcome {
        Ok(AfterPassword::SignedIn(signed_in)) => {
            with_cookies(Redirect::to(&next), sign_in::cookies(&signed_in, policy))
        }
        Ok(AfterPassword::SecondFactor { step, challenge }) => with_cookies(
            Redirect::to(&step.page(&next)),
            [sign_in::challenge_cookie(&challenge, policy)],
        ),
        Err(error) => {
            log_if_internal("sign-in", &error);
            let draft = LoginDraft {
                email: input.email,
                next,
                error: Some(error),
            };
            render_again(state, parts, draft).await
        }
    }
}

/// The password form's fields.
#[derive(Debug, Deserialize)]
pub struct PasswordFields {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm: String,
}

/// Changes the caller's password from the plain form: back to the account page saying so, or
/// the page again with the reason (the fields are passwords, so they start empty).
pub async fn change_password(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<PasswordFields>,
) -> Response {
    let me = match allowed(&state, &parts, Permission::OwnAccount, "/account").await {
        Ok(me) => me,
        Err(response) => return response,
    };
    let input = ChangePasswordInput {
        current_password: fields.current_password,
        new_password: fields.new_password,
    };
    let outcome = match input.check_confirmed(&fields.confirm) {
        Ok(()) => {
            users::change_own_password(
                &state.backend,
                &me,
                input.current_password,
                input.new_password,
                &auth::client_ip_of(&parts),
            )
            .await
        }
        Err(error) => Err(error),
    };
    match outcome {
        Ok(()) => Redirect::to("/account?password=changed").into_response(),
        Err(error) => {
            log_if_internal("password change", &error);
            render_again(state, parts, PasswordDraft { error: Some(error) }).await
        }
    }
}

/// The welcome form's fields.
#[derive(Debug, Deserialize)]
pub struct WelcomeFields {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// Sets a new account's password through its welcome link and signs it in: on to the
/// employee's own page with the session cookie, or the page again with the reason.
pub async fn welcome(
    State(state): State<AppState>,
    Path(token): Path<String>,
    parts: Parts,
    Form(fields): Form<WelcomeFields>,
) -> Response {
    let input = ResetPasswordInput {
        password: fields.password,
    };
    let outcome = match input.check_confirmed(&fields.confirm) {
        Ok(()) => {
            invitations::accept(&state.backend, &token, input.password, chrono::Utc::now()).await
        }
        Err(error) => Err(error),
    };
    match outcome {
        Ok((_, session)) => {
            let cookie = sessions::cookie(&session, &state.backend.sessions);
            ([(header::SET_COOKIE, cookie)], Redirect::to("/me")).into_response()
        }
        Err(error) => {
            log_if_internal("welcome", &error);
            render_again(state, parts, WelcomeDraft { error }).await
        }
    }
}

/// The forgotten password form's field.
#[derive(Debug, Deserialize)]
pub struct ForgotFields {
    #[serde(default)]
    email: String,
}

/// Asks for a password reset link from the plain form: on to the page saying that a link is
/// on its way if the address has an account (the same answer whether or not it has), or the
/// page again with the email kept and the reason (a malformed address, too many asks from
/// this address).
pub async fn forgot_password(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<ForgotFields>,
) -> Response {
    let input = ForgotPasswordInput {
        email: fields.email,
    };
    let lang = parts
        .extensions
        .get::<RequestLang>()
        .map(|l| l.0)
        .unwrap_or_default();
    let outcome = match validate(&input) {
        Ok(()) => {
            password_resets::request(
                &state.backend,
                &input.email,
                &auth::client_ip_of(&parts),
                lang,
                chrono::Utc::now(),
            )
            .await
        }
        Err(error) => Err(error),
    };
    match outcome {
        Ok(()) => Redirect::to(LINK_ASKED).into_response(),
        Err(error) => {
            log_if_internal("password reset request", &error);
            let draft = ForgotDraft {
                email: input.email,
                error,
            };
            render_again(state, parts, draft).await
        }
    }
}

/// The reset form's fields.
#[derive(Debug, Deserialize)]
pub struct ResetFields {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// Sets a new password through a reset link, which ends every session of the account: on to
/// the sign-in page saying so, or the page again with the reason (a link used or expired
/// meanwhile shows that it no longer works).
pub async fn reset_password(
    State(state): State<AppState>,
    Path(token): Path<String>,
    parts: Parts,
    Form(fields): Form<ResetFields>,
) -> Response {
    let input = ResetPasswordInput {
        password: fields.password,
    };
    let outcome = match input.check_confirmed(&fields.confirm) {
        Ok(()) => {
            password_resets::complete(
                &state.backend.db,
                &token,
                input.password,
                chrono::Utc::now(),
            )
            .await
        }
        Err(error) => Err(error),
    };
    match outcome {
        Ok(_) => Redirect::to(PASSWORD_RESET_DONE).into_response(),
        Err(error) => {
            log_if_internal("password reset", &error);
            render_again(state, parts, ResetDraft { error }).await
        }
    }
}
