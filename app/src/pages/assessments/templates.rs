//! HR's practical test templates: the list (profiles, criteria, points, pass mark, how many
//! tests were given), and the editor of one template with its rubric, whose criteria are added,
//! changed and removed here and saved together.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::assessments::templates::SavePracticalTemplate;
use crate::api::assessments::templates::{
    practical_template_editor, practical_templates, save_practical_template,
};
use crate::app::{use_lang, use_texts};
use crate::components::browser::go_to;
use crate::components::form::{CheckField, FormMessages, FormState, SubmitButton, TextField};
use crate::components::guard::{Notice, guarded, refusal};
use crate::i18n::{Text, field_error_message};
use crate::model::{
    AppError, CompetencyId, CriterionInput, FieldError, FieldErrors, JobProfileId, Permission,
    PracticalTemplateId, TemplateEditor, TemplateInput,
};
use crate::pages::{RecordPath, record_path};
use server_fn::ServerFn;

#[component]
pub fn TemplatesPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| view! { <Templates /> })
}

#[component]
fn Templates() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let templates = Resource::new(|| (), |()| practical_templates());
    view! {
        <Title text=t(Text::TestTemplates) />
        <section class="page">
            <h1>{t(Text::TestTemplates)}</h1>
            <p><a class="button" href="/tests/templates/new">{t(Text::NewTemplate)}</a></p>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let Ok(templates) = templates.await else {
                        return view! { <Notice text=Text::GenericError /> }.into_any();
                    };
                    view! {
                        <div class="table-wrap">
                            <table id="templates" class="stacking">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(Text::TestTemplate)}</th>
                                        <th scope="col">{t(Text::TemplateProfiles)}</th>
                                        <th scope="col">{t(Text::CriteriaCount)}</th>
                                        <th scope="col">{t(Text::ToPass)}</th>
                                        <th scope="col">{t(Text::TimeLimit)}</th>
                                        <th scope="col">{t(Text::TestsGiven)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {templates.into_iter().map(|s| view! {
                                        <tr>
                                            <td data-label=t(Text::TestTemplate)>
                                                <a href=format!("/tests/templates/{}", s.id)>{lang.pick(&s.title_it, &s.title_en).to_owned()}</a>
                                                {(!s.active).then(|| view! { " " <span class="badge off">{t(Text::TemplateRetired)}</span> })}
                                            </td>
                                            <td data-label=t(Text::TemplateProfiles)>
                                                {s.profiles.iter().map(|(it, en)| lang.pick(it, en).to_owned()).collect::<Vec<_>>().join(", ")}
                                            </td>
                                            <td data-label=t(Text::CriteriaCount)>{s.criteria}</td>
                                            <td data-label=t(Text::ToPass)>{format!("{} {} {}", s.pass_mark, t(Text::PassMarkOutOf), s.total)}</td>
                                            <td data-label=t(Text::TimeLimit)>{format!("{} {}", s.time_limit_minutes, t(Text::MinutesShort))}</td>
                                            <td data-label=t(Text::TestsGiven)>{s.given}</td>
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
pub fn TemplatePage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<PracticalTemplateId>) {
            RecordPath::New => view! { <TemplateLoader id=None /> }.into_any(),
            RecordPath::Existing(id) => view! { <TemplateLoader id=Some(id) /> }.into_any(),
            RecordPath::Unknown => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn TemplateLoader(id: Option<PracticalTemplateId>) -> impl IntoView {
    let t = use_texts();
    let editor = Resource::new(move || id, practical_template_editor);
    let title = if id.is_some() {
        t(Text::EditTemplate)
    } else {
        t(Text::NewTemplate)
    };
    view! {
        <Title text=title />
        <section class="page">
            <p><a href="/tests/templates">{format!("← {}", t(Text::TestTemplates))}</a></p>
            <h1>{title}</h1>
            {id.map(|id| view! {
                <p><a class="button" id="template-materials" href=format!("/tests/templates/{id}/materials")>{t(Text::Materials)}</a></p>
            })}
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match editor.await {
                        Ok(editor) => view! { <TemplateForm id editor /> }.into_any(),
                        Err(error) => refusal(&error),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// One criterion being edited.
#[derive(Debug, Clone, Copy)]
struct Row {
    key: u32,
    competency: RwSignal<String>,
    max_points: RwSignal<String>,
    it: RwSignal<String>,
    en: RwSignal<String>,
}

/// A field of a row of a list (a criterion, a question), whose error is found by the row's
/// `place` in the list at the time: `<list>.<place>.<field>`.
#[component]
pub fn RowField(
    list: &'static str,
    place: Signal<Option<usize>>,
    key: u32,
    field: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    form: FormState,
    #[prop(optional)] kind: RowKind,
    #[prop(optional)] choices: Vec<(String, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("{list}-{key}-{field}");
    let error_id = format!("{id}-error");
    let error = move || {
        let index = place.get()?;
        form.errors.with(|e| {
            e.get(&format!("{list}.{index}.{field}"))
                .map(|e| field_error_message(lang, e))
        })
    };
    let control = match kind {
        RowKind::Text => view! {
            <textarea
                id=id.clone()
                rows="2"
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            >
                {value.get_untracked()}
            </textarea>
        }
        .into_any(),
        RowKind::Number => view! {
            <input
                id=id.clone()
                type="number"
                inputmode="numeric"
                min="1"
                max="100"
                aria-describedby=error_id.clone()
                value=value.get_untracked()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any(),
        RowKind::Select => view! {
            <select
                id=id.clone()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="">"…"</option>
                {choices
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = value.get_untracked() == v;
                        view! { <option value=v selected=selected>{l}</option> }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id>{label}</label>
            {control}
            <p class="field-error" id=error_id aria-live="polite">{error}</p>
        </div>
    }
}

/// The control a row's field is.
#[derive(Debug, Clone, Copy, Default)]
pub enum RowKind {
    #[default]
    Text,
    Number,
    Select,
}

/// A whole number typed in `field`, or its error.
pub fn number(field: &str, typed: &str, errors: &mut FieldErrors) -> u16 {
    match typed.trim().parse::<u16>() {
        Ok(n) => n,
        Err(_) => {
            let code = if typed.trim().is_empty() {
                "required"
            } else {
                "number"
            };
            errors.0.insert(field.to_owned(), FieldError::new(code));
            0
        }
    }
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-editors"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-editors")), component)]
fn TemplateForm(id: Option<PracticalTemplateId>, editor: TemplateEditor) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let template = editor.template.clone();
    let text = |pick: fn(&TemplateInput) -> String| {
        RwSignal::new(template.as_ref().map(pick).unwrap_or_default())
    };
    let title_it = text(|t| t.title_it.clone());
    let title_en = text(|t| t.title_en.clone());
    let instructions_it = text(|t| t.instructions_it.clone());
    let instructions_en = text(|t| t.instructions_en.clone());
    let minutes = text(|t| t.time_limit_minutes.to_string());
    let pass_mark = text(|t| t.pass_mark.to_string());
    let active = RwSignal::new(template.as_ref().is_none_or(|t| t.active));
    let chosen: Vec<JobProfileId> = template
        .as_ref()
        .map(|t| t.profile_ids.clone())
        .unwrap_or_default();
    let profiles: Vec<(JobProfileId, String, RwSignal<bool>)> = editor
        .profiles
        .iter()
        .map(|p| {
            (
                p.id,
                lang.pick(&p.name_it, &p.name_en).to_owned(),
                RwSignal::new(chosen.contains(&p.id)),
            )
        })
        .collect();
    let profiles = StoredValue::new(profiles);
    let competencies: Vec<(String, String)> = editor
        .competencies
        .iter()
        .map(|c| {
            (
                c.id.to_string(),
                lang.pick(&c.name_it, &c.name_en).to_owned(),
            )
        })
        .collect();
    let competencies = StoredValue::new(competencies);
    let next_key = StoredValue::new(0u32);
    let new_row = move |c: Option<&CriterionInput>| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        Row {
            key,
            competency: RwSignal::new(c.map(|c| c.competency_id.to_string()).unwrap_or_default()),
            max_points: RwSignal::new(c.map(|c| c.max_points.to_string()).unwrap_or_default()),
            it: RwSignal::new(c.map(|c| c.description_it.clone()).unwrap_or_default()),
            en: RwSignal::new(c.map(|c| c.description_en.clone()).unwrap_or_default()),
        }
    };
    let rows = RwSignal::new(match &template {
        Some(t) => t.criteria.iter().map(|c| new_row(Some(c))).collect(),
        None => vec![new_row(None)],
    });
    let total = move || {
        rows.with(|all| {
            all.iter()
                .filter_map(|r| r.max_points.get().trim().parse::<u32>().ok())
                .sum::<u32>()
        })
    };
    let save = Action::new(move |input: &TemplateInput| {
        let input = input.clone();
        async move { save_practical_template(id, input).await }
    });
    form.follow(save, move |saved: PracticalTemplateId| {
        form.succeed(Text::TemplateSaved);
        if id.is_none() {
            go_to(&format!("/tests/templates/{saved}"));
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut errors = FieldErrors::default();
        let criteria = rows.with_untracked(|all| {
            all.iter()
                .enumerate()
                .map(|(index, r)| CriterionInput {
                    competency_id: match r.competency.get_untracked().parse() {
                        Ok(id) => CompetencyId(id),
                        Err(_) => {
                            errors.0.insert(
                                format!("criteria.{index}.competency_id"),
                                FieldError::new("required"),
                            );
                            CompetencyId(0)
                        }
                    },
                    max_points: number(
                        &format!("criteria.{index}.max_points"),
                        &r.max_points.get_untracked(),
                        &mut errors,
                    ),
                    description_it: r.it.get_untracked(),
                    description_en: r.en.get_untracked(),
                })
                .collect()
        });
        let input = TemplateInput {
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
            criteria,
        };
        if !errors.is_empty() {
            form.fail(&AppError::Invalid(errors));
            return;
        }
        if let Err(error) = input.check() {
            form.fail(&error);
            return;
        }
        if form.check(&input) {
            save.dispatch(input);
        }
    };
    let profile_error = move || {
        form.errors
            .with(|e| e.get("profile_ids").map(|e| field_error_message(lang, e)))
    };
    let criteria_error = move || {
        form.errors
            .with(|e| e.get("criteria").map(|e| field_error_message(lang, e)))
    };
    view! {
        <form method="post" action=SavePracticalTemplate::PATH on:submit=submit novalidate>
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
                <p class="field-error" id="profile_ids-error" aria-live="polite">{profile_error}</p>
            </fieldset>
            <h2>{t(Text::Rubric)}</h2>
            <p class="hint">{t(Text::RubricHint)}</p>
            <p class="field-error" id="criteria-error" aria-live="polite">{criteria_error}</p>
            <For each=move || rows.get() key=|r| r.key let:row>
                {
                    let place = Signal::derive(move || rows.with(|all| all.iter().position(|r| r.key == row.key)));
                    view! {
                <fieldset class="rating criterion">
                    <legend>
                        {move || format!("{} {}", t(Text::CriterionNumber), place.get().unwrap_or(0) + 1)}
                    </legend>
                    <div class="grid-2">
                        <RowField list="criteria" place key=row.key field="competency_id" label=t(Text::Competency) value=row.competency form kind=RowKind::Select choices=competencies.get_value() />
                        <RowField list="criteria" place key=row.key field="max_points" label=t(Text::MaxPoints) value=row.max_points form kind=RowKind::Number />
                        <RowField list="criteria" place key=row.key field="description_it" label=t(Text::EarnsIt) value=row.it form />
                        <RowField list="criteria" place key=row.key field="description_en" label=t(Text::EarnsEn) value=row.en form />
                    </div>
                    <button type="button" on:click=move |_| rows.update(|all| all.retain(|r| r.key != row.key))>
                        {t(Text::Remove)}
                    </button>
                </fieldset>
                    }
                }
            </For>
            <p>
                <button type="button" on:click=move |_| {
                    let row = new_row(None);
                    rows.update(|all| all.push(row));
                }>
                    {t(Text::AddCriterion)}
                </button>
            </p>
            <p class="total" aria-live="polite">{move || format!("{}: {}", t(Text::TotalPoints), total())}</p>
            <div class="form-actions">
                <SubmitButton label=t(Text::SaveTemplate) pending=save.pending().into() />
            </div>
        </form>
    }
}
