//! The candidate's online test, opened through the private link: the instructions and the
//! start button, then every question in one plain form (saved with a button, and as the
//! candidate goes when the small `candidate` bundle runs), the typing test started and
//! finished on the server's clock, and the time left. Works without JavaScript; a used,
//! expired or made-up link gets a clear page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::assessments::online::online_test_view;
use crate::app::{use_lang, use_texts};
use crate::components::dates::date_time;
use crate::components::guard::{Notice, set_page_status};
use crate::i18n::{Lang, Text};
use crate::model::{
    Answer, AppError, CandidateItem, CandidateQuestion, CandidateState, CandidateTest,
    GRACE_SECONDS,
};

#[component]
pub fn OnlineTestPage() -> impl IntoView {
    let params = use_params_map();
    let token = params.with_untracked(|p| p.get("token").unwrap_or_default());
    let t = use_texts();
    let test = Resource::new(move || token.clone(), online_test_view);
    let token = params.with_untracked(|p| p.get("token").unwrap_or_default());
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    match test.await {
                        Ok(test) => view! { <TestView test token /> }.into_any(),
                        Err(AppError::NotFound) => {
                            set_page_status(404);
                            view! { <Notice text=Text::TestLinkUnknown public=true /> }.into_any()
                        }
                        Err(_) => view! { <Notice text=Text::GenericError public=true /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// "12 min 30 s".
pub fn minutes_and_seconds(lang: Lang, seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (m, s) = (seconds / 60, seconds % 60);
    match lang {
        Lang::It => format!("{m} min {s} s"),
        Lang::En => format!("{m} min {s} s"),
    }
}

#[component]
fn TestView(test: CandidateTest, token: String) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let title = lang.pick(&test.title_it, &test.title_en).to_owned();
    let action = format!("/t/{token}");
    let flag = |name: &str| use_query_map().with_untracked(|q| q.get(name).is_some());
    let (saved, late) = (flag("saved"), flag("late"));
    let body = match test.state {
        CandidateState::Expired => {
            set_page_status(410);
            view! { <p class="alert warning" id="test-state">{t(Text::TestLinkExpired)}</p> }.into_any()
        }
        CandidateState::Submitted { late: closed } => view! {
            <p class="alert success" id="test-state" role="status">{t(Text::TestHandedIn)}</p>
            {(closed || late).then(|| view! { <p class="alert warning">{t(Text::TestTimeWasUp)}</p> })}
        }
        .into_any(),
        CandidateState::NotStarted { expires_at } => view! {
            <p class="prose">{lang.pick(&test.instructions_it, &test.instructions_en).to_owned()}</p>
            <p><strong>{format!("{}: {} min.", t(Text::TimeLimit), test.time_limit_minutes)}</strong></p>
            <p class="hint">{t(Text::TestTimeHint)}</p>
            <p class="hint">{format!("{} {} (UTC).", t(Text::TestLinkUntil), date_time(lang, &expires_at))}</p>
            <form method="post" action=action.clone()>
                <button type="submit" class="primary" name="intent" value="start">{t(Text::StartTest)}</button>
            </form>
        }
        .into_any(),
        CandidateState::InProgress { deadline, seconds_left, items } => view! {
            <p class="prose">{lang.pick(&test.instructions_it, &test.instructions_en).to_owned()}</p>
            <TimeLeft seconds_left deadline=date_time(lang, &deadline) answers=true />
            {saved.then(|| view! { <p class="alert success" role="status" id="test-saved">{t(Text::AnswersSaved)}</p> })}
            {late.then(|| view! { <p class="alert warning" role="status">{t(Text::TestTimeWasUp)}</p> })}
            <AutoSave action=action.clone() />
            <form method="post" action=action.clone() id="test-form" class="online-test">
                // Enter in a field saves, rather than pressing the first button of a question.
                <button type="submit" name="intent" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">
                    {t(Text::SaveAnswers)}
                </button>
                {items.into_iter().enumerate().map(|(n, item)| view! { <Question n item /> }).collect_view()}
                <div class="form-actions">
                    <button type="submit" name="intent" value="save">{t(Text::SaveAnswers)}</button>
                    <button type="submit" class="primary" name="intent" value="submit">{t(Text::HandIn)}</button>
                </div>
                <p class="hint">{t(Text::HandInHint)}</p>
            </form>
        }
        .into_any(),
    };
    view! {
        <Title text=title.clone() />
        <section class="page narrow">
            <h1>{title}</h1>
            {body}
        </section>
    }
}

/// The time left when the page was made, with the deadline; the `candidate` bundle counts it
/// down, announces the last minutes, and reloads the page when the time and its grace are
/// over. `answers` says the page takes answers (and so explains the grace).
#[cfg_attr(any(feature = "ssr", feature = "bundle-candidate"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-candidate")), component)]
pub(crate) fn TimeLeft(seconds_left: i64, deadline: String, answers: bool) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let left = RwSignal::new(seconds_left);
    #[cfg(feature = "hydrate")]
    {
        // At the end of the time and its grace, the page shows the test handed in.
        let ends = seconds_left + GRACE_SECONDS;
        let elapsed = StoredValue::new(0i64);
        let handle = set_interval_with_handle(
            move || {
                left.update(|s| *s = (*s - 1).max(0));
                elapsed.update_value(|e| *e += 1);
                if elapsed.get_value() == ends + 1 {
                    crate::components::browser::reload();
                }
            },
            std::time::Duration::from_secs(1),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    }
    // Announced once a minute in the last five, not every second.
    let announced = Memo::new(move |_| {
        let s = left.get();
        (s <= 300 && s > 0).then(|| (s + 59) / 60)
    });
    view! {
        <div class="time-left" id="time-left">
            <p>
                <strong>{t(Text::TimeLeft)} ": "</strong>
                <span>{move || minutes_and_seconds(lang, left.get())}</span>
                {format!(" · {} {deadline} (UTC)", t(Text::TestEndsAt))}
            </p>
            <p class="visually-hidden" role="status">
                {move || announced.get().map(|m| format!("{} {m} min", t(Text::TimeLeft)))}
            </p>
            {answers.then(|| view! { <p class="hint">{format!("{} {GRACE_SECONDS} s.", t(Text::GraceHint))}</p> })}
        </div>
    }
}

/// Saves the form as the candidate goes: a moment after each change, the form's fields are
/// posted as the save button would (the server answers 204), and saved again after a failure.
#[cfg_attr(any(feature = "ssr", feature = "bundle-candidate"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-candidate")), component)]
fn AutoSave(action: String) -> impl IntoView {
    let t = use_texts();
    let state = RwSignal::new(None::<bool>);
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        // Each change starts a new generation; only the latest posts, a moment later.
        let generation = StoredValue::new(0u64);
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            let this = generation.get_value() + 1;
            generation.set_value(this);
            let action = action.clone();
            set_timeout(
                move || {
                    if generation.get_value() == this {
                        post_form(&action, state);
                    }
                },
                std::time::Duration::from_millis(800),
            );
        });
        if let Some(form) = leptos::prelude::document().get_element_by_id("test-form") {
            for kind in ["input", "change"] {
                let _ =
                    form.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
            }
        }
        listener.forget();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = action;
    view! {
        <p class="hint autosave" role="status" id="autosave">
            {move || match state.get() {
                Some(true) => t(Text::AnswersSavedAuto),
                Some(false) => t(Text::AnswersNotSaved),
                None => "",
            }}
        </p>
    }
}

/// Posts the test form's fields to `action` as its save button would; `state` says whether
/// the server took them.
#[cfg(feature = "hydrate")]
fn post_form(action: &str, state: RwSignal<Option<bool>>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(form) = leptos::prelude::document()
        .get_element_by_id("test-form")
        .and_then(|e| e.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let Ok(data) = web_sys::FormData::new_with_form(&form) else {
        return;
    };
    let _ = data.append_with_str("intent", "save");
    // Sent URL-encoded, as the form itself posts (a FormData body would go as multipart).
    let Ok(fields) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else {
        return;
    };
    let Ok(request) = web_sys::XmlHttpRequest::new() else {
        return;
    };
    if request.open("POST", action).is_err() {
        return;
    }
    let _ = request.set_request_header("content-type", "application/x-www-form-urlencoded");
    let _ = request.set_request_header("x-autosave", "1");
    let done = request.clone();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        state.set(Some(done.status().unwrap_or(0) == 204));
    });
    request.set_onload(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    let on_error = Closure::<dyn FnMut()>::new(move || state.set(Some(false)));
    request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let _ = request.send_with_opt_str(Some(&String::from(fields.to_string())));
}

#[component]
fn Question(n: usize, item: CandidateItem) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let id = item.id;
    let name = format!("q{id}");
    let prompt = format!(
        "{}. {} ({} {})",
        n + 1,
        lang.pick(&item.prompt_it, &item.prompt_en),
        item.points,
        t(Text::Points).to_lowercase()
    );
    let chosen = |i: usize| matches!(&item.answer, Some(Answer::Choice(c)) if c.contains(&i));
    let text = match &item.answer {
        Some(Answer::Text(s) | Answer::Typed(s)) => s.clone(),
        _ => String::new(),
    };
    let control = match item.question.clone() {
        CandidateQuestion::SingleChoice { options } | CandidateQuestion::MultipleChoice { options } => {
            let kind = if matches!(item.question, CandidateQuestion::SingleChoice { .. }) { "radio" } else { "checkbox" };
            view! {
                <fieldset class="choices">
                    <legend>{prompt}</legend>
                    {options.iter().enumerate().map(|(i, (it, en))| view! {
                        <label class="check">
                            <input type=kind name=name.clone() value=i.to_string() checked=chosen(i) />
                            {lang.pick(it, en).to_owned()}
                        </label>
                    }).collect_view()}
                </fieldset>
            }
            .into_any()
        }
        CandidateQuestion::ShortText => view! {
            <div class="field">
                <label for=name.clone()>{prompt}</label>
                <textarea id=name.clone() name=name.clone() rows="5">{text}</textarea>
            </div>
        }
        .into_any(),
        CandidateQuestion::Typing { text: None, .. } => view! {
            <fieldset>
                <legend>{prompt}</legend>
                <p class="hint">{t(Text::TypingHint)}</p>
                <button type="submit" name="intent" value=format!("start_typing:{id}")>{t(Text::StartTyping)}</button>
            </fieldset>
        }
        .into_any(),
        CandidateQuestion::Typing { text: Some(reference), finished } => view! {
            <fieldset>
                <legend>{prompt}</legend>
                <blockquote class="typing-text" id=format!("{name}-text")>{reference}</blockquote>
                <div class="field">
                    <label for=name.clone()>{t(Text::TypeHere)}</label>
                    <textarea
                        id=name.clone()
                        name=name.clone()
                        rows="6"
                        readonly=finished
                        spellcheck="false"
                        autocomplete="off"
                        aria-describedby=format!("{name}-text")
                    >
                        {text}
                    </textarea>
                </div>
                {if finished {
                    view! { <p class="badge ok">{t(Text::TypingDone)}</p> }.into_any()
                } else {
                    view! { <button type="submit" name="intent" value=format!("finish_typing:{id}")>{t(Text::FinishTyping)}</button> }.into_any()
                }}
            </fieldset>
        }
        .into_any(),
        CandidateQuestion::DataEntry { columns, rows } => {
            let copied = match &item.answer {
                Some(Answer::Table(rows)) => rows.clone(),
                _ => Vec::new(),
            };
            view! {
                <fieldset class="data-entry">
                    <legend>{prompt}</legend>
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>{columns.iter().map(|(it, en)| view! { <th scope="col">{lang.pick(it, en).to_owned()}</th> }).collect_view()}</tr>
                            </thead>
                            <tbody>
                                {rows.iter().map(|r| view! { <tr>{r.iter().map(|v| view! { <td>{v.clone()}</td> }).collect_view()}</tr> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {rows.iter().enumerate().map(|(r, _)| view! {
                        <div class="grid-2 record">
                            {columns.iter().enumerate().map(|(c, (it, en))| {
                                let field = format!("{name}-{r}-{c}");
                                let value = copied.get(r).and_then(|row| row.get(c)).cloned().unwrap_or_default();
                                view! {
                                    <div class="field">
                                        <label for=field.clone()>{format!("{}, {} {}", lang.pick(it, en), t(Text::Record), r + 1)}</label>
                                        <input id=field.clone() name=field type="text" autocomplete="off" value=value />
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    }).collect_view()}
                </fieldset>
            }
            .into_any()
        }
    };
    view! {
        <div class="question" id=format!("question-{id}")>
            <input type="hidden" name="shown" value=id.to_string() />
            {control}
        </div>
    }
}
