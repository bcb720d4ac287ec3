//! HR's form for a course of the catalogue (`/courses/new`, `/courses/{id}/edit`): titles and
//! descriptions in both languages, provider, kind, hours, a validity for recurring training,
//! whether it is still offered, the level it brings each competency to and the profiles it is
//! mandatory for. A plain form (`forms::courses::save` on the server) whose refusals show
//! beside their fields with everything typed kept.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::catalogue::kind_label;
use crate::api::training::catalogue::course_editor;
use crate::app::{use_page_texts, use_texts};
use crate::components::catalogue::{CompetencyLevels, ProfileChecklist};
use crate::components::form::{CheckField, FormMessages, FormState, SelectField, TextField};
use crate::components::guard::{Notice, guarded, refusal, set_page_status};
use crate::i18n::{PageText, Text};
use crate::model::{
    AppError, CourseForm, CourseId, CourseInput, CourseKind, MOST_HOURS, MOST_VALIDITY_MONTHS,
    Permission,
};
use crate::pages::{RecordPath, record_path};

/// A course the server refused: what was typed, and why.
#[derive(Debug, Clone)]
pub struct CourseDraft {
    pub input: CourseInput,
    pub error: AppError,
}

/// Where the form for course `id` (or a new one) lives and posts.
pub fn editor_path(id: Option<CourseId>) -> String {
    id.map_or_else(
        || "/courses/new".to_owned(),
        |id| format!("/courses/{id}/edit"),
    )
}

/// `/courses/new`: the form for a new course.
#[component]
pub fn NewCoursePage() -> impl IntoView {
    guarded(
        Permission::ManageTraining,
        |_| view! { <EditorLoader id=None /> },
    )
}

/// `/courses/{id}/edit`: the form for an existing course.
#[component]
pub fn EditCoursePage() -> impl IntoView {
    guarded(Permission::ManageTraining, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<CourseId>) {
            RecordPath::Existing(id) => view! { <EditorLoader id=Some(id) /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn EditorLoader(id: Option<CourseId>) -> impl IntoView {
    let t = use_texts();
    let found = Resource::new(move || id, course_editor);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <Editor found /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Editor(found: CourseForm) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let form = FormState::new();
    let draft = use_context::<CourseDraft>();
    if let Some(draft) = &draft {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    let errors = draft
        .as_ref()
        .map(|d| d.error.field_errors())
        .unwrap_or_default();
    let input = draft.map_or(found.input, |d| d.input);
    let (title, back) = match found.id {
        Some(id) => (p(PageText::EditCourse), format!("/courses/{id}")),
        None => (p(PageText::NewCourse), "/courses".to_owned()),
    };
    let kinds: Vec<(String, String)> = CourseKind::ALL
        .into_iter()
        .map(|k| (k.as_str().to_owned(), t(kind_label(k)).to_owned()))
        .collect();
    view! {
        <Title text=title />
        <section class="page">
            <p><a href=back>{format!("← {}", t(Text::CourseCatalogue))}</a></p>
            <h1>{title}</h1>
            <form method="post" action=editor_path(found.id) novalidate id="course-form">
                <FormMessages form />
                <div class="grid-2">
                    <TextField name="title_it" label=t(Text::TitleIt) value=RwSignal::new(input.title_it.clone()) form required=true />
                    <TextField name="title_en" label=t(Text::TitleEn) value=RwSignal::new(input.title_en.clone()) form required=true />
                </div>
                <TextField name="description_it" label=t(Text::DescriptionIt) value=RwSignal::new(input.description_it.clone()) form multiline=true />
                <TextField name="description_en" label=t(Text::DescriptionEn) value=RwSignal::new(input.description_en.clone()) form multiline=true />
                <div class="grid-2">
                    <TextField name="provider" label=t(Text::Provider) value=RwSignal::new(input.provider.clone()) form required=true />
                    <SelectField name="kind" label=t(Text::CourseKindLabel) value=RwSignal::new(input.kind.clone()) form options=kinds required=true />
                    <TextField
                        name="hours"
                        label=format!("{} (1–{MOST_HOURS})", t(Text::Hours))
                        value=RwSignal::new(input.hours.clone())
                        form
                        input_type="number"
                        required=true
                    />
                    <TextField
                        name="validity_months"
                        label=format!("{} (1–{MOST_VALIDITY_MONTHS})", p(PageText::ValidityMonths))
                        value=RwSignal::new(input.validity_months.clone())
                        form
                        input_type="number"
                        hint=p(PageText::CourseValidityHint)
                    />
                </div>
                <CheckField name="active" label=p(PageText::CourseOffered) checked=RwSignal::new(input.active) />
                <CompetencyLevels
                    id="develops"
                    legend=p(PageText::DevelopsLegend)
                    hint=p(PageText::DevelopsHint)
                    competencies=found.competencies
                    levels=input.levels
                    errors=errors.clone()
                />
                <ProfileChecklist
                    id="mandatory-for"
                    legend=p(PageText::MandatoryForLegend)
                    hint=p(PageText::MandatoryForHint)
                    profiles=found.profiles
                    chosen=input.profiles
                    errors
                />
                <div class="form-actions">
                    <button type="submit" class="primary">{t(Text::Save)}</button>
                </div>
            </form>
        </section>
    }
}
