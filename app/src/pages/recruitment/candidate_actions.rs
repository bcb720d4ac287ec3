//! What HR do on a candidate's page: write notes, tag, merge a duplicate, and act on the
//! person's data rights (export everything, erase). Each is an island on the server-rendered
//! page; what changes the page's other parts reloads it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::intake::reason_label;
use crate::api::recruitment::candidates::EraseCandidate;
use crate::api::recruitment::candidates::{add_note, erase_candidate, merge_candidates, set_tags};
use crate::app::use_texts;
use crate::components::browser::{go_to, reload};
use crate::components::form::{FormMessages, FormState, SubmitButton, TextField};
use crate::i18n::{Counted, Text, count};
use crate::model::{AppError, CandidateId, NoteInput, PossibleDuplicate, check_tags, parse_tags};
use server_fn::ServerFn;

/// A note or the tags that the server refused when their form was posted without JavaScript:
/// what was typed, and why. The server provides it as context when it renders the candidate's
/// page again.
#[derive(Debug, Clone)]
pub enum CandidateDraft {
    Note { body: String, error: AppError },
    Tags { text: String, error: AppError },
}

/// A form to add a note; the page reloads to show it in the timeline. Without JavaScript it
/// posts to the candidate's page, which comes back with the note added (`added`) or with
/// what was typed and the reason (`body`, `refused`).
#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
pub fn NoteForm(
    id: CandidateId,
    body: String,
    refused: Option<AppError>,
    added: bool,
) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    match &refused {
        Some(error) => form.fail(error),
        None if added => form.succeed(Text::NoteAdded),
        None => {}
    }
    let body = RwSignal::new(body);
    let save = Action::new(move |input: &NoteInput| {
        let input = input.clone();
        async move { add_note(id, input).await }
    });
    form.follow(save, move |()| {
        body.set(String::new());
        form.succeed(Text::NoteAdded);
        reload();
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = NoteInput {
            body: body.get_untracked(),
        };
        if form.check(&input) {
            save.dispatch(input);
        }
    };
    view! {
        <form class="note-form" method="post" action=format!("/candidates/{id}") on:submit=submit novalidate>
            <input type="hidden" name="intent" value="note" />
            <FormMessages form />
            <TextField name="body" label=t(Text::Note) value=body form multiline=true required=true />
            <SubmitButton label=t(Text::AddNote) pending=save.pending().into() without_script=true />
        </form>
    }
}

/// The candidate's tags, edited as one comma-separated line. Without JavaScript it posts to the
/// candidate's page, like the note.
#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
pub fn TagsForm(
    id: CandidateId,
    text: String,
    refused: Option<AppError>,
    saved: bool,
) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    match &refused {
        Some(error) => form.fail(error),
        None if saved => form.succeed(Text::TagsSaved),
        None => {}
    }
    let text = RwSignal::new(text);
    let save = Action::new(move |tags: &Vec<String>| {
        let tags = tags.clone();
        async move { set_tags(id, tags).await }
    });
    form.follow(save, move |saved: Vec<String>| {
        text.set(saved.join(", "));
        form.succeed(Text::TagsSaved);
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let tags = parse_tags(&text.get_untracked());
        match check_tags(&tags) {
            Ok(()) => {
                save.dispatch(tags);
            }
            Err(error) => form.fail(&error),
        }
    };
    view! {
        <form class="tags-form" method="post" action=format!("/candidates/{id}") on:submit=submit novalidate>
            <input type="hidden" name="intent" value="tags" />
            <FormMessages form />
            <TextField name="tags" label=t(Text::TagsLabel) value=text form hint=t(Text::TagsHint) />
            <SubmitButton label=t(Text::SaveTags) pending=save.pending().into() without_script=true />
        </form>
    }
}

/// Other records that may be this person, each with a merge behind a confirmation.
#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
pub fn DuplicatesPanel(id: CandidateId, duplicates: Vec<PossibleDuplicate>) -> impl IntoView {
    let t = use_texts();
    let lang = crate::app::use_lang();
    let form = FormState::new();
    let confirming: RwSignal<Option<CandidateId>> = RwSignal::new(None);
    let merge = Action::new(move |duplicate: &CandidateId| {
        let duplicate = *duplicate;
        async move { merge_candidates(id, duplicate).await }
    });
    form.follow(merge, move |()| {
        confirming.set(None);
        form.succeed(Text::Merged);
        reload();
    });
    view! {
        <section class="panel warning-panel" aria-labelledby="duplicates-title">
            <h2 id="duplicates-title">{t(Text::PossibleDuplicates)}</h2>
            <p class="hint">{t(Text::MergeExplain)}</p>
            <FormMessages form />
            <ul class="duplicates">
                {duplicates
                    .into_iter()
                    .map(|d| {
                        let other = d.id;
                        let contacts = [d.email.clone(), d.phone.clone()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ");
                        view! {
                            <li>
                                <a href=format!("/candidates/{other}")>{d.name.clone()}</a>
                                <span class="muted">
                                    {format!(" · {} · {contacts} · {}", t(reason_label(d.reason)), count(lang, d.applications, Counted::Application))}
                                </span>
                                <Show
                                    when=move || confirming.get() == Some(other)
                                    fallback=move || view! {
                                        <button type="button" class="secondary" on:click=move |_| confirming.set(Some(other))>
                                            {t(Text::MergeHere)}
                                        </button>
                                    }
                                >
                                    <button type="button" class="danger" disabled=move || merge.pending().get() on:click=move |_| { merge.dispatch(other); }>
                                        {t(Text::ConfirmMerge)}
                                    </button>
                                    <button type="button" class="secondary" on:click=move |_| confirming.set(None)>
                                        {t(Text::Cancel)}
                                    </button>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// The person's data rights: export everything, or erase them, each behind a confirmation.
#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
pub fn PersonalDataPanel(id: CandidateId) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    let exporting = RwSignal::new(false);
    let erasing = RwSignal::new(false);
    let confirm = RwSignal::new(String::new());
    let erase = Action::new(move |confirm: &String| {
        let confirm = confirm.clone();
        async move { erase_candidate(id, confirm).await }
    });
    form.follow(erase, move |()| {
        go_to("/candidates?erased=1");
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        erase.dispatch(confirm.get_untracked());
    };
    view! {
        <section class="panel" aria-labelledby="personal-data-title">
            <h2 id="personal-data-title">{t(Text::PersonalData)}</h2>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| exporting.update(|e| *e = !*e)>
                    {t(Text::ExportData)}
                </button>
                <button type="button" class="danger" on:click=move |_| erasing.update(|e| *e = !*e)>
                    {t(Text::EraseData)}
                </button>
            </div>
            <Show when=move || exporting.get()>
                <div class="confirm">
                    <p>{t(Text::ExportExplain)}</p>
                    <a class="button primary" href=format!("/candidates/{id}/export.zip") rel="nofollow" download="">
                        {t(Text::ConfirmExport)}
                    </a>
                </div>
            </Show>
            <Show when=move || erasing.get()>
                <form class="confirm" method="post" action=EraseCandidate::PATH on:submit=submit novalidate>
                    <p class="warning">{t(Text::EraseExplain)}</p>
                    <FormMessages form />
                    <TextField name="confirm" label=t(Text::ConfirmName) value=confirm form autocomplete="off" required=true />
                    <button type="submit" class="danger" disabled=move || erase.pending().get()>
                        {t(Text::EraseForever)}
                    </button>
                </form>
            </Show>
        </section>
    }
}
