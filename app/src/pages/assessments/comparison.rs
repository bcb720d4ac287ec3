//! An opening's candidates side by side, fifty a page: a chart of their fit (SVG drawn on the
//! server, its figures also in the table) and a table of the fit and each competency's level,
//! sorted by the fit or by any competency and paged through plain links (`?sort=..&page=..`),
//! so it works without JavaScript. The server sorts and pages; the page shows what it got.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::assessment::tenths;
use crate::api::assessments::summary::get_opening_assessment;
use crate::app::{use_lang, use_texts};
use crate::components::guard::{Notice, guarded, refusal, set_page_status};
use crate::components::pager::LinkPager;
use crate::i18n::{Text, field_error_message, showing};
use crate::model::{
    AppError, Assessment, ComparisonSort, OpeningAssessment, OpeningId, Permission,
};
use crate::pages::{RecordPath, record_path};

/// The address of page `page` (from 0) sorted by `sort`, relative to the page itself.
fn address(sort: ComparisonSort, page: u64) -> String {
    if page == 0 {
        format!("?sort={}", sort.as_query())
    } else {
        format!("?sort={}&page={page}", sort.as_query())
    }
}

#[component]
pub fn ComparisonPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<OpeningId>) {
            RecordPath::Existing(id) => view! { <ComparisonLoader id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn ComparisonLoader(id: OpeningId) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let query = use_query_map();
    let found = Resource::new(
        move || {
            query.with(|q| {
                let sort = ComparisonSort::parse(q.get("sort").as_deref());
                let page = q.get("page").and_then(|p| p.parse::<u64>().ok());
                (id, sort, page.unwrap_or(0))
            })
        },
        |(id, sort, page)| get_opening_assessment(id, sort, page),
    );
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <ComparisonView found /> }.into_any(),
                    Err(AppError::Invalid(errors)) => {
                        set_page_status(422);
                        let message = errors
                            .get("page")
                            .map_or_else(|| t(Text::GenericError).to_owned(), |e| field_error_message(lang, e));
                        view! {
                            <p class="alert error" role="alert">{message}</p>
                            <p><a href=address(ComparisonSort::Fit, 0)>{t(Text::FirstPage)}</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

/// The fit of each candidate as horizontal bars, in the table's order.
#[component]
fn FitChart(candidates: Vec<Assessment>) -> impl IntoView {
    let t = use_texts();
    const ROW: usize = 28;
    const LABEL: usize = 180;
    const BAR: usize = 300;
    let height = ROW * candidates.len() + 8;
    let width = LABEL + BAR + 60;
    view! {
        <figure class="fit-figure">
            <svg
                id="fit-chart"
                class="chart fit"
                viewBox=format!("0 0 {width} {height}")
                width="100%"
                role="img"
                aria-labelledby="fit-chart-title"
            >
                <title id="fit-chart-title">{t(Text::FitChart)}</title>
                {candidates.into_iter().enumerate().map(|(row, c)| {
                    let y = row * ROW + 4;
                    let percent = usize::from(c.fit.percent.unwrap_or(0));
                    let label = match c.fit.percent {
                        Some(p) if c.fit.is_partial() => format!("{p}%*"),
                        Some(p) => format!("{p}%"),
                        None => "–".to_owned(),
                    };
                    view! {
                        <g>
                            <text class="chart-label" x="0" y=y + 18>{c.candidate_name.clone()}</text>
                            <rect class="track" x=LABEL y=y + 4 width=BAR height="18" />
                            <rect class="bar" class:partial=c.fit.is_partial() x=LABEL y=y + 4 width=BAR * percent / 100 height="18" />
                            <text class="chart-value" x=LABEL + BAR + 8 y=y + 18>{label}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption class="hint">{t(Text::FitChartCaption)}</figcaption>
        </figure>
    }
}

#[component]
fn ComparisonView(found: OpeningAssessment) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let title = format!(
        "{} · {}",
        t(Text::CompareCandidates),
        lang.pick(&found.title_it, &found.title_en)
    );
    let by = found.sort;
    let (page, page_count, total) = (found.page, found.page_count(), found.total);
    let shown = found.shown();
    let candidates = found.candidates;
    let header = move |label: String, sort: ComparisonSort| {
        let current = sort == by;
        view! {
            <th scope="col" aria-sort=if current { "descending" } else { "none" }>
                <a href=address(sort, 0)>{label}{current.then_some(" ↓")}</a>
            </th>
        }
    };
    view! {
        <Title text=title.clone() />
        <section class="page">
            <p><a href=format!("/openings/{}/board", found.opening_id)>{format!("← {}", t(Text::Board))}</a></p>
            <h1>{title}</h1>
            {if candidates.is_empty() {
                view! { <p class="muted">{t(Text::NoCandidatesToCompare)}</p> }.into_any()
            } else {
                view! {
                    <FitChart candidates=candidates.clone() />
                    <p class="hint">{t(Text::FitFormula)}</p>
                    <p class="muted" id="comparison-shown" aria-live="polite">
                        {shown.map(|(first, last)| showing(lang, first, last, total))}
                    </p>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t(Text::CompareCandidates)>
                        <table id="comparison">
                            <thead>
                                <tr>
                                    <th scope="col">{t(Text::Candidate)}</th>
                                    <th scope="col">{t(Text::StageLabel)}</th>
                                    {header(t(Text::FitScore).to_owned(), ComparisonSort::Fit)}
                                    {found.competencies.iter().map(|c| header(lang.pick(&c.name_it, &c.name_en).to_owned(), ComparisonSort::Competency(c.id))).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {candidates.iter().map(|c| view! {
                                    <tr>
                                        <th scope="row">
                                            <a href=format!("/applications/{}/assessment", c.application_id)>{c.candidate_name.clone()}</a>
                                        </th>
                                        <td>{t(c.stage.label())}</td>
                                        <td>
                                            {c.fit.percent.map_or_else(|| "–".to_owned(), |p| format!("{p}%"))}
                                            {c.fit.is_partial().then(|| view! { " " <span class="badge warn">{t(Text::FitPartialShort)}</span> })}
                                        </td>
                                        {c.competencies.iter().map(|x| view! {
                                            <td class:below=x.meets() == Some(false)>
                                                {x.level_tenths.map_or_else(|| "–".to_owned(), |l| tenths(lang, l))}
                                            </td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <LinkPager page page_count href=move |p| address(by, p) />
                    <p class="hint">{t(Text::LevelFromEvidence)}</p>
                }
                .into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_page_leaves_the_page_out_of_its_address() {
        assert_eq!(address(ComparisonSort::Fit, 0), "?sort=fit");
        assert_eq!(
            address(ComparisonSort::Competency(crate::model::CompetencyId(7)), 2),
            "?sort=7&page=2"
        );
    }
}
