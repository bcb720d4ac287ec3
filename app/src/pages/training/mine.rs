//! "My training" (`/training`): this year's hours against the profile's target, the
//! competencies against the profile as a chart, the courses that would close the gaps with
//! their next sessions and a request for a place, the courses current, planned and done, and
//! training done elsewhere logged with its certificate. Plain forms (`forms::training` on the
//! server), server-rendered, no bundle; the tables fold into cards on a phone.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::catalogue::kind_label;
use super::record_list::RecordTable;
use crate::api::training::catalogue::course_catalogue;
use crate::api::training::records::my_training;
use crate::app::{use_lang, use_texts};
use crate::components::dates::span;
use crate::components::form::{FormMessages, FormState, SelectField, TextField};
use crate::components::guard::{guarded, refusal, set_page_status};
use crate::i18n::{Lang, Text};
use crate::model::{
    AppError, CourseKind, CourseSuggestion, EmployeeCompetency, LogTrainingInput, MAX_UPLOAD_BYTES,
    Permission, TrainingOverview,
};
use crate::pages::careers::FileField;
use crate::pages::certifications::holdings::{HoldingDraft, PersonCertifications};

/// A form of this page the server refused: which (`request` or `log`), what was typed, and
/// why. The certificate is not kept: the hint asks for it again.
#[derive(Debug, Clone)]
pub struct TrainingDraft {
    pub intent: &'static str,
    pub log: LogTrainingInput,
    pub error: AppError,
}

/// The types a certificate may be.
const CERTIFICATE_TYPES: &str = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

#[component]
pub fn MyTrainingPage() -> impl IntoView {
    guarded(Permission::OwnAccount, |_| view! { <MyTrainingLoader /> })
}

#[component]
fn MyTrainingLoader() -> impl IntoView {
    let t = use_texts();
    let page = Resource::new(|| (), |()| my_training());
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <MyTrainingView page /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MyTrainingView(page: TrainingOverview) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let notice = use_query_map().with_untracked(|q| {
        [
            ("requested", Text::PlaceRequested),
            ("logged", Text::TrainingLogged),
        ]
        .into_iter()
        .find(|(key, _)| q.get(key).is_some())
        .map(|(_, text)| t(text))
    });
    let draft = use_context::<TrainingDraft>();
    if let Some(draft) = &draft {
        set_page_status(draft.error.status());
    }
    if let Some(refused) = use_context::<HoldingDraft>() {
        set_page_status(refused.error.status());
    }
    let request_error = draft
        .as_ref()
        .filter(|d| d.intent == "request")
        .map(|d| d.error.clone());
    let log_draft = draft.filter(|d| d.intent == "log");
    let progress = page.progress();
    let induction: Vec<_> = page
        .current
        .iter()
        .chain(&page.planned)
        .filter(|r| r.induction)
        .cloned()
        .collect();
    view! {
        <Title text=t(Text::MyTraining) />
        <section class="page">
            <h1>{t(Text::MyTraining)}</h1>
            {page.profile.as_ref().map(|(it, en)| view! { <p class="lead">{lang.pick(it, en).to_owned()}</p> })}
            {notice.map(|n| view! { <p class="alert success" role="status" id="training-notice">{n}</p> })}
            <div class="panel" id="hours">
                <h2>{format!("{} {}", t(Text::HoursThisYear), page.year)}</h2>
                <p>
                    <strong id="hours-done">{page.hours_this_year}</strong>
                    {format!(" / {} {}", page.target_hours, t(Text::HoursTarget))}
                </p>
                <progress max="100" value=progress.to_string() aria-label=t(Text::HoursThisYear)>
                    {format!("{progress}%")}
                </progress>
            </div>
            {(!induction.is_empty()).then(|| view! {
                <h2>{t(Text::Induction)}</h2>
                <p class="hint">{t(Text::InductionHint)}</p>
                <RecordTable records=induction id="induction" />
            })}
            <h2>{t(Text::MyCompetencies)}</h2>
            <CompetencyChart competencies=page.competencies.clone() lang />
            <h2>{t(Text::Recommended)}</h2>
            <RequestMessages error=request_error />
            {if page.recommended.is_empty() {
                view! { <p id="no-recommendations">{t(Text::NoRecommendations)}</p> }.into_any()
            } else {
                view! {
                    <ul class="cards" id="recommended">
                        {page.recommended.iter().cloned().map(|r| view! { <RecommendedCourse r /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <h2>{t(Text::CurrentCourses)}</h2>
            <RecordTable records=page.current.clone() id="current" />
            <h2>{t(Text::PlannedCourses)}</h2>
            <RecordTable records=page.planned.clone() id="planned" />
            <h2>{t(Text::DoneCourses)}</h2>
            <RecordTable records=page.done.clone() id="done" />
            <LogTraining draft=log_draft />
            <PersonCertifications id=None own=true />
        </section>
    }
}

/// Why a request for a place was refused (the course's card has no fields of its own).
#[component]
fn RequestMessages(error: Option<AppError>) -> impl IntoView {
    let form = FormState::scoped("request");
    if let Some(error) = &error {
        form.fail(error);
    }
    view! { <FormMessages form /> }
}

/// One competency a bar: the level held, and a mark at the level the profile requires.
#[component]
fn CompetencyChart(competencies: Vec<EmployeeCompetency>, lang: Lang) -> impl IntoView {
    let t = use_texts();
    let required: Vec<EmployeeCompetency> = competencies
        .into_iter()
        .filter(|c| c.required_level.is_some() || c.level > 0)
        .collect();
    if required.is_empty() {
        return view! { <p id="no-competencies">{t(Text::NoCompetencyLevels)}</p> }.into_any();
    }
    const ROW: usize = 34;
    const LABEL: usize = 230;
    const STEP: usize = 60;
    let height = ROW * required.len() + 24;
    let width = LABEL + STEP * 5 + 20;
    let summary = required
        .iter()
        .map(|c| {
            format!(
                "{}: {} {}{}",
                lang.pick(&c.name_it, &c.name_en),
                t(Text::Level),
                c.level,
                c.required_level
                    .map(|r| format!(" / {r}"))
                    .unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="chart" id="competency-chart">
            <svg
                viewBox=format!("0 0 {width} {height}")
                role="img"
                aria-label=format!("{}. {summary}", t(Text::MyCompetencies))
                xmlns="http://www.w3.org/2000/svg"
            >
                {(0..=5).map(|n| {
                    let x = LABEL + STEP * n;
                    view! {
                        <line class="grid" x1=x.to_string() x2=x.to_string() y1="0" y2=(height - 20).to_string() />
                        <text class="axis" x=x.to_string() y=(height - 4).to_string() text-anchor="middle">{n}</text>
                    }
                }).collect_view()}
                {required.iter().enumerate().map(|(i, c)| {
                    let y = ROW * i;
                    let gap = c.gap() > 0;
                    view! {
                        <g class:short=gap>
                            <text class="label" x=(LABEL - 8).to_string() y=(y + 21).to_string() text-anchor="end">
                                {lang.pick(&c.name_it, &c.name_en).to_owned()}
                            </text>
                            <rect class="level" x=LABEL.to_string() y=(y + 8).to_string() width=(STEP * usize::from(c.level)).to_string() height="18" />
                            {c.required_level.map(|r| {
                                let x = LABEL + STEP * usize::from(r);
                                view! { <line class="required" x1=x.to_string() x2=x.to_string() y1=(y + 4).to_string() y2=(y + 30).to_string() /> }
                            })}
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption class="hint">{t(Text::ChartLegend)}</figcaption>
        </figure>
        <table class="visually-hidden">
            <caption>{t(Text::MyCompetencies)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(Text::Competency)}</th>
                    <th scope="col">{t(Text::Level)}</th>
                    <th scope="col">{t(Text::RequiredLevel)}</th>
                </tr>
            </thead>
            <tbody>
                {required.iter().map(|c| view! {
                    <tr>
                        <td>{lang.pick(&c.name_it, &c.name_en).to_owned()}</td>
                        <td>{c.level}</td>
                        <td>{c.required_level.map_or_else(|| "–".to_owned(), |r| r.to_string())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// A course that would close a gap, with its next sessions and the request for a place.
#[component]
fn RecommendedCourse(r: CourseSuggestion) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let title = lang.pick(&r.course.title_it, &r.course.title_en).to_owned();
    let closes = r
        .closes
        .iter()
        .map(|(it, en)| lang.pick(it, en).to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    let select_id = format!("session-{}", r.course.id);
    view! {
        <li class="card-item">
            <h3><a href=format!("/courses/{}", r.course.id)>{title.clone()}</a></h3>
            <p class="muted">{format!("{} · {} h", t(kind_label(r.course.kind)), r.course.hours)}</p>
            <p>{format!("{}: {closes}", t(Text::Closes))}</p>
            {if r.asked {
                view! { <p class="badge">{t(Text::AlreadyAsked)}</p> }.into_any()
            } else {
                view! {
                    <form method="post" action="/training" class="request-place">
                        <input type="hidden" name="intent" value="request" />
                        <input type="hidden" name="course_id" value=r.course.id.to_string() />
                        <label for=select_id.clone()>{t(Text::Session)}</label>
                        <select id=select_id name="session_id">
                            {r.sessions.iter().map(|s| view! {
                                <option value=s.id.to_string()>{format!("{} · {}", span(lang, &s.when), s.place)}</option>
                            }).collect_view()}
                            <option value="">{t(Text::NoSessionYet)}</option>
                        </select>
                        <button type="submit">
                            {t(Text::RequestPlace)}
                            <span class="visually-hidden">{format!(" – {title}")}</span>
                        </button>
                    </form>
                }
                    .into_any()
            }}
        </li>
    }
}

/// Training done elsewhere, logged with its certificate for HR to review.
#[component]
fn LogTraining(draft: Option<TrainingDraft>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::scoped("log");
    if let Some(draft) = &draft {
        form.fail(&draft.error);
    }
    let refused = draft.is_some();
    let input = draft.map(|d| d.log).unwrap_or_else(|| LogTrainingInput {
        kind: CourseKind::External.as_str().to_owned(),
        ..LogTrainingInput::default()
    });
    let kinds: Vec<(String, String)> = [
        CourseKind::External,
        CourseKind::Seminar,
        CourseKind::Elearning,
    ]
    .into_iter()
    .map(|k| (k.as_str().to_owned(), t(kind_label(k)).to_owned()))
    .collect();
    let catalogue = Resource::new(|| (), |()| course_catalogue());
    let hint = format!(
        "{} {} MB.{}",
        t(Text::CertificateHint),
        MAX_UPLOAD_BYTES / (1024 * 1024),
        if refused {
            format!(" {}", t(Text::ChooseFileAgain))
        } else {
            String::new()
        }
    );
    let course_id = RwSignal::new(input.course_id.clone());
    view! {
        <form class="panel" method="post" action="/training/log" enctype="multipart/form-data" novalidate id="log-training">
            <h2>{t(Text::LogTraining)}</h2>
            <p class="hint">{t(Text::LogTrainingHint)}</p>
            <FormMessages form />
            <TextField name="title" label=t(Text::TrainingTitle) value=RwSignal::new(input.title) form required=true />
            <div class="grid-2">
                <TextField name="provider" label=t(Text::Provider) value=RwSignal::new(input.provider) form required=true />
                <SelectField name="kind" label=t(Text::CourseKindLabel) value=RwSignal::new(input.kind) form options=kinds />
            </div>
            <div class="grid-2">
                <TextField name="hours" label=t(Text::Hours) value=RwSignal::new(input.hours) form input_type="number" required=true />
                <TextField name="completed_on" label=t(Text::CompletedOn) value=RwSignal::new(input.completed_on) form input_type="date" required=true />
            </div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let courses = catalogue.await.unwrap_or_default();
                    let options: Vec<(String, String)> = std::iter::once((String::new(), t(Text::NotInCatalogue).to_owned()))
                        .chain(courses.iter().filter(|c| c.active).map(|c| (c.id.to_string(), lang.pick(&c.title_it, &c.title_en).to_owned())))
                        .collect();
                    view! { <SelectField name="course_id" label=t(Text::CatalogueCourse) value=course_id form options /> }
                })}
            </Suspense>
            <FileField name="certificate" label=t(Text::Certificate) form accept=CERTIFICATE_TYPES hint=Some(hint) required=true />
            <button type="submit" class="primary">{t(Text::LogTraining)}</button>
        </form>
    }
}
