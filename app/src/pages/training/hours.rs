//! The training hours ledger (`/training/hours`, HR): hours per employee or department in the
//! months, quarters or whole of a year, against the yearly targets, as a table and a chart
//! drawn on the server, with the same as CSV; and the yearly target of each job profile, set
//! with plain forms (`forms::training` on the server). No bundle.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::training::hours::{training_ledger, training_targets};
use crate::app::{use_lang, use_texts};
use crate::components::form::{FormMessages, FormState};
use crate::components::guard::{guarded, refusal, set_page_status};
use crate::components::pager::LinkPager;
use crate::i18n::{Lang, Text, field_error_message};
use crate::model::{
    AppError, HoursTarget, JobProfileId, Ledger, LedgerQuery, LedgerRow, LedgerRows,
    MOST_TARGET_HOURS, Period, Permission,
};

/// A target the server refused: for which profile, what was typed, and why.
#[derive(Debug, Clone)]
pub struct TargetDraft {
    pub profile: JobProfileId,
    pub hours: String,
    pub error: AppError,
}

/// Where the page's forms post.
pub const HOURS_PAGE: &str = "/training/hours";

#[component]
pub fn HoursPage() -> impl IntoView {
    guarded(Permission::ManageEmployees, |_| view! { <HoursLedger /> })
}

fn period_label(period: Period) -> Text {
    match period {
        Period::Month => Text::ByMonth,
        Period::Quarter => Text::ByQuarter,
        Period::Year => Text::ByYear,
    }
}

/// The heading of column `n` (from 0).
fn column_heading(lang: Lang, period: Period, n: usize) -> String {
    const MONTHS_IT: [&str; 12] = [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ];
    const MONTHS_EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match period {
        Period::Month => lang.pick(MONTHS_IT[n], MONTHS_EN[n]).to_owned(),
        Period::Quarter => format!("Q{}", n + 1),
        Period::Year => lang.pick("Anno", "Year").to_owned(),
    }
}

#[component]
fn HoursLedger() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map().with_untracked(|q| {
        let pairs: Vec<(String, String)> = q
            .clone()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        LedgerQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    });
    let saved = use_query_map().with_untracked(|q| q.get("target").is_some());
    let csv = format!("/training/hours.csv?{}", query.to_query());
    let ledger = {
        let query = query.clone();
        Resource::new(move || (), move |()| training_ledger(query.clone()))
    };
    let targets = Resource::new(|| (), |()| training_targets());
    view! {
        <Title text=t(Text::HoursLedger) />
        <section class="page wide">
            <div class="page-head">
                <h1>{t(Text::HoursLedger)}</h1>
                <a class="button" href=csv download="training-hours.csv" rel="nofollow">{t(Text::ExportCsv)}</a>
            </div>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || {
                    let query = query.clone();
                    Suspend::new(async move {
                        match ledger.await {
                            Ok(ledger) => view! { <LedgerView ledger query /> }.into_any(),
                            Err(error) => refusal(&error),
                        }
                    })
                }}
            </Suspense>
            <h2 id="targets-heading">{t(Text::HoursTargets)}</h2>
            <p class="hint">{t(Text::HoursTargetsHint)}</p>
            {saved.then(|| view! { <p class="alert success" role="status" id="target-notice">{t(Text::TargetSaved)}</p> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match targets.await {
                        Ok(targets) => view! { <Targets targets /> }.into_any(),
                        Err(error) => refusal(&error),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn LedgerView(ledger: Ledger, query: LedgerQuery) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let period = ledger.period;
    let by_department = ledger.rows_by == LedgerRows::Department;
    let (page, pages) = (ledger.page, ledger.page_count());
    let paged = query.clone();
    let at_page = move |page: u64| {
        format!(
            "{HOURS_PAGE}?{}",
            LedgerQuery {
                page,
                ..paged.clone()
            }
            .to_query()
        )
    };
    let pager = view! { <LinkPager page page_count=pages href=at_page /> };
    let options = |items: Vec<(String, String)>, chosen: String| {
        items
            .into_iter()
            .map(|(value, label)| {
                let selected = value == chosen;
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let periods: Vec<(String, String)> = Period::ALL
        .iter()
        .map(|p| (p.as_str().to_owned(), t(period_label(*p)).to_owned()))
        .collect();
    let rows_by = vec![
        ("employee".to_owned(), t(Text::ByEmployee).to_owned()),
        ("department".to_owned(), t(Text::ByDepartment).to_owned()),
    ];
    let departments: Vec<(String, String)> =
        std::iter::once((String::new(), t(Text::All).to_owned()))
            .chain(ledger.departments.iter().map(|d| (d.clone(), d.clone())))
            .collect();
    view! {
        <form class="filters panel" method="get" action=HOURS_PAGE>
            <div class="filter-fields">
                <label for="f-year">{t(Text::Year)}<input id="f-year" name="year" type="number" min="2000" max="2100" value=ledger.year.to_string() /></label>
                <label for="f-period">{t(Text::Period)}<select id="f-period" name="period">{options(periods, period.as_str().to_owned())}</select></label>
                <label for="f-rows">{t(Text::Rows)}<select id="f-rows" name="rows">{options(rows_by, ledger.rows_by.as_str().to_owned())}</select></label>
                <label for="f-department">{t(Text::Department)}<select id="f-department" name="department">{options(departments, query.department.clone().unwrap_or_default())}</select></label>
            </div>
            <div class="form-actions">
                <button type="submit" class="primary">{t(Text::Filter)}</button>
            </div>
        </form>
        <HoursChart rows=ledger.rows.clone() lang />
        <div class="table-wrap">
            <table class="stacking" id="ledger">
                <thead>
                    <tr>
                        <th scope="col">{t(if by_department { Text::Department } else { Text::Employee })}</th>
                        {(!by_department).then(|| view! { <th scope="col">{t(Text::Department)}</th> })}
                        {(0..period.columns()).map(|n| view! { <th scope="col">{column_heading(lang, period, n)}</th> }).collect_view()}
                        <th scope="col">{t(Text::TotalHours)}</th>
                        <th scope="col">{t(Text::TargetHours)}</th>
                        <th scope="col">"%"</th>
                    </tr>
                </thead>
                <tbody>
                    {ledger.rows.into_iter().map(|row| {
                        let label = if row.label.is_empty() { t(Text::NoDepartment).to_owned() } else { row.label.clone() };
                        view! {
                            <tr>
                                <td class="lead-cell">
                                    {match row.employee {
                                        Some(id) => view! { <a href=format!("/employees/{id}")>{label}</a> }.into_any(),
                                        None => view! { <span>{label}</span> }.into_any(),
                                    }}
                                </td>
                                {(!by_department).then(|| view! { <td data-label=t(Text::Department)>{row.department.clone()}</td> })}
                                {row.hours.iter().enumerate().map(|(n, h)| view! { <td data-label=column_heading(lang, period, n)>{*h}</td> }).collect_view()}
                                <td data-label=t(Text::TotalHours)><strong>{row.total}</strong></td>
                                <td data-label=t(Text::TargetHours)>{row.target}</td>
                                <td data-label="%">{row.percent().map_or_else(|| "–".to_owned(), |p| format!("{p}%"))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {pager}
    }
}

/// Each row's hours done as a bar, with a mark at its target.
#[component]
fn HoursChart(rows: Vec<LedgerRow>, lang: Lang) -> impl IntoView {
    let t = use_texts();
    let shown: Vec<&LedgerRow> = rows.iter().take(30).collect();
    if shown.is_empty() {
        return view! { <p id="no-hours">{t(Text::NothingHere)}</p> }.into_any();
    }
    const ROW: usize = 26;
    const LABEL: usize = 200;
    const WIDTH: usize = 360;
    let most = shown
        .iter()
        .map(|r| r.total.max(r.target))
        .max()
        .unwrap_or(1)
        .max(1) as usize;
    let scale = |hours: u32| hours as usize * WIDTH / most;
    let height = ROW * shown.len() + 8;
    let summary = shown
        .iter()
        .map(|r| format!("{}: {} / {}", r.label, r.total, r.target))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="chart" id="hours-chart">
            <svg
                viewBox=format!("0 0 {} {height}", LABEL + WIDTH + 60)
                role="img"
                aria-label=format!("{}. {summary}", t(Text::HoursLedger))
                xmlns="http://www.w3.org/2000/svg"
            >
                {shown.iter().enumerate().map(|(i, r)| {
                    let y = ROW * i;
                    let label = if r.label.is_empty() { t(Text::NoDepartment).to_owned() } else { r.label.clone() };
                    let short = r.target > 0 && r.total < r.target;
                    view! {
                        <g class:short=short>
                            <text class="label" x=(LABEL - 8).to_string() y=(y + 17).to_string() text-anchor="end">{label}</text>
                            <rect class="level" x=LABEL.to_string() y=(y + 5).to_string() width=scale(r.total).to_string() height="16" />
                            {(r.target > 0).then(|| {
                                let x = LABEL + scale(r.target);
                                view! { <line class="required" x1=x.to_string() x2=x.to_string() y1=(y + 2).to_string() y2=(y + 24).to_string() /> }
                            })}
                            <text class="axis" x=(LABEL + scale(r.total) + 6).to_string() y=(y + 17).to_string()>{r.total}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption class="hint">{lang.pick(
                "La barra sono le ore svolte; la linea è l'obiettivo annuale.",
                "The bar is the hours done; the line is the yearly target.",
            ).to_owned()}</figcaption>
        </figure>
    }
    .into_any()
}

/// Each profile's yearly target, a plain form a row.
#[component]
fn Targets(targets: Vec<HoursTarget>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::scoped("target");
    let draft = use_context::<TargetDraft>();
    if let Some(draft) = &draft {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    view! {
        <FormMessages form />
        <div class="table-wrap">
            <table class="stacking" id="targets">
                <thead>
                    <tr>
                        <th scope="col">{t(Text::JobProfile)}</th>
                        <th scope="col">{format!("{} (0–{MOST_TARGET_HOURS})", t(Text::TargetHours))}</th>
                    </tr>
                </thead>
                <tbody>
                    {targets.into_iter().map(|target| {
                        let refused = draft.as_ref().filter(|d| d.profile == target.profile);
                        let value = refused.map_or_else(|| target.hours.to_string(), |d| d.hours.clone());
                        let error = refused.and_then(|d| d.error.field_errors().get("hours").map(|e| field_error_message(lang, e)));
                        let title = lang.pick(&target.title_it, &target.title_en).to_owned();
                        let id = format!("target-{}", target.profile);
                        let error_id = format!("{id}-error");
                        view! {
                            <tr>
                                <td class="lead-cell"><label for=id.clone()>{title.clone()}</label></td>
                                <td data-label=t(Text::TargetHours)>
                                    <form method="post" action=HOURS_PAGE class="outcome">
                                        <input type="hidden" name="profile" value=target.profile.to_string() />
                                        <input id=id name="hours" type="number" min="0" max=MOST_TARGET_HOURS.to_string() value=value aria-invalid=error.is_some().to_string() aria-describedby=error_id.clone() />
                                        <button type="submit">
                                            {t(Text::Save)}
                                            <span class="visually-hidden">{format!(" – {title}")}</span>
                                        </button>
                                        <p class="field-error" id=error_id>{error}</p>
                                    </form>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
