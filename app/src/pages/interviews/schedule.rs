//! The form HR schedule an interview with, on the candidate's page (opened at once when they
//! come from a card moved to Interview on the board). Clashes come back as warnings beside the
//! confirmation, with whoever joined the hiring team.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::fields::{InterviewDraft, InterviewFields};
use crate::api::interviews::scheduling::ScheduleInterview;
use crate::api::interviews::scheduling::schedule_interview;
use crate::api::recruitment::openings::list_staff;
use crate::app::{use_lang, use_texts};
use crate::components::dates::span;
use crate::components::form::{FormMessages, FormState, SelectField, SubmitButton};
use crate::i18n::{Lang, Text};
use crate::model::{ApplicationId, InterviewInput, ScheduleWarning, Scheduled};
use server_fn::ServerFn;

/// A clash, in words.
pub fn warning_text(lang: Lang, warning: &ScheduleWarning) -> String {
    match warning {
        ScheduleWarning::InterviewerBusy { name, other } => format!(
            "{name} {} {}",
            Text::InterviewerBusy.get(lang),
            span(lang, other)
        ),
        ScheduleWarning::PlaceBooked { place, other } => format!(
            "{place} {} {}",
            Text::PlaceBooked.get(lang),
            span(lang, other)
        ),
    }
}

/// What scheduling or moving said besides "done": clashes and who joined the hiring team.
#[component]
pub fn ScheduleNotes(outcome: Scheduled) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        {(!outcome.warnings.is_empty()).then(|| view! {
            <ul class="alert warning" role="status">
                {outcome.warnings.iter().map(|w| view! { <li>{warning_text(lang, w)}</li> }).collect_view()}
            </ul>
        })}
        {(!outcome.added_to_team.is_empty()).then(|| view! {
            <p class="hint">{format!("{} {}", t(Text::AddedToTeam), outcome.added_to_team.join(", "))}</p>
        })}
    }
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
pub fn ScheduleForm(
    /// The candidate's applications that can still have interviews: (id, opening title).
    applications: Vec<(ApplicationId, String)>,
    preselected: Option<ApplicationId>,
    time_zone: String,
) -> impl IntoView {
    let t = use_texts();
    let staff = Resource::new(|| (), |()| list_staff());
    let open = preselected.is_some();
    let first = preselected.or_else(|| applications.first().map(|(id, _)| *id));
    let application = RwSignal::new(first.map(|id| id.to_string()).unwrap_or_default());
    let draft = InterviewDraft::new(&time_zone);
    let form = FormState::new();
    let outcome = RwSignal::new(None::<Scheduled>);
    let save = Action::new(|input: &InterviewInput| schedule_interview(input.clone()));
    form.follow(save, move |scheduled: Scheduled| {
        outcome.set(Some(scheduled));
        form.succeed(Text::InterviewScheduled);
        // A second click would schedule a second interview: the times start afresh.
        draft.starts_at.set(String::new());
        draft.ends_at.set(String::new());
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        outcome.set(None);
        let id = application
            .get_untracked()
            .parse()
            .unwrap_or(ApplicationId(0));
        let input = draft.input(id);
        if form.check(&input) {
            save.dispatch(input);
        }
    };
    let choices = StoredValue::new(
        applications
            .into_iter()
            .map(|(id, title)| (id.to_string(), title))
            .collect::<Vec<_>>(),
    );
    view! {
        <details class="panel" id="schedule" open=open>
            <summary><h2>{t(Text::ScheduleInterview)}</h2></summary>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let staff = staff.await.unwrap_or_default();
                    view! {
                        <form method="post" action=ScheduleInterview::PATH on:submit=submit novalidate>
                            <FormMessages form />
                            {move || outcome.get().map(|outcome| {
                                let id = outcome.id;
                                view! {
                                    <ScheduleNotes outcome />
                                    <p><a href=format!("/interviews/{id}")>{format!("{} →", t(Text::InterviewTitle))}</a></p>
                                }
                            })}
                            <SelectField name="application_id" label=t(Text::NavOpenings) value=application form options=choices.get_value() />
                            <InterviewFields draft staff form />
                            <div class="form-actions">
                                <SubmitButton label=t(Text::Schedule) pending=save.pending().into() />
                            </div>
                        </form>
                    }
                })}
            </Suspense>
        </details>
    }
}
