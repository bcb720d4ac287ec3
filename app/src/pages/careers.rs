//! The public careers page: open positions and each one's details, for anyone.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{RecordPath, record_path};
use leptos::ev::SubmitEvent;
use leptos_router::hooks::use_navigate;

use crate::api::careers::{get_public_opening, list_public_openings, privacy_notice};
use crate::app::{use_lang, use_texts};
use crate::components::form::{CheckField, FormMessages, FormState, SubmitButton, TextField};
use crate::components::guard::{Notice, set_page_status};
use crate::i18n::{Text, field_error_message};
use crate::model::{AppError, ApplicationInput, OpeningId, PrivacyNotice, PublicOpening};

#[component]
pub fn CareersPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let openings = Resource::new(|| (), |()| list_public_openings());
    view! {
        <Title text=t(Text::CareersTitle) />
        <section class="page">
            <h1>{t(Text::CareersTitle)}</h1>
            <p class="lead">{t(Text::CareersIntro)}</p>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let list = openings.await.unwrap_or_default();
                    if list.is_empty() {
                        return view! { <p>{t(Text::NoOpenings)}</p> }.into_any();
                    }
                    view! {
                        <ul class="cards">
                            {list
                                .into_iter()
                                .map(|o| {
                                    view! {
                                        <li class="card">
                                            <h2>
                                                <a href=format!("/careers/{}", o.id)>
                                                    {lang.pick(&o.title_it, &o.title_en).to_owned()}
                                                </a>
                                            </h2>
                                            <p>
                                                {o.location} " · " {t(o.sector.label())} " · "
                                                {t(o.area.label())}
                                            </p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn CareerOpeningPage() -> impl IntoView {
    let params = use_params_map();
    move || match params.with(record_path::<OpeningId>) {
        RecordPath::Existing(id) => view! { <CareerOpening id /> }.into_any(),
        RecordPath::New | RecordPath::Unknown => {
            set_page_status(404);
            view! { <Notice text=Text::NotFound /> }.into_any()
        }
    }
}

#[component]
fn CareerOpening(id: OpeningId) -> impl IntoView {
    let t = use_texts();
    let opening = Resource::new(move || id, get_public_opening);
    let notice = Resource::new(|| (), |()| privacy_notice());
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match (opening.await, notice.await) {
                    (Ok(opening), Ok(notice)) => view! { <OpeningAdvert opening notice /> }.into_any(),
                    (Err(AppError::NotFound), _) => {
                        set_page_status(404);
                        view! { <Notice text=Text::NotFound /> }.into_any()
                    }
                    _ => view! { <Notice text=Text::GenericError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OpeningAdvert(opening: PublicOpening, notice: PrivacyNotice) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let title = lang.pick(&opening.title_it, &opening.title_en).to_owned();
    let extra = lang
        .pick(&opening.description_it, &opening.description_en)
        .to_owned();
    view! {
        <Title text=title.clone() />
        <section class="page">
            <p>
                <a href="/careers">{format!("← {}", t(Text::AllOpenings))}</a>
            </p>
            <h1>{title}</h1>
            <p>
                <span class="badge">{opening.location.clone()}</span>
                " "
                <span class="badge">{t(opening.sector.label())}</span>
                " "
                <span class="badge">{format!("{} {}", opening.positions, t(Text::Positions).to_lowercase())}</span>
            </p>
            <p class="lead">
                {lang.pick(&opening.profile_description_it, &opening.profile_description_en).to_owned()}
            </p>
            {(!extra.is_empty()).then(|| view! { <p>{extra}</p> })}
            <ApplicationForm opening=opening.id notice />
        </section>
    }
}

/// Checks the chosen files before sending, as the server will: a CV is required, and no
/// file may be empty or over the size limit.
#[cfg(feature = "hydrate")]
fn check_files(form: &leptos::web_sys::HtmlFormElement) -> crate::model::FieldErrors {
    use crate::model::{FieldError, FieldErrors, MAX_UPLOAD_BYTES};
    use leptos::wasm_bindgen::JsCast;
    let mut errors = FieldErrors::default();
    for (field, required) in [("cv", true), ("cover_letter_file", false)] {
        let file = form
            .query_selector(&format!("input[name={field}]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let code = match file {
            None if required => Some("file_required"),
            Some(f) if f.size() > MAX_UPLOAD_BYTES as f64 => Some("file_too_large"),
            Some(f) if f.size() == 0.0 => Some("file_empty"),
            _ => None,
        };
        if let Some(code) = code {
            let mut error = FieldError::new(code);
            if code == "file_too_large" {
                error.param = Some((MAX_UPLOAD_BYTES / (1024 * 1024)) as i64);
            }
            errors.0.insert(field.into(), error);
        }
    }
    errors
}

/// A file input with its label and its error.
#[component]
pub(crate) fn FileField(
    name: &'static str,
    label: &'static str,
    form: FormState,
    /// The types the picker offers; PDF and Word documents unless told.
    #[prop(optional)]
    accept: Option<&'static str>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("f-{name}");
    let error_id = format!("f-{name}-error");
    let error = move || {
        form.errors
            .with(|e| e.get(name).map(|e| field_error_message(lang, e)))
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type="file"
                accept=accept.unwrap_or(".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=error_id.clone()
            />
            <p class="field-error" id=error_id aria-live="polite">{error}</p>
        </div>
    }
}

#[component]
fn ApplicationForm(opening: OpeningId, notice: PrivacyNotice) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let education = RwSignal::new(String::new());
    let experience = RwSignal::new(String::new());
    let cover_letter = RwSignal::new(String::new());
    let talent_pool = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let notice_version = notice.version;

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = ApplicationInput {
            name: name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            education: education.get_untracked(),
            experience: experience.get_untracked(),
            cover_letter: cover_letter.get_untracked(),
            talent_pool: talent_pool.get_untracked(),
            notice_version,
        };
        let valid = form.check(&input);
        #[cfg(feature = "hydrate")]
        {
            use leptos::wasm_bindgen::JsCast;
            let Some(element) = ev
                .target()
                .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let file_errors = check_files(&element);
            if !valid || !file_errors.is_empty() {
                form.errors.update(|e| e.0.extend(file_errors.0));
                form.fail(&AppError::Invalid(form.errors.get_untracked()));
                return;
            }
            let Ok(data) = leptos::web_sys::FormData::new_with_form(&element) else {
                return;
            };
            sending.set(true);
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                let result = crate::api::careers::apply(data.into()).await;
                sending.set(false);
                match result {
                    Ok(()) => navigate("/careers/applied", Default::default()),
                    Err(error) => form.fail(&error),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (valid, &navigate);
    };

    view! {
        <form class="panel application" on:submit=submit novalidate enctype="multipart/form-data">
            <h2>{t(Text::ApplyTitle)}</h2>
            <p class="hint">{t(Text::ApplyIntro)}</p>
            <FormMessages form />
            <input type="hidden" name="opening_id" value=opening.to_string() />
            <input type="hidden" name="notice_version" value=notice_version.to_string() />
            <div class="grid-2">
                <TextField name="name" label=t(Text::Name) value=name form=form autocomplete="name" required=true />
                <TextField name="email" label=t(Text::Email) value=email form=form input_type="email" autocomplete="email" required=true />
                <TextField name="phone" label=t(Text::Phone) value=phone form=form input_type="tel" autocomplete="tel" required=true />
            </div>
            <FileField name="cv" label=t(Text::CvFile) form=form />
            <div class="grid-2">
                <TextField name="education" label=t(Text::Education) value=education form=form multiline=true hint=t(Text::EducationHint) />
                <TextField name="experience" label=t(Text::Experience) value=experience form=form multiline=true hint=t(Text::ExperienceHint) />
            </div>
            <TextField name="cover_letter" label=t(Text::CoverLetter) value=cover_letter form=form multiline=true hint=t(Text::CoverLetterHint) />
            <FileField name="cover_letter_file" label=t(Text::CoverLetterFile) form=form />
            <div class="trap" aria-hidden="true">
                <label for="f-website">{t(Text::HoneypotLabel)}</label>
                <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" />
            </div>
            <section class="privacy" aria-labelledby="privacy-title">
                <h3 id="privacy-title">{t(Text::PrivacyNotice)}</h3>
                <p>{lang.pick(&notice.text_it, &notice.text_en).to_owned()}</p>
            </section>
            <CheckField name="talent_pool" label=t(Text::TalentPoolConsent) checked=talent_pool />
            <SubmitButton label=t(Text::SendApplication) pending=sending.into() />
        </form>
    }
}

/// Shown after a successful application.
#[component]
pub fn AppliedPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t(Text::AppliedTitle) />
        <section class="page narrow">
            <h1>{t(Text::AppliedTitle)}</h1>
            <p class="alert success" role="status">{t(Text::AppliedBody)}</p>
            <p>
                <a href="/careers">{format!("← {}", t(Text::AllOpenings))}</a>
            </p>
        </section>
    }
}
