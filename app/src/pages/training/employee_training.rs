//! An employee's training on their page: their course records, and for HR and their manager
//! the form that gives them a place (a course on one of its sessions, or in the plan) and the
//! forms that decide requests; HR also record outcomes. The forms post to the employee's page
//! (`forms::employees` on the server).

use leptos::prelude::*;

use super::record_list::{RecordActions, RecordTable};
use crate::api::training::catalogue::course_places;
use crate::api::training::records::employee_training;
use crate::app::{use_lang, use_texts};
use crate::components::dates::span;
use crate::components::form::{FormMessages, FormState};
use crate::components::guard::set_page_status;
use crate::i18n::{Text, field_error_message};
use crate::model::{AppError, CoursePlaces, EmployeeId};

/// A place or an outcome the server refused, and why.
#[derive(Debug, Clone)]
pub struct EnrolDraft {
    pub place: String,
    pub error: AppError,
}

#[component]
pub fn EmployeeTraining(id: EmployeeId, hr: bool, manager: bool, page: String) -> impl IntoView {
    let t = use_texts();
    let records = Resource::new(move || id, employee_training);
    let acting = hr || manager;
    let actions = acting.then(|| RecordActions {
        page: page.clone(),
        hr,
        decides: true,
    });
    view! {
        <h2 id="training-heading">{t(Text::Training)}</h2>
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || {
                let actions = actions.clone();
                Suspend::new(async move {
                    match records.await {
                        Ok(records) => view! { <RecordTable records id="training" actions /> }.into_any(),
                        Err(_) => view! { <p>{t(Text::GenericError)}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
        {acting.then(|| view! { <EnrolForm page=page.clone() /> })}
    }
}

/// The value of a place in the enrolment choice: `course` or `course:session`.
pub fn place_value(course: i32, session: Option<i32>) -> String {
    match session {
        Some(session) => format!("{course}:{session}"),
        None => course.to_string(),
    }
}

#[component]
fn EnrolForm(page: String) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::scoped("enrol");
    let draft = use_context::<EnrolDraft>();
    if let Some(draft) = &draft {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    let chosen = draft.map(|d| d.place).unwrap_or_default();
    let places = Resource::new(|| (), |()| course_places());
    let error = move || {
        form.errors.with(|e| {
            e.get("course_id")
                .or_else(|| e.get("session_id"))
                .map(|e| field_error_message(lang, e))
        })
    };
    view! {
        <form class="panel" method="post" action=page novalidate id="enrol">
            <h3>{t(Text::GivePlace)}</h3>
            <FormMessages form />
            <input type="hidden" name="intent" value="enrol" />
            <div class="field" class:invalid=move || error().is_some()>
                <label for="f-enrol-place">{t(Text::CourseAndSession)}</label>
                <Suspense fallback=|| ()>
                    {move || {
                        let chosen = chosen.clone();
                        Suspend::new(async move {
                            let places: Vec<CoursePlaces> = places.await.unwrap_or_default();
                            view! {
                                <select id="f-enrol-place" name="place" aria-describedby="f-enrol-place-error">
                                    <option value="">"–"</option>
                                    {places.into_iter().map(|p| {
                                        let title = lang.pick(&p.course.title_it, &p.course.title_en).to_owned();
                                        let plan = place_value(p.course.id.0, None);
                                        let selected = plan == chosen;
                                        view! {
                                            <optgroup label=title.clone()>
                                                {p.sessions.iter().map(|s| {
                                                    let value = place_value(p.course.id.0, Some(s.id.0));
                                                    let selected = value == chosen;
                                                    view! { <option value=value selected=selected>{format!("{title} · {} · {}", span(lang, &s.when), s.place)}</option> }
                                                }).collect_view()}
                                                <option value=plan selected=selected>{format!("{title} · {}", t(Text::NoSessionYet))}</option>
                                            </optgroup>
                                        }
                                    }).collect_view()}
                                </select>
                            }
                        })
                    }}
                </Suspense>
                <p class="hint">{t(Text::GivePlaceHint)}</p>
                <p class="field-error" id="f-enrol-place-error" aria-live="polite">{error}</p>
            </div>
            <button type="submit" class="primary">{t(Text::GivePlace)}</button>
        </form>
    }
}
