//! A table of course records (My training, an employee's page, the decisions waiting), with,
//! where the reader may act, the plain forms for it: HR record an outcome, and the manager or
//! HR grant or turn down a request. Labels, statuses and certificates in every row.

use leptos::prelude::*;

use super::catalogue::kind_label;
use crate::app::{use_lang, use_texts};
use crate::components::dates::{calendar_day, span};
use crate::components::guard::set_page_status;
use crate::i18n::field_error_message;
use crate::i18n::{Lang, Text};
use crate::model::{AppError, CourseRecordId, CourseRecordView, RecordStatus, Review};

/// A form on one record that the server refused: which record, what was typed, and why; shown
/// on that record's row.
#[derive(Debug, Clone)]
pub struct RecordDraft {
    pub record: CourseRecordId,
    pub status: String,
    pub hours: String,
    pub score: String,
    pub completed_on: String,
    pub reason: String,
    pub error: AppError,
}

/// Who reads the table, and where its forms post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordActions {
    /// The page the forms post to (the page itself).
    pub page: String,
    /// HR: record outcomes and review logged training.
    pub hr: bool,
    /// The employee's manager (or HR): grant or turn down requests.
    pub decides: bool,
}

/// The label of a record's status.
pub fn status_label(status: RecordStatus) -> Text {
    match status {
        RecordStatus::Requested => Text::RecordRequested,
        RecordStatus::Waiting => Text::RecordWaiting,
        RecordStatus::Planned => Text::RecordPlanned,
        RecordStatus::Enrolled => Text::RecordEnrolled,
        RecordStatus::InProgress => Text::RecordInProgress,
        RecordStatus::Completed => Text::RecordCompleted,
        RecordStatus::Failed => Text::RecordFailed,
        RecordStatus::Cancelled => Text::RecordCancelled,
    }
}

/// What a record's status cell says: its status, and where a review stands.
fn status_text(t: impl Fn(Text) -> &'static str, record: &CourseRecordView) -> String {
    let status = t(status_label(record.status));
    match record.review {
        Review::Pending => format!("{status} · {}", t(Text::ReviewPending)),
        Review::Rejected => format!("{status} · {}", t(Text::ReviewRejected)),
        Review::Approved => format!("{status} · {}", t(Text::ReviewApproved)),
        Review::None => status.to_owned(),
    }
}

#[component]
pub fn RecordTable(
    records: Vec<CourseRecordView>,
    id: &'static str,
    #[prop(default = None)] actions: Option<RecordActions>,
    /// Show whose record each is (the decisions page).
    #[prop(optional)]
    with_names: bool,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    if records.is_empty() {
        return view! { <p class="muted" id=format!("no-{id}")>{t(Text::NothingHere)}</p> }
            .into_any();
    }
    let acting = actions.is_some();
    view! {
        <div class="table-wrap">
            <table class="stacking" id=id>
                <thead>
                    <tr>
                        {with_names.then(|| view! { <th scope="col">{t(Text::Employee)}</th> })}
                        <th scope="col">{t(Text::Course)}</th>
                        <th scope="col">{t(Text::When)}</th>
                        <th scope="col">{t(Text::Hours)}</th>
                        <th scope="col">{t(Text::Status)}</th>
                        <th scope="col">{t(Text::Certificate)}</th>
                        {acting.then(|| view! { <th scope="col">{t(Text::Actions)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {records.into_iter().map(|r| view! { <RecordRow r lang actions=actions.clone() with_names /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn RecordRow(
    r: CourseRecordView,
    lang: Lang,
    actions: Option<RecordActions>,
    with_names: bool,
) -> impl IntoView {
    let t = use_texts();
    let title = lang.pick(&r.title_it, &r.title_en).to_owned();
    let when = match (&r.session, r.completed_on) {
        (_, Some(day)) => calendar_day(lang, day),
        (Some(session), None) => span(lang, session),
        (None, None) => "–".to_owned(),
    };
    let status = status_text(t, &r);
    let reason = r.review_reason.clone();
    view! {
        <tr data-record=r.id.to_string()>
            {with_names.then(|| view! {
                <td data-label=t(Text::Employee)><a href=format!("/employees/{}", r.employee_id)>{r.employee_name.clone()}</a></td>
            })}
            <td class="lead-cell">
                {match r.course_id {
                    Some(course) => view! { <a href=format!("/courses/{course}")>{title.clone()}</a> }.into_any(),
                    None => view! { <span>{title.clone()}</span> }.into_any(),
                }}
                {r.induction.then(|| view! { " " <span class="badge">{t(Text::Induction)}</span> })}
                <span class="muted small">{format!(" {} · {}", t(kind_label(r.kind)), r.provider)}</span>
            </td>
            <td data-label=t(Text::When)>{when}</td>
            <td data-label=t(Text::Hours)>{r.hours}</td>
            <td data-label=t(Text::Status)>
                <span class="badge">{status}</span>
                {r.score.map(|s| format!(" {s}/100"))}
                {reason.map(|why| view! { <p class="reason">{why}</p> })}
            </td>
            <td data-label=t(Text::Certificate)>
                {r.certificate.clone().map(|name| {
                    let label = name.clone();
                    view! { <a href=format!("/training/records/{}/certificate", r.id) download=name>{label}</a> }
                })}
            </td>
            {actions.map(|a| view! { <td data-label=t(Text::Actions)><RecordForms r=r.clone() a title=title.clone() /></td> })}
        </tr>
    }
}

/// The forms a reader may use on one record.
#[component]
fn RecordForms(r: CourseRecordView, a: RecordActions, title: String) -> impl IntoView {
    let t = use_texts();
    let id = r.id.to_string();
    let requested = r.status == RecordStatus::Requested && a.decides;
    let pending = r.review == Review::Pending && a.hr;
    let open_place = a.hr
        && r.status.is_open()
        && r.status != RecordStatus::Requested
        && r.review == Review::None;
    let lang = use_lang();
    let draft = use_context::<RecordDraft>().filter(|d| d.record == r.id);
    if let Some(draft) = &draft {
        set_page_status(draft.error.status());
    }
    let typed = |pick: fn(&RecordDraft) -> &String, otherwise: String| {
        draft.as_ref().map_or(otherwise, |d| pick(d).clone())
    };
    let today = typed(
        |d| &d.completed_on,
        chrono::Utc::now().date_naive().to_string(),
    );
    let hours = typed(|d| &d.hours, r.hours.to_string());
    let score = typed(|d| &d.score, String::new());
    let reason = typed(|d| &d.reason, String::new());
    let chosen = draft
        .as_ref()
        .and_then(|d| RecordStatus::parse(&d.status))
        .unwrap_or(RecordStatus::Completed);
    let refusals: Vec<String> = draft
        .as_ref()
        .map(|d| {
            let fields = d.error.field_errors();
            if fields.is_empty() {
                vec![crate::components::form::error_text(lang, &d.error)]
            } else {
                fields
                    .0
                    .values()
                    .map(|e| field_error_message(lang, e))
                    .collect()
            }
        })
        .unwrap_or_default();
    let error_id = format!("record-{id}-error");
    view! {
        {(!refusals.is_empty()).then(|| view! {
            <p class="field-error" role="alert" id=error_id.clone()>{refusals.join(" ")}</p>
        })}
        {(requested || pending).then(|| {
            let intent = if requested { "decide" } else { "review" };
            let reason_id = format!("reason-{id}");
            view! {
                <form method="post" action=a.page.clone() class="decide">
                    <input type="hidden" name="intent" value=intent />
                    <input type="hidden" name="record_id" value=id.clone() />
                    <label for=reason_id.clone()>{format!("{} – {title}", t(Text::ReasonIfRejected))}</label>
                    <input id=reason_id name="reason" type="text" value=reason.clone() />
                    <button type="submit" name="decision" value="approve">{t(Text::Approve)}</button>
                    <button type="submit" name="decision" value="reject" class="danger">{t(Text::Reject)}</button>
                </form>
            }
        })}
        {open_place.then(|| {
            let (status_id, hours_id, date_id, score_id) = (
                format!("outcome-{id}"),
                format!("hours-{id}"),
                format!("done-{id}"),
                format!("score-{id}"),
            );
            view! {
                <form method="post" action=a.page.clone() class="outcome">
                    <input type="hidden" name="intent" value="outcome" />
                    <input type="hidden" name="record_id" value=id.clone() />
                    <label for=status_id.clone()>{format!("{} – {title}", t(Text::Outcome))}</label>
                    <select id=status_id name="status">
                        {RecordStatus::OUTCOMES.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=s == chosen>{t(status_label(s))}</option>
                        }).collect_view()}
                    </select>
                    <label for=hours_id.clone()>{t(Text::Hours)}</label>
                    <input id=hours_id name="hours" type="number" min="1" max="1000" value=hours.clone() />
                    <label for=date_id.clone()>{t(Text::CompletedOn)}</label>
                    <input id=date_id name="completed_on" type="date" value=today />
                    <label for=score_id.clone()>{t(Text::Score)}</label>
                    <input id=score_id name="score" type="number" min="0" max="100" value=score.clone() />
                    <button type="submit">{t(Text::Save)}</button>
                </form>
            }
        })}
    }
}
