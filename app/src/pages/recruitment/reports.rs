//! Recruitment reports: applications by source and an opening's funnel, each drawn as an SVG
//! chart with the same figures in a table beside it for screen readers and for copying.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::candidate_list::source_label;
use crate::api::recruitment::openings::list_openings;
use crate::api::recruitment::reports::{opening_funnel, source_breakdown};
use crate::app::{use_lang, use_texts};
use crate::components::form::AutoSubmit;
use crate::components::guard::guarded;
use crate::i18n::Text;
use crate::model::{Funnel, OpeningId, Permission, SourceCount};

#[component]
pub fn ReportsPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| view! { <Reports /> })
}

#[component]
fn Reports() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let query = use_query_map();
    let opening = Memo::new(move |_| {
        query.with(|q| {
            q.get("opening")
                .and_then(|o| o.parse::<i32>().ok())
                .map(OpeningId)
        })
    });
    let openings = Resource::new(|| (), |()| list_openings());
    let sources = Resource::new(move || opening.get(), source_breakdown);
    let funnel = Resource::new(
        move || opening.get(),
        |opening| async move {
            match opening {
                Some(id) => opening_funnel(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Title text=t(Text::ReportsTitle) />
        <section class="page">
            <h1>{t(Text::ReportsTitle)}</h1>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let openings = openings.await.unwrap_or_default();
                    let current = opening.get().map(|o| o.to_string()).unwrap_or_default();
                    view! {
                        <AutoSubmit>
                        <form class="report-choice" method="get" action="/reports">
                        <div class="field">
                            <label for="f-opening">{t(Text::Opening)}</label>
                            <select id="f-opening" name="opening">
                                <option value="" selected=current.is_empty()>{t(Text::AnyOpening)}</option>
                                {openings.into_iter().map(|o| {
                                    let value = o.id.to_string();
                                    let selected = value == current;
                                    view! {
                                        <option value=value selected=selected>
                                            {format!("{} · {}", lang.pick(&o.title_it, &o.title_en), o.location)}
                                        </option>
                                    }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit">{t(Text::Show)}</button>
                        </form>
                        </AutoSubmit>
                    }
                })}
            </Suspense>
            <div class="grid-2">
                <section class="panel" aria-labelledby="sources-title">
                    <h2 id="sources-title">{t(Text::SourceBreakdown)}</h2>
                    <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                        {move || Suspend::new(async move {
                            match sources.await {
                                Ok(rows) if !rows.is_empty() => view! { <SourceChart rows /> }.into_any(),
                                Ok(_) => view! { <p class="muted">{t(Text::NoData)}</p> }.into_any(),
                                Err(_) => view! { <p class="alert error">{t(Text::GenericError)}</p> }.into_any(),
                            }
                        })}
                    </Suspense>
                </section>
                <section class="panel" aria-labelledby="funnel-title">
                    <h2 id="funnel-title">{t(Text::FunnelTitle)}</h2>
                    <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                        {move || Suspend::new(async move {
                            match funnel.await {
                                Ok(Some(funnel)) => view! { <FunnelChart funnel /> }.into_any(),
                                Ok(None) => view! { <p class="muted">{t(Text::ChooseOpening)}</p> }.into_any(),
                                Err(_) => view! { <p class="alert error">{t(Text::GenericError)}</p> }.into_any(),
                            }
                        })}
                    </Suspense>
                </section>
            </div>
        </section>
    }
}

/// Chart geometry shared by both charts.
const WIDTH: f64 = 560.0;
const LABEL_WIDTH: f64 = 190.0;
const ROW_HEIGHT: f64 = 34.0;
const BAR_HEIGHT: f64 = 22.0;

/// A bar's length for `value` out of `max`, in the chart's units.
fn bar_length(value: u32, max: u32) -> f64 {
    if max == 0 {
        0.0
    } else {
        (WIDTH - LABEL_WIDTH - 60.0) * f64::from(value) / f64::from(max)
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
    let height = ROW_HEIGHT * rows.len() as f64 + 8.0;
    let summary = rows
        .iter()
        .map(|r| format!("{}: {}", label(r), r.applications))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary>
            {rows.iter().enumerate().map(|(i, row)| {
                let y = i as f64 * ROW_HEIGHT + 4.0;
                let length = bar_length(row.applications, max);
                let hired = bar_length(row.hired, max);
                view! {
                    <g class="chart-row">
                        <text x="0" y=y + BAR_HEIGHT * 0.7 class="chart-label">{label(row)}</text>
                        <rect x=LABEL_WIDTH y=y width=length height=BAR_HEIGHT rx="3" class="bar" />
                        <rect x=LABEL_WIDTH y=y width=hired height=BAR_HEIGHT rx="3" class="bar hired" />
                        <text x=LABEL_WIDTH + length + 6.0 y=y + BAR_HEIGHT * 0.7 class="chart-value">
                            {row.applications.to_string()}
                        </text>
                    </g>
                }
            }).collect_view()}
        </svg>
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
    let height = ROW_HEIGHT * funnel.steps.len() as f64 + 8.0;
    let centre = LABEL_WIDTH + (WIDTH - LABEL_WIDTH - 60.0) / 2.0;
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
                let y = i as f64 * ROW_HEIGHT + 4.0;
                let length = bar_length(step.reached, max).max(2.0);
                view! {
                    <g class="chart-row">
                        <text x="0" y=y + BAR_HEIGHT * 0.7 class="chart-label">{t(step.stage.label())}</text>
                        <rect x=centre - length / 2.0 y=y width=length height=BAR_HEIGHT rx="3" class="bar" />
                        <text x=centre y=y + BAR_HEIGHT * 0.7 class="chart-value inside" text-anchor="middle">
                            {step.reached.to_string()}
                        </text>
                        <text x=WIDTH - 4.0 y=y + BAR_HEIGHT * 0.7 class="chart-value" text-anchor="end">
                            {step.conversion_pct.map(|p| format!("{p:.0}%")).unwrap_or_default()}
                        </text>
                    </g>
                }
            }).collect_view()}
        </svg>
        <table class="chart-table">
            <thead>
                <tr>
                    <th scope="col">{t(Text::Status)}</th>
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
