//! The hire form (`/applications/{id}/hire`), reached from the board's Hired column or the
//! Offer card: the account's email, department, location, manager and first day. A plain form
//! (`forms::employees` on the server); on success, the new employee's page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::employees::hiring::get_hire_form;
use crate::app::{use_lang, use_texts};
use crate::components::form::{FormMessages, FormState, SelectField, TextField};
use crate::components::guard::{Notice, guarded, refusal, set_page_status};
use crate::i18n::Text;
use crate::model::{AppError, ApplicationId, HireForm, HireInput, Permission, Stage};
use crate::pages::{RecordPath, record_path};

/// A hire the server refused, put back on the form: what was typed, and why.
#[derive(Debug, Clone)]
pub struct HireDraft {
    pub input: HireInput,
    pub error: AppError,
}

#[component]
pub fn HirePage() -> impl IntoView {
    guarded(Permission::ManageEmployees, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<ApplicationId>) {
            RecordPath::Existing(id) => view! { <HireLoader id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn HireLoader(id: ApplicationId) -> impl IntoView {
    let t = use_texts();
    let found = Resource::new(move || id, get_hire_form);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <HireView found /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HireView(found: HireForm) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::scoped("hire");
    let draft = use_context::<HireDraft>();
    if let Some(draft) = &draft {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    let title = format!(
        "{} · {}",
        lang.pick(&found.title_it, &found.title_en),
        found.location
    );
    let heading = format!("{}: {}", t(Text::HireTitle), found.name);
    let closed = matches!(
        found.stage,
        Stage::Hired | Stage::Rejected | Stage::Withdrawn
    );
    let input = draft.map(|d| d.input).unwrap_or_else(|| HireInput {
        email: found.email.clone(),
        location: found.location.clone(),
        start_date: chrono::Utc::now().date_naive().to_string(),
        ..HireInput::default()
    });
    let managers: Vec<(String, String)> = std::iter::once((String::new(), "–".to_owned()))
        .chain(
            found
                .choices
                .staff
                .iter()
                .map(|s| (s.id.to_string(), s.name.clone())),
        )
        .collect();
    let action = format!("/applications/{}/hire", found.application_id);
    view! {
        <Title text=heading.clone() />
        <section class="page">
            <p><a href=format!("/candidates/{}", found.candidate_id)>{format!("← {}", found.name)}</a></p>
            <h1>{heading}</h1>
            <p>{format!("{}: {title}", t(Text::Opening))}</p>
            {found.existing.clone().map(|e| view! {
                <p class="alert info" id="hire-existing">
                    {t(Text::HireLinksEmployee)} " " <a href=format!("/employees/{}", e.id)>{e.name}</a>
                </p>
            })}
            {if closed {
                view! { <p class="alert error" role="alert" id="hire-closed">{t(Text::HireClosed)}</p> }.into_any()
            } else {
                view! {
                    <form class="panel" method="post" action=action novalidate id="hire">
                        <FormMessages form />
                        <p class="hint">{t(Text::HireHint)}</p>
                        <TextField name="email" label=t(Text::Email) value=RwSignal::new(input.email) form input_type="email" required=true />
                        {found.existing.clone().map(|e| {
                            let checked = input.link_to == e.id.to_string();
                            view! {
                                <div class="field check">
                                    <label>
                                        <input type="checkbox" name="link_to" value=e.id.to_string() checked=checked />
                                        {format!(" {} ({})", t(Text::HireLinkTo), e.name)}
                                    </label>
                                </div>
                            }
                        })}
                        <div class="grid-2">
                            <TextField name="department" label=t(Text::Department) value=RwSignal::new(input.department) form />
                            <TextField name="location" label=t(Text::Location) value=RwSignal::new(input.location) form />
                        </div>
                        <div class="grid-2">
                            <SelectField name="manager_id" label=t(Text::Manager) value=RwSignal::new(input.manager_id) form options=managers />
                            <TextField name="start_date" label=t(Text::StartDate) value=RwSignal::new(input.start_date) form input_type="date" required=true />
                        </div>
                        <button type="submit" class="primary">{t(Text::Hire)}</button>
                    </form>
                }
                    .into_any()
            }}
        </section>
    }
}
