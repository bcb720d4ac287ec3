//! The course catalogue (`/courses`): every active course with its kind, hours, the
//! competencies it develops and to what level, the profiles it is mandatory for, how long a
//! completion counts, and its next session; and a course's page (`/courses/{id}`) with its
//! description and sessions to come. Server-rendered, no bundle.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::training::catalogue::{course_catalogue, get_course};
use crate::app::{use_lang, use_texts};
use crate::components::dates::{calendar_day, span};
use crate::components::guard::{Notice, guarded, refusal};
use crate::i18n::{Lang, Text};
use crate::model::{CourseDetail, CourseId, CourseKind, CourseSummary, Permission};
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
    guarded(Permission::ViewTraining, |_| view! { <Catalogue /> })
}

#[component]
fn Catalogue() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let courses = Resource::new(|| (), |()| course_catalogue());
    view! {
        <Title text=t(Text::CourseCatalogue) />
        <section class="page">
            <h1>{t(Text::CourseCatalogue)}</h1>
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
    guarded(Permission::ViewTraining, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<CourseId>) {
            RecordPath::Existing(id) => view! { <CourseLoader id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn CourseLoader(id: CourseId) -> impl IntoView {
    let t = use_texts();
    let course = Resource::new(move || id, get_course);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match course.await {
                    Ok(course) => view! { <CourseView course /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CourseView(course: CourseDetail) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let c = &course.summary;
    let title = lang.pick(&c.title_it, &c.title_en).to_owned();
    view! {
        <Title text=title.clone() />
        <section class="page">
            <p><a href="/courses">{format!("← {}", t(Text::CourseCatalogue))}</a></p>
            <h1>{title}</h1>
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
            {if course.sessions.is_empty() {
                view! { <p id="no-sessions">{t(Text::NoSessions)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table id="sessions" class="stacking">
                            <thead>
                                <tr>
                                    <th scope="col">{t(Text::When)}</th>
                                    <th scope="col">{t(Text::Place)}</th>
                                    <th scope="col">{t(Text::Trainer)}</th>
                                    <th scope="col">{t(Text::Capacity)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {course.sessions.iter().map(|s| view! {
                                    <tr>
                                        <td data-label=t(Text::When)>{span(lang, &s.when)}</td>
                                        <td data-label=t(Text::Place)>{s.place.clone()}</td>
                                        <td data-label=t(Text::Trainer)>{s.trainer.clone()}</td>
                                        <td data-label=t(Text::Capacity)>{s.capacity}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}
