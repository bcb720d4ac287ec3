//! Recruitment reports: applications by source and an opening's funnel, each drawn as an SVG
//! chart with a legend, the same figures in a table under it for screen readers and for
//! copying, and its own choice of opening beside it. The funnel starts on the busiest open
//! opening.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::candidate_list::source_label;
use crate::api::recruitment::openings::opening_overview;
use crate::api::recruitment::reports::{opening_funnel, source_breakdown};
use crate::app::{use_lang, use_texts};
use crate::components::form::AutoSubmit;
use crate::components::guard::guarded;
use crate::i18n::Text;
use crate::model::{Funnel, OpeningId, OpeningOverview, OpeningStatus, Permission, SourceCount};

#[component]
pub fn ReportsPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| view! { <Reports /> })
}

/// The opening a funnel shows when none is chosen: the open one with the most applications,
/// or, with none open, the one with the most applications.
pub fn busiest(openings: &[OpeningOverview]) -> Option<OpeningId> {
    let most = |open_only: bool| {
        openings
            .iter()
            .filter(|o| !open_only || o.opening.status == OpeningStatus::Open)
            .max_by_key(|o| o.applications())
            .map(|o| o.opening.id)
    };
    most(true).or_else(|| most(false))
}

#[component]
fn Reports() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let chosen = move |name: &str| {
        query.with_untracked(|q| {
            q.get(name)
                .and_then(|o| o.parse::<i32>().ok())
                .map(OpeningId)
        })
    };
    let (sources_of, funnel_of) = (chosen("sources"), chosen("opening"));
    let openings = Resource::new(|| (), |()| opening_overview());
    view! {
        <Title text=t(Text::ReportsTitle) />
        <section class="page">
            <h1>{t(Text::ReportsTitle)}</h1>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let openings = openings.await.unwrap_or_default();
                    let funnel_of = funnel_of.or_else(|| busiest(&openings));
                    view! {
                        <div class="grid-2 reports">
                            <section class="panel" aria-labelledby="sources-title">
                                <h2 id="sources-title">{t(Text::SourceBreakdown)}</h2>
                                <OpeningChoice name="sources" any=true chosen=sources_of keep=("opening", funnel_of) openings=openings.clone() />
                                <SourcesOf opening=sources_of />
                            </section>
                            <section class="panel" aria-labelledby="funnel-title">
                                <h2 id="funnel-title">{t(Text::FunnelTitle)}</h2>
                                <OpeningChoice name="opening" any=false chosen=funnel_of keep=("sources", sources_of) openings />
                                <FunnelOf opening=funnel_of />
                            </section>
                        </div>
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A plain GET form choosing the opening of one chart; it keeps the other chart's choice.
#[component]
fn OpeningChoice(
    name: &'static str,
    /// Whether "all openings" is a choice.
    any: bool,
    chosen: Option<OpeningId>,
    keep: (&'static str, Option<OpeningId>),
    openings: Vec<OpeningOverview>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let id = format!("f-{name}");
    let current = chosen.map(|o| o.to_string()).unwrap_or_default();
    view! {
        <AutoSubmit>
            <form class="report-choice" method="get" action="/reports">
                {keep.1.map(|other| view! { <input type="hidden" name=keep.0 value=other.to_string() /> })}
                <div class="field">
                    <label for=id.clone()>{t(Text::Opening)}</label>
                    <select id=id name=name>
                        {any.then(|| view! { <option value="" selected=current.is_empty()>{t(Text::AnyOpening)}</option> })}
                        {openings.into_iter().map(|o| {
                            let value = o.opening.id.to_string();
                            let selected = value == current;
                            view! {
                                <option value=value selected=selected>
                                    {format!("{} · {}", lang.pick(&o.opening.title_it, &o.opening.title_en), o.opening.location)}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit">{t(Text::Show)}</button>
            </form>
        </AutoSubmit>
    }
}

#[component]
fn SourcesOf(opening: Option<OpeningId>) -> impl IntoView {
    let t = use_texts();
    let sources = Resource::new(move || opening, source_breakdown);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match sources.await {
                    Ok(rows) if !rows.is_empty() => view! { <SourceChart rows /> }.into_any(),
                    Ok(_) => view! { <p class="muted">{t(Text::NoData)}</p> }.into_any(),
                    Err(_) => view! { <p class="alert error">{t(Text::GenericError)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FunnelOf(opening: Option<OpeningId>) -> impl IntoView {
    let t = use_texts();
    let funnel = Resource::new(
        move || opening,
        |opening| async move {
            match opening {
                Some(id) => opening_funnel(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match funnel.await {
                    Ok(Some(funnel)) => view! { <FunnelChart funnel /> }.into_any(),
                    Ok(None) => view! { <p class="muted">{t(Text::NoData)}</p> }.into_any(),
                    Err(_) => view! { <p class="alert error">{t(Text::GenericError)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Chart geometry shared by both charts: each row is its label, with the bar under it, so
/// that the labels keep a readable size on a phone.
const WIDTH: f64 = 360.0;
const ROW_HEIGHT: f64 = 46.0;
const LABEL_HEIGHT: f64 = 16.0;
const BAR_HEIGHT: f64 = 20.0;
/// Room for the figure after the longest bar.
const VALUE_ROOM: f64 = 48.0;

/// A bar's length for `value` out of `max`, in the chart's units.
fn bar_length(value: u32, max: u32) -> f64 {
    if max == 0 {
        0.0
    } else {
        (WIDTH - VALUE_ROOM) * f64::from(value) / f64::from(max)
    }
}

#[component]
fn SourceChart(rows: Vec<SourceCount>) -> impl IntoView {
    let t = use_texts();
    let label = move |row: &SourceCount| {
        let source = t(source_label(&row.source));
        if row.detail.is_empty() {
            source.to_owned()
        } else {
            format!("{source} · {}", row.detail)
        }
    };
    let max = rows.iter().map(|r| r.applications).max().unwrap_or(0);
    let height = ROW_HEIGHT * rows.len() as f64;
    let summary = rows
        .iter()
        .map(|r| format!("{}: {}", label(r), r.applications))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary>
            {rows.iter().enumerate().map(|(i, row)| {
                let y = i as f64 * ROW_HEIGHT;
                let bar_y = y + LABEL_HEIGHT + 4.0;
                let length = bar_length(row.applications, max);
                let hired = bar_length(row.hired, max);
                view! {
                    <g class="chart-row">
                        <text x="0" y=y + LABEL_HEIGHT - 3.0 class="chart-label">{label(row)}</text>
                        <rect x="0" y=bar_y width=length height=BAR_HEIGHT rx="3" class="bar" />
                        <rect x="0" y=bar_y width=hired height=BAR_HEIGHT rx="3" class="bar hired" />
                        <text x=length + 6.0 y=bar_y + BAR_HEIGHT * 0.72 class="chart-value">
                            {row.applications.to_string()}
                        </text>
                    </g>
                }
            }).collect_view()}
        </svg>
        <ul class="legend">
            <li><span class="swatch applications" aria-hidden="true"></span>{t(Text::Applications)}</li>
            <li><span class="swatch hired" aria-hidden="true"></span>{t(Text::Hired)}</li>
        </ul>
        <table class="chart-table">
            <thead>
                <tr>
                    <th scope="col">{t(Text::Source)}</th>
                    <th scope="col">{t(Text::Applications)}</th>
                    <th scope="col">{t(Text::Hired)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.iter().map(|r| view! {
                    <tr><td>{label(r)}</td><td>{r.applications}</td><td>{r.hired}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}

#[component]
fn FunnelChart(funnel: Funnel) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let max = funnel.steps.first().map(|s| s.reached).unwrap_or(0);
    let height = ROW_HEIGHT * funnel.steps.len() as f64;
    let centre = WIDTH / 2.0;
    let summary = funnel
        .steps
        .iter()
        .map(|s| format!("{}: {}", t(s.stage.label()), s.reached))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <p class="muted">{format!("{} · {}", lang.pick(&funnel.title_it, &funnel.title_en), funnel.location)}</p>
        <svg class="chart funnel" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary>
            {funnel.steps.iter().enumerate().map(|(i, step)| {
                let y = i as f64 * ROW_HEIGHT;
                let bar_y = y + LABEL_HEIGHT + 4.0;
                let length = bar_length(step.reached, max).max(2.0);
                view! {
                    <g class="chart-row">
                        <text x="0" y=y + LABEL_HEIGHT - 3.0 class="chart-label">{t(step.stage.label())}</text>
                        <text x=WIDTH y=y + LABEL_HEIGHT - 3.0 class="chart-value" text-anchor="end">
                            {step.conversion_pct.map(|p| format!("{p:.0}%")).unwrap_or_default()}
                        </text>
                        <rect x=centre - length / 2.0 y=bar_y width=length height=BAR_HEIGHT rx="3" class="bar" />
                        <text x=centre y=bar_y + BAR_HEIGHT * 0.72 class="chart-value on-bar" text-anchor="middle">
                            {step.reached.to_string()}
                        </text>
                    </g>
                }
            }).collect_view()}
        </svg>
        <ul class="legend">
            <li><span class="swatch funnel" aria-hidden="true"></span>{t(Text::LegendReached)}</li>
            <li><span class="swatch percent" aria-hidden="true">"%"</span>{t(Text::LegendConversion)}</li>
        </ul>
        <table class="chart-table">
            <thead>
                <tr>
                    <th scope="col">{t(Text::StageLabel)}</th>
                    <th scope="col">{t(Text::Reached)}</th>
                    <th scope="col">{t(Text::Conversion)}</th>
                    <th scope="col">{t(Text::MedianDays)}</th>
                </tr>
            </thead>
            <tbody>
                {funnel.steps.iter().map(|s| view! {
                    <tr>
                        <td>{t(s.stage.label())}</td>
                        <td>{s.reached}</td>
                        <td>{s.conversion_pct.map(|p| format!("{p:.0}%")).unwrap_or_else(|| "–".into())}</td>
                        <td>{s.median_days.map(one_decimal).unwrap_or_else(|| "–".into())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="muted">
            {format!("{}: {} · {}: {}", t(Text::LeftRejected), funnel.rejected, t(Text::LeftWithdrawn), funnel.withdrawn)}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::busiest;
    use crate::model::{JobProfileId, OpeningId, OpeningOverview, OpeningStatus, OpeningSummary};

    fn opening(id: i32, status: OpeningStatus, applications: u32) -> OpeningOverview {
        OpeningOverview {
            opening: OpeningSummary {
                id: OpeningId(id),
                profile_id: JobProfileId(1),
                title_it: String::new(),
                title_en: String::new(),
                location: String::new(),
                positions: 1,
                status,
                published: true,
                hr_owner_name: String::new(),
            },
            stages: vec![applications, 1, 0, 0, 0, 0, 0, 0],
            new_applications: 0,
        }
    }

    #[test]
    fn the_funnel_starts_on_the_open_opening_with_the_most_applications() {
        let openings = [
            opening(1, OpeningStatus::Closed, 90),
            opening(2, OpeningStatus::Open, 4),
            opening(3, OpeningStatus::Open, 12),
            opening(4, OpeningStatus::Draft, 30),
        ];
        assert_eq!(busiest(&openings), Some(OpeningId(3)));
        // With none open, the busiest of all; with none at all, none.
        assert_eq!(busiest(&openings[..1]), Some(OpeningId(1)));
        assert_eq!(busiest(&[]), None);
    }
}
