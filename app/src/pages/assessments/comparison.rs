//! An opening's candidates side by side: a chart of their fit (SVG drawn on the server, its
//! figures also in the table) and a table of the fit and each competency's level, sorted by
//! the fit or by any competency through plain links, so it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::assessment::tenths;
use crate::api::assessments::summary::get_opening_assessment;
use crate::app::{use_lang, use_texts};
use crate::components::guard::{Notice, guarded, set_page_status};
use crate::i18n::Text;
use crate::model::{AppError, Assessment, CompetencyId, OpeningAssessment, OpeningId, Permission};
use crate::pages::{RecordPath, record_path};

/// What the table is sorted by, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Fit,
    Competency(CompetencyId),
}

impl SortBy {
    /// `?sort=fit` or `?sort=<competency id>`; the fit when absent or unknown.
    pub fn parse(value: Option<&str>) -> SortBy {
        value
            .and_then(|v| v.parse().ok())
            .map_or(SortBy::Fit, SortBy::Competency)
    }

    fn query(self) -> String {
        match self {
            SortBy::Fit => "?sort=fit".to_owned(),
            SortBy::Competency(id) => format!("?sort={id}"),
        }
    }
}

/// The candidate's figure `by` sorts on: none (last) when not assessed.
fn key(candidate: &Assessment, by: SortBy) -> Option<u16> {
    match by {
        SortBy::Fit => candidate.fit.percent.map(u16::from),
        SortBy::Competency(id) => candidate
            .competencies
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.level_tenths),
    }
}

/// `candidates` best first by `by`, those not assessed last, ties by name.
pub fn sorted(mut candidates: Vec<Assessment>, by: SortBy) -> Vec<Assessment> {
    candidates.sort_by(|a, b| {
        key(b, by)
            .cmp(&key(a, by))
            .then_with(|| a.candidate_name.cmp(&b.candidate_name))
    });
    candidates
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
    let found = Resource::new(move || id, get_opening_assessment);
    let query = use_query_map();
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                let by = query.with(|q| SortBy::parse(q.get("sort").as_deref()));
                match found.await {
                    Ok(found) => view! { <ComparisonView found by /> }.into_any(),
                    Err(AppError::NotFound) => {
                        set_page_status(404);
                        view! { <Notice text=Text::NotFound /> }.into_any()
                    }
                    Err(_) => view! { <Notice text=Text::GenericError /> }.into_any(),
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
fn ComparisonView(found: OpeningAssessment, by: SortBy) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let title = format!(
        "{} · {}",
        t(Text::CompareCandidates),
        lang.pick(&found.title_it, &found.title_en)
    );
    let candidates = sorted(found.candidates, by);
    let header = move |label: String, sort: SortBy| {
        let current = sort == by;
        view! {
            <th scope="col" aria-sort=if current { "descending" } else { "none" }>
                <a href=sort.query()>{label}{current.then_some(" ↓")}</a>
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
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t(Text::CompareCandidates)>
                        <table id="comparison">
                            <thead>
                                <tr>
                                    <th scope="col">{t(Text::Candidate)}</th>
                                    <th scope="col">{t(Text::StageLabel)}</th>
                                    {header(t(Text::FitScore).to_owned(), SortBy::Fit)}
                                    {found.competencies.iter().map(|c| header(lang.pick(&c.name_it, &c.name_en).to_owned(), SortBy::Competency(c.id))).collect_view()}
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
    use crate::model::{ApplicationId, CandidateId, Fit, Stage};

    fn candidate(name: &str, fit: Option<u8>) -> Assessment {
        Assessment {
            application_id: ApplicationId(1),
            candidate_id: CandidateId(1),
            candidate_name: name.to_owned(),
            stage: Stage::Interview,
            competencies: Vec::new(),
            fit: Fit {
                percent: fit,
                assessed_weight: 1,
                total_weight: 1,
            },
        }
    }

    #[test]
    fn candidates_sort_best_first_with_those_not_assessed_last() {
        let order: Vec<String> = sorted(
            vec![
                candidate("Bruno", None),
                candidate("Anna", Some(60)),
                candidate("Carla", Some(90)),
                candidate("Dario", Some(60)),
            ],
            SortBy::Fit,
        )
        .into_iter()
        .map(|c| c.candidate_name)
        .collect();
        assert_eq!(order, ["Carla", "Anna", "Dario", "Bruno"]);
    }

    #[test]
    fn an_unknown_sort_is_the_fit() {
        assert_eq!(SortBy::parse(Some("x")), SortBy::Fit);
        assert_eq!(SortBy::parse(None), SortBy::Fit);
        assert_eq!(
            SortBy::parse(Some("7")),
            SortBy::Competency(CompetencyId(7))
        );
    }
}
