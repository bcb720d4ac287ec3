//! Signing in, changing one's password and choosing a new account's password without
//! JavaScript: each form posts to its page's own address (`/login`, `/account`,
//! `/welcome/{token}`).

use app::model::{ChangePasswordInput, LoginInput, Permission, ResetPasswordInput, validate};
use app::pages::account::login::{LoginDraft, safe_next};
use app::pages::account::settings::PasswordDraft;
use app::pages::account::welcome::WelcomeDraft;
use app::server::accounts::auth;
use app::server::accounts::{invitations, sessions, users};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{allowed, log_if_internal, render_again};
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

/// Signs in from the plain form: on to `next` with the session cookie, or the sign-in page
/// again with the email kept (never the password) and the reason.
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
        Ok(()) => users::sign_in(&state.backend, &input.email, input.password, &ip).await,
        Err(error) => Err(error),
    };
    match outcome {
        Ok((_, token)) => {
            let cookie = sessions::cookie(&token, &state.backend.sessions);
            ([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response()
        }
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
