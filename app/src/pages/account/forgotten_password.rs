//! A forgotten password, with plain forms and no bundle: `/forgot-password` asks for the
//! account's email and mails a link to it (the page answers the same whether or not the
//! address has an account); `/reset-password/{token}` chooses the new password through that
//! link, once and within 30 minutes, and then sends its holder to sign in with it. Each form
//! posts to its own page's address (`forms::account` on the server).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::new_password::NewPasswordFields;
use crate::api::account::password_reset::password_reset_link;
use crate::app::{use_page_texts, use_texts};
use crate::components::form::{FormMessages, FormState, TextField};
use crate::components::guard::{refusal, set_page_status};
use crate::i18n::{PageText, Text};
use crate::model::{AppError, ResetLink};

/// An ask for a link the server refused (a malformed address, too many asks from one
/// address): the email typed, and why.
#[derive(Debug, Clone)]
pub struct ForgotDraft {
    pub email: String,
    pub error: AppError,
}

/// A new password the server refused (the fields start empty again), and why.
#[derive(Debug, Clone)]
pub struct ResetDraft {
    pub error: AppError,
}

/// Where the page goes once a link was asked for: it then says that one is on its way.
pub const LINK_ASKED: &str = "/forgot-password?sent=1";

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let p = use_page_texts();
    let sent = use_query_map().with_untracked(|q| q.get("sent").is_some());
    view! {
        <Title text=p(PageText::ForgotTitle) />
        <section class="page narrow notice">
            <h1>{p(PageText::ForgotTitle)}</h1>
            {if sent {
                view! {
                    <p class="alert success" role="status" id="reset-sent">{p(PageText::ResetLinkSent)}</p>
                    <p>{p(PageText::ResetLinkNotArrived)}</p>
                    <ul class="way-on">
                        <li><a href="/forgot-password">{p(PageText::AskAgain)}</a></li>
                        <li><a href="/login">{p(PageText::BackToSignIn)}</a></li>
                    </ul>
                }
                    .into_any()
            } else {
                view! { <AskForLink /> }.into_any()
            }}
        </section>
    }
}

/// The form that asks for a link: the account's email.
#[component]
fn AskForLink() -> impl IntoView {
    let t = use_texts();
    let p = use_page_texts();
    let form = FormState::scoped("forgot");
    let email = RwSignal::new(String::new());
    if let Some(draft) = use_context::<ForgotDraft>() {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
        email.set(draft.email);
    }
    view! {
        <p class="lead">{p(PageText::ForgotLead)}</p>
        <form class="panel" method="post" action="/forgot-password" novalidate id="forgot">
            <FormMessages form />
            <TextField
                name="email"
                label=t(Text::Email)
                value=email
                form
                input_type="email"
                autocomplete="username"
                required=true
            />
            <button type="submit" class="primary">{p(PageText::SendResetLink)}</button>
        </form>
        <p><a href="/login">{p(PageText::BackToSignIn)}</a></p>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let t = use_texts();
    let p = use_page_texts();
    let token = use_params_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let link = Resource::new(move || token.clone(), password_reset_link);
    view! {
        <Title text=p(PageText::ResetTitle) />
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match link.await {
                    Ok(ResetLink::Open { name, email }) => {
                        view! { <ChooseNewPassword name email /> }.into_any()
                    }
                    Ok(ResetLink::Over) => {
                        set_page_status(410);
                        view! { <LinkOver /> }.into_any()
                    }
                    // Never sent, or replaced by a newer one: the same page, as a 404.
                    Err(AppError::NotFound) => {
                        set_page_status(404);
                        view! { <LinkOver /> }.into_any()
                    }
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

/// A link that no longer works, and the ways on: ask for another, or sign in.
#[component]
fn LinkOver() -> impl IntoView {
    let p = use_page_texts();
    view! {
        <section class="page narrow notice">
            <h1>{p(PageText::ResetLinkOverTitle)}</h1>
            <p class="alert error" role="alert" id="reset-over">{p(PageText::ResetLinkOver)}</p>
            <ul class="way-on">
                <li><a href="/forgot-password">{p(PageText::AskForNewLink)}</a></li>
                <li><a href="/login">{p(PageText::BackToSignIn)}</a></li>
            </ul>
        </section>
    }
}

/// The new password, twice, for the account of the link.
#[component]
fn ChooseNewPassword(name: String, email: String) -> impl IntoView {
    let p = use_page_texts();
    let form = FormState::scoped("reset");
    if let Some(draft) = use_context::<ResetDraft>() {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    view! {
        <section class="page narrow">
            <h1>{p(PageText::ResetTitle)}</h1>
            <p class="lead">{p(PageText::ResetLead)}</p>
            <p id="reset-account">
                {format!("{}: {name} ({email})", p(PageText::ResetAccount))}
            </p>
            <form class="panel" method="post" novalidate id="reset">
                <FormMessages form />
                <NewPasswordFields form email />
                <button type="submit" class="primary">{p(PageText::SaveNewPassword)}</button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, PageText};
    use crate::model::RESET_MINUTES;

    #[test]
    fn the_pages_give_the_links_lifetime_in_both_languages() {
        let minutes = format!("{RESET_MINUTES} minut");
        for lang in Lang::ALL {
            for text in [
                PageText::ForgotLead,
                PageText::ResetLinkSent,
                PageText::ResetLinkOver,
            ] {
                assert!(text.get(lang).contains(&minutes), "{text:?} in {lang:?}");
            }
        }
    }
}
