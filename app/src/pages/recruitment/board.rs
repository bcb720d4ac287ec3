//! An opening's pipeline as a board: a column a stage, cards moved by drag and drop or, from
//! the keyboard, with each card's "Move to" select. Rejected and Withdrawn ask for a reason.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::recruitment::openings::{move_application, opening_board};
use crate::app::{use_lang, use_texts};
use crate::components::form::{FormMessages, FormState};
use crate::components::guard::{Notice, guarded, set_page_status};
use crate::i18n::{Text, field_error_message};
use crate::model::{AppError, ApplicationId, BoardCard, MoveInput, OpeningId, Permission, Stage};
use crate::pages::{RecordPath, record_path};

#[component]
pub fn BoardPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<OpeningId>) {
            RecordPath::Existing(id) => view! { <OpeningBoard id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

/// A move waiting for its reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PendingMove {
    application: ApplicationId,
    to: Stage,
}

/// The board is one island: a move refreshes its columns in place.
#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
fn OpeningBoard(id: OpeningId) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let version = RwSignal::new(0u32);
    let board = Resource::new(move || (id, version.get()), |(id, _)| opening_board(id));
    let dragging = RwSignal::new(None::<ApplicationId>);
    let pending = RwSignal::new(None::<PendingMove>);
    let reason = RwSignal::new(String::new());

    let mover = Action::new(|(id, input): &(ApplicationId, MoveInput)| {
        let (id, input) = (*id, input.clone());
        async move { move_application(id, input).await }
    });
    form.follow(mover, move |()| {
        pending.set(None);
        reason.set(String::new());
        form.succeed(Text::Saved);
        version.update(|v| *v += 1);
    });
    // Asks for a reason where the stage needs one, else moves at once.
    let request_move = move |application: ApplicationId, to: Stage| {
        if to.needs_reason() {
            reason.set(String::new());
            pending.set(Some(PendingMove { application, to }));
        } else {
            mover.dispatch((
                application,
                MoveInput {
                    to,
                    reason: String::new(),
                },
            ));
        }
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(PendingMove { application, to }) = pending.get_untracked() {
            let input = MoveInput {
                to,
                reason: reason.get_untracked(),
            };
            match input.check() {
                Ok(()) => {
                    mover.dispatch((application, input));
                }
                Err(error) => form.fail(&error),
            }
        }
    };
    let reason_error = move || {
        form.errors
            .with(|e| e.get("reason").map(|e| field_error_message(lang, e)))
    };

    view! {
        <Transition fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                let board = match board.await {
                    Ok(board) => board,
                    Err(AppError::NotFound) => {
                        set_page_status(404);
                        return view! { <Notice text=Text::NotFound /> }.into_any();
                    }
                    Err(_) => return view! { <Notice text=Text::GenericError /> }.into_any(),
                };
                let title = format!("{} · {}", lang.pick(&board.title_it, &board.title_en), board.location);
                let cards = StoredValue::new(board.cards);
                view! {
                    <Title text=format!("{} – {title}", t(Text::Board)) />
                    <section class="page wide">
                        <p>
                            <a href=format!("/openings/{id}")>{format!("← {title}")}</a>
                        </p>
                        <div class="page-head">
                            <h1>{format!("{}: {title}", t(Text::Board))}</h1>
                            <a class="button" href=format!("/openings/{id}/interviews")>{t(Text::OpeningInterviews)}</a>
                        </div>
                        <p class="hint">{t(Text::BoardHint)}</p>
                        <FormMessages form />
                        <Show when=move || pending.get().is_some()>
                            <form class="panel" on:submit=confirm novalidate>
                                <div class="field" class:invalid=move || reason_error().is_some()>
                                    <label for="f-reason">
                                        {move || {
                                            pending
                                                .get()
                                                .map(|p| format!("{} – {}", t(Text::Reason), t(p.to.label())))
                                        }}
                                    </label>
                                    <textarea
                                        id="f-reason"
                                        rows="2"
                                        aria-describedby="f-reason-error"
                                        aria-invalid=move || reason_error().is_some().to_string()
                                        prop:value=move || reason.get()
                                        on:input=move |ev| reason.set(event_target_value(&ev))
                                    ></textarea>
                                    <p class="field-error" id="f-reason-error" aria-live="polite">{reason_error}</p>
                                </div>
                                <div class="form-actions">
                                    <button type="submit" class="primary">{t(Text::Move)}</button>
                                    <button type="button" on:click=move |_| pending.set(None)>{t(Text::Cancel)}</button>
                                </div>
                            </form>
                        </Show>
                        <div class="board">
                            {Stage::ALL
                                .into_iter()
                                .map(|stage| {
                                    let here: Vec<BoardCard> = cards.with_value(|c| c.iter().filter(|c| c.stage == stage).cloned().collect());
                                    let count = here.len();
                                    view! {
                                        <section
                                            class="column"
                                            aria-label=t(stage.label())
                                            data-stage=stage.as_str()
                                            on:dragover=move |ev| ev.prevent_default()
                                            on:drop=move |ev| {
                                                ev.prevent_default();
                                                if let Some(application) = dragging.get_untracked() {
                                                    dragging.set(None);
                                                    request_move(application, stage);
                                                }
                                            }
                                        >
                                            <h2>{t(stage.label())} <span class="count">{count}</span></h2>
                                            {if here.is_empty() {
                                                view! { <p class="muted">{t(Text::NoCards)}</p> }.into_any()
                                            } else {
                                                view! {
                                                    <ul>
                                                        {here
                                                            .into_iter()
                                                            .map(|card| view! { <Card card dragging request_move /> })
                                                            .collect_view()}
                                                    </ul>
                                                }
                                                    .into_any()
                                            }}
                                        </section>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </section>
                }
                    .into_any()
            })}
        </Transition>
    }
}

#[component]
fn Card(
    card: BoardCard,
    dragging: RwSignal<Option<ApplicationId>>,
    request_move: impl Fn(ApplicationId, Stage) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let id = card.application_id;
    let select_id = format!("move-{id}");
    let on_dragstart = move |ev: leptos::ev::DragEvent| {
        dragging.set(Some(id));
        #[cfg(feature = "hydrate")]
        if let Some(data) = ev.data_transfer() {
            let _ = data.set_data("text/plain", &id.to_string());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    view! {
        <li class="card-item" draggable="true" data-application=id.to_string() on:dragstart=on_dragstart>
            <a href=format!("/candidates/{}", card.candidate_id)>{card.name.clone()}</a>
            <p class="muted">{format!("{} {}", card.days_in_stage, t(Text::DaysInStage))}</p>
            {card.reason.clone().map(|r| view! { <p class="reason">{r}</p> })}
            {(card.stage == Stage::Interview).then(|| view! {
                <a class="schedule-link" href=format!("/candidates/{}?schedule={id}#schedule", card.candidate_id)>
                    {t(Text::ScheduleFromCard)}
                </a>
            })}
            <label class="visually-hidden" for=select_id.clone()>
                {format!("{} – {}", t(Text::MoveTo), card.name)}
            </label>
            <select
                id=select_id
                on:change=move |ev| {
                    if let Some(to) = Stage::parse(&event_target_value(&ev)) {
                        request_move(id, to);
                    }
                }
            >
                <option value="" selected=true>{format!("{}…", t(Text::MoveTo))}</option>
                {Stage::ALL
                    .into_iter()
                    .filter(|s| *s != card.stage)
                    .map(|s| view! { <option value=s.as_str()>{t(s.label())}</option> })
                    .collect_view()}
            </select>
        </li>
    }
    .into_any()
}
