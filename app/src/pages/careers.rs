//! The public careers page: open positions and each one's details, for anyone, and the
//! application form. These pages load no script: the form is a plain multipart form posted to
//! the opening's own address, which answers with the confirmation page or with this page again,
//! its errors beside their fields and everything typed kept.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{RecordPath, record_path};

use crate::api::recruitment::careers::{get_public_opening, list_public_openings, privacy_notice};
use crate::app::{use_lang, use_texts};
use crate::components::form::{CheckField, FormMessages, FormState, RequiredMark, TextField};
use crate::components::guard::{Notice, set_page_status};
use crate::i18n::{Counted, Text, count, field_error_message};
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
            view! { <Notice text=Text::NotFound public=true /> }.into_any()
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
                        view! { <Notice text=Text::NotFound public=true /> }.into_any()
                    }
                    _ => view! { <Notice text=Text::GenericError public=true /> }.into_any(),
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
                <span class="badge">{count(lang, opening.positions, Counted::Position)}</span>
            </p>
            <p class="lead">
                {lang.pick(&opening.profile_description_it, &opening.profile_description_en).to_owned()}
            </p>
            {(!extra.is_empty()).then(|| view! { <p>{extra}</p> })}
            <ApplicationForm opening=opening.id notice />
        </section>
    }
}

/// An application the server refused, put back on the page: what was typed, and why it was
/// refused. The server provides it as context when it renders the form again.
#[derive(Debug, Clone, Default)]
pub struct ApplicationDraft {
    pub input: ApplicationInput,
    pub error: Option<AppError>,
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
    /// A line under the field, such as a reminder to choose the file again.
    #[prop(default = None)]
    hint: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("f-{name}");
    let error_id = format!("f-{name}-error");
    let hint_id = format!("f-{name}-hint");
    let describedby = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let error = move || {
        form.errors
            .with(|e| e.get(name).map(|e| field_error_message(lang, e)))
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id.clone()>{label} <RequiredMark required /></label>
            <input
                id=id
                name=name
                type="file"
                required=required
                accept=accept.unwrap_or(".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                aria-invalid=move || error().is_some().to_string()
                aria-describedby=describedby
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <p class="field-error" id=error_id aria-live="polite">{error}</p>
        </div>
    }
}

/// The application form, server-rendered: with a draft in context (a refused submission), its
/// values and errors are shown.
#[component]
fn ApplicationForm(opening: OpeningId, notice: PrivacyNotice) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let draft = use_context::<ApplicationDraft>().unwrap_or_default();
    if let Some(error) = &draft.error {
        form.fail(error);
        set_page_status(error.status());
    }
    let refused = draft.error.is_some();
    let input = draft.input;
    let name = RwSignal::new(input.name);
    let email = RwSignal::new(input.email);
    let phone = RwSignal::new(input.phone);
    let education = RwSignal::new(input.education);
    let experience = RwSignal::new(input.experience);
    let cover_letter = RwSignal::new(input.cover_letter);
    let talent_pool = RwSignal::new(input.talent_pool);
    let choose_again = refused.then(|| t(Text::ChooseFileAgain).to_owned());

    view! {
        <form
            class="panel application"
            method="post"
            action=format!("/careers/{opening}")
            enctype="multipart/form-data"
            novalidate
        >
            <h2>{t(Text::ApplyTitle)}</h2>
            <p class="hint">{t(Text::ApplyIntro)}</p>
            <FormMessages form />
            <input type="hidden" name="opening_id" value=opening.to_string() />
            <input type="hidden" name="notice_version" value=notice.version.to_string() />
            <div class="grid-2">
                <TextField name="name" label=t(Text::Name) value=name form=form autocomplete="name" required=true />
                <TextField name="email" label=t(Text::Email) value=email form=form input_type="email" autocomplete="email" required=true />
                <TextField name="phone" label=t(Text::Phone) value=phone form=form input_type="tel" autocomplete="tel" required=true />
            </div>
            <FileField name="cv" label=t(Text::CvFile) form=form hint=choose_again.clone() required=true />
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
            // The notice scrolls when long, so it takes the keyboard focus to be scrolled too.
            <section class="privacy" role="region" tabindex="0" aria-labelledby="privacy-title">
                <h3 id="privacy-title">{t(Text::PrivacyNotice)}</h3>
                <p>{lang.pick(&notice.text_it, &notice.text_en).to_owned()}</p>
            </section>
            <CheckField name="talent_pool" label=t(Text::TalentPoolConsent) checked=talent_pool />
            <button type="submit" class="primary">{t(Text::SendApplication)}</button>
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
