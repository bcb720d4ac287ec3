//! The certifications a candidate says they hold, on the candidate's page: each with its
//! credential and dates, and for HR a plain form to record one (or remove one recorded by
//! mistake). They become certificates waiting for verification when the candidate is hired.

use leptos::prelude::*;

use crate::api::certifications::stated::stated_certifications;
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::dates::calendar_day;
use crate::components::form::{FormMessages, FormState, SelectField, TextField};
use crate::components::guard::set_page_status;
use crate::i18n::{PageText, Text};
use crate::model::{AppError, CandidateCertifications, CandidateId, HoldingInput};

/// A stated certification the server refused: what was typed, and why.
#[derive(Debug, Clone)]
pub struct StatedDraft {
    pub input: HoldingInput,
    pub error: AppError,
}

#[component]
pub fn StatedCertifications(candidate: CandidateId) -> impl IntoView {
    let found = Resource::new(move || candidate, stated_certifications);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                found.await.ok().map(|found| view! { <StatedList found /> })
            })}
        </Suspense>
    }
}

#[component]
fn StatedList(found: CandidateCertifications) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let lang = use_lang();
    let action = format!("/candidates/{}/certifications", found.candidate);
    view! {
        <h2 id="stated-heading">{p(PageText::StatedCertifications)}</h2>
        <p class="hint">{p(PageText::StatedHint)}</p>
        {if found.items.is_empty() {
            view! { <p id="no-stated">{p(PageText::NoCertificates)}</p> }.into_any()
        } else {
            view! {
                <ul class="plain" id="stated">
                    {found.items.iter().map(|s| {
                        let name = lang.pick(&s.name_it, &s.name_en).to_owned();
                        let facts = format!(
                            "{} · {} {} · {} {}",
                            s.credential_id.clone().unwrap_or_else(|| "–".to_owned()),
                            p(PageText::IssuedOn),
                            calendar_day(lang, s.issued_on),
                            p(PageText::ExpiresOn),
                            s.expires_on.map_or_else(|| p(PageText::NoExpiry).to_owned(), |d| calendar_day(lang, d)),
                        );
                        view! {
                            <li>
                                <strong>{name.clone()}</strong>
                                <span class="muted">{format!(" · {facts}")}</span>
                                {found.editable.then(|| view! {
                                    <form method="post" action=action.clone() class="inline">
                                        <input type="hidden" name="intent" value="remove" />
                                        <input type="hidden" name="stated_id" value=s.id.to_string() />
                                        <button type="submit" class="link-button">
                                            {t(Text::Remove)}
                                            <span class="visually-hidden">{format!(" – {name}")}</span>
                                        </button>
                                    </form>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
                .into_any()
        }}
        {found.editable.then(|| view! { <StateOne found=found.clone() action=action.clone() /> })}
    }
}

/// HR's form to record a certification the candidate says they hold.
#[component]
fn StateOne(found: CandidateCertifications, action: String) -> impl IntoView {
    let p = use_page_texts();
    let lang = use_lang();
    let form = FormState::scoped("stated");
    let draft = use_context::<StatedDraft>();
    if let Some(draft) = &draft {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    let input = draft.map(|d| d.input).unwrap_or_default();
    let choices: Vec<(String, String)> =
        std::iter::once((String::new(), p(PageText::ChooseCertification).to_owned()))
            .chain(
                found
                    .choices
                    .iter()
                    .map(|(id, it, en, _)| (id.to_string(), lang.pick(it, en).to_owned())),
            )
            .collect();
    view! {
        <form class="panel" method="post" action=action novalidate id="state-certification">
            <input type="hidden" name="intent" value="add" />
            <FormMessages form />
            <div class="grid-2">
                <SelectField name="certification_id" label=p(PageText::Certification) value=RwSignal::new(input.certification_id) form options=choices required=true />
                <TextField name="credential_id" label=p(PageText::CredentialId) value=RwSignal::new(input.credential_id) form />
                <TextField name="issued_on" label=p(PageText::IssuedOn) value=RwSignal::new(input.issued_on) form input_type="date" required=true />
                <TextField name="expires_on" label=p(PageText::ExpiresOn) value=RwSignal::new(input.expires_on) form input_type="date" hint=p(PageText::ExpiresOnHint) />
            </div>
            <button type="submit">{p(PageText::RecordStated)}</button>
        </form>
    }
}
