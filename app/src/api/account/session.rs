//! Signing in and out, who is signed in, and the language of the UI.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::i18n::Lang;
use crate::model::{AppError, LoginInput, LoginStep, SessionInfo};

/// Name of the cookie that keeps the language of visitors who are not signed in.
pub const LANG_COOKIE: &str = "percorso_lang";

/// Who is signed in, and the language to speak to them: known from the request, so every
/// page starts its own queries at once.
#[server(endpoint = "session", input = Json)]
pub async fn current_session() -> Result<SessionInfo, AppError> {
    use crate::server::accounts::auth;
    Ok(SessionInfo {
        user: auth::public().map(|u| u.session_user()),
        lang: auth::request_lang(),
    })
}

/// Signs in with email and password: sets the session cookie (and the device cookie of a
/// browser new to the account), or, for an account that signs in with a second factor, the
/// cookie of the sign-in waiting for it; says which.
#[server(endpoint = "login", input = Json)]
pub async fn login(input: LoginInput) -> Result<LoginStep, AppError> {
    use crate::model::validate;
    use crate::server::Backend;
    use crate::server::accounts::sign_in::{self, AfterPassword};
    use crate::server::accounts::{auth, devices};
    auth::public();
    validate(&input)?;
    let backend = Backend::current()?;
    let after = sign_in::with_password(
        &backend,
        &input.email,
        input.password,
        &auth::client_ip(),
        auth::request_cookie(devices::COOKIE).as_deref(),
        chrono::Utc::now(),
    )
    .await?;
    match after {
        AfterPassword::SignedIn(signed_in) => {
            for cookie in sign_in::cookies(&signed_in, &backend.sessions) {
                crate::api::set_cookie(&cookie);
            }
            Ok(LoginStep::Done)
        }
        AfterPassword::SecondFactor { step, challenge } => {
            crate::api::set_cookie(&sign_in::challenge_cookie(&challenge, &backend.sessions));
            Ok(step)
        }
    }
}

/// Ends the caller's session, if any, and clears the cookie. The header's sign-out button is a
/// plain form posting here (URL-encoded), so it works before and without the browser bundle;
/// the browser is then sent to the sign-in page.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::{Backend, accounts::auth, accounts::sessions};
    let backend = Backend::current()?;
    if let Some(user) = auth::public() {
        sessions::end_by_id(&backend.db, user.session_id).await?;
        tracing::info!(user_id = %user.id, "signed out");
    }
    crate::api::set_cookie(&sessions::clearing_cookie(&backend.sessions));
    leptos_axum::redirect("/login");
    Ok(())
}

/// Switches the UI language: saved on the account if signed in, and in a cookie in any case.
/// The language switch is a plain form posting here (URL-encoded); the browser then goes back
/// to the page it came from, rendered in the new language.
#[server(endpoint = "set_language")]
pub async fn set_language(lang: Lang) -> Result<(), AppError> {
    use crate::server::{Backend, accounts::auth, accounts::users};
    if let Some(me) = auth::public() {
        let backend = Backend::current()?;
        users::set_language(&backend.db, &me, lang).await?;
    }
    crate::api::set_cookie(&format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.as_str()
    ));
    Ok(())
}
