//! HR's editor of a job profile's suggested interview questions: for each competency the
//! profile requires, its questions in Italian and English, added, changed and removed here and
//! saved together. They appear in the interview kit.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::interviews::kits::SaveProfileQuestions;
use crate::api::interviews::kits::{profile_kit, save_profile_questions};
use crate::app::{use_lang, use_texts};
use crate::components::form::{FormMessages, FormState, SubmitButton};
use crate::i18n::{Text, field_error_message};
use crate::model::{CompetencyId, JobProfileId, Kit, QuestionInput, QuestionsInput};
use server_fn::ServerFn;

/// The editor, once the profile's kit has loaded.
#[component]
pub fn QuestionsLoader(id: JobProfileId) -> impl IntoView {
    let kit = Resource::new(move || id, profile_kit);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                kit.await.ok().map(|kit| view! { <QuestionsEditor id kit /> })
            })}
        </Suspense>
    }
}

/// One question being edited.
#[derive(Debug, Clone, Copy)]
struct Row {
    key: u32,
    competency: CompetencyId,
    it: RwSignal<String>,
    en: RwSignal<String>,
}

/// A textarea whose error is found by the row's place in the list at the time.
#[component]
fn QuestionText(
    rows: RwSignal<Vec<Row>>,
    row: Row,
    field: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    form: FormState,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("q-{}-{field}", row.key);
    let error_id = format!("{id}-error");
    let error = move || {
        let index = rows.with(|all| all.iter().position(|r| r.key == row.key))?;
        form.errors.with(|e| {
            e.get(&format!("questions.{index}.{field}"))
                .map(|e| field_error_message(lang, e))
        })
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                rows="2"
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <p class="field-error" id=error_id aria-live="polite">{error}</p>
        </div>
    }
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-editors"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-editors")), component)]
fn QuestionsEditor(id: JobProfileId, kit: Kit) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let next_key = StoredValue::new(0u32);
    let new_row = move |competency: CompetencyId, it: &str, en: &str| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        Row {
            key,
            competency,
            it: RwSignal::new(it.to_owned()),
            en: RwSignal::new(en.to_owned()),
        }
    };
    let rows = RwSignal::new(
        kit.competencies
            .iter()
            .flat_map(|c| c.questions.iter().map(move |(it, en)| (c.id, it, en)))
            .map(|(competency, it, en)| new_row(competency, it, en))
            .collect::<Vec<_>>(),
    );
    let save = Action::new(move |input: &QuestionsInput| {
        let input = input.clone();
        async move { save_profile_questions(id, input).await }
    });
    form.follow(save, move |()| form.succeed(Text::QuestionsSaved));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = QuestionsInput {
            questions: rows.with_untracked(|all| {
                all.iter()
                    .map(|r| QuestionInput {
                        competency_id: r.competency,
                        text_it: r.it.get_untracked(),
                        text_en: r.en.get_untracked(),
                    })
                    .collect()
            }),
        };
        if form.check(&input) {
            save.dispatch(input);
        }
    };
    view! {
        <section class="panel" id="questions" aria-labelledby="questions-title">
            <h2 id="questions-title">{t(Text::InterviewQuestions)}</h2>
            <p class="hint">{t(Text::InterviewQuestionsHint)}</p>
            <form method="post" action=SaveProfileQuestions::PATH on:submit=submit novalidate>
                <FormMessages form />
                {kit.competencies
                    .into_iter()
                    .map(|c| {
                        let competency = c.id;
                        let name = lang.pick(&c.name_it, &c.name_en).to_owned();
                        view! {
                            <fieldset class="rating">
                                <legend>{name}</legend>
                                <For
                                    each=move || rows.get().into_iter().filter(move |r| r.competency == competency)
                                    key=|r| r.key
                                    let:row
                                >
                                    <div class="grid-2 question-row">
                                        <QuestionText rows row field="text_it" label=t(Text::QuestionIt) value=row.it form />
                                        <QuestionText rows row field="text_en" label=t(Text::QuestionEn) value=row.en form />
                                        <button type="button" on:click=move |_| rows.update(|all| all.retain(|r| r.key != row.key))>
                                            {t(Text::Remove)}
                                        </button>
                                    </div>
                                </For>
                                <button type="button" on:click=move |_| {
                                    let row = new_row(competency, "", "");
                                    rows.update(|all| {
                                        // After this competency's last question, keeping the list grouped.
                                        let at = all
                                            .iter()
                                            .rposition(|r| r.competency == competency)
                                            .map_or(all.len(), |i| i + 1);
                                        all.insert(at, row);
                                    });
                                }>
                                    {t(Text::AddQuestion)}
                                </button>
                            </fieldset>
                        }
                    })
                    .collect_view()}
                <div class="form-actions">
                    <SubmitButton label=t(Text::SaveQuestions) pending=save.pending().into() />
                </div>
            </form>
        </section>
    }
}
