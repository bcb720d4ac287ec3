//! Practical tests: the tests page (to grade, graded, and for HR everything waiting), a test's
//! page with the grading form, the template list and editor, and the form HR assign a test
//! with on the candidate's page.

pub mod assessment;
pub mod assign;
pub mod banks;
pub mod comparison;
pub mod materials;
pub mod materials_link;
pub mod online_review;
pub mod online_send;
pub mod online_take;
pub mod templates;
pub mod test;
pub mod tests;

use leptos::prelude::*;

use crate::app::{use_lang, use_texts};
use crate::components::dates::calendar_day;
use crate::components::dates::day;
use crate::i18n::Text;
use crate::model::{
    Contribution, OnlineStatus, OnlineTestSummary, PracticalTestSummary, TestStatus,
};

/// A test's state in words and as a badge class: to grade, overdue, passed, not passed.
pub fn state_of(test: &PracticalTestSummary) -> (Text, &'static str) {
    match (test.status, test.passed) {
        (TestStatus::Graded, Some(true)) => (Text::TestPassed, "badge ok"),
        (TestStatus::Graded, _) => (Text::TestFailed, "badge warn"),
        (TestStatus::Assigned, _) if test.overdue => (Text::TestOverdue, "badge warn"),
        (TestStatus::Assigned, _) => (Text::TestStatusAssigned, "badge"),
    }
}

/// Practical tests as a table: test, candidate, opening, grader, due date, state and points.
#[component]
pub fn TestTable(tests: Vec<PracticalTestSummary>, id: &'static str) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    if tests.is_empty() {
        return view! { <p class="muted" id=id>{t(Text::NoTests)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=t(Text::TestsTitle)>
            <table id=id class="stacking">
                <thead>
                    <tr>
                        <th scope="col">{t(Text::TestTemplate)}</th>
                        <th scope="col">{t(Text::Candidate)}</th>
                        <th scope="col">{t(Text::NavOpenings)}</th>
                        <th scope="col">{t(Text::Grader)}</th>
                        <th scope="col">{t(Text::DueOn)}</th>
                        <th scope="col">{t(Text::Outcome)}</th>
                    </tr>
                </thead>
                <tbody>
                    {tests
                        .into_iter()
                        .map(|test| {
                            let (state, class) = state_of(&test);
                            let points = test
                                .points
                                .map(|p| format!(" {p}/{}", test.max_points));
                            view! {
                                <tr>
                                    <td data-label=t(Text::TestTemplate)>
                                        <a href=format!("/tests/{}", test.id)>{lang.pick(&test.title_it, &test.title_en).to_owned()}</a>
                                    </td>
                                    <td data-label=t(Text::Candidate)>{test.candidate_name.clone()}</td>
                                    <td data-label=t(Text::NavOpenings)>{lang.pick(&test.opening_title_it, &test.opening_title_en).to_owned()}</td>
                                    <td data-label=t(Text::Grader)>{test.grader_name.clone()}</td>
                                    <td data-label=t(Text::DueOn)>{calendar_day(lang, test.due_on)}</td>
                                    <td data-label=t(Text::Outcome)><span class=class>{t(state)}</span>{points}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// An online test's state in words and as a badge class.
pub fn online_state_of(test: &OnlineTestSummary) -> (Text, &'static str) {
    match (test.status, test.passed) {
        (OnlineStatus::Graded, Some(true)) => (Text::TestPassed, "badge ok"),
        (OnlineStatus::Graded, _) => (Text::TestFailed, "badge warn"),
        (OnlineStatus::Submitted, _) => (Text::OnlineStatusSubmitted, "badge"),
        (OnlineStatus::Started, _) => (Text::OnlineStatusStarted, "badge"),
        (OnlineStatus::Sent, _) => (Text::OnlineStatusSent, "badge off"),
    }
}

/// Online tests as a table: test, candidate, opening, grader, sent, state and points.
#[component]
pub fn OnlineTestTable(tests: Vec<OnlineTestSummary>, id: &'static str) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    if tests.is_empty() {
        return view! { <p class="muted" id=id>{t(Text::NoTests)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=t(Text::OnlineTests)>
            <table id=id class="stacking">
                <thead>
                    <tr>
                        <th scope="col">{t(Text::TestTemplate)}</th>
                        <th scope="col">{t(Text::Candidate)}</th>
                        <th scope="col">{t(Text::NavOpenings)}</th>
                        <th scope="col">{t(Text::Grader)}</th>
                        <th scope="col">{t(Text::SentOn)}</th>
                        <th scope="col">{t(Text::Outcome)}</th>
                    </tr>
                </thead>
                <tbody>
                    {tests
                        .into_iter()
                        .map(|test| {
                            let (state, class) = online_state_of(&test);
                            let points = test.points.map(|p| format!(" {p}/{}", test.max_points));
                            view! {
                                <tr>
                                    <td data-label=t(Text::TestTemplate)>
                                        <a href=format!("/online-tests/{}", test.id)>{lang.pick(&test.title_it, &test.title_en).to_owned()}</a>
                                    </td>
                                    <td data-label=t(Text::Candidate)>{test.candidate_name.clone()}</td>
                                    <td data-label=t(Text::NavOpenings)>{lang.pick(&test.opening_title_it, &test.opening_title_en).to_owned()}</td>
                                    <td data-label=t(Text::Grader)>{test.grader_name.clone()}</td>
                                    <td data-label=t(Text::SentOn)>{day(lang, &test.sent_at)}</td>
                                    <td data-label=t(Text::Outcome)><span class=class>{t(state)}</span>{points}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// What a graded test shows per competency, with the conversion of points to a level written
/// out; nothing before it is graded.
#[component]
pub fn ContributionsTable(contributions: Vec<Contribution>, id: &'static str) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    (!contributions.is_empty()).then(|| {
        view! {
            <h2>{t(Text::Contributions)}</h2>
            <div class="table-wrap">
                <table id=id>
                    <thead>
                        <tr>
                            <th scope="col">{t(Text::Competency)}</th>
                            <th scope="col">{t(Text::Points)}</th>
                            <th scope="col">{t(Text::Level)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {contributions.iter().map(|c| view! {
                            <tr>
                                <td>{lang.pick(&c.name_it, &c.name_en).to_owned()}</td>
                                <td>{format!("{}/{}", c.points, c.max_points)}</td>
                                <td>{c.level}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="hint">{t(Text::LevelFormula)}</p>
        }
    })
}
