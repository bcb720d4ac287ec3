//! "My interviews": what is to score first (overdue at the top), then what is coming, then
//! what is done; and the table of interviews that other pages share.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::interviews::scheduling::my_interviews;
use crate::app::{use_lang, use_texts};
use crate::components::dates::span;
use crate::components::guard::{Notice, guarded};
use crate::i18n::{Lang, Text, first_of};
use crate::model::{InterviewStatus, InterviewSummary, Permission, ScoringState};

#[component]
pub fn AgendaPage() -> impl IntoView {
    guarded(Permission::Interview, |_| view! { <Agenda /> })
}

#[component]
fn Agenda() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let agenda = Resource::new(|| (), |()| my_interviews());
    view! {
        <Title text=t(Text::MyInterviewsTitle) />
        <section class="page">
            <h1>{t(Text::MyInterviewsTitle)}</h1>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match agenda.await {
                        Ok(agenda) => view! {
                            <h2>{t(Text::InterviewsToScore)}</h2>
                            {cut_short(lang, agenda.to_score.len(), agenda.to_score_total)}
                            <InterviewTable interviews=agenda.to_score id="to-score" />
                            <h2>{t(Text::InterviewsUpcoming)}</h2>
                            {cut_short(lang, agenda.upcoming.len(), agenda.upcoming_total)}
                            <InterviewTable interviews=agenda.upcoming id="upcoming" />
                            <h2>{t(Text::InterviewsDone)}</h2>
                            <InterviewTable interviews=agenda.done id="done" />
                        }
                        .into_any(),
                        Err(_) => view! { <Notice text=Text::GenericError /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Says so when a section shows only the first `shown` of `total` interviews.
fn cut_short(lang: Lang, shown: usize, total: u64) -> Option<impl IntoView> {
    (total > shown as u64).then(|| view! { <p class="muted">{first_of(lang, shown, total)}</p> })
}

/// The badge class of a scorecard state.
pub fn state_class(state: ScoringState) -> &'static str {
    match state {
        ScoringState::Submitted => "badge ok",
        ScoringState::Overdue => "badge warn",
        ScoringState::Cancelled => "badge off",
        ScoringState::ToScore | ScoringState::Draft => "badge",
    }
}

/// Interviews as a table: when, candidate, opening, kind, and each panelist's scorecard state.
#[component]
pub fn InterviewTable(interviews: Vec<InterviewSummary>, id: &'static str) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    if interviews.is_empty() {
        return view! { <p class="muted" id=id>{t(Text::NoInterviews)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=t(Text::NavInterviews)>
            <table id=id>
                <thead>
                    <tr>
                        <th scope="col">{t(Text::When)}</th>
                        <th scope="col">{t(Text::Candidate)}</th>
                        <th scope="col">{t(Text::NavOpenings)}</th>
                        <th scope="col">{t(Text::InterviewKind)}</th>
                        <th scope="col">{t(Text::Panel)}</th>
                    </tr>
                </thead>
                <tbody>
                    {interviews
                        .into_iter()
                        .map(|i| {
                            let cancelled = i.status == InterviewStatus::Cancelled;
                            view! {
                                <tr class:cancelled=cancelled>
                                    <td>
                                        <a href=format!("/interviews/{}", i.id)>{span(lang, &i.local)}</a>
                                        {cancelled.then(|| view! { " " <span class="badge off">{t(Text::StateCancelled)}</span> })}
                                    </td>
                                    <td>{i.candidate_name.clone()}</td>
                                    <td>{lang.pick(&i.opening_title_it, &i.opening_title_en).to_owned()}</td>
                                    <td>{t(i.kind.label())}</td>
                                    <td>
                                        <ul class="panel-states">
                                            {i.panel
                                                .iter()
                                                .map(|p| view! {
                                                    <li>
                                                        {p.name.clone()} " "
                                                        <span class=state_class(p.state)>{t(p.state.label())}</span>
                                                    </li>
                                                })
                                                .collect_view()}
                                        </ul>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// For an interviewer's home page: the interviews to score, if any, first.
#[component]
pub fn ToScoreFirst() -> impl IntoView {
    let t = use_texts();
    let agenda = Resource::new(|| (), |()| my_interviews());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match agenda.await {
                    Ok(agenda) if !agenda.to_score.is_empty() => view! {
                        <section class="panel" aria-labelledby="to-score-title">
                            <h2 id="to-score-title">{t(Text::InterviewsToScore)}</h2>
                            <InterviewTable interviews=agenda.to_score id="home-to-score" />
                            <p><a href="/interviews">{format!("{} →", t(Text::MyInterviewsTitle))}</a></p>
                        </section>
                    }
                    .into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}
