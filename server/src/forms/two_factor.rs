//! Two-step sign-in without JavaScript: the second step of a sign-in (`/login/code`, and
//! `/login/two-factor` for a role that requires a second factor not set up yet) and one's own
//! second factor (`/account/two-factor`: turn on, new recovery codes, turn off). Recovery codes
//! made by a post are shown once, on the page that answers it.

use app::model::{AppError, CodeInput, Permission, validate};
use app::pages::account::login::safe_next;
use app::pages::account::second_step::SecondStepDraft;
use app::pages::account::two_factor::{RecoveryCodesShown, TURNED_OFF, TwoFactorDraft};
use app::server::accounts::{auth, devices, second_factor, sign_in};
use axum::Form;
use axum::extract::State;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use super::{allowed, log_if_internal, render_again, with_cookies};
use crate::startup::AppState;

/// A second step's form: the code, and where to go once signed in.
#[derive(Debug, Deserialize)]
pub struct CodeFields {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

fn checked(code: String) -> Result<String, AppError> {
    let input = CodeInput { code };
    validate(&input)?;
    Ok(input.code)
}

/// Completes the sign-in waiting in this browser with a code: on to `next` signed in, or the
/// page again with the reason.
pub async fn code(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<CodeFields>,
) -> Response {
    let next = safe_next(Some(fields.next));
    let backend = &state.backend;
    let outcome = match checked(fields.code) {
        Ok(code) => {
            sign_in::with_code(
                backend,
                &auth::cookie_of(&parts, sign_in::CHALLENGE_COOKIE).unwrap_or_default(),
                &code,
                &auth::client_ip_of(&parts),
                auth::cookie_of(&parts, devices::COOKIE).as_deref(),
                Utc::now(),
            )
            .await
        }
        Err(error) => Err(error),
    };
    match outcome {
        Ok(signed_in) => with_cookies(
            Redirect::to(&next),
            sign_in::cookies(&signed_in, &backend.sessions),
        ),
        Err(error) => {
            log_if_internal("sign-in code", &error);
            render_again(state, parts, SecondStepDraft { error }).await
        }
    }
}

/// Turns on the second factor being set up for the sign-in waiting in this browser and
/// completes it: the recovery codes, shown once, with the session cookie; or the page again
/// with the reason.
pub async fn set_up(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<CodeFields>,
) -> Response {
    let backend = state.backend.clone();
    let outcome = match checked(fields.code) {
        Ok(code) => {
            sign_in::with_new_second_factor(
                &backend,
                &auth::cookie_of(&parts, sign_in::CHALLENGE_COOKIE).unwrap_or_default(),
                &code,
                &auth::client_ip_of(&parts),
                auth::cookie_of(&parts, devices::COOKIE).as_deref(),
                Utc::now(),
            )
            .await
        }
        Err(error) => Err(error),
    };
    match outcome {
        Ok((signed_in, codes)) => {
            let page = render_again(state, parts, RecoveryCodesShown(codes)).await;
            with_cookies(page, sign_in::cookies(&signed_in, &backend.sessions))
        }
        Err(error) => {
            log_if_internal("second factor set-up at sign-in", &error);
            render_again(state, parts, SecondStepDraft { error }).await
        }
    }
}

/// A form of one's own second factor: which (`on`, `codes`, `off`) and the code proving it.
#[derive(Debug, Deserialize)]
pub struct OwnFields {
    #[serde(default)]
    action: String,
    #[serde(default)]
    code: String,
}

/// Turns one's second factor on (the recovery codes shown once), makes new recovery codes, or
/// turns it off (back to the page saying so); or the page again with the reason on the form
/// posted.
pub async fn own(
    State(state): State<AppState>,
    parts: Parts,
    Form(fields): Form<OwnFields>,
) -> Response {
    let me = match allowed(
        &state,
        &parts,
        Permission::OwnAccount,
        "/account/two-factor",
    )
    .await
    {
        Ok(me) => me,
        Err(response) => return response,
    };
    let form: &'static str = match fields.action.as_str() {
        "on" => "on",
        "codes" => "codes",
        "off" => "off",
        _ => return axum::http::StatusCode::BAD_REQUEST.into_response(),
    };
    let backend = &state.backend;
    let ip = auth::client_ip_of(&parts);
    let now = Utc::now();
    let outcome = match checked(fields.code) {
        Ok(code) => match form {
            "on" => second_factor::turn_on(backend, &me, &code, &ip, now)
                .await
                .map(Some),
            "codes" => second_factor::renew_recovery_codes(backend, &me, &code, &ip, now)
                .await
                .map(Some),
            _ => second_factor::turn_off(backend, &me, &code, &ip, now)
                .await
                .map(|()| None),
        },
        Err(error) => Err(error),
    };
    match outcome {
        Ok(Some(codes)) => render_again(state, parts, RecoveryCodesShown(codes)).await,
        Ok(None) => Redirect::to(TURNED_OFF).into_response(),
        Err(error) => {
            log_if_internal("second factor", &error);
            render_again(state, parts, TwoFactorDraft { form, error }).await
        }
    }
}
