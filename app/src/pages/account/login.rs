//! The sign-in page. Its form works before and without the browser bundle: it posts to
//! `/login`, which signs in and goes on, or renders this page again with the reason. It leads
//! to the forgotten password's page, and says so when a password has just been reset.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::account::session::login;
use crate::app::{use_page_texts, use_texts};
use crate::components::browser::go_to;
use crate::components::form::{FormMessages, FormState, SubmitButton, TextField};
use crate::components::guard::set_page_status;
use crate::i18n::{PageText, Text};
use crate::model::{AppError, LoginInput, LoginStep};

/// Where a password reset through a mailed link ends: this page, saying so.
pub const PASSWORD_RESET_DONE: &str = "/login?password=reset";

/// A sign-in the server refused when the form was posted without JavaScript: the email typed
/// (never the password), where to go afterwards, and why it was refused.
#[derive(Debug, Clone, Default)]
pub struct LoginDraft {
    pub email: String,
    pub next: String,
    pub error: Option<AppError>,
}

/// Where to go after signing in: a local path only, never another site. Browsers drop tabs
/// and line breaks from an address (`/\t/evil.example` becomes `//evil.example`) and read a
/// backslash as a slash, so a path with any of them, or any other blank or control character,
/// goes home instead.
pub fn safe_next(next: Option<String>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path
                    .chars()
                    .any(|c| c == '\\' || c.is_whitespace() || c.is_control()) =>
        {
            path
        }
        _ => "/".to_owned(),
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_texts();
    let p = use_page_texts();
    let query = use_query_map();
    let draft = use_context::<LoginDraft>().unwrap_or_else(|| LoginDraft {
        next: safe_next(query.with_untracked(|q| q.get("next"))),
        ..LoginDraft::default()
    });
    if let Some(error) = &draft.error {
        set_page_status(error.status());
    }
    let reset = draft.error.is_none()
        && query.with_untracked(|q| q.get("password").as_deref() == Some("reset"));
    view! {
        <Title text=t(Text::SignIn) />
        <section class="page narrow">
            <h1>{t(Text::SignIn)}</h1>
            <p class="lead">{t(Text::Tagline)}</p>
            {reset
                .then(|| {
                    view! {
                        <p class="alert success" role="status" id="password-reset">
                            {p(PageText::PasswordResetDone)}
                        </p>
                    }
                })}
            <LoginForm next=draft.next email=draft.email refused=draft.error />
            <p>
                <a href="/forgot-password">{p(PageText::ForgotLink)}</a>
            </p>
        </section>
    }
}

/// The sign-in form; after signing in, the browser goes to `next` (a local path). `email` and
/// `refused` come back from a refused plain post.
#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
fn LoginForm(next: String, email: String, refused: Option<AppError>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    if let Some(error) = &refused {
        form.fail(error);
    }
    let email = RwSignal::new(email);
    let password = RwSignal::new(String::new());
    let action = Action::new(|input: &LoginInput| {
        let input = input.clone();
        async move { login(input).await }
    });
    let after = next.clone();
    form.follow(action, move |step: LoginStep| go_to(&step.page(&after)));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = LoginInput {
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        if form.check(&input) {
            action.dispatch(input);
        }
    };
    view! {
            <form method="post" action="/login" on:submit=submit novalidate>
                <FormMessages form />
                <input type="hidden" name="next" value=next />
                <TextField
                    name="email"
                    label=t(Text::Email)
                    value=email
                    form=form
                    input_type="email"
                    autocomplete="username"
                    required=true
                />
                <TextField
                    name="password"
                    label=t(Text::Password)
                    value=password
                    form=form
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                />
                <SubmitButton label=t(Text::SignIn) pending=action.pending().into() without_script=true />
            </form>
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn after_sign_in_only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/profiles/3".into())), "/profiles/3");
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\\evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\t/evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\n/evil.example".into())), "/");
        assert_eq!(safe_next(Some("/ /evil.example".into())), "/");
        assert_eq!(safe_next(None), "/");
    }
}
