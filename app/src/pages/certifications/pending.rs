//! The certificates waiting for HR, on the decisions page: whose, which, its facts and
//! document, and the verdict forms.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::holdings::{Verdict, VerdictAlert};
use super::standing_text;
use crate::api::certifications::holdings::pending_certificates;
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::dates::calendar_day;
use crate::components::guard::refusal;
use crate::i18n::{PageText, Text};

/// Where the verdicts given on the decisions page return.
const BACK: &str = "/training/decisions";

#[component]
pub fn PendingCertificates() -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let lang = use_lang();
    let waiting = Resource::new(|| (), |()| pending_certificates());
    let saved = use_query_map().with_untracked(|q| q.get("verdict").is_some());
    view! {
        <h2 id="certificates-heading">{p(PageText::CertificatesToVerify)}</h2>
        {saved.then(|| view! { <p class="alert success" role="status" id="verdict-notice">{p(PageText::VerdictSaved)}</p> })}
        <VerdictAlert />
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                let waiting = match waiting.await {
                    Ok(waiting) => waiting,
                    Err(error) => return refusal(&error),
                };
                if waiting.is_empty() {
                    return view! { <p id="no-certificates-to-verify">{t(Text::NothingHere)}</p> }.into_any();
                }
                view! {
                    <div class="table-wrap">
                        <table class="stacking" id="certificates-to-verify">
                            <thead>
                                <tr>
                                    <th scope="col">{t(Text::Employee)}</th>
                                    <th scope="col">{p(PageText::Certification)}</th>
                                    <th scope="col">{p(PageText::CredentialId)}</th>
                                    <th scope="col">{p(PageText::IssuedOn)}</th>
                                    <th scope="col">{p(PageText::ExpiresOn)}</th>
                                    <th scope="col">{p(PageText::Document)}</th>
                                    <th scope="col">{p(PageText::Verdict)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {waiting.into_iter().map(|w| {
                                    let h = w.holding;
                                    let name = lang.pick(&h.name_it, &h.name_en).to_owned();
                                    let label = format!("{name} – {}", w.employee_name);
                                    view! {
                                        <tr>
                                            <td class="lead-cell"><a href=format!("/employees/{}#certifications-heading", w.employee)>{w.employee_name.clone()}</a></td>
                                            <td data-label=p(PageText::Certification)>
                                                {name}
                                                <span class="muted">{format!(" · {}", standing_text(p, h.standing))}</span>
                                            </td>
                                            <td data-label=p(PageText::CredentialId)>{h.credential_id.clone().unwrap_or_else(|| "–".to_owned())}</td>
                                            <td data-label=p(PageText::IssuedOn)>{calendar_day(lang, h.issued_on)}</td>
                                            <td data-label=p(PageText::ExpiresOn)>{h.expires_on.map_or_else(|| p(PageText::NoExpiry).to_owned(), |d| calendar_day(lang, d))}</td>
                                            <td data-label=p(PageText::Document)>
                                                {h.has_document.then(|| view! { <a href=format!("/certificates/{}/document", h.id)>{p(PageText::Document)}</a> })}
                                            </td>
                                            <td data-label=p(PageText::Verdict)><Verdict holding=h.id name=label back=BACK.to_owned() /></td>
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
    }
}
