//! What a job profile requires, on its page: the certifications and the mandatory courses,
//! each leading to its catalogue.

use leptos::prelude::*;

use crate::api::certifications::compliance::profile_requirements;
use crate::app::{use_lang, use_page_texts};
use crate::i18n::PageText;
use crate::model::{JobProfileId, Requirement};

#[component]
pub fn ProfileRequirements(id: JobProfileId) -> impl IntoView {
    let found = Resource::new(move || id, profile_requirements);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                found.await.ok().map(|columns| view! { <RequirementList columns /> })
            })}
        </Suspense>
    }
}

#[component]
fn RequirementList(columns: Vec<crate::model::RequirementColumn>) -> impl IntoView {
    let p = use_page_texts();
    let lang = use_lang();
    view! {
        <section class="panel" id="profile-requirements">
            <h2>{p(PageText::ProfileRequirementsTitle)}</h2>
            <p class="hint">{p(PageText::ProfileRequirementsHint)}</p>
            {if columns.is_empty() {
                view! { <p>{p(PageText::NoRequirements)}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {columns.into_iter().map(|c| {
                            let (href, kind) = match c.requirement {
                                Requirement::Certification(_) => ("/certifications".to_owned(), p(PageText::Certification)),
                                Requirement::Course(course) => (format!("/courses/{course}"), p(PageText::MandatoryCourse)),
                            };
                            view! {
                                <li>
                                    <a href=href>{lang.pick(&c.name_it, &c.name_en).to_owned()}</a>
                                    <span class="muted">{format!(" · {kind}")}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}
