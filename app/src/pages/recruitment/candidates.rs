//! One candidate's page: contacts, consent, files (downloaded as attachments), applications,
//! and one timeline of their moves and HR's notes; for HR, tags, possible duplicates and the
//! person's data rights.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::candidate_actions::{
    CandidateDraft, DuplicatesPanel, NoteForm, PersonalDataPanel, TagsForm,
};
use super::candidate_list::source_label;
use crate::api::recruitment::candidates::get_candidate;
use crate::app::{use_lang, use_texts};
use crate::components::dates::{date_time, span};
use crate::components::guard::{Notice, guarded, set_page_status};
use crate::i18n::Text;
use crate::model::{
    AppError, ApplicationId, CandidateDetail, CandidateId, InterviewTimelineEntry, NoteView,
    Permission, Stage, TimelineEntry,
};
use crate::pages::assessments::assign::AssignTestForm;
use crate::pages::assessments::online_send::SendOnlineTestForm;
use crate::pages::assessments::{OnlineTestTable, TestTable};
use crate::pages::certifications::stated::StatedCertifications;
use crate::pages::interviews::agenda::InterviewTable;
use crate::pages::interviews::detail::change_label;
use crate::pages::interviews::schedule::ScheduleForm;
use crate::pages::{RecordPath, record_path};

#[component]
pub fn CandidatePage() -> impl IntoView {
    guarded(Permission::ReadCandidates, |user| {
        let params = use_params_map();
        let query = use_query_map();
        let can_manage = user.role.can(Permission::ManageRecruitment);
        let time_zone = user.time_zone.clone();
        move || {
            // `?schedule=<application>` or `?assign=<application>`: come from a card moved to
            // Interview or to Practical test on the board.
            let from_card = |name: &str| query.with(|q| q.get(name).and_then(|v| v.parse().ok()));
            let opened = Opened {
                schedule: from_card("schedule"),
                assign: from_card("assign"),
            };
            let time_zone = time_zone.clone();
            match params.with(record_path::<CandidateId>) {
                RecordPath::Existing(id) => {
                    view! { <CandidateLoader id can_manage opened time_zone /> }.into_any()
                }
                _ => view! { <Notice text=Text::NotFound /> }.into_any(),
            }
        }
    })
}

/// The forms a card on the board opens for an application: scheduling an interview, or
/// assigning a practical test.
#[derive(Debug, Clone, Copy, Default)]
struct Opened {
    schedule: Option<ApplicationId>,
    assign: Option<ApplicationId>,
}

#[component]
fn CandidateLoader(
    id: CandidateId,
    can_manage: bool,
    opened: Opened,
    time_zone: String,
) -> impl IntoView {
    let t = use_texts();
    let detail = Resource::new(move || id, get_candidate);
    let time_zone = StoredValue::new(time_zone);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => {
                        let time_zone = time_zone.get_value();
                        view! { <CandidateView detail can_manage opened time_zone /> }.into_any()
                    }
                    Err(AppError::NotFound) => {
                        set_page_status(404);
                        view! { <Notice text=Text::NotFound /> }.into_any()
                    }
                    Err(AppError::Forbidden) => {
                        set_page_status(403);
                        view! { <Notice text=Text::Forbidden /> }.into_any()
                    }
                    Err(_) => view! { <Notice text=Text::GenericError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CandidateView(
    detail: CandidateDetail,
    can_manage: bool,
    opened: Opened,
    time_zone: String,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let editable = detail.editable && can_manage;
    // A note or tags posted without JavaScript: refused (in context) or saved (`?saved=`).
    let saved = use_query_map().with_untracked(|q| q.get("saved"));
    let (note, note_refused, tags, tags_refused) = match use_context::<CandidateDraft>() {
        Some(CandidateDraft::Note { body, error }) => (body, Some(error), None, None),
        Some(CandidateDraft::Tags { text, error }) => {
            (String::new(), None, Some(text), Some(error))
        }
        None => (String::new(), None, None, None),
    };
    if let Some(error) = note_refused.as_ref().or(tags_refused.as_ref()) {
        set_page_status(error.status());
    }
    let tags = tags.unwrap_or_else(|| detail.tags.join(", "));
    let consent = detail.consent_at.map(|at| {
        format!(
            "{} {} ({} {})",
            t(Text::ConsentRecorded),
            date_time(lang, &at),
            t(Text::NoticeVersion),
            detail.consent_notice_version.unwrap_or_default()
        )
    });
    let open_applications: Vec<(ApplicationId, String)> = detail
        .applications
        .iter()
        .filter(|a| !matches!(a.stage, Stage::Rejected | Stage::Withdrawn))
        .map(|a| {
            (
                a.id,
                format!("{} · {}", lang.pick(&a.title_it, &a.title_en), a.location),
            )
        })
        .collect();
    // Tests are not given once the candidate is hired either.
    let testable_applications: Vec<(ApplicationId, String)> = detail
        .applications
        .iter()
        .filter(|a| !matches!(a.stage, Stage::Rejected | Stage::Withdrawn | Stage::Hired))
        .map(|a| {
            (
                a.id,
                format!("{} · {}", lang.pick(&a.title_it, &a.title_en), a.location),
            )
        })
        .collect();
    view! {
        <Title text=detail.name.clone() />
        <section class="page">
            <h1>{detail.name.clone()}</h1>
            <div class="grid-2">
                <div class="panel">
                    <h2>{t(Text::Candidate)}</h2>
                    <dl class="facts">
                        <dt>{t(Text::Email)}</dt>
                        <dd>{detail.email.clone().unwrap_or_default()}</dd>
                        <dt>{t(Text::Phone)}</dt>
                        <dd>{detail.phone.clone().unwrap_or_default()}</dd>
                        <dt>{t(Text::Education)}</dt>
                        <dd class="prose">{detail.education.clone()}</dd>
                        <dt>{t(Text::Experience)}</dt>
                        <dd class="prose">{detail.experience.clone()}</dd>
                        <dt>{t(Text::TalentPool)}</dt>
                        <dd>
                            {if detail.talent_pool { t(Text::TalentPoolYes) } else { t(Text::TalentPoolNo) }}
                            {consent.map(|c| view! { <br /><span class="muted">{c}</span> })}
                        </dd>
                    </dl>
                </div>
                <div class="panel">
                    <h2>{t(Text::Files)}</h2>
                    {detail.files.is_empty().then(|| view! { <p class="muted">{t(Text::NoFiles)}</p> })}
                    <ul class="files">
                        {detail
                            .files
                            .iter()
                            .map(|f| {
                                let kind = if f.kind == "cv" { t(Text::KindCv) } else { t(Text::KindCoverLetter) };
                                view! {
                                    <li>
                                        <a href=format!("/files/{}", f.id) download=f.name.clone() rel="nofollow">
                                            {format!("{} – {}", kind, f.name)}
                                        </a>
                                        <span class="muted">{format!(" {} · {}", crate::components::files::file_size(u64::try_from(f.size_bytes).unwrap_or(0)), date_time(lang, &f.uploaded_at))}</span>
                                        {(!f.text_extracted).then(|| view! { " " <span class="badge off">{t(Text::TextNotExtracted)}</span> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </div>
            <StatedCertifications candidate=detail.id />
            <h2>{t(Text::Applications)}</h2>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t(Text::NavOpenings)}</th>
                            <th scope="col">{t(Text::Status)}</th>
                            <th scope="col">{t(Text::Source)}</th>
                            <th scope="col">{t(Text::AppliedOn)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {detail
                            .applications
                            .iter()
                            .map(|a| {
                                view! {
                                    <tr>
                                        <td>
                                            {
                                                let title = format!("{} · {}", lang.pick(&a.title_it, &a.title_en), a.location);
                                                if can_manage {
                                                    view! { <a href=format!("/openings/{}/board", a.opening_id)>{title}</a> }.into_any()
                                                } else {
                                                    title.into_any()
                                                }
                                            }
                                        </td>
                                        <td>
                                            <span class="badge">{t(a.stage.label())}</span>
                                            {can_manage.then(|| view! {
                                                " "
                                                <a class="assessment-link" href=format!("/applications/{}/assessment", a.id)>{t(Text::AssessmentTitle)}</a>
                                            })}
                                        </td>
                                        <td>
                                            {t(source_label(&a.source))}
                                            {a.source_detail.clone().map(|d| format!(" · {d}"))}
                                        </td>
                                        <td>{date_time(lang, &a.applied_at)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <h2>{t(Text::Interviews)}</h2>
            <InterviewTable interviews=detail.interviews.clone() id="candidate-interviews" />
            {(editable && !open_applications.is_empty()).then(|| view! {
                <ScheduleForm applications=open_applications.clone() preselected=opened.schedule time_zone />
            })}
            <h2>{t(Text::TestsTitle)}</h2>
            <TestTable tests=detail.practical_tests.clone() id="candidate-tests" />
            {(editable && !testable_applications.is_empty()).then(|| view! {
                <AssignTestForm applications=testable_applications.clone() preselected=opened.assign />
            })}
            <h2>{t(Text::OnlineTests)}</h2>
            <OnlineTestTable tests=detail.online_tests.clone() id="candidate-online-tests" />
            {(editable && !testable_applications.is_empty()).then(|| view! {
                <SendOnlineTestForm applications=testable_applications preselected=opened.assign />
            })}
            {editable.then(|| view! {
                <div class="panel">
                    <TagsForm id=detail.id text=tags refused=tags_refused saved=saved.as_deref() == Some("tags") />
                </div>
            })}
            {(editable && !detail.possible_duplicates.is_empty()).then(|| view! {
                <DuplicatesPanel id=detail.id duplicates=detail.possible_duplicates.clone() />
            })}
            <h2>{t(Text::Timeline)}</h2>
            {editable.then(|| view! {
                <NoteForm id=detail.id body=note refused=note_refused added=saved.as_deref() == Some("note") />
            })}
            <ol class="timeline">
                {timeline(&detail)
                    .into_iter()
                    .map(|entry| match entry {
                        Entry::Move(e) => {
                            let what = match e.from {
                                None => t(Text::CandidateApplied).to_owned(),
                                Some(from) => format!("{} → {}", t(from.label()), t(e.to.label())),
                            };
                            view! {
                                <li>
                                    <time datetime=e.at.to_rfc3339()>{date_time(lang, &e.at)}</time>
                                    " · "
                                    <strong>{what}</strong>
                                    {format!(" · {}", lang.pick(&e.title_it, &e.title_en))}
                                    {e.actor_name.clone().map(|n| format!(" · {} {n}", t(Text::By)))}
                                    {e.reason.clone().map(|r| view! { <p class="reason">{r}</p> })}
                                </li>
                            }
                            .into_any()
                        }
                        Entry::Interview(e) => view! {
                            <li class="interview">
                                <time datetime=e.change.at.to_rfc3339()>{date_time(lang, &e.change.at)}</time>
                                " · "
                                <a href=format!("/interviews/{}", e.interview_id)>
                                    <strong>{format!("{}: {}", t(e.kind.label()), t(change_label(&e.change.change)))}</strong>
                                </a>
                                {format!(" · {}", span(lang, &e.change.local))}
                                {e.change.actor_name.clone().map(|a| format!(" · {} {a}", t(Text::By)))}
                                {e.change.reason.clone().map(|r| view! { <p class="reason">{r}</p> })}
                            </li>
                        }
                        .into_any(),
                        Entry::Note(n) => view! {
                            <li class="note">
                                <time datetime=n.at.to_rfc3339()>{date_time(lang, &n.at)}</time>
                                " · "
                                <strong>{t(Text::Note)}</strong>
                                {n.author_name.clone().map(|a| format!(" · {} {a}", t(Text::By)))}
                                <p class="prose">{n.body.clone()}</p>
                            </li>
                        }
                        .into_any(),
                    })
                    .collect_view()}
            </ol>
            {editable.then(|| view! { <PersonalDataPanel id=detail.id /> })}
        </section>
    }
    .into_any()
}

/// One line of the timeline: a move in the pipeline, a change to an interview, or a note.
enum Entry<'a> {
    Move(&'a TimelineEntry),
    Interview(&'a InterviewTimelineEntry),
    Note(&'a NoteView),
}

/// Moves, interviews and notes together, newest first.
fn timeline(detail: &CandidateDetail) -> Vec<Entry<'_>> {
    let mut entries: Vec<(chrono::DateTime<chrono::Utc>, Entry<'_>)> = detail
        .timeline
        .iter()
        .map(|e| (e.at, Entry::Move(e)))
        .chain(
            detail
                .interview_history
                .iter()
                .map(|e| (e.change.at, Entry::Interview(e))),
        )
        .chain(detail.notes.iter().map(|n| (n.at, Entry::Note(n))))
        .collect();
    entries.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    entries.into_iter().map(|(_, e)| e).collect()
}
