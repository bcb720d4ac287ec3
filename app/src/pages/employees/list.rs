//! HR's employee list (`/employees`): search by name or email, filters by department, job
//! profile, manager and status kept in the address, paginated in SQL, and the same list as
//! CSV. Server-rendered: the filters are a plain GET form and the pager is links.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::employees::records::{employee_filter_choices, list_employees};
use crate::app::{use_lang, use_texts};
use crate::components::dates::calendar_day;
use crate::components::form::error_text;
use crate::components::guard::{guarded, set_page_status};
use crate::i18n::{Counted, Text, field_error_message, total};
use crate::model::{EmployeeChoices, EmployeeFilter, EmployeeStatus, Permission};

#[component]
pub fn EmployeeListPage() -> impl IntoView {
    guarded(Permission::ManageEmployees, |_| view! { <EmployeeList /> })
}

/// The address of the list for `filter` at `page`.
fn address(filter: &EmployeeFilter, page: u64) -> String {
    let mut query = filter.to_query();
    if page > 0 {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&format!("page={page}"));
    }
    if query.is_empty() {
        "/employees".into()
    } else {
        format!("/employees?{query}")
    }
}

#[component]
fn EmployeeList() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let query = use_query_map();
    let (filter, page) = query.with_untracked(|q| {
        let pairs: Vec<(String, String)> = q
            .clone()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let filter =
            EmployeeFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let page = q
            .get("page")
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(0);
        (filter, page)
    });
    let csv = format!("/employees.csv?{}", filter.to_query());
    let pager_filter = filter.clone();
    let results = {
        let filter = filter.clone();
        Resource::new(move || (), move |()| list_employees(filter.clone(), page))
    };
    let choices = Resource::new(|| (), |()| employee_filter_choices());
    view! {
        <Title text=t(Text::EmployeesTitle) />
        <section class="page wide">
            <div class="page-head">
                <h1>{t(Text::EmployeesTitle)}</h1>
                <a class="button" href=csv download="employees.csv" rel="nofollow">{t(Text::ExportCsv)}</a>
            </div>
            <Suspense fallback=|| ()>
                {
                    let filter = filter.clone();
                    move || {
                        let filter = filter.clone();
                        Suspend::new(async move {
                            let choices = choices.await.unwrap_or_default();
                            view! { <Filters filter choices /> }
                        })
                    }
                }
            </Suspense>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {
                    move || {
                        let filter = pager_filter.clone();
                        Suspend::new(async move {
                            let list = match results.await {
                                Ok(list) => list,
                                Err(error) => {
                                    set_page_status(error.status());
                                    let message = match error.field_errors().get("page") {
                                        Some(refused) => field_error_message(lang, refused),
                                        None => error_text(lang, &error),
                                    };
                                    return view! {
                                        <p class="alert error" role="alert">{message}</p>
                                        <p><a href="/employees">{t(Text::FirstPage)}</a></p>
                                    }
                                        .into_any();
                                }
                            };
                            if list.items.is_empty() {
                                return view! { <p id="no-employees">{t(Text::NoEmployees)}</p> }.into_any();
                            }
                            let position = match list.page_count() {
                                Some(pages) => format!("{} {} {} {pages}", t(Text::PageOf), list.page + 1, t(Text::Of)),
                                None => format!("{} {}", t(Text::PageOf), list.page + 1),
                            };
                            let (page, more) = (list.page, list.more);
                            view! {
                                <p class="muted" aria-live="polite">{total(lang, list.total, Counted::Result)}</p>
                                <div class="table-wrap">
                                    <table class="stacking" id="employees">
                                        <thead>
                                            <tr>
                                                <th scope="col">{t(Text::Name)}</th>
                                                <th scope="col">{t(Text::JobProfile)}</th>
                                                <th scope="col">{t(Text::Department)}</th>
                                                <th scope="col">{t(Text::Location)}</th>
                                                <th scope="col">{t(Text::Manager)}</th>
                                                <th scope="col">{t(Text::StartDate)}</th>
                                                <th scope="col">{t(Text::Status)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list.items.into_iter().map(|e| view! {
                                                <tr>
                                                    <td class="lead-cell">
                                                        <a href=format!("/employees/{}", e.id)>{e.name}</a>
                                                        <span class="muted small">{format!(" {}", e.email)}</span>
                                                    </td>
                                                    <td data-label=t(Text::JobProfile)>{e.profile.map(|p| lang.pick(&p.title_it, &p.title_en).to_owned())}</td>
                                                    <td data-label=t(Text::Department)>{e.department}</td>
                                                    <td data-label=t(Text::Location)>{e.location}</td>
                                                    <td data-label=t(Text::Manager)>{e.manager.map(|m| m.name)}</td>
                                                    <td data-label=t(Text::StartDate)>{e.start_date.map(|d| calendar_day(lang, d))}</td>
                                                    <td data-label=t(Text::Status)><span class="badge">{t(e.status.label())}</span></td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                <nav class="pager" aria-label=t(Text::PageOf)>
                                    {(page > 0).then(|| view! { <a class="button" href=address(&filter, page - 1)>{t(Text::Previous)}</a> })}
                                    <span>{position}</span>
                                    {more.then(|| view! { <a class="button" href=address(&filter, page + 1)>{t(Text::Next)}</a> })}
                                </nav>
                            }
                                .into_any()
                        })
                    }
                }
            </Suspense>
        </section>
    }
}

/// A labelled select of a plain GET form; `choices` are (value, label) pairs.
fn select(
    name: &'static str,
    label: &'static str,
    value: String,
    choices: Vec<(String, String)>,
) -> impl IntoView {
    let id = format!("f-{name}");
    let label_for = id.clone();
    view! {
        <label for=label_for>
            {label}
            <select id=id name=name>
                {choices
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = v == value;
                        view! { <option value=v selected=selected>{l}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The filter form: a plain GET form whose fields are the list's query parameters.
#[component]
fn Filters(filter: EmployeeFilter, choices: EmployeeChoices) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let with_any = |rest: Vec<(String, String)>| {
        let mut all = vec![(String::new(), t(Text::All).to_owned())];
        all.extend(rest);
        all
    };
    let departments = with_any(
        choices
            .departments
            .iter()
            .map(|d| (d.clone(), d.clone()))
            .collect(),
    );
    let profiles = with_any(
        choices
            .profiles
            .iter()
            .map(|p| {
                (
                    p.id.to_string(),
                    lang.pick(&p.title_it, &p.title_en).to_owned(),
                )
            })
            .collect(),
    );
    let managers = with_any(
        choices
            .managers
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect(),
    );
    let statuses = with_any(
        EmployeeStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), t(s.label()).to_owned()))
            .collect(),
    );
    view! {
        <form class="filters panel" role="search" method="get" action="/employees">
            <label for="f-q">
                {t(Text::Search)}
                <input id="f-q" name="q" type="search" value=filter.q.clone() />
            </label>
            <div class="filter-fields">
                {select("department", t(Text::Department), filter.department.clone().unwrap_or_default(), departments)}
                {select("profile", t(Text::JobProfile), filter.profile.map(|p| p.to_string()).unwrap_or_default(), profiles)}
                {select("manager", t(Text::Manager), filter.manager.map(|m| m.to_string()).unwrap_or_default(), managers)}
                {select("status", t(Text::Status), filter.status.map(|s| s.as_str().to_owned()).unwrap_or_default(), statuses)}
            </div>
            <div class="form-actions">
                <button type="submit" class="primary">{t(Text::Filter)}</button>
                <a class="button" href="/employees">{t(Text::ClearFilters)}</a>
            </div>
        </form>
    }
}
