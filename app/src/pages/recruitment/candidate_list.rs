//! The candidate list: full-text search, filters and sorting kept in the address, paginated in
//! SQL, and exported to CSV with the same filters. Server-rendered HTML: the filters are a plain
//! GET form and the pager is links, so the page needs no script.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::recruitment::candidates::{list_candidates, list_tags};
use crate::api::recruitment::openings::list_openings;
use crate::app::{use_lang, use_texts};
use crate::components::dates::day;
use crate::components::form::error_text;
use crate::components::guard::{guarded, set_page_status};
use crate::i18n::{Counted, Text, field_error_message, total};
use crate::model::{
    Area, CandidateFilter, CandidateSort, OpeningSummary, Permission, SOURCES, Sector, Stage,
};

#[component]
pub fn CandidateListPage() -> impl IntoView {
    guarded(
        Permission::ManageRecruitment,
        |_| view! { <CandidateList /> },
    )
}

fn sort_label(sort: CandidateSort) -> Text {
    match sort {
        CandidateSort::Newest => Text::SortNewest,
        CandidateSort::Oldest => Text::SortOldest,
        CandidateSort::Name => Text::SortName,
    }
}

pub(crate) fn source_label(source: &str) -> Text {
    match source {
        "careers" => Text::SourceCareers,
        "referral" => Text::SourceReferral,
        "job_board" => Text::SourceJobBoard,
        "import" => Text::SourceImport,
        _ => Text::SourceManual,
    }
}

/// The address of the list for `filter` at `page`.
fn address(filter: &CandidateFilter, page: u64) -> String {
    let mut query = filter.to_query();
    if page > 0 {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&format!("page={page}"));
    }
    if query.is_empty() {
        "/candidates".into()
    } else {
        format!("/candidates?{query}")
    }
}

#[component]
fn CandidateList() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            let pairs: Vec<(String, String)> = q
                .clone()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            CandidateFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    });
    let page = Memo::new(move |_| {
        query.with(|q| {
            q.get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(0)
        })
    });
    let results = Resource::new(
        move || (filter.get(), page.get()),
        |(f, p)| list_candidates(f, p),
    );
    let openings = Resource::new(|| (), |()| list_openings());
    let tags = Resource::new(|| (), |()| list_tags());
    view! {
        <Title text=t(Text::CandidatesTitle) />
        <section class="page">
            <div class="page-head">
                <h1>{t(Text::CandidatesTitle)}</h1>
                <a
                    class="button"
                    href=move || format!("/candidates.csv?{}", filter.get().to_query())
                    download="candidates.csv"
                    rel="nofollow"
                >
                    {t(Text::ExportCsv)}
                </a>
            </div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let openings = openings.await.unwrap_or_default();
                    let tags = tags.await.unwrap_or_default();
                    view! { <Filters filter=filter.get_untracked() openings tags /> }
                })}
            </Suspense>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let list = match results.await {
                        Ok(list) => list,
                        // A page past any list (`?page=` typed by hand): said, with the way back.
                        Err(error) => {
                            set_page_status(error.status());
                            let message = match error.field_errors().get("page") {
                                Some(refused) => field_error_message(lang, refused),
                                None => error_text(lang, &error),
                            };
                            return view! {
                                <p class="alert error" role="alert">{message}</p>
                                <p><a href="/candidates">{t(Text::FirstPage)}</a></p>
                            }
                                .into_any();
                        }
                    };
                    let current = filter.get_untracked();
                    let page = list.page;
                    let more = list.more;
                    let position = match list.page_count() {
                        Some(pages) => format!("{} {} {} {pages}", t(Text::PageOf), page + 1, t(Text::Of)),
                        None => format!("{} {}", t(Text::PageOf), page + 1),
                    };
                    if list.items.is_empty() {
                        return view! { <p>{t(Text::NoCandidates)}</p> }.into_any();
                    }
                    view! {
                        <p class="muted" aria-live="polite">{total(lang, list.total, Counted::Result)}</p>
                        <div class="table-wrap">
                            <table class="stacking">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(Text::Name)}</th>
                                        <th scope="col">{t(Text::Email)}</th>
                                        <th scope="col">{t(Text::LatestApplication)}</th>
                                        <th scope="col">{t(Text::StageLabel)}</th>
                                        <th scope="col">{t(Text::Source)}</th>
                                        <th scope="col">{t(Text::AppliedOn)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list
                                        .items
                                        .into_iter()
                                        .map(|c| {
                                            view! {
                                                <tr>
                                                    <td class="lead-cell">
                                                        <a href=format!("/candidates/{}", c.id)>{c.name}</a>
                                                        {c.tags.into_iter().map(|tag| view! { " " <span class="badge">{tag}</span> }).collect_view()}
                                                    </td>
                                                    <td data-label=t(Text::Email)>{c.email.unwrap_or_default()}</td>
                                                    <td data-label=t(Text::LatestApplication)>{lang.pick(&c.latest_title_it, &c.latest_title_en).to_owned()}</td>
                                                    <td data-label=t(Text::StageLabel)>{c.latest_stage.map(|s| view! { <span class="badge">{t(s.label())}</span> })}</td>
                                                    <td data-label=t(Text::Source)>{c.latest_source.map(|s| t(source_label(&s)))}</td>
                                                    <td data-label=t(Text::AppliedOn)>{c.latest_applied_at.map(|a| day(lang, &a))}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <nav class="pager" aria-label=t(Text::PageOf)>
                            {(page > 0).then(|| view! { <a class="button" href=address(&current, page - 1)>{t(Text::Previous)}</a> })}
                            <span>{position}</span>
                            {more.then(|| view! { <a class="button" href=address(&current, page + 1)>{t(Text::Next)}</a> })}
                        </nav>
                    }
                        .into_any()
                })}
            </Suspense>
        </section>
    }
}

/// The filter form: a plain GET form whose fields are the list's query parameters.
#[component]
fn Filters(
    filter: CandidateFilter,
    openings: Vec<OpeningSummary>,
    tags: Vec<String>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let select =
        move |name: &'static str, label: Text, value: String, choices: Vec<(String, String)>| {
            let id = format!("f-{name}");
            let label_for = id.clone();
            view! {
                <label for=label_for>
                    {t(label)}
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
        };
    let with_any = |any: Text, rest: Vec<(String, String)>| {
        let mut all = vec![(String::new(), t(any).to_owned())];
        all.extend(rest);
        all
    };
    let opening_choices = with_any(
        Text::AnyOpening,
        openings
            .iter()
            .map(|o| {
                (
                    o.id.to_string(),
                    format!("{} · {}", lang.pick(&o.title_it, &o.title_en), o.location),
                )
            })
            .collect(),
    );
    let stage_choices = with_any(
        Text::AnyStage,
        Stage::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), t(s.label()).to_owned()))
            .collect(),
    );
    let source_choices = with_any(
        Text::AnySource,
        SOURCES
            .iter()
            .map(|s| ((*s).to_owned(), t(source_label(s)).to_owned()))
            .collect(),
    );
    let tag_choices = with_any(
        Text::AnyTag,
        tags.into_iter().map(|tag| (tag.clone(), tag)).collect(),
    );
    let area_choices = with_any(
        Text::AllAreas,
        Area::FOR_PROFILES
            .iter()
            .map(|a| (a.as_str().to_owned(), t(a.label()).to_owned()))
            .collect(),
    );
    let sector_choices = with_any(
        Text::AnySector,
        Sector::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), t(s.label()).to_owned()))
            .collect(),
    );
    let sort_choices = CandidateSort::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), t(sort_label(*s)).to_owned()))
        .collect();
    let or_empty = |value: Option<String>| value.unwrap_or_default();
    let active: Vec<&str> = [
        (filter.opening.is_some(), Text::NavOpenings),
        (filter.stage.is_some(), Text::StageLabel),
        (filter.source.is_some(), Text::Source),
        (filter.tag.is_some(), Text::TagsLabel),
        (filter.area.is_some(), Text::Area),
        (filter.sector.is_some(), Text::Sector),
        (filter.from.is_some(), Text::AppliedFrom),
        (filter.to.is_some(), Text::AppliedTo),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, label)| t(label))
    .collect();
    let summary = if active.is_empty() {
        t(Text::Filters).to_owned()
    } else {
        format!("{} ({})", t(Text::Filters), active.join(", "))
    };
    view! {
        <form class="filters panel" role="search" method="get" action="/candidates">
            <label for="f-q">
                {t(Text::Search)}
                <input id="f-q" name="q" type="search" aria-describedby="f-q-hint" value=filter.q.clone() />
                <span class="hint" id="f-q-hint">{t(Text::SearchHint)}</span>
            </label>
            // On a phone the other filters fold behind this; its title says which are on.
            <details class="more-filters">
            <summary>{summary}</summary>
            <div class="filter-fields">
            {select("opening", Text::NavOpenings, or_empty(filter.opening.map(|o| o.to_string())), opening_choices)}
            {select("stage", Text::StageLabel, or_empty(filter.stage.map(|s| s.as_str().to_owned())), stage_choices)}
            {select("source", Text::Source, or_empty(filter.source.clone()), source_choices)}
            {select("tag", Text::TagsLabel, or_empty(filter.tag.clone()), tag_choices)}
            {select("area", Text::Area, or_empty(filter.area.map(|a| a.as_str().to_owned())), area_choices)}
            {select("sector", Text::Sector, or_empty(filter.sector.map(|s| s.as_str().to_owned())), sector_choices)}
            <label for="f-from">
                {t(Text::AppliedFrom)}
                <input id="f-from" name="from" type="date" value=or_empty(filter.from.map(|d| d.to_string())) />
            </label>
            <label for="f-to">
                {t(Text::AppliedTo)}
                <input id="f-to" name="to" type="date" value=or_empty(filter.to.map(|d| d.to_string())) />
            </label>
            {select("sort", Text::SortBy, filter.sort.as_str().to_owned(), sort_choices)}
            </div>
            </details>
            <div class="form-actions">
                <button type="submit" class="primary">{t(Text::Filter)}</button>
                <a class="button" href="/candidates">{t(Text::ClearFilters)}</a>
            </div>
        </form>
    }
    .into_any()
}
