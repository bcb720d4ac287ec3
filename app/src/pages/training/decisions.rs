//! What waits for a decision (`/training/decisions`): training employees logged, for HR to
//! approve or reject with a reason, requests for a place, for the employee's manager or HR
//! to grant or turn down, and certificates uploaded, for HR to verify. Plain forms
//! (`forms::training` and `forms::certifications` on the server), no bundle; a refusal shows
//! on its record's row.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::record_list::{RecordActions, RecordDraft, RecordTable};
use crate::api::training::records::training_decisions;
use crate::app::use_texts;
use crate::components::form::{FormMessages, FormState};
use crate::components::guard::{guarded, refusal, set_page_status};
use crate::i18n::Text;
use crate::model::Permission;
use crate::pages::certifications::holdings::VerdictDraft;
use crate::pages::certifications::pending::PendingCertificates;

/// Where the page's forms post.
pub const DECISIONS_PAGE: &str = "/training/decisions";

#[component]
pub fn DecisionsPage() -> impl IntoView {
    guarded(Permission::OwnAccount, |user| {
        let hr = user.role.can(Permission::ManageEmployees);
        view! { <Decisions hr /> }
    })
}

#[component]
fn Decisions(hr: bool) -> impl IntoView {
    let t = use_texts();
    let waiting = Resource::new(|| (), |()| training_decisions());
    let form = FormState::scoped("decision");
    if let Some(draft) = use_context::<RecordDraft>() {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    if let Some(draft) = use_context::<VerdictDraft>() {
        set_page_status(draft.error.status());
    }
    let done = use_query_map().with_untracked(|q| q.get("decided").is_some());
    let actions = RecordActions {
        page: DECISIONS_PAGE.to_owned(),
        hr,
        decides: true,
    };
    view! {
        <Title text=t(Text::TrainingDecisions) />
        <section class="page wide">
            <p><a href="/training">{format!("← {}", t(Text::MyTraining))}</a></p>
            <h1>{t(Text::TrainingDecisions)}</h1>
            {done.then(|| view! { <p class="alert success" role="status" id="decision-notice">{t(Text::DecisionSaved)}</p> })}
            <FormMessages form />
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || {
                    let actions = actions.clone();
                    Suspend::new(async move {
                        let (reviews, requests) = match waiting.await {
                            Ok(found) => found,
                            Err(error) => return refusal(&error),
                        };
                        view! {
                            {hr.then(|| view! {
                                <h2>{t(Text::LoggedToReview)}</h2>
                                <RecordTable records=reviews id="reviews" actions=Some(actions.clone()) with_names=true />
                            })}
                            <h2>{t(Text::PlacesRequested)}</h2>
                            <RecordTable records=requests id="requests" actions=Some(actions) with_names=true />
                            {hr.then(|| view! { <PendingCertificates /> })}
                        }
                            .into_any()
                    })
                }}
            </Suspense>
        </section>
    }
}
