//! An online test's page for HR and its grader: where it stands, every question with the right
//! options marked and the candidate's answer (once handed in), the typing figures and the
//! fields copied right, the points, what it shows per competency, and the grader's form for
//! the short answers.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{ContributionsTable, online_state_of};
use crate::api::assessments::online::GradeOnlineAnswers;
use crate::api::assessments::online::{get_online_test, grade_online_answers};
use crate::app::{use_lang, use_texts};
use crate::components::browser::reload;
use crate::components::dates::date_time;
use crate::components::form::{FormMessages, FormState, SubmitButton, TextField};
use crate::components::guard::{Notice, guarded, refusal};
use crate::i18n::{Lang, Text, field_error_message};
use crate::model::{
    Answer, AnswerGrading, AnswerScore, AppError, FieldError, FieldErrors, ItemReview,
    OnlineItemId, OnlineTestDetail, OnlineTestId, Permission, QuestionBody,
};
use crate::pages::{RecordPath, record_path};
use server_fn::ServerFn;

#[component]
pub fn OnlineReviewPage() -> impl IntoView {
    guarded(Permission::Interview, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<OnlineTestId>) {
            RecordPath::Existing(id) => view! { <ReviewLoader id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn ReviewLoader(id: OnlineTestId) -> impl IntoView {
    let t = use_texts();
    let detail = Resource::new(move || id, get_online_test);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <Review detail /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

/// One decimal from tenths: "12.4" (or "12,4").
fn tenths(lang: Lang, value: u32) -> String {
    let text = format!("{}.{}", value / 10, value % 10);
    if lang == Lang::It {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The candidate's answer to `item`, in words.
fn answer_view(lang: Lang, item: &ItemReview) -> AnyView {
    let t = |text: Text| text.get(lang);
    match (&item.body, &item.answer) {
        (_, None) => view! { <p class="muted">{t(Text::NoAnswer)}</p> }.into_any(),
        (
            QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options },
            Some(Answer::Choice(chosen)),
        ) => view! {
            <ul class="options">
                {options.iter().enumerate().map(|(i, o)| {
                    let picked = chosen.contains(&i);
                    view! {
                        <li class:picked=picked class:right=o.correct>
                            {if picked { "☒ " } else { "☐ " }}
                            {lang.pick(&o.text_it, &o.text_en).to_owned()}
                            {o.correct.then(|| view! { " " <span class="badge ok">{t(Text::RightOption)}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
        (_, Some(Answer::Text(text) | Answer::Typed(text))) => {
            view! { <p class="prose answer">{text.clone()}</p> }.into_any()
        }
        (QuestionBody::DataEntry { columns, .. }, Some(Answer::Table(rows))) => view! {
            <div class="table-wrap">
                <table>
                    <thead><tr>{columns.iter().map(|(it, en)| view! { <th scope="col">{lang.pick(it, en).to_owned()}</th> }).collect_view()}</tr></thead>
                    <tbody>{rows.iter().map(|r| view! { <tr>{r.iter().map(|v| view! { <td>{v.clone()}</td> }).collect_view()}</tr> }).collect_view()}</tbody>
                </table>
            </div>
        }
        .into_any(),
        _ => view! { <p class="muted">{t(Text::NoAnswer)}</p> }.into_any(),
    }
}

#[component]
fn Review(detail: OnlineTestDetail) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let s = detail.summary.clone();
    let (state, class) = online_state_of(&s);
    let title = format!(
        "{} · {}",
        lang.pick(&s.title_it, &s.title_en),
        s.candidate_name
    );
    let handed_in = s.submitted_at.is_some();
    let short: Vec<ItemReview> = detail
        .items
        .iter()
        .filter(|i| matches!(i.body, QuestionBody::ShortText))
        .cloned()
        .collect();
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
                <dt>{t(Text::SentOn)}</dt>
                <dd>{date_time(lang, &s.sent_at)}</dd>
                <dt>{t(Text::TimeLimit)}</dt>
                <dd>{format!("{} {}", detail.time_limit_minutes, t(Text::MinutesShort))}</dd>
                <dt>{t(Text::ToPass)}</dt>
                <dd>{format!("{} {} {}", detail.pass_mark, t(Text::PassMarkOutOf), s.max_points)}</dd>
                <dt>{t(Text::Outcome)}</dt>
                <dd id="online-outcome">
                    <span class=class>{t(state)}</span>
                    {s.points.map(|p| format!(" {p} {} {}", t(Text::PassMarkOutOf), s.max_points))}
                    {s.submitted_at.map(|at| format!(" · {} {}", t(Text::HandedInOn), date_time(lang, &at)))}
                </dd>
            </dl>
            {(!handed_in).then(|| view! { <p class="hint">{t(Text::AnswersHiddenUntilHandedIn)}</p> })}
            <ol class="review">
                {detail.items.iter().map(|item| view! {
                    <li class="question">
                        <h2 class="question-title">
                            {lang.pick(&item.prompt_it, &item.prompt_en).to_owned()}
                        </h2>
                        <p class="muted">
                            {format!("{} · ", lang.pick(&item.competency_it, &item.competency_en))}
                            {match item.awarded {
                                Some(a) => format!("{a}/{} {}", item.points, t(Text::Points).to_lowercase()),
                                None => format!("–/{} {}", item.points, t(Text::Points).to_lowercase()),
                            }}
                        </p>
                        {handed_in.then(|| answer_view(lang, item))}
                        {item.typing.map(|r| view! {
                            <p class="figures">
                                {format!(
                                    "{} {} · {} {}% · {} {} {}",
                                    tenths(lang, r.wpm_tenths), t(Text::WordsPerMinute),
                                    t(Text::Accuracy), tenths(lang, r.accuracy_tenths),
                                    t(Text::NetSpeed), tenths(lang, r.net_wpm_tenths), t(Text::WordsPerMinute),
                                )}
                            </p>
                        })}
                        {item.fields.map(|(right, all)| view! {
                            <p class="figures">{format!("{right} {} {all}", t(Text::FieldsRight))}</p>
                        })}
                        {(!item.notes.is_empty()).then(|| view! { <p class="reason">{item.notes.clone()}</p> })}
                    </li>
                }).collect_view()}
            </ol>
            {(detail.can_grade && !short.is_empty()).then(|| view! { <ShortAnswerGrading id=s.id items=short /> })}
            <ContributionsTable contributions=detail.contributions.clone() id="online-contributions" />
        </section>
    }
}

/// One short answer's fields.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: OnlineItemId,
    max: u32,
    points: RwSignal<String>,
    notes: RwSignal<String>,
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-interviews"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-interviews")), component)]
fn ShortAnswerGrading(id: OnlineTestId, items: Vec<ItemReview>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let fields = StoredValue::new(
        items
            .iter()
            .map(|i| Fields {
                id: i.id,
                max: i.points,
                points: RwSignal::new(String::new()),
                notes: RwSignal::new(String::new()),
            })
            .collect::<Vec<_>>(),
    );
    let save = Action::new(move |input: &AnswerGrading| {
        let input = input.clone();
        async move { grade_online_answers(id, input).await }
    });
    form.follow(save, move |_passed: bool| {
        form.succeed(Text::GradingSubmitted);
        reload();
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut errors = FieldErrors::default();
        let scores = fields.with_value(|all| {
            all.iter()
                .enumerate()
                .map(|(index, f)| {
                    let typed = f.points.get_untracked();
                    let points = match typed.trim().parse::<u16>() {
                        Ok(p) if u32::from(p) <= f.max => Some(p),
                        Ok(_) | Err(_) => {
                            let error = if typed.trim().is_empty() {
                                FieldError::new("required")
                            } else {
                                FieldError {
                                    code: "points_above_max".into(),
                                    param: Some(i64::from(f.max)),
                                }
                            };
                            errors.0.insert(format!("scores.{index}.points"), error);
                            None
                        }
                    };
                    AnswerScore {
                        item_id: f.id,
                        points,
                        notes: f.notes.get_untracked(),
                    }
                })
                .collect()
        });
        let input = AnswerGrading { scores };
        if !errors.is_empty() {
            form.fail(&AppError::Invalid(errors));
        } else if form.check(&input) {
            save.dispatch(input);
        }
    };
    view! {
        <section class="panel" aria-labelledby="short-grading-title">
            <h2 id="short-grading-title">{t(Text::GradeShortAnswers)}</h2>
            <form method="post" action=GradeOnlineAnswers::PATH on:submit=submit novalidate>
                <FormMessages form />
                {items.into_iter().enumerate().map(|(index, item)| {
                    let f = fields.with_value(|all| all[index]);
                    let field = format!("scores.{index}.points");
                    let error = Signal::derive(move || form.errors.with(|e| e.get(&field).map(|e| field_error_message(lang, e))));
                    let input_id = format!("short-{index}");
                    let error_id = format!("{input_id}-error");
                    view! {
                        <fieldset class="rating criterion">
                            <legend>{lang.pick(&item.prompt_it, &item.prompt_en).to_owned()}</legend>
                            {answer_view(lang, &item)}
                            <div class="field" class:invalid=move || error.with(Option::is_some)>
                                <label for=input_id.clone()>{format!("{} (0–{})", t(Text::Points), item.points)}</label>
                                <input
                                    id=input_id
                                    type="number"
                                    inputmode="numeric"
                                    min="0"
                                    max=item.points.to_string()
                                    aria-describedby=error_id.clone()
                                    prop:value=move || f.points.get()
                                    on:input=move |ev| f.points.set(event_target_value(&ev))
                                />
                                <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
                            </div>
                            <TextField name=format!("scores.{index}.notes") label=t(Text::CriterionNotes) value=f.notes form multiline=true />
                        </fieldset>
                    }
                }).collect_view()}
                <div class="form-actions">
                    <SubmitButton label=t(Text::SubmitGrading) pending=save.pending().into() />
                </div>
            </form>
        </section>
    }
}
