//! A person's certifications, as "My training" and their record show them: where each
//! requirement of their job profile stands (certifications and mandatory courses), every
//! certificate with its standing, document and earlier renewals; the upload of a certificate
//! (on one's own page); and HR's verification or rejection of one waiting.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{standing_class, standing_text, state_label};
use crate::api::certifications::holdings::certifications_of;
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::dates::calendar_day;
use crate::components::form::{FormMessages, FormState, SelectField, TextField, error_text};
use crate::components::guard::{refusal, set_page_status};
use crate::i18n::{Lang, PageText, Text, field_error_message};
use crate::model::{
    AppError, CertificationsOverview, EmployeeId, HeldCertification, Holding, HoldingId,
    HoldingInput, MAX_UPLOAD_BYTES, PersonCompliance, Requirement, Standing,
};
use crate::pages::careers::FileField;

/// An upload the server refused: what was typed (the document to choose again), and why.
#[derive(Debug, Clone)]
pub struct HoldingDraft {
    pub input: HoldingInput,
    pub error: AppError,
}

/// A verification or rejection the server refused: of which certificate, the reason typed,
/// and why.
#[derive(Debug, Clone)]
pub struct VerdictDraft {
    pub holding: HoldingId,
    pub reason: String,
    pub error: AppError,
}

/// Where the upload form posts.
pub const UPLOAD_PATH: &str = "/training/certificates";

/// The types a certificate's document may be.
const DOCUMENT_TYPES: &str = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

/// A date, or a dash.
fn date_or_dash(lang: Lang, date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| "–".to_owned(), |d| calendar_day(lang, d))
}

/// Loads employee `id`'s certifications (the caller's own with `None`) and shows them; `own`
/// adds the upload form (on "My training").
#[component]
pub fn PersonCertifications(id: Option<EmployeeId>, own: bool) -> impl IntoView {
    let t = use_texts();
    if let Some(draft) = use_context::<VerdictDraft>() {
        set_page_status(draft.error.status());
    }
    let found = Resource::new(move || id, certifications_of);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(overview) => view! { <CertificationsSection overview own /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

/// The person's certifications: compliance, certificates, and the forms the reader may use.
#[component]
pub fn CertificationsSection(overview: CertificationsOverview, own: bool) -> impl IntoView {
    let p = use_page_texts();
    let notice = use_query_map().with_untracked(|q| {
        [
            ("certificate", PageText::CertificateUploaded),
            ("verdict", PageText::VerdictSaved),
        ]
        .into_iter()
        .find(|(key, _)| q.get(key).is_some())
        .map(|(_, text)| p(text))
    });
    let verifies = overview.person.verifies;
    let employee = overview.person.employee;
    view! {
        <h2 id="certifications-heading">{p(PageText::Certifications)}</h2>
        {notice.map(|n| view! { <p class="alert success" role="status" id="certification-notice">{n}</p> })}
        <VerdictAlert />
        <ComplianceList compliance=overview.compliance.clone() />
        <h3>{p(PageText::CertificatesHeld)}</h3>
        {if overview.person.held.is_empty() {
            view! { <p id="no-certificates">{p(PageText::NoCertificates)}</p> }.into_any()
        } else {
            view! {
                <ul class="cards" id="certificates">
                    {overview.person.held.iter().cloned().map(|held| view! { <HeldCard held own verifies back=format!("/employees/{employee}") /> }).collect_view()}
                </ul>
            }
                .into_any()
        }}
        {own.then(|| view! { <AddCertificate overview=overview.clone() /> })}
    }
}

/// Each requirement of the person's job profile, with its state and date: text and a sign,
/// never colour alone.
#[component]
fn ComplianceList(compliance: PersonCompliance) -> impl IntoView {
    let p = use_page_texts();
    let lang = use_lang();
    if compliance.items.is_empty() {
        return view! { <p id="no-requirements">{p(PageText::NoRequirements)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="stacking" id="my-compliance">
                <caption>{p(PageText::ProfileRequires)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{p(PageText::Requirement)}</th>
                        <th scope="col">{p(PageText::State)}</th>
                        <th scope="col">{p(PageText::Date)}</th>
                    </tr>
                </thead>
                <tbody>
                    {compliance.items.into_iter().map(|(column, cell)| {
                        let kind = match column.requirement {
                            Requirement::Certification(_) => p(PageText::Certification),
                            Requirement::Course(_) => p(PageText::MandatoryCourse),
                        };
                        let mut state = format!("{} {}", cell.state.icon(), p(state_label(cell.state)));
                        if cell.renewal_pending {
                            state.push_str(&format!(" · {}", p(PageText::RenewalPending)));
                        }
                        view! {
                            <tr data-state=cell.state.as_str()>
                                <td class="lead-cell">
                                    {lang.pick(&column.name_it, &column.name_en).to_owned()}
                                    <span class="muted">{format!(" · {kind}")}</span>
                                </td>
                                <td data-label=p(PageText::State)><span class=format!("state state-{}", cell.state.as_str())>{state}</span></td>
                                <td data-label=p(PageText::Date)>{date_or_dash(lang, cell.date)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// One certification held: the certificate that counts, HR's verdict forms when it waits,
/// and the earlier ones folded.
#[component]
fn HeldCard(held: HeldCertification, own: bool, verifies: bool, back: String) -> impl IntoView {
    let p = use_page_texts();
    let lang = use_lang();
    let current = held.current.clone();
    let name = lang.pick(&current.name_it, &current.name_en).to_owned();
    let renew = own.then(|| format!("?renew={}#add-certificate", current.certification));
    let earlier = held.history.len();
    view! {
        <li class="card-item" data-certification=current.certification.to_string()>
            <h4>{name.clone()}</h4>
            <HoldingFacts holding=current.clone() />
            {(verifies && current.standing == Standing::Pending).then(|| view! { <Verdict holding=current.id name=name.clone() back=back.clone() /> })}
            {renew.map(|href| view! { <p><a href=href>{p(PageText::Renew)}<span class="visually-hidden">{format!(" – {name}")}</span></a></p> })}
            {(earlier > 0).then(|| view! {
                <details>
                    <summary>{format!("{} ({earlier})", p(PageText::EarlierCertificates))}</summary>
                    <ul class="plain">
                        {held.history.into_iter().map(|h| view! { <li><HoldingFacts holding=h /></li> }).collect_view()}
                    </ul>
                </details>
            })}
        </li>
    }
}

/// A certificate's facts: standing, credential, dates, document and verdict.
#[component]
fn HoldingFacts(holding: Holding) -> impl IntoView {
    let p = use_page_texts();
    let lang = use_lang();
    view! {
        <dl class="facts">
            <dt>{p(PageText::State)}</dt>
            <dd><span class=format!("state {}", standing_class(holding.standing))>{standing_text(p, holding.standing)}</span></dd>
            <dt>{p(PageText::CredentialId)}</dt>
            <dd>{holding.credential_id.clone().unwrap_or_else(|| "–".to_owned())}</dd>
            <dt>{p(PageText::IssuedOn)}</dt>
            <dd>{calendar_day(lang, holding.issued_on)}</dd>
            <dt>{p(PageText::ExpiresOn)}</dt>
            <dd>{holding.expires_on.map_or_else(|| p(PageText::NoExpiry).to_owned(), |d| calendar_day(lang, d))}</dd>
            {holding.verified_by.clone().map(|who| view! {
                <dt>{p(PageText::VerifiedBy)}</dt>
                <dd>{format!("{who}, {}", date_or_dash(lang, holding.verified_on))}</dd>
            })}
            {holding.reason.clone().map(|reason| view! {
                <dt>{p(PageText::RejectionReason)}</dt>
                <dd>{reason}</dd>
            })}
        </dl>
        {holding.has_document.then(|| view! {
            <p><a href=format!("/certificates/{}/document", holding.id)>{p(PageText::Document)}</a></p>
        })}
    }
}

/// Why a verdict was refused, at the top of the list its form was in (the certificate may no
/// longer wait, and its form be gone).
#[component]
pub fn VerdictAlert() -> impl IntoView {
    let lang = use_lang();
    use_context::<VerdictDraft>().map(|draft| {
        view! { <p class="alert error" role="alert" id="verdict-error">{error_text(lang, &draft.error)}</p> }
    })
}

/// HR's verdict on a certificate waiting: verify it, or reject it with a reason.
#[component]
pub fn Verdict(holding: HoldingId, name: String, back: String) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let lang = use_lang();
    let refused = use_context::<VerdictDraft>().filter(|d| d.holding == holding);
    let reason = refused
        .as_ref()
        .map(|d| d.reason.clone())
        .unwrap_or_default();
    let errors = refused
        .as_ref()
        .map(|d| d.error.field_errors())
        .unwrap_or_default();
    let reason_error = errors.get("reason").map(|e| field_error_message(lang, e));
    let action = format!("/certificates/{holding}");
    let reason_id = format!("certificate-reason-{holding}");
    view! {
        <div class="verdict">
            <form method="post" action=action.clone() class="inline">
                <input type="hidden" name="decision" value="approve" />
                <input type="hidden" name="back" value=back.clone() />
                <button type="submit" class="primary">
                    {p(PageText::Verify)}
                    <span class="visually-hidden">{format!(" – {name}")}</span>
                </button>
            </form>
            <form method="post" action=action class="inline">
                <input type="hidden" name="decision" value="reject" />
                <input type="hidden" name="back" value=back />
                <label for=reason_id.clone()>{t(Text::Reason)}</label>
                <input id=reason_id.clone() name="reason" value=reason aria-invalid=reason_error.is_some().to_string() aria-describedby=format!("{reason_id}-error") />
                <button type="submit">
                    {p(PageText::Reject)}
                    <span class="visually-hidden">{format!(" – {name}")}</span>
                </button>
                <p class="field-error" id=format!("{reason_id}-error")>{reason_error}</p>
            </form>
        </div>
    }
}

/// The upload of a certificate of one's own (a renewal is one more of the same), waiting for
/// HR once sent.
#[component]
fn AddCertificate(overview: CertificationsOverview) -> impl IntoView {
    let p = use_page_texts();
    let lang = use_lang();
    let form = FormState::scoped("certificate");
    let draft = use_context::<HoldingDraft>();
    if let Some(draft) = &draft {
        form.fail(&draft.error);
    }
    let refused = draft.is_some();
    let renew = use_query_map().with_untracked(|q| q.get("renew").unwrap_or_default());
    let input = draft.map(|d| d.input).unwrap_or_else(|| HoldingInput {
        certification_id: renew,
        ..HoldingInput::default()
    });
    let choices: Vec<(String, String)> =
        std::iter::once((String::new(), p(PageText::ChooseCertification).to_owned()))
            .chain(overview.choices.iter().map(|(id, it, en, months)| {
                let validity = months.map_or_else(
                    || p(PageText::NoExpiry).to_owned(),
                    |m| format!("{m} {}", p(PageText::Months)),
                );
                (
                    id.to_string(),
                    format!("{} ({validity})", lang.pick(it, en)),
                )
            }))
            .collect();
    let hint = format!(
        "{} {} MB.{}",
        p(PageText::DocumentHint),
        MAX_UPLOAD_BYTES / (1024 * 1024),
        if refused {
            format!(" {}", use_texts()(Text::ChooseFileAgain))
        } else {
            String::new()
        }
    );
    view! {
        <form class="panel" method="post" action=UPLOAD_PATH enctype="multipart/form-data" novalidate id="add-certificate">
            <h3>{p(PageText::AddCertificate)}</h3>
            <p class="hint">{p(PageText::AddCertificateHint)}</p>
            <FormMessages form />
            <SelectField name="certification_id" label=p(PageText::Certification) value=RwSignal::new(input.certification_id) form options=choices required=true />
            <TextField name="credential_id" label=p(PageText::CredentialId) value=RwSignal::new(input.credential_id) form />
            <div class="grid-2">
                <TextField name="issued_on" label=p(PageText::IssuedOn) value=RwSignal::new(input.issued_on) form input_type="date" required=true />
                <TextField name="expires_on" label=p(PageText::ExpiresOn) value=RwSignal::new(input.expires_on) form input_type="date" hint=p(PageText::ExpiresOnHint) />
            </div>
            <FileField name="document" label=p(PageText::Document) form accept=DOCUMENT_TYPES hint=Some(hint) required=true />
            <button type="submit" class="primary">{p(PageText::AddCertificate)}</button>
        </form>
    }
}
