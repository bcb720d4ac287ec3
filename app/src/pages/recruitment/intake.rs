//! HR's intake page: drop one or many CVs (each uploads with its own progress bar, is read,
//! and waits in a tray with its form prefilled), add a candidate by hand, or import a CSV.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;

use super::candidate_list::source_label;
use crate::api::recruitment::intake::{AddCandidate, ImportCandidates};
use crate::api::recruitment::intake::{add_candidate, discard_upload, pending_uploads};
use crate::api::recruitment::openings::list_openings;
use crate::app::{use_lang, use_texts};
use crate::components::form::{FormMessages, FormState, SelectField, SubmitButton, TextField};
use crate::components::guard::guarded;
use crate::i18n::{Text, field_error_message};
use crate::model::{
    CandidateInput, DuplicateReason, IntakeDraft, IntakeOutcome, MANUAL_SOURCES, OpeningId,
    OpeningStatus, OpeningSummary, Permission, UploadId, import_template,
};
use crate::pages::careers::FileField;
use server_fn::ServerFn;

#[component]
pub fn IntakePage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| {
        let t = use_texts();
        view! {
            <Title text=t(Text::IntakeTitle) />
            <Intake />
        }
    })
}

/// Where one dropped file stands (set only in the browser, which does the uploading).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Progress {
    /// Sent so far, in percent.
    Sending(f64),
    /// Stored and read; its form is in the tray.
    Done,
    Failed(String),
}

/// A file being uploaded, as its row in the upload list shows it.
#[derive(Debug, Clone)]
struct Sending {
    key: usize,
    name: String,
    progress: RwSignal<Progress>,
}

/// A candidate saved from this page, with who they may duplicate.
#[derive(Debug, Clone)]
struct Saved {
    name: String,
    outcome: IntakeOutcome,
}

/// Drop, tray, saved list, manual add and import: one island, as they share the tray.
#[cfg_attr(any(feature = "ssr", feature = "bundle-intake"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-intake")), component)]
fn Intake() -> impl IntoView {
    let t = use_texts();
    let openings = Resource::new(|| (), |()| list_openings());
    let pending = Resource::new(|| (), |()| pending_uploads());
    let drafts: RwSignal<Vec<IntakeDraft>> = RwSignal::new(Vec::new());
    let saved: RwSignal<Vec<Saved>> = RwSignal::new(Vec::new());
    view! {
        <section class="page">
            <h1>{t(Text::IntakeTitle)}</h1>
            <p class="hint">{t(Text::IntakeIntro)}</p>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let openings: Vec<OpeningSummary> = openings
                        .await
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|o| o.status != OpeningStatus::Closed)
                        .collect();
                    let waiting = pending.await.unwrap_or_default();
                    drafts.update(|d| {
                        for draft in waiting {
                            if !d.iter().any(|x| x.upload_id == draft.upload_id) {
                                d.push(draft);
                            }
                        }
                    });
                    let openings = StoredValue::new(openings);
                    view! {
                        <SavedList saved />
                        <Uploader drafts />
                        <Show when=move || drafts.with(|d| d.len() > 1)>
                            <div class="actions">
                                <button type="button" class="primary" on:click=move |_| save_all()>
                                    {t(Text::SaveAll)}
                                </button>
                                <span class="hint">{t(Text::SaveAllHint)}</span>
                            </div>
                        </Show>
                        <div class="drafts">
                            <For
                                each=move || drafts.get()
                                key=|d| d.upload_id
                                children=move |draft| {
                                    view! { <CandidateForm draft=Some(draft) openings drafts saved /> }
                                }
                            />
                        </div>
                        <details class="panel">
                            <summary>{t(Text::AddByHand)}</summary>
                            <CandidateForm draft=None openings drafts saved />
                        </details>
                        <ImportForm />
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Submits every form in the tray, as if each Save were pressed: each checks itself, and those
/// with errors stay, showing them.
fn save_all() {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let Ok(forms) = document().query_selector_all(".drafts form.intake-form") else {
            return;
        };
        for i in 0..forms.length() {
            if let Some(form) = forms
                .get(i)
                .and_then(|n| n.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
            {
                let _ = form.request_submit();
            }
        }
    }
}

/// The candidates saved on this page, with a warning for each possible duplicate.
#[component]
fn SavedList(saved: RwSignal<Vec<Saved>>) -> impl IntoView {
    let t = use_texts();
    view! {
        <Show when=move || saved.with(|s| !s.is_empty())>
            <ul class="saved" aria-live="polite">
                {move || {
                    saved
                        .get()
                        .into_iter()
                        .map(|s| {
                            let id = s.outcome.candidate_id;
                            let what = if s.outcome.matched_existing {
                                t(Text::AttachedToExisting)
                            } else {
                                t(Text::CandidateSaved)
                            };
                            view! {
                                <li class="alert success">
                                    {what} " " <a href=format!("/candidates/{id}")>{s.name.clone()}</a>
                                    {(!s.outcome.possible_duplicates.is_empty()).then(|| view! {
                                        <p class="warning">
                                            {t(Text::PossibleDuplicatesWarning)} " "
                                            {s.outcome.possible_duplicates.iter().map(|d| view! {
                                                <a href=format!("/candidates/{}", d.id)>
                                                    {format!("{} ({})", d.name, t(reason_label(d.reason)))}
                                                </a>
                                                " "
                                            }).collect_view()}
                                        </p>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

pub(crate) fn reason_label(reason: DuplicateReason) -> Text {
    match reason {
        DuplicateReason::Email => Text::SameEmail,
        DuplicateReason::Phone => Text::SamePhone,
        DuplicateReason::Name => Text::SimilarName,
    }
}

/// The drop zone and the list of files on their way, each with its progress bar.
#[component]
fn Uploader(drafts: RwSignal<Vec<IntakeDraft>>) -> impl IntoView {
    let t = use_texts();
    let sending: RwSignal<Vec<Sending>> = RwSignal::new(Vec::new());
    let over = RwSignal::new(false);
    let next_key = StoredValue::new(0usize);

    #[cfg(feature = "hydrate")]
    let send_all = move |files: leptos::web_sys::FileList| {
        let lang = crate::app::use_lang();
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            let progress = RwSignal::new(Progress::Sending(0.0));
            sending.update(|s| {
                s.push(Sending {
                    key,
                    name: file.name(),
                    progress,
                })
            });
            upload::send(file, progress, drafts, lang);
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = (drafts, next_key);

    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        #[cfg(feature = "hydrate")]
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            send_all(files);
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use leptos::wasm_bindgen::JsCast;
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
            {
                if let Some(files) = input.files() {
                    send_all(files);
                }
                input.set_value("");
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    view! {
        <div
            class="dropzone panel"
            class:over=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <label for="f-cv-files">
                <strong>{t(Text::DropCvs)}</strong>
                <span class="hint">{t(Text::DropCvsHint)}</span>
            </label>
            <input
                id="f-cv-files"
                type="file"
                multiple=true
                accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                on:change=on_pick
            />
        </div>
        <ul class="uploads">
            <For
                each=move || sending.get()
                key=|s| s.key
                children=move |s| {
                    let progress = s.progress;
                    let percent = move || match progress.get() {
                        Progress::Sending(p) => p,
                        _ => 100.0,
                    };
                    view! {
                        <li class="upload">
                            <span class="file-name">{s.name.clone()}</span>
                            <progress max="100" value=percent aria-label=s.name.clone()></progress>
                            <span class="upload-state" role="status">
                                {move || match progress.get() {
                                    Progress::Sending(p) => format!("{p:.0}%"),
                                    Progress::Done => t(Text::UploadDone).to_owned(),
                                    Progress::Failed(message) => message,
                                }}
                            </span>
                        </li>
                    }
                }
            />
        </ul>
    }
}

/// Sending a file with `XMLHttpRequest`, whose upload events report progress (`fetch` has
/// none).
#[cfg(feature = "hydrate")]
mod upload {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::wasm_bindgen::closure::Closure;
    use leptos::web_sys::{File, FormData, ProgressEvent, XmlHttpRequest};

    use super::Progress;
    use crate::components::form::error_text;
    use crate::i18n::{Lang, field_error_message};
    use crate::model::{AppError, IntakeDraft, MAX_UPLOAD_BYTES};

    pub fn send(
        file: File,
        progress: RwSignal<Progress>,
        drafts: RwSignal<Vec<IntakeDraft>>,
        lang: Lang,
    ) {
        if file.size() > MAX_UPLOAD_BYTES as f64 {
            let mut error = crate::model::FieldError::new("file_too_large");
            error.param = Some((MAX_UPLOAD_BYTES / (1024 * 1024)) as i64);
            progress.set(Progress::Failed(field_error_message(lang, &error)));
            return;
        }
        let failed = move |error: AppError| {
            let message = match &error {
                AppError::Invalid(fields) => fields
                    .get("file")
                    .map(|e| field_error_message(lang, e))
                    .unwrap_or_else(|| error_text(lang, &error)),
                _ => error_text(lang, &error),
            };
            progress.set(Progress::Failed(message));
        };
        let (Ok(request), Ok(data)) = (XmlHttpRequest::new(), FormData::new()) else {
            failed(AppError::Network);
            return;
        };
        if data
            .append_with_blob_and_filename("file", &file, &file.name())
            .is_err()
            || request.open("POST", "/api/upload_cv").is_err()
        {
            failed(AppError::Network);
            return;
        }
        let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |ev: ProgressEvent| {
            if ev.length_computable() && ev.total() > 0.0 {
                // The last few percent wait for the server to read the file.
                progress.set(Progress::Sending(
                    (ev.loaded() / ev.total() * 95.0).min(95.0),
                ));
            }
        });
        if let Ok(target) = request.upload() {
            target.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        }
        on_progress.forget();
        let answered = request.clone();
        let on_done = Closure::<dyn FnMut()>::new(move || {
            let status = answered.status().unwrap_or(0);
            let body = answered.response_text().ok().flatten().unwrap_or_default();
            if status == 200 {
                match serde_json::from_str::<IntakeDraft>(&body) {
                    Ok(draft) => {
                        progress.set(Progress::Done);
                        drafts.update(|d| d.push(draft));
                    }
                    Err(_) => failed(AppError::Internal),
                }
            } else {
                failed(serde_json::from_str::<AppError>(&body).unwrap_or(AppError::Internal));
            }
        });
        request.set_onload(Some(on_done.as_ref().unchecked_ref()));
        on_done.forget();
        let on_error = Closure::<dyn FnMut()>::new(move || failed(AppError::Network));
        request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        if request.send_with_opt_form_data(Some(&data)).is_err() {
            failed(AppError::Network);
        }
    }
}

/// The form that makes a candidate, prefilled from an uploaded CV or empty.
#[component]
fn CandidateForm(
    draft: Option<IntakeDraft>,
    openings: StoredValue<Vec<OpeningSummary>>,
    drafts: RwSignal<Vec<IntakeDraft>>,
    saved: RwSignal<Vec<Saved>>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let upload_id: Option<UploadId> = draft.as_ref().map(|d| d.upload_id);
    let prefill =
        |f: fn(&IntakeDraft) -> &String| draft.as_ref().map(f).cloned().unwrap_or_default();
    let name = RwSignal::new(prefill(|d| &d.name));
    let email = RwSignal::new(prefill(|d| &d.email));
    let phone = RwSignal::new(prefill(|d| &d.phone));
    let education = RwSignal::new(String::new());
    let experience = RwSignal::new(String::new());
    let opening = RwSignal::new(String::new());
    let source = RwSignal::new("manual".to_owned());
    let source_detail = RwSignal::new(String::new());
    // Field ids must be unique on the page: one prefix per form.
    let prefix =
        StoredValue::new(upload_id.map_or_else(|| "manual".to_owned(), |id| format!("u{id}")));
    let field = move |n: &str| format!("{}.{n}", prefix.get_value());

    let save = Action::new(move |input: &CandidateInput| {
        let input = input.clone();
        async move { add_candidate(input).await }
    });
    let discard = Action::new(move |id: &UploadId| {
        let id = *id;
        async move { discard_upload(id).await.map(|()| id) }
    });
    let reset = move || {
        for s in [name, email, phone, education, experience, source_detail] {
            s.set(String::new());
        }
    };
    form.follow(save, move |outcome: IntakeOutcome| {
        saved.update(|s| {
            s.insert(
                0,
                Saved {
                    name: name.get_untracked(),
                    outcome,
                },
            )
        });
        match upload_id {
            Some(id) => drafts.update(|d| d.retain(|x| x.upload_id != id)),
            None => {
                reset();
                form.succeed(Text::CandidateSaved);
            }
        }
    });
    form.follow(discard, move |id| {
        drafts.update(|d| d.retain(|x| x.upload_id != id))
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = CandidateInput {
            name: name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            education: education.get_untracked(),
            experience: experience.get_untracked(),
            opening_id: opening.get_untracked().parse::<i32>().ok().map(OpeningId),
            source: source.get_untracked(),
            source_detail: source_detail.get_untracked(),
            upload_id,
        };
        // The same checks as the server, with the errors under this form's field names.
        match input.check() {
            Ok(()) => {
                save.dispatch(input);
            }
            Err(error) => form.fail(&error),
        }
    };
    // Errors come back under the plain field names; show them under this form's.
    let errors = form.errors;
    let prefixed = FormState::new();
    Effect::new(move |_| {
        let mut shown = crate::model::FieldErrors::default();
        for (k, v) in errors.get().0 {
            shown.0.insert(field(&k), v);
        }
        prefixed.errors.set(shown);
        prefixed.alert.set(form.alert.get());
        prefixed.notice.set(form.notice.get());
    });

    let mut opening_choices = vec![(String::new(), t(Text::NoOpeningYet).to_owned())];
    opening_choices.extend(openings.get_value().into_iter().map(|o| {
        (
            o.id.to_string(),
            format!("{} · {}", lang.pick(&o.title_it, &o.title_en), o.location),
        )
    }));
    let source_choices: Vec<(String, String)> = MANUAL_SOURCES
        .iter()
        .map(|s| ((*s).to_owned(), t(source_label(s)).to_owned()))
        .collect();
    let heading = draft.as_ref().map(|d| {
        let size = crate::components::files::file_size(u64::try_from(d.size_bytes).unwrap_or(0));
        (d.file_name.clone(), size, d.text_extracted)
    });
    let pending = save.pending();
    view! {
        <form class="panel intake-form" method="post" action=AddCandidate::PATH on:submit=submit novalidate>
            {heading.map(|(file, size, extracted)| view! {
                <h2 class="file-heading">
                    {file} <span class="muted">{format!(" · {size}")}</span>
                    {(!extracted).then(|| view! { " " <span class="badge off">{t(Text::TextNotExtracted)}</span> })}
                </h2>
            })}
            <FormMessages form=prefixed />
            <div class="grid-2">
                <TextField name=field("name") label=t(Text::FullName) value=name form=prefixed required=true />
                <TextField name=field("email") label=t(Text::Email) value=email form=prefixed input_type="email" />
                <TextField name=field("phone") label=t(Text::Phone) value=phone form=prefixed input_type="tel" />
                <SelectField name=field("opening_id") label=t(Text::Opening) value=opening form=prefixed options=opening_choices />
                <SelectField name=field("source") label=t(Text::Source) value=source form=prefixed options=source_choices required=true />
                <Show when=move || source.with(|s| crate::model::source_needs_detail(s))>
                    <TextField name=field("source_detail") label=t(Text::SourceDetail) value=source_detail form=prefixed />
                </Show>
            </div>
            <Show when=move || upload_id.is_none()>
                <TextField name=field("education") label=t(Text::Education) value=education form=prefixed multiline=true />
                <TextField name=field("experience") label=t(Text::Experience) value=experience form=prefixed multiline=true />
            </Show>
            <div class="actions">
                <SubmitButton label=t(Text::SaveCandidate) pending=pending.into() />
                {upload_id.map(|id| view! {
                    <button type="button" class="secondary" on:click=move |_| { discard.dispatch(id); }>
                        {t(Text::Discard)}
                    </button>
                })}
            </div>
            {move || {
                prefixed.errors.with(|e| {
                    e.get(&field("upload_id")).map(|e| view! { <p class="field-error">{field_error_message(lang, e)}</p> })
                })
            }}
        </form>
    }
}

/// Importing candidates from a CSV file, all rows or none, with every bad row listed.
#[component]
fn ImportForm() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let template = format!(
        "data:text/csv;charset=utf-8,{}",
        import_template(lang)
            .replace(',', "%2C")
            .replace("\r\n", "%0D%0A")
    );
    let form = FormState::new();
    let sending = RwSignal::new(false);
    let rows: RwSignal<Vec<(usize, String, String)>> = RwSignal::new(Vec::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        {
            use leptos::wasm_bindgen::JsCast;
            let Some(element) = ev
                .target()
                .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let Ok(data) = leptos::web_sys::FormData::new_with_form(&element) else {
                return;
            };
            sending.set(true);
            rows.set(Vec::new());
            leptos::task::spawn_local(async move {
                let result = crate::api::recruitment::intake::import_candidates(data.into()).await;
                sending.set(false);
                match result {
                    Ok(summary) => {
                        form.succeed(Text::ImportDone);
                        form.notice.set(Some(format!(
                            "{} {}: {}, {}: {}",
                            t(Text::ImportDone),
                            t(Text::Created),
                            summary.created,
                            t(Text::AttachedToExisting),
                            summary.matched
                        )));
                    }
                    Err(error) => {
                        let mut found: Vec<(usize, String, String)> = error
                            .field_errors()
                            .0
                            .iter()
                            .filter_map(|(path, e)| {
                                let mut parts = path.splitn(3, '.');
                                (parts.next() == Some("rows")).then_some(())?;
                                let line = parts.next()?.parse().ok()?;
                                let column = parts.next().unwrap_or_default().to_owned();
                                Some((line, column, field_error_message(lang, e)))
                            })
                            .collect();
                        found.sort();
                        rows.set(found);
                        form.fail(&error);
                    }
                }
            });
        }
    };
    view! {
        <form class="panel" method="post" action=ImportCandidates::PATH on:submit=submit novalidate enctype="multipart/form-data">
            <h2>{t(Text::ImportTitle)}</h2>
            <p class="hint">
                {t(Text::ImportHint)} " "
                <a href=template download=lang.pick("modello-candidati.csv", "candidates-template.csv")>
                    {t(Text::CsvTemplate)}
                </a>
            </p>
            <FormMessages form />
            <FileField name="file" label=t(Text::CsvFile) form accept=".csv,text/csv" required=true />
            <Show when=move || rows.with(|r| !r.is_empty())>
                <table class="row-errors">
                    <caption>{t(Text::ImportRowErrors)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Text::Row)}</th>
                            <th scope="col">{t(Text::Column)}</th>
                            <th scope="col">{t(Text::Problem)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|(line, column, message)| view! {
                            <tr><td>{line}</td><td>{column}</td><td>{message}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <SubmitButton label=t(Text::Import) pending=sending.into() />
        </form>
    }
}
