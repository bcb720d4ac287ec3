//! A practical test's page: the candidate and opening, the instructions and the materials, the
//! start (a plain form: the candidate's link to the materials works from then until the time
//! is up), the rubric with each criterion's points once graded, the result against the pass
//! mark, what it shows per competency (with the conversion written out), and for its grader the
//! grading form.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::materials::language_label;
use super::{ContributionsTable, state_of};
use crate::api::assessments::practical::GradePracticalTest;
use crate::api::assessments::practical::{get_practical_test, grade_practical_test};
use crate::app::{use_lang, use_texts};
use crate::components::browser::reload;
use crate::components::dates::{calendar_day, date_time};
use crate::components::files::file_size;
use crate::components::form::{FormMessages, FormState, SubmitButton, TextField, error_text};
use crate::components::guard::{Notice, guarded, refusal, set_page_status};
use crate::i18n::{Text, field_error_message};
use crate::model::{
    AppError, CriterionView, FieldError, FieldErrors, GradingInput, MaterialView, Permission,
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
                <dt>{t(Text::TestStartedAt)}</dt>
                <dd id="test-started">
                    {match detail.started_at {
                        Some(at) => date_time(lang, &at),
                        None => t(Text::NotStartedYet).to_owned(),
                    }}
                </dd>
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
            <TestMaterials id=s.id materials=detail.materials.clone() />
            <StartForm id=s.id can_start=detail.can_start />
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

/// A start the server refused, put back on the page with its reason.
#[derive(Debug, Clone)]
pub struct StartDraft {
    pub error: AppError,
}

/// The test's materials, for the grader and HR to download.
#[component]
fn TestMaterials(id: PracticalTestId, materials: Vec<MaterialView>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let started = use_query_map().with_untracked(|q| q.get("started"));
    let notice = started.map(|how| {
        if how == "sent" {
            t(Text::TestStartedLinkSent)
        } else {
            t(Text::TestStartedNoLink)
        }
    });
    view! {
        {notice.map(|n| view! { <p class="alert success" role="status" id="test-start-notice">{n}</p> })}
        <h2>{t(Text::Materials)}</h2>
        {if materials.is_empty() {
            view! { <p>{t(Text::NoMaterials)}</p> }.into_any()
        } else {
            view! {
                <ul id="test-materials" class="files">
                    {materials.into_iter().map(|m| view! {
                        <li>
                            <a href=format!("/tests/{id}/materials/{}", m.id)>{m.name.clone()}</a>
                            <span class="muted">{format!(" {} · {}", file_size(m.size_bytes), language_label(lang, m.lang))}</span>
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

/// Starting the test: a plain form to the server, which comes back to this page (offered while
/// the test can start; a refused start says why, even once it no longer can).
#[component]
fn StartForm(id: PracticalTestId, can_start: bool) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let refused = use_context::<StartDraft>().map(|draft| {
        set_page_status(draft.error.status());
        error_text(lang, &draft.error)
    });
    view! {
        {refused.map(|reason| view! { <p class="alert error" role="alert" id="start-refused">{reason}</p> })}
        {can_start.then(|| view! {
            <form method="post" action=format!("/tests/{id}/start") id="start-test" class="panel">
                <p class="hint">{t(Text::StartPracticalHint)}</p>
                <button type="submit" class="primary">{t(Text::StartPracticalTest)}</button>
            </form>
        })}
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
