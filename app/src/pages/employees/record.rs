//! An employee's page (`/employees/{id}`, and `/me` for one's own): the record, whether the
//! account has its password, the competencies against the job profile, the team, and one
//! timeline from the first application to today. HR change the record and send a new welcome
//! link with plain forms (`forms::employees` on the server). Server-rendered, no bundle.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::employees::records::{get_employee, list_employee_choices, my_employee_record};
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::dates::{calendar_day, date_time, day};
use crate::components::form::{FormMessages, FormState, SelectField, TextField};
use crate::components::guard::{Notice, guarded, refusal, set_page_status};
use crate::i18n::{Lang, PageText, Text};
use crate::model::{
    AppError, CareerEntry, CareerEvent, EmployeeChoices, EmployeeCompetency, EmployeeDetail,
    EmployeeId, EmployeeInput, EmployeeStatus, InvitationState, LevelSource, Permission,
};
use crate::pages::certifications::holdings::PersonCertifications;
use crate::pages::training::employee_training::EmployeeTraining;
use crate::pages::{RecordPath, record_path};

/// A change HR made that the server refused, put back on the page: what was typed (none for
/// the invitation form), and why.
#[derive(Debug, Clone)]
pub struct EmployeeDraft {
    pub input: Option<EmployeeInput>,
    pub error: AppError,
}

#[component]
pub fn EmployeePage() -> impl IntoView {
    guarded(Permission::OwnAccount, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<EmployeeId>) {
            RecordPath::Existing(id) => view! { <EmployeeLoader id=Some(id) /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

/// One's own record.
#[component]
pub fn MyRecordPage() -> impl IntoView {
    guarded(
        Permission::OwnAccount,
        |_| view! { <EmployeeLoader id=None /> },
    )
}

#[component]
fn EmployeeLoader(id: Option<EmployeeId>) -> impl IntoView {
    let t = use_texts();
    let record = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_employee(id).await,
                None => my_employee_record().await,
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(record) => view! { <EmployeeView record /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

fn source_label(source: Option<LevelSource>) -> Text {
    match source {
        Some(LevelSource::Assessment) => Text::LevelFromAssessment,
        Some(LevelSource::Course) => Text::LevelFromCourse,
        Some(LevelSource::Certification) => Text::LevelFromCertification,
        None => Text::LevelNotShown,
    }
}

/// What a line of the timeline says happened.
fn event_text(t: impl Fn(Text) -> &'static str, event: &CareerEvent) -> String {
    match event {
        CareerEvent::Applied => t(Text::TimelineApplied).to_owned(),
        CareerEvent::Moved(stage) => format!("{} {}", t(Text::TimelineMoved), t(stage.label())),
        CareerEvent::Interview => t(Text::TimelineInterview).to_owned(),
        CareerEvent::PracticalTest => t(Text::TimelinePracticalTest).to_owned(),
        CareerEvent::OnlineTest => t(Text::TimelineOnlineTest).to_owned(),
        CareerEvent::Hired => t(Text::TimelineHired).to_owned(),
        CareerEvent::Started => t(Text::TimelineStarted).to_owned(),
        CareerEvent::CourseCompleted => t(Text::TimelineCourse).to_owned(),
    }
}

#[component]
fn EmployeeView(record: EmployeeDetail) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let lang = use_lang();
    let row = record.row.clone();
    let page = format!("/employees/{}", row.id);
    let notice = use_query_map().with_untracked(|q| {
        [
            ("hired", Text::EmployeeHired),
            ("saved", Text::EmployeeSaved),
            ("invited", Text::InvitationSent),
        ]
        .into_iter()
        .find(|(key, _)| q.get(key).is_some())
        .map(|(_, text)| t(text))
        .or_else(|| {
            q.get("training").map(|done| match done.as_str() {
                "enrolled" => t(Text::PlaceGiven),
                "waiting" => t(Text::PlaceWaiting),
                "planned" => t(Text::PlacePlanned),
                "recorded" => t(Text::OutcomeRecorded),
                _ => t(Text::DecisionSaved),
            })
        })
    });
    let draft = use_context::<EmployeeDraft>();
    let invitation_error = draft
        .as_ref()
        .filter(|d| d.input.is_none())
        .map(|d| d.error.clone());
    view! {
        <Title text=row.name.clone() />
        <section class="page">
            {record.editable.then(|| view! { <p><a href="/employees">{format!("← {}", t(Text::EmployeesTitle))}</a></p> })}
            <h1>{row.name.clone()}</h1>
            {notice.map(|n| view! { <p class="alert success" role="status" id="employee-notice">{n}</p> })}
            <dl class="facts" id="employee-facts">
                <dt>{t(Text::Email)}</dt>
                <dd>{row.email.clone()}</dd>
                <dt>{t(Text::JobProfile)}</dt>
                <dd>{row.profile.as_ref().map_or_else(|| "–".to_owned(), |p| lang.pick(&p.title_it, &p.title_en).to_owned())}</dd>
                <dt>{t(Text::Department)}</dt>
                <dd>{or_dash(&row.department)}</dd>
                <dt>{t(Text::Location)}</dt>
                <dd>{or_dash(&row.location)}</dd>
                <dt>{t(Text::Manager)}</dt>
                <dd>{row.manager.as_ref().map_or_else(|| "–".to_owned(), |m| m.name.clone())}</dd>
                <dt>{t(Text::StartDate)}</dt>
                <dd>{row.start_date.map_or_else(|| "–".to_owned(), |d| calendar_day(lang, d))}</dd>
                <dt>{t(Text::Status)}</dt>
                <dd>{t(row.status.label())}</dd>
            </dl>
            {(record.editable && record.candidate_id.is_some()).then(|| view! {
                <p><a href=format!("/candidates/{}", record.candidate_id.map(|c| c.0).unwrap_or_default())>{t(Text::CandidateRecord)}</a></p>
            })}
            <Invitation state=record.invitation editable=record.editable page=page.clone() error=invitation_error />
            <h2>{t(Text::Competencies)}</h2>
            <CompetencyTable competencies=record.competencies.clone() />
            {(!record.reports.is_empty()).then(|| view! {
                <h2>{t(Text::Team)}</h2>
                <ul id="team">
                    {record.reports.iter().map(|r| view! { <li><a href=format!("/employees/{}", r.id)>{r.name.clone()}</a></li> }).collect_view()}
                </ul>
            })}
            <EmployeeTraining id=row.id hr=record.editable manager=record.manages page=page.clone() />
            <PersonCertifications id=Some(row.id) own=false />
            {(!record.timeline.is_empty()).then(|| view! {
                <h2>{t(Text::Timeline)}</h2>
                <Timeline entries=record.timeline.clone() lang />
            })}
            {(record.editable || !record.manages).then(|| view! {
                <h2>{p(PageText::PersonalData)}</h2>
                <p class="hint">{p(PageText::EmployeeExportHint)}</p>
                <p><a class="button" id="employee-export" href=format!("/employees/{}/export.zip", row.id) download>{p(PageText::EmployeeExport)}</a></p>
            })}
            {record.editable.then(|| view! { <EditRecord record=record.clone() page=page.clone() /> })}
        </section>
    }
}

fn or_dash(value: &str) -> String {
    if value.is_empty() {
        "–".to_owned()
    } else {
        value.to_owned()
    }
}

/// Whether the account has its password; for HR, a new link when the last one ran out.
#[component]
fn Invitation(
    state: InvitationState,
    editable: bool,
    page: String,
    error: Option<AppError>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::scoped("invite");
    if let Some(error) = &error {
        form.fail(error);
        set_page_status(error.status());
    }
    let (text, can_send) = match state {
        InvitationState::Accepted => return ().into_any(),
        InvitationState::Pending(until) => (
            format!("{} {}", t(Text::InvitationPending), date_time(lang, &until)),
            true,
        ),
        InvitationState::Expired => (t(Text::InvitationExpired).to_owned(), true),
    };
    view! {
        <div class="panel" id="invitation">
            <p>{text}</p>
            {(editable && can_send).then(|| view! {
                <form method="post" action=page>
                    <FormMessages form />
                    <input type="hidden" name="intent" value="invite" />
                    <button type="submit">{t(Text::SendInvitationAgain)}</button>
                </form>
            })}
        </div>
    }
    .into_any()
}

#[component]
fn CompetencyTable(competencies: Vec<EmployeeCompetency>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    if competencies.is_empty() {
        return view! { <p id="no-competencies">{t(Text::NoCompetencyLevels)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="stacking" id="competencies">
                <thead>
                    <tr>
                        <th scope="col">{t(Text::Competency)}</th>
                        <th scope="col">{t(Text::Level)}</th>
                        <th scope="col">{t(Text::RequiredLevel)}</th>
                        <th scope="col">{t(Text::Gap)}</th>
                        <th scope="col">{t(Text::LevelSource)}</th>
                    </tr>
                </thead>
                <tbody>
                    {competencies.into_iter().map(|c| {
                        let gap = c.gap();
                        let short = gap > 0;
                        view! {
                            <tr class:gap=short>
                                <td class="lead-cell">{lang.pick(&c.name_it, &c.name_en).to_owned()}</td>
                                <td data-label=t(Text::Level)>{c.level}</td>
                                <td data-label=t(Text::RequiredLevel)>{c.required_level.map_or_else(|| "–".to_owned(), |r| r.to_string())}</td>
                                <td data-label=t(Text::Gap)>{if gap > 0 { gap.to_string() } else { "–".to_owned() }}</td>
                                <td data-label=t(Text::LevelSource)>{t(source_label(c.source))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Timeline(entries: Vec<CareerEntry>, lang: Lang) -> impl IntoView {
    let t = use_texts();
    if entries.is_empty() {
        return view! { <p id="no-timeline">{t(Text::NoTimeline)}</p> }.into_any();
    }
    view! {
        <ol class="timeline" id="timeline">
            {entries.into_iter().map(|e| {
                let title = lang.pick(&e.title_it, &e.title_en).to_owned();
                view! {
                    <li>
                        <time datetime=e.at.to_rfc3339()>{day(lang, &e.at)}</time>
                        " "
                        <strong>{event_text(t, &e.event)}</strong>
                        {(!title.is_empty()).then(|| format!(" · {title}"))}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// HR's form for the record; with a refused change in context, what was typed and why.
#[component]
fn EditRecord(record: EmployeeDetail, page: String) -> impl IntoView {
    let t = use_texts();
    let choices = Resource::new(|| (), |()| list_employee_choices());
    let draft = use_context::<EmployeeDraft>().filter(|d| d.input.is_some());
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (record, page, draft) = (record.clone(), page.clone(), draft.clone());
                Suspend::new(async move {
                    let choices = choices.await.unwrap_or_default();
                    view! { <EditForm record page draft choices /> }
                })
            }}
        </Suspense>
        <p class="hint">{t(Text::EmployeeFormHint)}</p>
    }
}

#[component]
fn EditForm(
    record: EmployeeDetail,
    page: String,
    draft: Option<EmployeeDraft>,
    choices: EmployeeChoices,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::scoped("employee");
    if let Some(draft) = &draft {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    let row = &record.row;
    let input = draft
        .and_then(|d| d.input)
        .unwrap_or_else(|| EmployeeInput {
            profile_id: row
                .profile
                .as_ref()
                .map(|p| p.id.to_string())
                .unwrap_or_default(),
            department: row.department.clone(),
            location: row.location.clone(),
            manager_id: row
                .manager
                .as_ref()
                .map(|m| m.id.to_string())
                .unwrap_or_default(),
            start_date: row.start_date.map(|d| d.to_string()).unwrap_or_default(),
            status: row.status.as_str().to_owned(),
        });
    let none = (String::new(), "–".to_owned());
    let profiles: Vec<(String, String)> = std::iter::once(none.clone())
        .chain(choices.profiles.iter().map(|p| {
            (
                p.id.to_string(),
                lang.pick(&p.title_it, &p.title_en).to_owned(),
            )
        }))
        .collect();
    let managers: Vec<(String, String)> = std::iter::once(none)
        .chain(
            choices
                .staff
                .iter()
                .filter(|s| s.id != row.id)
                .map(|s| (s.id.to_string(), s.name.clone())),
        )
        .collect();
    let statuses: Vec<(String, String)> = EmployeeStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), t(s.label()).to_owned()))
        .collect();
    view! {
        <form class="panel" method="post" action=page novalidate id="edit-employee">
            <h2>{t(Text::EditRecord)}</h2>
            <FormMessages form />
            <input type="hidden" name="intent" value="update" />
            <SelectField name="profile_id" label=t(Text::JobProfile) value=RwSignal::new(input.profile_id) form options=profiles />
            <div class="grid-2">
                <TextField name="department" label=t(Text::Department) value=RwSignal::new(input.department) form />
                <TextField name="location" label=t(Text::Location) value=RwSignal::new(input.location) form />
            </div>
            <div class="grid-2">
                <SelectField name="manager_id" label=t(Text::Manager) value=RwSignal::new(input.manager_id) form options=managers />
                <TextField name="start_date" label=t(Text::StartDate) value=RwSignal::new(input.start_date) form input_type="date" />
            </div>
            <SelectField name="status" label=t(Text::Status) value=RwSignal::new(input.status) form options=statuses />
            <button type="submit" class="primary">{t(Text::Save)}</button>
        </form>
    }
}
