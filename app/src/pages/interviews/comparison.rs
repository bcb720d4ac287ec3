//! The scorecards of an application side by side: per competency each rater's rating, the
//! mean and the spread against the required level, with disagreements flagged; and the
//! scorecards themselves, read-only.

use leptos::prelude::*;

use crate::app::{use_lang, use_texts};
use crate::components::dates::date_time;
use crate::i18n::Text;
use crate::model::{Comparison, Kit, ScorecardView};

fn tenths(value: u16) -> String {
    format!("{}.{}", value / 10, value % 10)
}

/// The per-competency table and the recommendations.
#[component]
pub fn ComparisonTable(comparison: Comparison) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    if comparison.raters.is_empty() {
        return view! { <p class="muted">{t(Text::NoSubmittedScorecards)}</p> }.into_any();
    }
    let raters = comparison.raters.clone();
    view! {
        // A wide table scrolls sideways: reachable and named for keyboard users.
        <div class="table-wrap" tabindex="0" role="region" aria-label=t(Text::Comparison)>
            <table id="comparison">
                <thead>
                    <tr>
                        <th scope="col">{t(Text::Competency)}</th>
                        <th scope="col">{t(Text::RequiredLevel)}</th>
                        {raters.iter().map(|r| view! { <th scope="col">{r.name.clone()}</th> }).collect_view()}
                        <th scope="col">{t(Text::Mean)}</th>
                        <th scope="col">{t(Text::Spread)}</th>
                    </tr>
                </thead>
                <tbody>
                    {comparison
                        .competencies
                        .into_iter()
                        .map(|c| {
                            let flagged = c.disagreement;
                            view! {
                                <tr class:disagreement=flagged>
                                    <th scope="row">
                                        {lang.pick(&c.name_it, &c.name_en).to_owned()}
                                        {flagged.then(|| view! { <span class="badge warn" title=t(Text::Disagreement)>{t(Text::Disagreement)}</span> })}
                                    </th>
                                    <td>{c.required_level}</td>
                                    {c.ratings
                                        .iter()
                                        .map(|r| view! { <td>{r.map_or_else(|| "–".to_owned(), |r| r.to_string())}</td> })
                                        .collect_view()}
                                    <td>{c.mean_tenths.map_or_else(|| "–".to_owned(), tenths)}</td>
                                    <td>{c.spread.map_or_else(|| "–".to_owned(), |s| s.to_string())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                    <tr>
                        <th scope="row">{t(Text::Recommendation)}</th>
                        <td></td>
                        {raters
                            .iter()
                            .map(|r| view! { <td>{r.recommendation.map(|rec| t(rec.label()))}</td> })
                            .collect_view()}
                        <td></td>
                        <td></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Scorecards read-only: each rating with its evidence, the recommendation and summary, and
/// any amendments with their reasons.
#[component]
pub fn ScorecardList(scorecards: Vec<ScorecardView>, kit: Kit) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let name_of = move |id| {
        kit.competencies
            .iter()
            .find(|c| c.id == id)
            .map(|c| lang.pick(&c.name_it, &c.name_en).to_owned())
            .unwrap_or_default()
    };
    view! {
        <div class="scorecards">
            {scorecards
                .into_iter()
                .map(|card| {
                    let state = match card.submitted_at {
                        Some(at) => format!("{} {}", t(Text::SubmittedOn), date_time(lang, &at)),
                        None => t(Text::StateDraft).to_owned(),
                    };
                    view! {
                        <article class="panel scorecard">
                            <h3>{card.interviewer_name.clone()} " · " <span class="muted">{state}</span></h3>
                            <p>
                                <strong>{t(Text::Recommendation)} ": "</strong>
                                {card.content.recommendation.map(|r| t(r.label()))}
                            </p>
                            <dl class="facts">
                                {card
                                    .content
                                    .ratings
                                    .iter()
                                    .map(|r| view! {
                                        <dt>{name_of(r.competency_id)}</dt>
                                        <dd>
                                            {r.rating.map_or_else(|| t(Text::NotAssessed).to_owned(), |v| v.to_string())}
                                            {(!r.evidence.is_empty()).then(|| view! { <p class="prose">{r.evidence.clone()}</p> })}
                                        </dd>
                                    })
                                    .collect_view()}
                            </dl>
                            {(!card.content.summary.is_empty()).then(|| view! { <p class="prose">{card.content.summary.clone()}</p> })}
                            {(!card.amendments.is_empty()).then(|| view! {
                                <h4>{t(Text::Amendments)}</h4>
                                <ul>
                                    {card.amendments.iter().map(|a| view! {
                                        <li>{format!("{} · {} · {}", date_time(lang, &a.at), a.actor_name, a.reason)}</li>
                                    }).collect_view()}
                                </ul>
                            })}
                        </article>
                    }
                })
                .collect_view()}
        </div>
    }
}
