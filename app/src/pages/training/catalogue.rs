//! The course catalogue (`/courses`): every active course with its kind, hours, the
//! competencies it develops and to what level, the profiles it is mandatory for, how long a
//! completion counts, and its next session; and a course's page (`/courses/{id}`) with its
//! description and sessions to come, where HR plan and remove sessions with plain forms
//! (`forms::courses` on the server). Server-rendered, no bundle.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::course_editor::{NewCoursePage, editor_path};
use crate::api::training::catalogue::{course_catalogue, get_course};
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::dates::{calendar_day, span};
use crate::components::form::{FormMessages, FormState, TextField};
use crate::components::guard::{Notice, guarded, refusal, set_page_status};
use crate::i18n::{Lang, PageText, Text};
use crate::model::{
    AppError, CourseDetail, CourseId, CourseKind, CourseSummary, MOST_PLACES, Permission,
    SessionInput, SessionView,
};

/// A session the server refused, put back on the course's page: what was typed, and why.
#[derive(Debug, Clone)]
pub struct SessionDraft {
    pub input: SessionInput,
    pub error: AppError,
}
use crate::pages::{RecordPath, record_path};

/// The label of a course's kind.
pub fn kind_label(kind: CourseKind) -> Text {
    match kind {
        CourseKind::Internal => Text::CourseInternal,
        CourseKind::External => Text::CourseExternal,
        CourseKind::Seminar => Text::CourseSeminar,
        CourseKind::Elearning => Text::CourseElearning,
    }
}

/// "Customer care (4), Verbal communication (3)".
fn develops(lang: Lang, course: &CourseSummary) -> String {
    course
        .develops
        .iter()
        .map(|d| format!("{} ({})", lang.pick(&d.name_it, &d.name_en), d.level))
        .collect::<Vec<_>>()
        .join(", ")
}

fn mandatory_for(lang: Lang, course: &CourseSummary) -> String {
    course
        .mandatory_for
        .iter()
        .map(|(it, en)| lang.pick(it, en).to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "12 months", or a dash for training that does not recur.
fn validity(t: impl Fn(Text) -> &'static str, months: Option<u32>) -> String {
    months.map_or_else(
        || "–".to_owned(),
        |m| format!("{m} {}", t(Text::MonthsShort)),
    )
}

#[component]
pub fn CataloguePage() -> impl IntoView {
    guarded(Permission::ViewTraining, |user| {
        let edits = user.role.can(Permission::ManageTraining);
        view! { <Catalogue edits /> }
    })
}

/// A "no longer offered" badge for a retired course.
fn retired_badge(p: impl Fn(PageText) -> &'static str, active: bool) -> Option<impl IntoView> {
    (!active).then(|| view! { <span class="badge">{p(PageText::CourseRetired)}</span> })
}

#[component]
fn Catalogue(edits: bool) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let lang = use_lang();
    let courses = Resource::new(|| (), |()| course_catalogue());
    view! {
        <Title text=t(Text::CourseCatalogue) />
        <section class="page">
            <div class="page-head">
                <h1>{t(Text::CourseCatalogue)}</h1>
                {edits.then(|| view! { <a class="button primary" href=editor_path(None)>{p(PageText::NewCourse)}</a> })}
            </div>
            <p class="hint">{t(Text::CourseCatalogueHint)}</p>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let Ok(courses) = courses.await else {
                        return view! { <Notice text=Text::GenericError /> }.into_any();
                    };
                    view! {
                        <div class="table-wrap">
                            <table id="courses" class="stacking">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(Text::Course)}</th>
                                        <th scope="col">{t(Text::CourseKindLabel)}</th>
                                        <th scope="col">{t(Text::Hours)}</th>
                                        <th scope="col">{t(Text::Develops)}</th>
                                        <th scope="col">{t(Text::MandatoryFor)}</th>
                                        <th scope="col">{t(Text::Validity)}</th>
                                        <th scope="col">{t(Text::NextSession)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {courses.into_iter().map(|c| view! {
                                        <tr>
                                            <td data-label=t(Text::Course)>
                                                <a href=format!("/courses/{}", c.id)>{lang.pick(&c.title_it, &c.title_en).to_owned()}</a>
                                                <span class="muted">{format!(" · {}", c.provider)}</span>
                                                {retired_badge(p, c.active)}
                                            </td>
                                            <td data-label=t(Text::CourseKindLabel)>{t(kind_label(c.kind))}</td>
                                            <td data-label=t(Text::Hours)>{c.hours}</td>
                                            <td data-label=t(Text::Develops)>{develops(lang, &c)}</td>
                                            <td data-label=t(Text::MandatoryFor)>{mandatory_for(lang, &c)}</td>
                                            <td data-label=t(Text::Validity)>{validity(t, c.validity_months)}</td>
                                            <td data-label=t(Text::NextSession)>
                                                {c.next_session.as_ref().map_or_else(|| "–".to_owned(), |s| calendar_day(lang, s.starts.date()))}
                                            </td>
                                        </tr>
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
pub fn CoursePage() -> impl IntoView {
    guarded(Permission::ViewTraining, |user| {
        let plans = user.role.can(Permission::ManageTraining);
        let params = use_params_map();
        move || match params.with(record_path::<CourseId>) {
            RecordPath::Existing(id) => view! { <CourseLoader id plans /> }.into_any(),
            RecordPath::New => view! { <NewCoursePage /> }.into_any(),
            RecordPath::Unknown => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn CourseLoader(id: CourseId, plans: bool) -> impl IntoView {
    let t = use_texts();
    let course = Resource::new(move || id, get_course);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match course.await {
                    Ok(course) => view! { <CourseView course plans /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CourseView(course: CourseDetail, plans: bool) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let lang = use_lang();
    let c = &course.summary;
    let page = format!("/courses/{}", c.id);
    let (notice, saved) = use_query_map().with_untracked(|q| {
        let notice = q.get("session").map(|done| {
            if done == "added" {
                t(Text::SessionAdded)
            } else {
                t(Text::SessionRemoved)
            }
        });
        (notice, q.get("saved").is_some())
    });
    let title = lang.pick(&c.title_it, &c.title_en).to_owned();
    view! {
        <Title text=title.clone() />
        <section class="page">
            <p><a href="/courses">{format!("← {}", t(Text::CourseCatalogue))}</a></p>
            <div class="page-head">
                <h1>{title}{retired_badge(p, c.active)}</h1>
                {plans.then(|| view! { <a class="button" id="edit-course" href=editor_path(Some(c.id))>{p(PageText::EditCourse)}</a> })}
            </div>
            {saved.then(|| view! { <p class="alert success" role="status" id="course-notice">{t(Text::Saved)}</p> })}
            <p class="prose">{lang.pick(&course.description_it, &course.description_en).to_owned()}</p>
            <dl class="facts">
                <dt>{t(Text::Provider)}</dt>
                <dd>{c.provider.clone()}</dd>
                <dt>{t(Text::CourseKindLabel)}</dt>
                <dd>{t(kind_label(c.kind))}</dd>
                <dt>{t(Text::Hours)}</dt>
                <dd>{c.hours}</dd>
                <dt>{t(Text::Develops)}</dt>
                <dd id="course-develops">{develops(lang, c)}</dd>
                <dt>{t(Text::MandatoryFor)}</dt>
                <dd>{match mandatory_for(lang, c) {
                    none if none.is_empty() => "–".to_owned(),
                    some => some,
                }}</dd>
                <dt>{t(Text::Validity)}</dt>
                <dd>{validity(t, c.validity_months)}</dd>
            </dl>
            <h2>{t(Text::Sessions)}</h2>
            {notice.map(|n| view! { <p class="alert success" role="status" id="session-notice">{n}</p> })}
            {if course.sessions.is_empty() {
                view! { <p id="no-sessions">{t(Text::NoSessions)}</p> }.into_any()
            } else {
                view! { <SessionsTable sessions=course.sessions.clone() page=page.clone() plans /> }.into_any()
            }}
            {plans.then(|| view! { <AddSession page=page.clone() /> })}
        </section>
    }
}

#[component]
fn SessionsTable(sessions: Vec<SessionView>, page: String, plans: bool) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <div class="table-wrap">
            <table id="sessions" class="stacking">
                <thead>
                    <tr>
                        <th scope="col">{t(Text::When)}</th>
                        <th scope="col">{t(Text::Place)}</th>
                        <th scope="col">{t(Text::Trainer)}</th>
                        <th scope="col">{t(Text::Capacity)}</th>
                        {plans.then(|| view! { <th scope="col"><span class="visually-hidden">{t(Text::Actions)}</span></th> })}
                    </tr>
                </thead>
                <tbody>
                    {sessions.into_iter().map(|s| {
                        let when = span(lang, &s.when);
                        view! {
                            <tr>
                                <td data-label=t(Text::When)>{when.clone()}</td>
                                <td data-label=t(Text::Place)>{s.place.clone()}</td>
                                <td data-label=t(Text::Trainer)>{s.trainer.clone()}</td>
                                <td data-label=t(Text::Capacity)>{s.capacity}</td>
                                {plans.then(|| view! {
                                    <td>
                                        <form method="post" action=page.clone()>
                                            <input type="hidden" name="intent" value="remove" />
                                            <input type="hidden" name="session_id" value=s.id.to_string() />
                                            <button type="submit" class="link danger" aria-label=format!("{} {when}", t(Text::Remove))>
                                                {t(Text::Remove)}
                                            </button>
                                        </form>
                                    </td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// HR's form for a new session; with a refused one in context, what was typed and why.
#[component]
fn AddSession(page: String) -> impl IntoView {
    let t = use_texts();
    let form = FormState::scoped("session");
    let draft = use_context::<SessionDraft>();
    if let Some(draft) = &draft {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    let input = draft.map(|d| d.input).unwrap_or_default();
    let starts_at = RwSignal::new(input.starts_at);
    let ends_at = RwSignal::new(input.ends_at);
    let place = RwSignal::new(input.place);
    let capacity = RwSignal::new(input.capacity);
    let trainer = RwSignal::new(input.trainer);
    view! {
        <form class="panel" method="post" action=page novalidate id="add-session">
            <h2>{t(Text::AddSession)}</h2>
            <FormMessages form />
            <input type="hidden" name="intent" value="add" />
            <p class="hint">{t(Text::SessionTimesHint)}</p>
            <div class="grid-2">
                <TextField name="starts_at" label=t(Text::SessionStarts) value=starts_at form input_type="datetime-local" required=true />
                <TextField name="ends_at" label=t(Text::SessionEnds) value=ends_at form input_type="datetime-local" required=true />
            </div>
            <TextField name="place" label=t(Text::Place) value=place form required=true />
            <div class="grid-2">
                <TextField name="capacity" label=format!("{} (1–{MOST_PLACES})", t(Text::Capacity)) value=capacity form input_type="number" required=true />
                <TextField name="trainer" label=t(Text::Trainer) value=trainer form required=true />
            </div>
            <button type="submit" class="primary">{t(Text::AddSession)}</button>
        </form>
    }
}
