//! One application's assessment: per competency of the profile, the interviewers' ratings
//! (with their mean and spread), the levels of graded tests, the level they show together
//! against the required one, and the weighted fit, with both formulas written out and the
//! competencies not yet assessed listed, so nobody reads a partial score as final.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::assessments::summary::get_application_assessment;
use crate::app::{use_lang, use_texts};
use crate::components::guard::{Notice, guarded, refusal};
use crate::i18n::{Lang, Text};
use crate::model::{ApplicationAssessment, ApplicationId, AssessedCompetency, Fit, Permission};
use crate::pages::{RecordPath, record_path};

/// A level in tenths as a number with one decimal: "3.7" (or "3,7" in Italian).
pub fn tenths(lang: Lang, value: u16) -> String {
    let text = format!("{}.{}", value / 10, value % 10);
    match lang {
        Lang::It => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The fit in words: "81%", and whether it is still partial.
#[component]
pub fn FitSummary(fit: Fit) -> impl IntoView {
    let t = use_texts();
    view! {
        <p class="fit">
            <strong>{match fit.percent {
                Some(p) => format!("{}: {p}%", t(Text::FitScore)),
                None => format!("{}: –", t(Text::FitScore)),
            }}</strong>
            {fit.is_partial().then(|| view! {
                " "
                <span class="badge warn">
                    {format!("{} {} / {}", t(Text::FitPartial), fit.assessed_weight, fit.total_weight)}
                </span>
            })}
        </p>
    }
}

#[component]
pub fn AssessmentPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<ApplicationId>) {
            RecordPath::Existing(id) => view! { <AssessmentLoader id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn AssessmentLoader(id: ApplicationId) -> impl IntoView {
    let t = use_texts();
    let found = Resource::new(move || id, get_application_assessment);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <AssessmentView found /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

fn ratings_text(lang: Lang, c: &AssessedCompetency) -> String {
    if c.ratings.is_empty() {
        return "–".to_owned();
    }
    let given: Vec<String> = c.ratings.iter().map(u8::to_string).collect();
    format!(
        "{} ({} {}, {} {})",
        given.join(", "),
        Text::Mean.get(lang),
        c.rating_mean_tenths
            .map_or_else(String::new, |m| tenths(lang, m)),
        Text::Spread.get(lang),
        c.rating_spread.unwrap_or(0)
    )
}

#[component]
fn AssessmentView(found: ApplicationAssessment) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let a = found.assessment.clone();
    let title = format!("{} · {}", t(Text::AssessmentTitle), a.candidate_name);
    let missing: Vec<String> = a
        .not_assessed()
        .map(|c| lang.pick(&c.name_it, &c.name_en).to_owned())
        .collect();
    view! {
        <Title text=title.clone() />
        <section class="page">
            <h1>{title}</h1>
            <p>
                <a href=format!("/candidates/{}", a.candidate_id)>{a.candidate_name.clone()}</a>
                " · "
                <a href=format!("/openings/{}/assessment", found.opening_id)>
                    {lang.pick(&found.opening_title_it, &found.opening_title_en).to_owned()}
                </a>
            </p>
            <FitSummary fit=a.fit />
            <p class="hint">{t(Text::FitFormula)}</p>
            {(!missing.is_empty()).then(|| view! {
                <p class="alert warning" id="not-assessed">
                    {format!("{} {}", t(Text::NotAssessedYet), missing.join(", "))}
                </p>
            })}
            <div class="table-wrap" tabindex="0" role="region" aria-label=t(Text::AssessmentTitle)>
                <table id="assessment" class="stacking">
                    <thead>
                        <tr>
                            <th scope="col">{t(Text::Competency)}</th>
                            <th scope="col">{t(Text::Weight)}</th>
                            <th scope="col">{t(Text::RequiredLevel)}</th>
                            <th scope="col">{t(Text::InterviewRatings)}</th>
                            <th scope="col">{t(Text::TestsTitle)}</th>
                            <th scope="col">{t(Text::Level)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {a.competencies.iter().map(|c| {
                            let meets = c.meets();
                            view! {
                                <tr>
                                    <th scope="row" data-label=t(Text::Competency)>{lang.pick(&c.name_it, &c.name_en).to_owned()}</th>
                                    <td data-label=t(Text::Weight)>{c.weight}</td>
                                    <td data-label=t(Text::RequiredLevel)>{c.required_level}</td>
                                    <td data-label=t(Text::InterviewRatings)>{ratings_text(lang, c)}</td>
                                    <td data-label=t(Text::TestsTitle)>
                                        {c.tests.is_empty().then_some("–")}
                                        <ul class="plain">
                                            {c.tests.iter().map(|e| view! {
                                                <li>
                                                    <a href=e.test.path()>{lang.pick(&e.title_it, &e.title_en).to_owned()}</a>
                                                    {format!(": {}", e.level)}
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    </td>
                                    <td data-label=t(Text::Level)>
                                        {c.level_tenths.map_or_else(|| "–".to_owned(), |l| tenths(lang, l))}
                                        {meets.map(|ok| view! {
                                            " "
                                            <span class=if ok { "badge ok" } else { "badge warn" }>
                                                {t(if ok { Text::MeetsLevel } else { Text::BelowLevel })}
                                            </span>
                                        })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="hint">{t(Text::LevelFromEvidence)}</p>
        </section>
    }
}
