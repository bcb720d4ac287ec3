//! The interview kit: the profile's competencies by weight, each with its required level, the
//! behaviour of every level and the suggested questions; and the same as a page to print, with
//! room for notes, for interviewers who write on paper.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::interviews::scheduling::get_interview;
use crate::app::{use_lang, use_texts};
use crate::components::dates::span;
use crate::components::guard::{Notice, guarded, set_page_status};
use crate::i18n::Text;
use crate::model::{AppError, InterviewId, Kit, Permission};
use crate::pages::{RecordPath, record_path};

/// The kit, each competency folded under its name.
#[component]
pub fn KitView(kit: Kit) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <div class="kit">
            {kit.competencies
                .into_iter()
                .map(|c| view! {
                    <details class="kit-competency">
                        <summary>
                            <strong>{lang.pick(&c.name_it, &c.name_en).to_owned()}</strong>
                            <span class="muted">
                                {format!(" · {} {} · {} {}", t(Text::Weight), c.weight, t(Text::RequiredLevel), c.required_level)}
                            </span>
                        </summary>
                        <h4>{t(Text::SuggestedQuestions)}</h4>
                        <ul class="questions">
                            {c.questions.iter().map(|(it, en)| view! { <li>{lang.pick(it, en).to_owned()}</li> }).collect_view()}
                        </ul>
                        <h4>{t(Text::Levels)}</h4>
                        <ol class="levels">
                            {c.levels.iter().map(|(it, en)| view! { <li>{lang.pick(it, en).to_owned()}</li> }).collect_view()}
                        </ol>
                    </details>
                })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn KitPrintPage() -> impl IntoView {
    guarded(Permission::Interview, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<InterviewId>) {
            RecordPath::Existing(id) => view! { <PrintableKit id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn PrintableKit(id: InterviewId) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let detail = Resource::new(move || id, get_interview);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                let detail = match detail.await {
                    Ok(detail) => detail,
                    Err(AppError::NotFound) => {
                        set_page_status(404);
                        return view! { <Notice text=Text::NotFound /> }.into_any();
                    }
                    Err(AppError::Forbidden) => {
                        set_page_status(403);
                        return view! { <Notice text=Text::Forbidden /> }.into_any();
                    }
                    Err(_) => return view! { <Notice text=Text::GenericError /> }.into_any(),
                };
                let s = detail.summary;
                let title = format!("{} · {} · {}", t(Text::Kit), s.candidate_name, lang.pick(&s.opening_title_it, &s.opening_title_en));
                view! {
                    <Title text=title.clone() />
                    <section class="page printable-kit">
                        <p class="no-print"><a href=format!("/interviews/{id}")>{format!("← {}", t(Text::InterviewTitle))}</a></p>
                        <h1>{title}</h1>
                        <p>
                            {format!("{} · {} · {}", t(s.kind.label()), span(lang, &s.local), s.panel.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", "))}
                        </p>
                        {detail.kit.competencies.into_iter().map(|c| view! {
                            <section class="kit-page">
                                <h2>{lang.pick(&c.name_it, &c.name_en).to_owned()}</h2>
                                <p class="muted">{format!("{} {} · {} {}", t(Text::Weight), c.weight, t(Text::RequiredLevel), c.required_level)}</p>
                                <h3>{t(Text::SuggestedQuestions)}</h3>
                                <ol class="questions">
                                    {c.questions.iter().map(|(it, en)| view! { <li>{lang.pick(it, en).to_owned()}</li> }).collect_view()}
                                </ol>
                                <h3>{t(Text::Levels)}</h3>
                                <ol class="levels">
                                    {c.levels.iter().map(|(it, en)| view! { <li><span class="box" aria-hidden="true"></span>{lang.pick(it, en).to_owned()}</li> }).collect_view()}
                                </ol>
                                <h3>{t(Text::Evidence)}</h3>
                                <div class="notes-space" aria-hidden="true"></div>
                            </section>
                        }).collect_view()}
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}
