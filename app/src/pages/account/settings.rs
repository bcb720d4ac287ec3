//! The user's own account: language, time zone, password, and the way to two-step sign-in. Every form here works without
//! JavaScript: the password form posts to `/account`, which changes it and comes back here
//! saying so, or renders this page again with the reason.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::account::settings::change_password;
use crate::api::account::two_factor::my_two_factor;
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::dates::calendar_day;
use crate::components::form::{FormMessages, FormState, SubmitButton, TextField};
use crate::components::guard::{guarded, set_page_status};
use crate::i18n::{Lang, PageText, Text};
use crate::model::{AppError, ChangePasswordInput, Permission, TIME_ZONES};

/// A password change the server refused when the form was posted without JavaScript.
#[derive(Debug, Clone, Default)]
pub struct PasswordDraft {
    pub error: Option<AppError>,
}

#[component]
pub fn AccountPage() -> impl IntoView {
    guarded(Permission::OwnAccount, |user| {
        let t = use_texts();
        let refused = use_context::<PasswordDraft>().and_then(|d| d.error);
        if let Some(error) = &refused {
            set_page_status(error.status());
        }
        let changed =
            use_query_map().with_untracked(|q| q.get("password").as_deref() == Some("changed"));
        view! {
            <Title text=t(Text::AccountTitle) />
            <section class="page narrow">
                <h1>{t(Text::AccountTitle)}</h1>
                <LanguageForm />
                <TimeZoneForm current=user.time_zone.clone() />
                <PasswordForm refused changed />
                <TwoFactorPanel />
            </section>
        }
    })
}

/// Two-step sign-in: on since when, or off, and the way to its page.
#[component]
fn TwoFactorPanel() -> impl IntoView {
    let p = use_page_texts();
    let lang = use_lang();
    let status = Resource::new(|| (), |()| my_two_factor());
    view! {
        <section class="panel" id="two-factor">
            <h2>{p(PageText::TwoFactorTitle)}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    status
                        .await
                        .ok()
                        .map(|status| match status.on_since {
                            Some(at) => {
                                format!(
                                    "{} {}.",
                                    p(PageText::TwoFactorOnSince),
                                    calendar_day(lang, at.date_naive()),
                                )
                            }
                            None => p(PageText::TwoFactorStatusOff).to_owned(),
                        })
                        .map(|said| view! { <p>{said}</p> })
                })}
            </Suspense>
            <a href="/account/two-factor">{p(PageText::ManageTwoFactor)}</a>
        </section>
    }
}

/// The language setting: a plain form posting to the language server function, which sends
/// the browser back here, rendered in the chosen language.
#[component]
fn LanguageForm() -> impl IntoView {
    let t = use_texts();
    let current = use_lang();
    view! {
        <form class="panel" method="post" action="/api/set_language">
            <h2>{t(Text::Language)}</h2>
            <div class="field">
                <label for="f-language">{t(Text::Language)}</label>
                <select id="f-language" name="lang">
                    {Lang::ALL
                        .into_iter()
                        .map(|l| view! { <option value=l.as_str() selected=l == current>{l.native_name()}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="primary">{t(Text::Save)}</button>
        </form>
    }
}

/// The time zone setting: a plain form, like the language's.
#[component]
fn TimeZoneForm(current: String) -> impl IntoView {
    let t = use_texts();
    let mut zones: Vec<&str> = TIME_ZONES.to_vec();
    if !zones.contains(&current.as_str()) {
        zones.insert(0, &current);
    }
    let options = zones
        .into_iter()
        .map(|z| view! { <option value=z.to_owned() selected=z == current>{z.to_owned()}</option> })
        .collect_view();
    view! {
        <form class="panel" method="post" action="/api/set_time_zone">
            <h2>{t(Text::TimeZone)}</h2>
            <div class="field">
                <label for="f-time_zone">{t(Text::TimeZone)}</label>
                <select id="f-time_zone" name="time_zone">{options}</select>
            </div>
            <button type="submit" class="primary">{t(Text::Save)}</button>
        </form>
    }
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
fn PasswordForm(refused: Option<AppError>, changed: bool) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    if let Some(error) = &refused {
        form.fail(error);
    } else if changed {
        form.succeed(Text::PasswordChanged);
    }
    let current = RwSignal::new(String::new());
    let new_password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let save = Action::new(|input: &ChangePasswordInput| {
        let input = input.clone();
        async move { change_password(input).await }
    });
    form.follow(save, move |()| {
        form.succeed(Text::PasswordChanged);
        current.set(String::new());
        new_password.set(String::new());
        confirm.set(String::new());
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = ChangePasswordInput {
            current_password: current.get_untracked(),
            new_password: new_password.get_untracked(),
        };
        match input.check_confirmed(&confirm.get_untracked()) {
            Ok(()) => {
                save.dispatch(input);
            }
            Err(error) => form.fail(&error),
        }
    };
    view! {
        <form class="panel" method="post" action="/account" on:submit=submit novalidate>
            <h2>{t(Text::ChangePassword)}</h2>
            <FormMessages form />
            <TextField
                name="current_password"
                label=t(Text::CurrentPassword)
                value=current
                form=form
                input_type="password"
                autocomplete="current-password"
                required=true
            />
            <TextField
                name="new_password"
                label=t(Text::NewPassword)
                value=new_password
                form=form
                input_type="password"
                autocomplete="new-password"
                hint=t(Text::PasswordHint)
                required=true
            />
            <TextField
                name="confirm"
                label=t(Text::ConfirmPassword)
                value=confirm
                form=form
                input_type="password"
                autocomplete="new-password"
                required=true
            />
            <SubmitButton label=t(Text::ChangePassword) pending=save.pending().into() without_script=true />
        </form>
    }
}
