//! A practical test's page: the candidate and opening, the instructions, the rubric with each
//! criterion's points once graded, the result against the pass mark, what it shows per
//! competency (with the conversion written out), and for its grader the grading form.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{ContributionsTable, state_of};
use crate::api::assessments::practical::GradePracticalTest;
use crate::api::assessments::practical::{get_practical_test, grade_practical_test};
use crate::app::{use_lang, use_texts};
use crate::components::browser::reload;
use crate::components::dates::{calendar_day, date_time};
use crate::components::form::{FormMessages, FormState, SubmitButton, TextField};
use crate::components::guard::{Notice, guarded, refusal};
use crate::i18n::{Text, field_error_message};
use crate::model::{
    AppError, CriterionView, FieldError, FieldErrors, GradingInput, Permission,
    PracticalTestDetail, PracticalTestId, ScoreInput, TestCriterionId,
};
use crate::pages::{RecordPath, record_path};
use server_fn::ServerFn;

#[component]
pub fn TestPage() -> impl IntoView {
    guarded(Permission::Interview, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<PracticalTestId>) {
            RecordPath::Existing(id) => view! { <TestLoader id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn TestLoader(id: PracticalTestId) -> impl IntoView {
    let t = use_texts();
    let detail = Resource::new(move || id, get_practical_test);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <TestView detail /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TestView(detail: PracticalTestDetail) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let s = detail.summary.clone();
    let (state, class) = state_of(&s);
    let title = format!(
        "{} · {}",
        lang.pick(&s.title_it, &s.title_en),
        s.candidate_name
    );
    let result = s.points.map(|points| {
        format!(
            "{points} {} {} · {} {} {}",
            t(Text::PassMarkOutOf),
            s.max_points,
            t(Text::ToPass),
            detail.pass_mark,
            t(Text::Points).to_lowercase()
        )
    });
    view! {
        <Title text=title.clone() />
        <section class="page">
            <h1>{title}</h1>
            <dl class="facts">
                <dt>{t(Text::Candidate)}</dt>
                <dd><a href=format!("/candidates/{}", s.candidate_id)>{s.candidate_name.clone()}</a></dd>
                <dt>{t(Text::NavOpenings)}</dt>
                <dd>{lang.pick(&s.opening_title_it, &s.opening_title_en).to_owned()}</dd>
                <dt>{t(Text::Grader)}</dt>
                <dd>{s.grader_name.clone()}</dd>
                <dt>{t(Text::DueOn)}</dt>
                <dd>{calendar_day(lang, s.due_on)}</dd>
                <dt>{t(Text::TimeLimit)}</dt>
                <dd>{format!("{} {}", detail.time_limit_minutes, t(Text::MinutesShort))}</dd>
                <dt>{t(Text::ToPass)}</dt>
                <dd>{format!("{} {} {}", detail.pass_mark, t(Text::PassMarkOutOf), s.max_points)}</dd>
                <dt>{t(Text::AssignedBy)}</dt>
                <dd>{format!("{} · {}", detail.assigned_by_name, date_time(lang, &detail.assigned_at))}</dd>
                <dt>{t(Text::Outcome)}</dt>
                <dd id="test-outcome">
                    <span class=class>{t(state)}</span>
                    {result.map(|r| format!(" {r}"))}
                    {detail.graded_at.map(|at| format!(" · {} {}", t(Text::GradedOn), date_time(lang, &at)))}
                </dd>
            </dl>
            <h2>{t(Text::Instructions)}</h2>
            <p class="prose">{lang.pick(&detail.instructions_it, &detail.instructions_en).to_owned()}</p>
            {if detail.can_grade {
                view! { <GradingForm id=s.id criteria=detail.criteria.clone() /> }.into_any()
            } else {
                view! { <RubricTable criteria=detail.criteria.clone() /> }.into_any()
            }}
            {(!detail.notes.is_empty()).then(|| view! {
                <h2>{t(Text::OverallNotes)}</h2>
                <p class="prose">{detail.notes.clone()}</p>
            })}
            <ContributionsTable contributions=detail.contributions.clone() id="contributions" />
        </section>
    }
}

/// The rubric as read: criterion, competency, what earns the points, and the points given.
#[component]
fn RubricTable(criteria: Vec<CriterionView>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <h2>{t(Text::Rubric)}</h2>
        <div class="table-wrap">
            <table id="rubric" class="stacking">
                <thead>
                    <tr>
                        <th scope="col">{t(Text::Competency)}</th>
                        <th scope="col">{t(Text::Description)}</th>
                        <th scope="col">{t(Text::Points)}</th>
                    </tr>
                </thead>
                <tbody>
                    {criteria.into_iter().map(|c| view! {
                        <tr>
                            <td data-label=t(Text::Competency)>{lang.pick(&c.competency_it, &c.competency_en).to_owned()}</td>
                            <td data-label=t(Text::Description)>
                                {lang.pick(&c.description_it, &c.description_en).to_owned()}
                                {(!c.notes.is_empty()).then(|| view! { <p class="reason">{c.notes.clone()}</p> })}
                            </td>
                            <td data-label=t(Text::Points)>
                                {match c.points {
                                    Some(p) => format!("{p}/{}", c.max_points),
                                    None => format!("–/{}", c.max_points),
                                }}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One criterion's fields.
#[derive(Debug, Clone, Copy)]
struct ScoreFields {
    id: TestCriterionId,
    max: u16,
    points: RwSignal<String>,
    notes: RwSignal<String>,
}

/// The points typed, or the field error they earn: required, or from 0 to the maximum.
fn points_of(fields: &ScoreFields) -> Result<u16, FieldError> {
    let typed = fields.points.get_untracked();
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(FieldError::new("required"));
    }
    match typed.parse::<u16>() {
        Ok(points) if points <= fields.max => Ok(points),
        _ => Err(FieldError {
            code: "points_above_max".into(),
            param: Some(i64::from(fields.max)),
        }),
    }
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-interviews"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-interviews")), component)]
fn GradingForm(id: PracticalTestId, criteria: Vec<CriterionView>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let fields: Vec<ScoreFields> = criteria
        .iter()
        .map(|c| ScoreFields {
            id: c.id,
            max: c.max_points,
            points: RwSignal::new(String::new()),
            notes: RwSignal::new(String::new()),
        })
        .collect();
    let fields = StoredValue::new(fields);
    let notes = RwSignal::new(String::new());
    let save = Action::new(move |input: &GradingInput| {
        let input = input.clone();
        async move { grade_practical_test(id, input).await }
    });
    form.follow(save, move |_passed: bool| {
        form.succeed(Text::GradingSubmitted);
        // The page shows the result, the points per competency and the locked rubric.
        reload();
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut errors = FieldErrors::default();
        let scores = fields.with_value(|all| {
            all.iter()
                .enumerate()
                .map(|(index, f)| ScoreInput {
                    criterion_id: f.id,
                    points: match points_of(f) {
                        Ok(points) => Some(points),
                        Err(error) => {
                            errors.0.insert(format!("scores.{index}.points"), error);
                            None
                        }
                    },
                    notes: f.notes.get_untracked(),
                })
                .collect()
        });
        let input = GradingInput {
            scores,
            notes: notes.get_untracked(),
        };
        if !errors.is_empty() {
            form.fail(&AppError::Invalid(errors));
        } else if form.check(&input) {
            save.dispatch(input);
        }
    };
    let total = move || {
        fields.with_value(|all| {
            all.iter()
                .filter_map(|f| f.points.get().trim().parse::<u32>().ok())
                .sum::<u32>()
        })
    };
    let max_total: u32 = criteria.iter().map(|c| u32::from(c.max_points)).sum();
    view! {
        <section class="panel" aria-labelledby="grading-title">
            <h2 id="grading-title">{t(Text::Grading)}</h2>
            <p class="hint">{t(Text::GradingHint)}</p>
            <form method="post" action=GradePracticalTest::PATH on:submit=submit novalidate>
                <FormMessages form />
                {criteria
                    .into_iter()
                    .enumerate()
                    .map(|(index, c)| {
                        let f = fields.with_value(|all| all[index]);
                        let field = format!("scores.{index}.points");
                        let error = Signal::derive(move || {
                            form.errors.with(|e| e.get(&field).map(|e| field_error_message(lang, e)))
                        });
                        let input_id = format!("score-{index}");
                        let error_id = format!("{input_id}-error");
                        view! {
                            <fieldset class="rating criterion">
                                <legend>{format!("{} {} – {}", t(Text::CriterionNumber), index + 1, lang.pick(&c.competency_it, &c.competency_en))}</legend>
                                <p>{lang.pick(&c.description_it, &c.description_en).to_owned()}</p>
                                <div class="field" class:invalid=move || error.with(Option::is_some)>
                                    <label for=input_id.clone()>{format!("{} (0–{})", t(Text::Points), c.max_points)}</label>
                                    <input
                                        id=input_id
                                        type="number"
                                        inputmode="numeric"
                                        min="0"
                                        max=c.max_points.to_string()
                                        required=true
                                        aria-describedby=error_id.clone()
                                        prop:value=move || f.points.get()
                                        on:input=move |ev| f.points.set(event_target_value(&ev))
                                    />
                                    <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
                                </div>
                                <TextField name=format!("scores.{index}.notes") label=t(Text::CriterionNotes) value=f.notes form multiline=true />
                            </fieldset>
                        }
                    })
                    .collect_view()}
                <p class="total" aria-live="polite">{move || format!("{}: {} / {max_total}", t(Text::TotalPoints), total())}</p>
                <TextField name="notes" label=t(Text::OverallNotes) value=notes form multiline=true />
                <div class="form-actions">
                    <SubmitButton label=t(Text::SubmitGrading) pending=save.pending().into() />
                </div>
            </form>
        </section>
    }
}
