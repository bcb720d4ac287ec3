//! HR's changes to an interview on its page: moving it (times, place, panel, kind) or
//! cancelling it, each with a reason; the page reloads to show the change in its history.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::fields::{InterviewDraft, InterviewFields};
use super::schedule::ScheduleNotes;
use crate::api::interviews::scheduling::{CancelInterview, RescheduleInterview};
use crate::api::interviews::scheduling::{cancel_interview, reschedule_interview};
use crate::api::recruitment::openings::list_staff;
use crate::app::use_texts;
use crate::components::browser::reload;
use crate::components::dates::input_value;
use crate::components::form::{FormMessages, FormState, SubmitButton, TextField};
use crate::i18n::Text;
use crate::model::{
    AppError, ApplicationId, ChangeReason, FieldErrors, InterviewId, InterviewInput, InterviewKind,
    LocalSpan, Scheduled, UserId,
};
use server_fn::ServerFn;

/// The interview as it stands, to fill the move form with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Current {
    pub id: InterviewId,
    pub application_id: ApplicationId,
    pub kind: InterviewKind,
    pub scheduled_in: LocalSpan,
    pub location: String,
    pub video_link: String,
    pub panel: Vec<UserId>,
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-interviews"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-interviews")), component)]
pub fn ManageInterview(current: Current) -> impl IntoView {
    let t = use_texts();
    let staff = Resource::new(|| (), |()| list_staff());
    let draft = InterviewDraft::new(&current.scheduled_in.zone);
    draft.kind.set(current.kind.as_str().to_owned());
    draft
        .starts_at
        .set(input_value(&current.scheduled_in.starts));
    draft.ends_at.set(input_value(&current.scheduled_in.ends));
    draft.location.set(current.location.clone());
    draft.video_link.set(current.video_link.clone());
    draft.panel.set(current.panel.clone());
    let (id, application_id) = (current.id, current.application_id);

    let move_form = FormState::new();
    let move_reason = RwSignal::new(String::new());
    let moved = RwSignal::new(None::<Scheduled>);
    let mover = Action::new(move |(input, reason): &(InterviewInput, ChangeReason)| {
        let (input, reason) = (input.clone(), reason.clone());
        async move { reschedule_interview(id, input, reason).await }
    });
    move_form.follow(mover, move |outcome: Scheduled| {
        if outcome.warnings.is_empty() && outcome.added_to_team.is_empty() {
            reload();
        } else {
            moved.set(Some(outcome));
            move_form.succeed(Text::InterviewMoved);
            // Moving again takes a new reason.
            move_reason.set(String::new());
        }
    });
    let submit_move = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = draft.input(application_id);
        let reason = ChangeReason {
            reason: move_reason.get_untracked(),
        };
        if !move_form.check(&input) {
            return;
        }
        // Its own field name: the scorecard's amendment has a reason on the same page.
        if reason.reason.trim().is_empty() {
            move_form.fail(&AppError::Invalid(FieldErrors::single(
                "move_reason",
                "required",
            )));
        } else {
            mover.dispatch((input, reason));
        }
    };

    let cancel_form = FormState::new();
    let cancel_reason = RwSignal::new(String::new());
    let canceller = Action::new(move |reason: &ChangeReason| {
        let reason = reason.clone();
        async move { cancel_interview(id, reason).await }
    });
    cancel_form.follow(canceller, move |()| reload());
    let submit_cancel = move |ev: SubmitEvent| {
        ev.prevent_default();
        let reason = ChangeReason {
            reason: cancel_reason.get_untracked(),
        };
        // Its own field name: the move form's reason is on the same page.
        if reason.reason.trim().is_empty() {
            cancel_form.fail(&AppError::Invalid(FieldErrors::single(
                "cancel_reason",
                "required",
            )));
        } else {
            canceller.dispatch(reason);
        }
    };

    view! {
        <details class="panel" id="move">
            <summary><h2>{t(Text::MoveInterview)}</h2></summary>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let staff = staff.await.unwrap_or_default();
                    view! {
                        <form method="post" action=RescheduleInterview::PATH on:submit=submit_move novalidate>
                            <FormMessages form=move_form />
                            {move || moved.get().map(|outcome| view! { <ScheduleNotes outcome /> })}
                            <InterviewFields draft staff form=move_form />
                            <TextField name="move_reason" label=t(Text::Reason) value=move_reason form=move_form required=true />
                            <div class="form-actions">
                                <SubmitButton label=t(Text::MoveInterview) pending=mover.pending().into() />
                            </div>
                        </form>
                    }
                })}
            </Suspense>
        </details>
        <details class="panel" id="cancel">
            <summary><h2>{t(Text::CancelInterview)}</h2></summary>
            <form method="post" action=CancelInterview::PATH on:submit=submit_cancel novalidate>
                <FormMessages form=cancel_form />
                <TextField name="cancel_reason" label=t(Text::Reason) value=cancel_reason form=cancel_form required=true />
                <div class="form-actions">
                    <SubmitButton label=t(Text::CancelInterview) pending=canceller.pending().into() />
                </div>
            </form>
        </details>
    }
}
