//! HR's online tests: the list of banks (profiles, questions, points, pass mark, how many were
//! sent) and the editor of one bank, whose questions (of five kinds: single or multiple
//! choice, short answer, typing, data entry) are added, changed and removed and saved together.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::templates::{RowField, RowKind, number};
use crate::api::assessments::online::SaveOnlineBank;
use crate::api::assessments::online::{online_bank_editor, online_banks, save_online_bank};
use crate::app::{use_lang, use_texts};
use crate::components::browser::go_to;
use crate::components::form::{CheckField, FormMessages, FormState, SubmitButton, TextField};
use crate::components::guard::{Notice, guarded, refusal};
use crate::i18n::{Text, field_error_message};
use crate::model::{
    AppError, ChoiceOption, CompetencyId, FieldError, FieldErrors, JobProfileId,
    OnlineQuestionInput, OnlineTemplateEditor, OnlineTemplateId, OnlineTemplateInput, Permission,
    QuestionBody,
};
use crate::pages::{RecordPath, record_path};
use server_fn::ServerFn;

#[component]
pub fn BanksPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| view! { <Banks /> })
}

#[component]
fn Banks() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let banks = Resource::new(|| (), |()| online_banks());
    view! {
        <Title text=t(Text::OnlineBanks) />
        <section class="page">
            <h1>{t(Text::OnlineBanks)}</h1>
            <p><a class="button" href="/tests/banks/new">{t(Text::NewBank)}</a></p>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let Ok(banks) = banks.await else {
                        return view! { <Notice text=Text::GenericError /> }.into_any();
                    };
                    view! {
                        <div class="table-wrap">
                            <table id="banks" class="stacking">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(Text::TestTemplate)}</th>
                                        <th scope="col">{t(Text::TemplateProfiles)}</th>
                                        <th scope="col">{t(Text::QuestionsHeading)}</th>
                                        <th scope="col">{t(Text::ToPass)}</th>
                                        <th scope="col">{t(Text::TimeLimit)}</th>
                                        <th scope="col">{t(Text::TestsSent)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {banks.into_iter().map(|b| view! {
                                        <tr>
                                            <td data-label=t(Text::TestTemplate)>
                                                <a href=format!("/tests/banks/{}", b.id)>{lang.pick(&b.title_it, &b.title_en).to_owned()}</a>
                                                {(!b.active).then(|| view! { " " <span class="badge off">{t(Text::TemplateRetired)}</span> })}
                                            </td>
                                            <td data-label=t(Text::TemplateProfiles)>
                                                {b.profiles.iter().map(|(it, en)| lang.pick(it, en).to_owned()).collect::<Vec<_>>().join(", ")}
                                            </td>
                                            <td data-label=t(Text::QuestionsHeading)>{b.questions}</td>
                                            <td data-label=t(Text::ToPass)>{format!("{} {} {}", b.pass_mark, t(Text::PassMarkOutOf), b.total)}</td>
                                            <td data-label=t(Text::TimeLimit)>{format!("{} {}", b.time_limit_minutes, t(Text::MinutesShort))}</td>
                                            <td data-label=t(Text::TestsSent)>{b.sent}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn BankPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<OnlineTemplateId>) {
            RecordPath::New => view! { <BankLoader id=None /> }.into_any(),
            RecordPath::Existing(id) => view! { <BankLoader id=Some(id) /> }.into_any(),
            RecordPath::Unknown => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn BankLoader(id: Option<OnlineTemplateId>) -> impl IntoView {
    let t = use_texts();
    let editor = Resource::new(move || id, online_bank_editor);
    let title = if id.is_some() {
        t(Text::EditBank)
    } else {
        t(Text::NewBank)
    };
    view! {
        <Title text=title />
        <section class="page">
            <p><a href="/tests/banks">{format!("← {}", t(Text::OnlineBanks))}</a></p>
            <h1>{title}</h1>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match editor.await {
                        Ok(editor) => view! { <BankForm id editor /> }.into_any(),
                        Err(error) => refusal(&error),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// One option of a choice question being edited.
#[derive(Debug, Clone, Copy)]
struct OptionRow {
    key: u32,
    it: RwSignal<String>,
    en: RwSignal<String>,
    correct: RwSignal<bool>,
}

/// One question being edited: the fields of every kind, of which its kind's count.
#[derive(Debug, Clone, Copy)]
struct QuestionRow {
    key: u32,
    kind: RwSignal<String>,
    competency: RwSignal<String>,
    points: RwSignal<String>,
    prompt_it: RwSignal<String>,
    prompt_en: RwSignal<String>,
    options: RwSignal<Vec<OptionRow>>,
    text: RwSignal<String>,
    target: RwSignal<String>,
    columns: RwSignal<String>,
    records: RwSignal<String>,
}

/// The values of a line separated by `|`, trimmed.
fn cells(line: &str) -> Vec<String> {
    line.split('|').map(|c| c.trim().to_owned()).collect()
}

/// The non-blank lines of `text`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim().is_empty())
}

impl QuestionRow {
    /// The question's body as typed, for its kind.
    fn body(&self, errors: &mut FieldErrors, index: usize) -> QuestionBody {
        let options = || {
            self.options.with_untracked(|all| {
                all.iter()
                    .map(|o| ChoiceOption {
                        text_it: o.it.get_untracked(),
                        text_en: o.en.get_untracked(),
                        correct: o.correct.get_untracked(),
                    })
                    .collect()
            })
        };
        match self.kind.get_untracked().as_str() {
            "multiple_choice" => QuestionBody::MultipleChoice { options: options() },
            "short_text" => QuestionBody::ShortText,
            "typing" => QuestionBody::Typing {
                text: self.text.get_untracked(),
                target_wpm: number(
                    &format!("questions.{index}.target_wpm"),
                    &self.target.get_untracked(),
                    errors,
                ),
            },
            "data_entry" => QuestionBody::DataEntry {
                columns: lines(&self.columns.get_untracked())
                    .map(|l| {
                        let mut names = cells(l).into_iter();
                        let it = names.next().unwrap_or_default();
                        let en = names.next().unwrap_or_default();
                        (it, en)
                    })
                    .collect(),
                rows: lines(&self.records.get_untracked()).map(cells).collect(),
            },
            "single_choice" => QuestionBody::SingleChoice { options: options() },
            _ => {
                errors.0.insert(
                    format!("questions.{index}.kind"),
                    FieldError::new("required"),
                );
                QuestionBody::ShortText
            }
        }
    }
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-editors"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-editors")), component)]
fn BankForm(id: Option<OnlineTemplateId>, editor: OnlineTemplateEditor) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let bank = editor.template.clone();
    let text = |pick: fn(&OnlineTemplateInput) -> String| {
        RwSignal::new(bank.as_ref().map(pick).unwrap_or_default())
    };
    let title_it = text(|b| b.title_it.clone());
    let title_en = text(|b| b.title_en.clone());
    let instructions_it = text(|b| b.instructions_it.clone());
    let instructions_en = text(|b| b.instructions_en.clone());
    let minutes = text(|b| b.time_limit_minutes.to_string());
    let pass_mark = text(|b| b.pass_mark.to_string());
    let active = RwSignal::new(bank.as_ref().is_none_or(|b| b.active));
    let chosen: Vec<JobProfileId> = bank
        .as_ref()
        .map(|b| b.profile_ids.clone())
        .unwrap_or_default();
    let profiles = StoredValue::new(
        editor
            .profiles
            .iter()
            .map(|p| {
                (
                    p.id,
                    lang.pick(&p.name_it, &p.name_en).to_owned(),
                    RwSignal::new(chosen.contains(&p.id)),
                )
            })
            .collect::<Vec<_>>(),
    );
    let competencies = StoredValue::new(
        editor
            .competencies
            .iter()
            .map(|c| {
                (
                    c.id.to_string(),
                    lang.pick(&c.name_it, &c.name_en).to_owned(),
                )
            })
            .collect::<Vec<_>>(),
    );
    let kinds = vec![
        ("single_choice".to_owned(), t(Text::KindSingle).to_owned()),
        (
            "multiple_choice".to_owned(),
            t(Text::KindMultiple).to_owned(),
        ),
        ("short_text".to_owned(), t(Text::KindShort).to_owned()),
        ("typing".to_owned(), t(Text::KindTyping).to_owned()),
        ("data_entry".to_owned(), t(Text::KindDataEntry).to_owned()),
    ];
    let kinds = StoredValue::new(kinds);
    let next_key = StoredValue::new(0u32);
    let key = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        key
    };
    let new_option = move |o: Option<&ChoiceOption>| OptionRow {
        key: key(),
        it: RwSignal::new(o.map(|o| o.text_it.clone()).unwrap_or_default()),
        en: RwSignal::new(o.map(|o| o.text_en.clone()).unwrap_or_default()),
        correct: RwSignal::new(o.is_some_and(|o| o.correct)),
    };
    let new_question = move |q: Option<&OnlineQuestionInput>| {
        let body = q.map(|q| &q.body);
        let (kind, options, text, target, columns, records) = match body {
            Some(QuestionBody::SingleChoice { options }) => (
                "single_choice",
                options.iter().map(|o| new_option(Some(o))).collect(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
            Some(QuestionBody::MultipleChoice { options }) => (
                "multiple_choice",
                options.iter().map(|o| new_option(Some(o))).collect(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
            Some(QuestionBody::ShortText) => (
                "short_text",
                Vec::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
            Some(QuestionBody::Typing { text, target_wpm }) => (
                "typing",
                Vec::new(),
                text.clone(),
                target_wpm.to_string(),
                String::new(),
                String::new(),
            ),
            Some(QuestionBody::DataEntry { columns, rows }) => (
                "data_entry",
                Vec::new(),
                String::new(),
                String::new(),
                columns
                    .iter()
                    .map(|(it, en)| format!("{it} | {en}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                rows.iter()
                    .map(|r| r.join(" | "))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            None => (
                "single_choice",
                vec![new_option(None), new_option(None)],
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
        };
        QuestionRow {
            key: key(),
            kind: RwSignal::new(kind.to_owned()),
            competency: RwSignal::new(q.map(|q| q.competency_id.to_string()).unwrap_or_default()),
            points: RwSignal::new(q.map(|q| q.points.to_string()).unwrap_or_default()),
            prompt_it: RwSignal::new(q.map(|q| q.prompt_it.clone()).unwrap_or_default()),
            prompt_en: RwSignal::new(q.map(|q| q.prompt_en.clone()).unwrap_or_default()),
            options: RwSignal::new(options),
            text: RwSignal::new(text),
            target: RwSignal::new(target),
            columns: RwSignal::new(columns),
            records: RwSignal::new(records),
        }
    };
    let rows = RwSignal::new(match &bank {
        Some(b) => b.questions.iter().map(|q| new_question(Some(q))).collect(),
        None => vec![new_question(None)],
    });
    let total = move || {
        rows.with(|all| {
            all.iter()
                .filter_map(|r| r.points.get().trim().parse::<u32>().ok())
                .sum::<u32>()
        })
    };
    let save = Action::new(move |input: &OnlineTemplateInput| {
        let input = input.clone();
        async move { save_online_bank(id, input).await }
    });
    form.follow(save, move |saved: OnlineTemplateId| {
        form.succeed(Text::BankSaved);
        if id.is_none() {
            go_to(&format!("/tests/banks/{saved}"));
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut errors = FieldErrors::default();
        let questions = rows.with_untracked(|all| {
            all.iter()
                .enumerate()
                .map(|(index, r)| OnlineQuestionInput {
                    competency_id: match r.competency.get_untracked().parse() {
                        Ok(id) => CompetencyId(id),
                        Err(_) => {
                            errors.0.insert(
                                format!("questions.{index}.competency_id"),
                                FieldError::new("required"),
                            );
                            CompetencyId(0)
                        }
                    },
                    points: number(
                        &format!("questions.{index}.points"),
                        &r.points.get_untracked(),
                        &mut errors,
                    ),
                    prompt_it: r.prompt_it.get_untracked(),
                    prompt_en: r.prompt_en.get_untracked(),
                    body: r.body(&mut errors, index),
                })
                .collect()
        });
        let input = OnlineTemplateInput {
            title_it: title_it.get_untracked(),
            title_en: title_en.get_untracked(),
            instructions_it: instructions_it.get_untracked(),
            instructions_en: instructions_en.get_untracked(),
            time_limit_minutes: number("time_limit_minutes", &minutes.get_untracked(), &mut errors),
            pass_mark: number("pass_mark", &pass_mark.get_untracked(), &mut errors),
            active: active.get_untracked(),
            profile_ids: profiles.with_value(|all| {
                all.iter()
                    .filter(|(_, _, on)| on.get_untracked())
                    .map(|(id, _, _)| *id)
                    .collect()
            }),
            questions,
        };
        if !errors.is_empty() {
            form.fail(&AppError::Invalid(errors));
            return;
        }
        if let Err(error) = input.check() {
            form.fail(&error);
            return;
        }
        save.dispatch(input);
    };
    let message = move |path: String| {
        move || {
            form.errors
                .with(|e| e.get(&path).map(|e| field_error_message(lang, e)))
        }
    };
    view! {
        <form method="post" action=SaveOnlineBank::PATH on:submit=submit novalidate>
            <FormMessages form />
            <div class="grid-2">
                <TextField name="title_it" label=t(Text::TitleIt) value=title_it form required=true />
                <TextField name="title_en" label=t(Text::TitleEn) value=title_en form required=true />
                <TextField name="instructions_it" label=t(Text::InstructionsIt) value=instructions_it form multiline=true required=true />
                <TextField name="instructions_en" label=t(Text::InstructionsEn) value=instructions_en form multiline=true required=true />
                <TextField name="time_limit_minutes" label=t(Text::TimeLimitMinutes) value=minutes form input_type="number" required=true />
                <TextField name="pass_mark" label=t(Text::PassMark) value=pass_mark form input_type="number" required=true />
            </div>
            <CheckField name="active" label=t(Text::TemplateOffered) checked=active />
            <fieldset class="choices" aria-describedby="profile_ids-error">
                <legend>{t(Text::TemplateProfiles)}</legend>
                {profiles.with_value(|all| {
                    all.iter()
                        .map(|(id, name, on)| {
                            let on = *on;
                            view! {
                                <label class="check">
                                    <input type="checkbox" value=id.to_string() prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev)) />
                                    {name.clone()}
                                </label>
                            }
                        })
                        .collect_view()
                })}
                <p class="field-error" id="profile_ids-error" aria-live="polite">{message("profile_ids".into())}</p>
            </fieldset>
            <h2>{t(Text::QuestionsHeading)}</h2>
            <p class="hint">{t(Text::BankHint)}</p>
            <p class="field-error" id="questions-error" aria-live="polite">{message("questions".into())}</p>
            <For each=move || rows.get() key=|r| r.key let:row>
                {
                    let place = Signal::derive(move || rows.with(|all| all.iter().position(|r| r.key == row.key)));
                    let body_error = Signal::derive(move || {
                        let index = place.get()?;
                        form.errors.with(|e| e.get(&format!("questions.{index}.body")).map(|e| field_error_message(lang, e)))
                    });
                    let is = move |kind: &'static str| move || row.kind.with(|k| k == kind);
                    view! {
                        <fieldset class="rating criterion question-editor">
                            <legend>{move || format!("{} {}", t(Text::QuestionNumber), place.get().unwrap_or(0) + 1)}</legend>
                            <div class="grid-2">
                                <RowField list="questions" place key=row.key field="kind" label=t(Text::QuestionKind) value=row.kind form kind=RowKind::Select choices=kinds.get_value() />
                                <RowField list="questions" place key=row.key field="competency_id" label=t(Text::Competency) value=row.competency form kind=RowKind::Select choices=competencies.get_value() />
                                <RowField list="questions" place key=row.key field="prompt_it" label=t(Text::PromptIt) value=row.prompt_it form />
                                <RowField list="questions" place key=row.key field="prompt_en" label=t(Text::PromptEn) value=row.prompt_en form />
                                <RowField list="questions" place key=row.key field="points" label=t(Text::Points) value=row.points form kind=RowKind::Number />
                            </div>
                            <Show when=move || is("single_choice")() || is("multiple_choice")()>
                                <For each=move || row.options.get() key=|o| o.key let:option>
                                    <div class="grid-2 option-row">
                                        <label>{t(Text::OptionIt)}
                                            <input type="text" prop:value=move || option.it.get() on:input=move |ev| option.it.set(event_target_value(&ev)) />
                                        </label>
                                        <label>{t(Text::OptionEn)}
                                            <input type="text" prop:value=move || option.en.get() on:input=move |ev| option.en.set(event_target_value(&ev)) />
                                        </label>
                                        <label class="check">
                                            <input type="checkbox" prop:checked=move || option.correct.get() on:change=move |ev| option.correct.set(event_target_checked(&ev)) />
                                            {t(Text::RightAnswer)}
                                        </label>
                                        <button type="button" on:click=move |_| row.options.update(|all| all.retain(|o| o.key != option.key))>
                                            {t(Text::Remove)}
                                        </button>
                                    </div>
                                </For>
                                <p>
                                    <button type="button" on:click=move |_| {
                                        let option = new_option(None);
                                        row.options.update(|all| all.push(option));
                                    }>{t(Text::AddOption)}</button>
                                </p>
                            </Show>
                            <Show when=is("typing")>
                                <RowField list="questions" place key=row.key field="text" label=t(Text::TypingText) value=row.text form />
                                <RowField list="questions" place key=row.key field="target_wpm" label=t(Text::TargetWpm) value=row.target form kind=RowKind::Number />
                            </Show>
                            <Show when=is("data_entry")>
                                <RowField list="questions" place key=row.key field="columns" label=t(Text::ColumnsLines) value=row.columns form />
                                <RowField list="questions" place key=row.key field="records" label=t(Text::RecordsLines) value=row.records form />
                            </Show>
                            <p class="field-error" aria-live="polite">{move || body_error.get()}</p>
                            <button type="button" on:click=move |_| {
                                rows.update(|all| all.retain(|r| r.key != row.key));
                                // Errors name questions by place, which has just changed.
                                form.errors.set(FieldErrors::default());
                            }>
                                {t(Text::Remove)}
                            </button>
                        </fieldset>
                    }
                }
            </For>
            <p>
                <button type="button" on:click=move |_| {
                    let question = new_question(None);
                    rows.update(|all| all.push(question));
                }>
                    {t(Text::AddQuestion)}
                </button>
            </p>
            <p class="total" aria-live="polite">{move || format!("{}: {}", t(Text::TotalPoints), total())}</p>
            <div class="form-actions">
                <SubmitButton label=t(Text::SaveBank) pending=save.pending().into() />
            </div>
        </form>
    }
}
