//! The certification catalogue (`/certifications`): each certification with its issuer, how
//! long a certificate is valid, the competencies it proves and the job profiles that require
//! it; and HR's form to add one or change it (`/certifications/new`, `/certifications/{id}`),
//! a plain form whose refusals show beside their fields with everything typed kept.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::certifications::catalogue::{certification_catalogue, certification_editor};
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::catalogue::{CompetencyLevels, ProfileChecklist};
use crate::components::form::{CheckField, FormMessages, FormState, TextField};
use crate::components::guard::{Notice, guarded, refusal, set_page_status};
use crate::i18n::{Lang, PageText, Text};
use crate::model::{
    AppError, CertificationForm, CertificationId, CertificationInput, CertificationSummary,
    MOST_VALIDITY_MONTHS, Permission,
};
use crate::pages::{RecordPath, record_path};

/// A certification the server refused: what was typed, and why.
#[derive(Debug, Clone)]
pub struct CertificationDraft {
    pub input: CertificationInput,
    pub error: AppError,
}

/// "Emergency handling (3), Archive management (4)".
fn proves(lang: Lang, c: &CertificationSummary) -> String {
    c.proves
        .iter()
        .map(|d| format!("{} ({})", lang.pick(&d.name_it, &d.name_en), d.level))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "36 months", or "does not expire".
fn validity(p: impl Fn(PageText) -> &'static str, months: Option<u32>) -> String {
    months.map_or_else(
        || p(PageText::NoExpiry).to_owned(),
        |m| format!("{m} {}", p(PageText::Months)),
    )
}

#[component]
pub fn CertificationsPage() -> impl IntoView {
    guarded(Permission::ViewTraining, |user| {
        let edits = user.role.can(Permission::ManageTraining);
        view! { <Catalogue edits /> }
    })
}

#[component]
fn Catalogue(edits: bool) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let lang = use_lang();
    let saved = use_query_map().with_untracked(|q| q.get("saved").is_some());
    let found = Resource::new(|| (), |()| certification_catalogue());
    view! {
        <Title text=p(PageText::CertificationCatalogue) />
        <section class="page wide">
            <div class="page-head">
                <h1>{p(PageText::CertificationCatalogue)}</h1>
                {edits.then(|| view! { <a class="button primary" href="/certifications/new">{p(PageText::NewCertification)}</a> })}
            </div>
            <p class="hint">{p(PageText::CertificationCatalogueHint)}</p>
            {saved.then(|| view! { <p class="alert success" role="status" id="certification-notice">{t(Text::Saved)}</p> })}
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let found = match found.await {
                        Ok(found) => found,
                        Err(error) => return refusal(&error),
                    };
                    view! {
                        <div class="table-wrap">
                            <table id="certifications" class="stacking">
                                <thead>
                                    <tr>
                                        <th scope="col">{p(PageText::Certification)}</th>
                                        <th scope="col">{p(PageText::Issuer)}</th>
                                        <th scope="col">{p(PageText::Validity)}</th>
                                        <th scope="col">{p(PageText::Proves)}</th>
                                        <th scope="col">{p(PageText::RequiredFor)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {found.into_iter().map(|c| {
                                        let name = lang.pick(&c.name_it, &c.name_en).to_owned();
                                        let required = c.required_for.iter().map(|(it, en)| lang.pick(it, en).to_owned()).collect::<Vec<_>>().join(", ");
                                        view! {
                                            <tr>
                                                <td class="lead-cell">
                                                    {if edits {
                                                        view! { <a href=format!("/certifications/{}", c.id)>{name}</a> }.into_any()
                                                    } else {
                                                        view! { <span>{name}</span> }.into_any()
                                                    }}
                                                    {(!c.active).then(|| view! { <span class="badge">{p(PageText::Retired)}</span> })}
                                                </td>
                                                <td data-label=p(PageText::Issuer)>{c.issuer.clone()}</td>
                                                <td data-label=p(PageText::Validity)>{validity(p, c.validity_months)}</td>
                                                <td data-label=p(PageText::Proves)>{proves(lang, &c)}</td>
                                                <td data-label=p(PageText::RequiredFor)>{if required.is_empty() { "–".to_owned() } else { required }}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn CertificationPage() -> impl IntoView {
    guarded(Permission::ManageTraining, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<CertificationId>) {
            RecordPath::New => view! { <EditorLoader id=None /> }.into_any(),
            RecordPath::Existing(id) => view! { <EditorLoader id=Some(id) /> }.into_any(),
            RecordPath::Unknown => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn EditorLoader(id: Option<CertificationId>) -> impl IntoView {
    let t = use_texts();
    let found = Resource::new(move || id, certification_editor);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <Editor found /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

/// The form: names, issuer, validity, whether it is still offered, a level for each
/// competency it proves and the profiles that require it.
#[component]
fn Editor(found: CertificationForm) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let form = FormState::new();
    let draft = use_context::<CertificationDraft>();
    if let Some(draft) = &draft {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    let errors = draft
        .as_ref()
        .map(|d| d.error.field_errors())
        .unwrap_or_default();
    let input = draft.map_or(found.input, |d| d.input);
    let action = found.id.map_or_else(
        || "/certifications/new".to_owned(),
        |id| format!("/certifications/{id}"),
    );
    let title = if found.id.is_some() {
        p(PageText::EditCertification)
    } else {
        p(PageText::NewCertification)
    };
    view! {
        <Title text=title />
        <section class="page">
            <p><a href="/certifications">{format!("← {}", p(PageText::CertificationCatalogue))}</a></p>
            <h1>{title}</h1>
            <form method="post" action=action novalidate id="certification-form">
                <FormMessages form />
                <div class="grid-2">
                    <TextField name="name_it" label=p(PageText::NameIt) value=RwSignal::new(input.name_it.clone()) form required=true />
                    <TextField name="name_en" label=p(PageText::NameEn) value=RwSignal::new(input.name_en.clone()) form required=true />
                    <TextField name="issuer" label=p(PageText::Issuer) value=RwSignal::new(input.issuer.clone()) form required=true />
                    <TextField
                        name="validity_months"
                        label=format!("{} (1–{MOST_VALIDITY_MONTHS})", p(PageText::ValidityMonths))
                        value=RwSignal::new(input.validity_months.clone())
                        form
                        input_type="number"
                        hint=p(PageText::ValidityHint)
                    />
                </div>
                <CheckField name="active" label=p(PageText::StillOffered) checked=RwSignal::new(input.active) />
                <CompetencyLevels
                    id="proves"
                    legend=p(PageText::ProvesLegend)
                    hint=p(PageText::ProvesHint)
                    competencies=found.competencies
                    levels=input.levels
                    errors=errors.clone()
                />
                <ProfileChecklist id="required-for" legend=p(PageText::RequiredFor) profiles=found.profiles chosen=input.profiles errors />
                <div class="form-actions">
                    <button type="submit" class="primary">{t(Text::Save)}</button>
                </div>
            </form>
        </section>
    }
}
