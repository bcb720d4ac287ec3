//! The interview page: when and where, the panel and where each scorecard stands, the history
//! of changes, HR's move and cancel forms, the interviewer's scorecard, the other scorecards
//! and the comparison once the viewer may see them, and the kit.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::agenda::state_class;
use super::comparison::{ComparisonTable, ScorecardList};
use super::kit::KitView;
use super::manage::{Current, ManageInterview};
use super::scorecard::ScorecardEditor;
use crate::api::interviews::scheduling::get_interview;
use crate::app::{use_lang, use_texts};
use crate::components::dates::{date_time, span};
use crate::components::guard::{Notice, guarded, set_page_status};
use crate::i18n::Text;
use crate::model::{AppError, InterviewDetail, InterviewId, InterviewStatus, Permission};
use crate::pages::{RecordPath, record_path};

#[component]
pub fn InterviewPage() -> impl IntoView {
    guarded(Permission::Interview, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<InterviewId>) {
            RecordPath::Existing(id) => view! { <InterviewLoader id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn InterviewLoader(id: InterviewId) -> impl IntoView {
    let t = use_texts();
    let detail = Resource::new(move || id, get_interview);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <InterviewView detail /> }.into_any(),
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

/// The label of a change in an interview's history.
pub fn change_label(change: &str) -> Text {
    match change {
        "rescheduled" => Text::ChangeRescheduled,
        "cancelled" => Text::ChangeCancelled,
        _ => Text::ChangeScheduled,
    }
}

#[component]
fn InterviewView(detail: InterviewDetail) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let s = detail.summary.clone();
    let id = s.id;
    let cancelled = s.status == InterviewStatus::Cancelled;
    let title = format!("{} · {}", t(s.kind.label()), s.candidate_name);
    let on_panel = s.mine.is_some();
    let current = Current {
        id,
        application_id: s.application_id,
        kind: s.kind,
        scheduled_in: detail.scheduled_in.clone(),
        location: s.location.clone(),
        video_link: s.video_link.clone(),
        panel: s.panel.iter().map(|p| p.id).collect(),
    };
    let kit = detail.kit.clone();
    view! {
        <Title text=title.clone() />
        <section class="page">
            <p><a href="/interviews">{format!("← {}", t(Text::MyInterviewsTitle))}</a></p>
            <div class="page-head">
                <h1>{title}</h1>
                {cancelled.then(|| view! { <span class="badge off">{t(Text::StateCancelled)}</span> })}
            </div>
            <div class="grid-2">
                <div class="panel">
                    <dl class="facts">
                        <dt>{t(Text::Candidate)}</dt>
                        <dd><a href=format!("/candidates/{}", s.candidate_id)>{s.candidate_name.clone()}</a></dd>
                        <dt>{t(Text::NavOpenings)}</dt>
                        <dd>{lang.pick(&s.opening_title_it, &s.opening_title_en).to_owned()}</dd>
                        <dt>{t(Text::When)}</dt>
                        <dd id="interview-when">{span(lang, &s.local)}</dd>
                        {(!s.location.is_empty()).then(|| view! { <dt>{t(Text::Where)}</dt><dd>{s.location.clone()}</dd> })}
                        {(!s.video_link.is_empty()).then(|| view! {
                            <dt>{t(Text::VideoLink)}</dt>
                            <dd><a href=s.video_link.clone() rel="noopener noreferrer" target="_blank">{s.video_link.clone()}</a></dd>
                        })}
                    </dl>
                    <p>
                        <a href=format!("/interviews/{id}/calendar.ics") download=format!("interview-{id}.ics")>{t(Text::DownloadCalendar)}</a>
                        " · "
                        <a href=format!("/interviews/{id}/kit")>{t(Text::PrintKit)}</a>
                    </p>
                </div>
                <div class="panel">
                    <h2>{t(Text::Panel)}</h2>
                    <ul class="panel-states" id="panel">
                        {s.panel.iter().map(|p| view! {
                            <li>{p.name.clone()} " " <span class=state_class(p.state)>{t(p.state.label())}</span></li>
                        }).collect_view()}
                    </ul>
                    <h2>{t(Text::History)}</h2>
                    <ol class="timeline" id="history">
                        {detail.history.iter().map(|c| view! {
                            <li>
                                <time datetime=c.at.to_rfc3339()>{date_time(lang, &c.at)}</time>
                                " · " <strong>{t(change_label(&c.change))}</strong>
                                {format!(" · {}", span(lang, &c.local))}
                                {c.actor_name.clone().map(|n| format!(" · {} {n}", t(Text::By)))}
                                {c.reason.clone().map(|r| view! { <p class="reason">{r}</p> })}
                            </li>
                        }).collect_view()}
                    </ol>
                </div>
            </div>
            {(detail.can_manage && !cancelled).then(|| view! { <ManageInterview current /> })}
            {(on_panel && !cancelled).then(|| {
                let kit = kit.clone();
                let initial = detail.my_scorecard.clone();
                view! { <ScorecardEditor id kit initial /> }
            })}
            <section class="panel" aria-labelledby="others-title">
                <h2 id="others-title">{t(Text::OtherScorecards)}</h2>
                {match detail.others.clone() {
                    None => view! { <p class="muted" id="others-hidden">{t(Text::OthersHidden)}</p> }.into_any(),
                    Some(others) if others.is_empty() => view! { <p class="muted">{t(Text::NoSubmittedScorecards)}</p> }.into_any(),
                    Some(others) => view! { <ScorecardList scorecards=others kit=kit.clone() /> }.into_any(),
                }}
            </section>
            {detail.comparison.clone().map(|comparison| view! {
                <section class="panel" aria-labelledby="comparison-title">
                    <h2 id="comparison-title">{t(Text::Comparison)}</h2>
                    <ComparisonTable comparison />
                </section>
            })}
            <section class="panel" aria-labelledby="kit-title">
                <h2 id="kit-title">{t(Text::Kit)}</h2>
                <KitView kit=detail.kit.clone() />
            </section>
        </section>
    }
}
