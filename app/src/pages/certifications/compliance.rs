//! The compliance matrix (`/compliance`, HR): everyone still with the company against what
//! their job profile requires (certifications and mandatory courses), each cell ok, expiring,
//! expired, pending verification or missing with its date, in text and a sign as well as
//! colour; the counts at the top, filters by department, profile and manager, the worst rows
//! first or by name, fifty a page with plain links between pages, and the same as CSV.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::state_label;
use crate::api::certifications::compliance::compliance_report;
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::dates::calendar_day;
use crate::components::guard::{guarded, refusal};
use crate::components::pager::LinkPager;
use crate::i18n::{PageText, Text};
use crate::model::{
    COMPLIANCE_ROWS_PER_PAGE, CellState, ComplianceMatrix, ComplianceQuery, ComplianceSort,
    Permission, Requirement,
};

/// The page's address.
pub const COMPLIANCE_PAGE: &str = "/compliance";

#[component]
pub fn CompliancePage() -> impl IntoView {
    guarded(Permission::ManageEmployees, |_| view! { <Compliance /> })
}

#[component]
fn Compliance() -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let query = use_query_map().with_untracked(|q| {
        let pairs: Vec<(String, String)> = q
            .clone()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ComplianceQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    });
    let csv = format!(
        "/compliance.csv?{}",
        ComplianceQuery {
            page: 0,
            ..query.clone()
        }
        .to_query()
    );
    let matrix = {
        let query = query.clone();
        Resource::new(move || (), move |()| compliance_report(query.clone()))
    };
    view! {
        <Title text=p(PageText::ComplianceMatrix) />
        <section class="page wide">
            <div class="page-head">
                <h1>{p(PageText::ComplianceMatrix)}</h1>
                <a class="button" href=csv download="compliance.csv" rel="nofollow">{t(Text::ExportCsv)}</a>
            </div>
            <p class="hint">{p(PageText::ComplianceHint)}</p>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || {
                    let query = query.clone();
                    Suspend::new(async move {
                        match matrix.await {
                            Ok(matrix) => view! { <MatrixView matrix query /> }.into_any(),
                            Err(error) => refusal(&error),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn MatrixView(matrix: ComplianceMatrix, query: ComplianceQuery) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let lang = use_lang();
    let options = |items: Vec<(String, String)>, chosen: String| {
        std::iter::once((String::new(), t(Text::All).to_owned()))
            .chain(items)
            .map(|(value, label)| {
                let selected = value == chosen;
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let departments: Vec<(String, String)> = matrix
        .departments
        .iter()
        .map(|d| (d.clone(), d.clone()))
        .collect();
    let profiles: Vec<(String, String)> = matrix
        .profiles
        .iter()
        .map(|(id, it, en)| (id.to_string(), lang.pick(it, en).to_owned()))
        .collect();
    let managers: Vec<(String, String)> = matrix
        .managers
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone()))
        .collect();
    let sorts = [
        (ComplianceSort::Worst, PageText::WorstFirst),
        (ComplianceSort::Name, PageText::ByName),
    ];
    let (page, page_count) = (matrix.page, matrix.page_count());
    let paged = query.clone();
    let at_page = move |page: u64| {
        format!(
            "{COMPLIANCE_PAGE}?{}",
            ComplianceQuery {
                page,
                ..paged.clone()
            }
            .to_query()
        )
    };
    let pager = view! { <LinkPager page page_count href=at_page /> };
    let first = page * COMPLIANCE_ROWS_PER_PAGE + 1;
    let shown = (!matrix.rows.is_empty()).then(|| {
        let last = first + matrix.rows.len() as u64 - 1;
        view! { <p class="hint" id="compliance-shown">{crate::i18n::showing(lang, first, last, matrix.total_rows)}</p> }
    });

    view! {
        <form class="filters panel" method="get" action=COMPLIANCE_PAGE>
            <div class="filter-fields">
                <label for="f-department">{t(Text::Department)}<select id="f-department" name="department">{options(departments, query.department.clone().unwrap_or_default())}</select></label>
                <label for="f-profile">{t(Text::JobProfile)}<select id="f-profile" name="profile">{options(profiles, query.profile.map(|p| p.to_string()).unwrap_or_default())}</select></label>
                <label for="f-manager">{p(PageText::Manager)}<select id="f-manager" name="manager">{options(managers, query.manager.map(|m| m.to_string()).unwrap_or_default())}</select></label>
                <label for="f-sort">{p(PageText::SortBy)}
                    <select id="f-sort" name="sort">
                        {sorts.into_iter().map(|(sort, label)| view! { <option value=sort.as_str() selected=query.sort == sort>{p(label)}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="form-actions">
                <button type="submit" class="primary">{t(Text::Filter)}</button>
            </div>
        </form>
        <ul class="summary-counts" id="compliance-counts">
            {CellState::ALL.into_iter().map(|state| view! {
                <li class=format!("state state-{}", state.as_str()) data-state=state.as_str()>
                    <strong>{matrix.counts.get(state)}</strong>
                    {format!(" {} {}", state.icon(), p(state_label(state)))}
                </li>
            }).collect_view()}
        </ul>
        {shown}
        {if matrix.rows.is_empty() {
            view! { <p id="no-compliance">{t(Text::NothingHere)}</p> {pager} }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table id="compliance" class="matrix">
                        <caption class="visually-hidden">{p(PageText::ComplianceMatrix)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(Text::Employee)}</th>
                                {matrix.columns.iter().map(|c| {
                                    let kind = match c.requirement {
                                        Requirement::Certification(_) => p(PageText::Certification),
                                        Requirement::Course(_) => p(PageText::MandatoryCourse),
                                    };
                                    view! { <th scope="col">{lang.pick(&c.name_it, &c.name_en).to_owned()}<span class="muted">{format!(" ({kind})")}</span></th> }
                                }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {matrix.rows.iter().map(|row| {
                                let profile = lang.pick(&row.profile_it, &row.profile_en).to_owned();
                                view! {
                                    <tr data-employee=row.employee.to_string() data-worst=row.worst().as_str()>
                                        <th scope="row">
                                            <a href=format!("/employees/{}#certifications-heading", row.employee)>{row.name.clone()}</a>
                                            <span class="muted">{format!(" · {profile}")}{(!row.department.is_empty()).then(|| format!(" · {}", row.department))}</span>
                                        </th>
                                        {row.cells.iter().map(|cell| match cell {
                                            None => view! { <td class="not-required">{p(PageText::NotRequired)}</td> }.into_any(),
                                            Some(cell) => {
                                                let date = cell.date.map(|d| calendar_day(lang, d));
                                                view! {
                                                    <td class=format!("state state-{}", cell.state.as_str()) data-state=cell.state.as_str()>
                                                        {format!("{} {}", cell.state.icon(), p(state_label(cell.state)))}
                                                        {date.map(|d| view! { <br /><span class="cell-date">{d}</span> })}
                                                        {cell.renewal_pending.then(|| view! { <br /><span class="muted">{p(PageText::RenewalPending)}</span> })}
                                                    </td>
                                                }
                                                    .into_any()
                                            }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {pager}
            }
                .into_any()
        }}
    }
}
