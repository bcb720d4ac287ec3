//! A practical test template's materials (HR): the files it hands out, each for every
//! candidate or in one language, to download, add and remove. Plain forms, no bundle: they
//! post to the server (`forms::materials`), which comes back here saying what happened.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::assessments::templates::practical_template_materials;
use crate::app::{use_lang, use_texts};
use crate::components::files::file_size;
use crate::components::form::{FormMessages, FormState};
use crate::components::guard::{Notice, guarded, refusal, set_page_status};
use crate::i18n::{Lang, Text, field_error_message};
use crate::model::{
    AppError, MAX_UPLOAD_BYTES, MOST_MATERIALS, MaterialView, Permission, PracticalTemplateId,
    TemplateMaterials,
};
use crate::pages::careers::FileField;
use crate::pages::{RecordPath, record_path};

/// A material the server refused, put back on the page: the language chosen and why.
#[derive(Debug, Clone)]
pub struct MaterialDraft {
    pub lang: String,
    pub error: AppError,
}

/// The file types the picker offers, as the server recognises them.
const ACCEPTED: &str = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.txt,.csv";

#[component]
pub fn MaterialsPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<PracticalTemplateId>) {
            RecordPath::Existing(id) => view! { <MaterialsLoader id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn MaterialsLoader(id: PracticalTemplateId) -> impl IntoView {
    let t = use_texts();
    let found = Resource::new(move || id, practical_template_materials);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => view! { <Materials found /> }.into_any(),
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

/// "Italiano", "English", or everyone.
pub fn language_label(lang: Lang, material: Option<Lang>) -> String {
    match material {
        Some(l) => l.native_name().to_owned(),
        None => Text::EveryLanguage.get(lang).to_owned(),
    }
}

#[component]
fn Materials(found: TemplateMaterials) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let id = found.template_id;
    let page = format!("/tests/templates/{id}/materials");
    let title = format!(
        "{} · {}",
        t(Text::Materials),
        lang.pick(&found.title_it, &found.title_en)
    );
    let flag = |name: &str| use_query_map().with_untracked(|q| q.get(name).is_some());
    let notice = if flag("added") {
        Some(t(Text::MaterialAdded))
    } else if flag("removed") {
        Some(t(Text::MaterialRemoved))
    } else {
        None
    };
    // A refused upload shows its form with the reason, even when the template is full.
    let full = found.materials.len() >= MOST_MATERIALS && use_context::<MaterialDraft>().is_none();
    view! {
        <Title text=title.clone() />
        <section class="page">
            <p><a href=format!("/tests/templates/{id}")>{format!("← {}", lang.pick(&found.title_it, &found.title_en))}</a></p>
            <h1>{title}</h1>
            <p class="hint">{t(Text::MaterialsHint)}</p>
            {notice.map(|n| view! { <p class="alert success" role="status" id="materials-notice">{n}</p> })}
            {if found.materials.is_empty() {
                view! { <p id="materials-none">{t(Text::NoMaterials)}</p> }.into_any()
            } else {
                view! { <MaterialsTable id materials=found.materials.clone() /> }.into_any()
            }}
            {if full {
                view! { <p class="hint">{format!("{} {MOST_MATERIALS}.", t(Text::MaterialsFull))}</p> }.into_any()
            } else {
                view! { <AddMaterial action=page /> }.into_any()
            }}
        </section>
    }
}

#[component]
fn MaterialsTable(id: PracticalTemplateId, materials: Vec<MaterialView>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <div class="table-wrap">
            <table id="materials" class="stacking">
                <thead>
                    <tr>
                        <th scope="col">{t(Text::File)}</th>
                        <th scope="col">{t(Text::Language)}</th>
                        <th scope="col">{t(Text::Size)}</th>
                        <th scope="col"><span class="visually-hidden">{t(Text::Actions)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {materials.into_iter().map(|m| {
                        let base = format!("/tests/templates/{id}/materials/{}", m.id);
                        view! {
                            <tr>
                                <td data-label=t(Text::File)><a href=base.clone()>{m.name.clone()}</a></td>
                                <td data-label=t(Text::Language)>{language_label(lang, m.lang)}</td>
                                <td data-label=t(Text::Size)>{file_size(m.size_bytes)}</td>
                                <td>
                                    <form method="post" action=format!("{base}/remove")>
                                        <button type="submit" class="link danger" aria-label=format!("{} {}", t(Text::Remove), m.name)>
                                            {t(Text::Remove)}
                                        </button>
                                    </form>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The upload form; with a refused material in context, its language and error are shown.
#[component]
fn AddMaterial(action: String) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::scoped("material");
    let draft = use_context::<MaterialDraft>();
    if let Some(draft) = &draft {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    let chosen = draft.map(|d| d.lang).unwrap_or_default();
    let lang_error = move || {
        form.errors
            .with(|e| e.get("lang").map(|e| field_error_message(lang, e)))
    };
    let choices = [
        (String::new(), t(Text::EveryLanguage).to_owned()),
        ("it".to_owned(), Lang::It.native_name().to_owned()),
        ("en".to_owned(), Lang::En.native_name().to_owned()),
    ];
    let limit = format!(
        "{} {} MB.",
        t(Text::MaterialTypesHint),
        MAX_UPLOAD_BYTES / (1024 * 1024)
    );
    view! {
        <form class="panel" method="post" action=action enctype="multipart/form-data" novalidate id="add-material">
            <h2>{t(Text::AddMaterial)}</h2>
            <FormMessages form />
            <FileField name="file" label=t(Text::File) form accept=ACCEPTED hint=Some(limit) required=true />
            <div class="field" class:invalid=move || lang_error().is_some()>
                <label for="f-material-lang">{t(Text::Language)}</label>
                <select id="f-material-lang" name="lang" aria-describedby="f-material-lang-error">
                    {choices.into_iter().map(|(value, label)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
                <p class="hint">{t(Text::MaterialLanguageHint)}</p>
                <p class="field-error" id="f-material-lang-error" aria-live="polite">{lang_error}</p>
            </div>
            <button type="submit" class="primary">{t(Text::AddMaterial)}</button>
        </form>
    }
}
