//! An opening's pipeline as a board: a column a stage, cards moved by drag and drop or, from
//! the keyboard, with each card's "Move to" choice and its Move button. Rejected and Withdrawn
//! ask for a reason in place, at the card; Hired opens the hire form. After a move, the focus
//! stays on the moved card and a live region says where it went.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::recruitment::openings::MoveApplication;
use crate::api::recruitment::openings::{move_application, opening_board};
use crate::app::{use_lang, use_texts};
use crate::components::browser::go_to;
use crate::components::form::{error_text, hydrated};
use crate::components::guard::{Notice, guarded, set_page_status};
use crate::i18n::{Counted, Text, count, field_error_message};
use crate::model::{
    AppError, ApplicationId, BoardCard, FieldErrors, MoveInput, OpeningId, Permission, Stage,
};
use crate::pages::{RecordPath, record_path};
use server_fn::ServerFn;

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

/// What the cards share: how to ask for a move, the move waiting for its reason, and the card
/// to focus once the board is drawn again.
#[derive(Clone, Copy)]
struct Moves {
    request: Callback<(ApplicationId, Stage, String)>,
    confirm: Callback<(ApplicationId, Stage, String, String)>,
    pending: RwSignal<Option<PendingMove>>,
    errors: RwSignal<FieldErrors>,
    focus_after: RwSignal<Option<ApplicationId>>,
    /// The card being dragged, and its candidate's name.
    dragging: RwSignal<Option<(ApplicationId, String)>>,
}

/// The board is one island: a move refreshes its columns in place.
#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
fn OpeningBoard(id: OpeningId) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let version = RwSignal::new(0u32);
    let board = Resource::new(move || (id, version.get()), |(id, _)| opening_board(id));
    let announcement = RwSignal::new(String::new());
    let alert = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<PendingMove>);
    let errors = RwSignal::new(FieldErrors::default());
    let focus_after = RwSignal::new(None::<ApplicationId>);

    // The move, with what to say once it is done: the candidate's name and the stage.
    let mover = Action::new(|(id, input, name): &(ApplicationId, MoveInput, String)| {
        let (id, input, name) = (*id, input.clone(), name.clone());
        async move {
            let outcome = move_application(id, input.clone()).await;
            (id, input.to, name, outcome)
        }
    });
    Effect::new(move |_| match mover.value().get() {
        Some((application, to, name, Ok(()))) => {
            pending.set(None);
            errors.set(FieldErrors::default());
            alert.set(None);
            announcement.set(format!("{name} → {}", t(to.label())));
            focus_after.set(Some(application));
            version.update(|v| *v += 1);
        }
        Some((_, _, _, Err(AppError::Invalid(refused)))) if refused.get("reason").is_some() => {
            errors.set(refused);
        }
        Some((_, _, _, Err(error))) => alert.set(Some(error_text(lang, &error))),
        None => {}
    });
    let dispatch = move |application: ApplicationId, input: MoveInput, name: String| {
        mover.dispatch((application, input, name));
    };
    let moves = Moves {
        // Asks for a reason where the stage needs one, else moves at once.
        request: Callback::new(
            move |(application, to, name): (ApplicationId, Stage, String)| {
                if to == Stage::Hired {
                    // The hire asks for more than a move: department, manager, first day.
                    go_to(&format!("/applications/{application}/hire"));
                } else if to.needs_reason() {
                    errors.set(FieldErrors::default());
                    pending.set(Some(PendingMove { application, to }));
                } else {
                    dispatch(
                        application,
                        MoveInput {
                            to,
                            reason: String::new(),
                        },
                        name,
                    );
                }
            },
        ),
        confirm: Callback::new(
            move |(application, to, reason, name): (ApplicationId, Stage, String, String)| {
                let input = MoveInput { to, reason };
                match input.check() {
                    Ok(()) => dispatch(application, input, name),
                    Err(error) => errors.set(error.field_errors()),
                }
            },
        ),
        pending,
        errors,
        focus_after,
        dragging: RwSignal::new(None),
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
                            <a class="button" href=format!("/openings/{id}/assessment")>{t(Text::CompareCandidates)}</a>
                        </div>
                        <p class="hint">{t(Text::BoardHint)}</p>
                        <Show when=move || alert.with(Option::is_some)>
                            <p class="alert error" role="alert">{move || alert.get()}</p>
                        </Show>
                        <p class="hint board-scroll-hint" aria-hidden="true">{t(Text::BoardScrollHint)}</p>
                        <div class="board" role="region" tabindex="0" aria-label=t(Text::Board)>
                            {Stage::ALL
                                .into_iter()
                                .map(|stage| {
                                    let here: Vec<BoardCard> = cards.with_value(|c| c.iter().filter(|c| c.stage == stage).cloned().collect());
                                    view! { <Column stage here moves /> }
                                })
                                .collect_view()}
                        </div>
                    </section>
                }
                    .into_any()
            })}
        </Transition>
        <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
    }
}

/// One stage's column; a card dropped on it is moved there.
#[component]
fn Column(stage: Stage, here: Vec<BoardCard>, moves: Moves) -> impl IntoView {
    let t = use_texts();
    let count = here.len();
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some((application, name)) = moves.dragging.get_untracked() {
            moves.dragging.set(None);
            moves.request.run((application, stage, name));
        }
    };
    view! {
        <section
            class="column"
            aria-label=t(stage.label())
            data-stage=stage.as_str()
            on:dragover=move |ev| ev.prevent_default()
            on:drop=on_drop
        >
            <h2>{t(stage.label())} <span class="count">{count}</span></h2>
            {if here.is_empty() {
                view! { <p class="muted">{t(Text::NoCards)}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {here.into_iter().map(|card| view! { <Card card moves /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn Card(card: BoardCard, moves: Moves) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let id = card.application_id;
    let name = card.name.clone();
    let select_id = format!("move-{id}");
    let element = NodeRef::<leptos::html::Li>::new();
    let choice = RwSignal::new(String::new());
    let ready = hydrated();
    // Drawn again after a move: the moved card takes the focus.
    Effect::new(move |_| {
        if let Some(element) = element.get()
            && moves.focus_after.get_untracked() == Some(id)
        {
            let _ = element.focus();
        }
    });
    let on_dragstart = {
        let name = name.clone();
        move |ev: leptos::ev::DragEvent| {
            moves.dragging.set(Some((id, name.clone())));
            #[cfg(feature = "hydrate")]
            if let Some(data) = ev.data_transfer() {
                let _ = data.set_data("text/plain", &id.to_string());
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = ev;
        }
    };
    let submit = {
        let name = name.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Some(to) = Stage::parse(&choice.get_untracked()) {
                moves.request.run((id, to, name.clone()));
            }
        }
    };
    let asking = move || moves.pending.get().filter(|p| p.application == id);
    let back_to_card = move || {
        if let Some(element) = element.get_untracked() {
            let _ = element.focus();
        }
    };
    view! {
        <li
            class="card-item"
            id=format!("card-{id}")
            tabindex="-1"
            node_ref=element
            draggable="true"
            data-application=id.to_string()
            on:dragstart=on_dragstart
        >
            <a href=format!("/candidates/{}", card.candidate_id)>{name.clone()}</a>
            <p class="muted">{format!("{} {}", count(lang, card.days_in_stage.max(0) as u64, Counted::Day), t(Text::InThisStage))}</p>
            {card.reason.clone().map(|r| view! { <p class="reason">{r}</p> })}
            {(card.stage == Stage::Interview).then(|| view! {
                <a class="schedule-link" href=format!("/candidates/{}?schedule={id}#schedule", card.candidate_id)>
                    {t(Text::ScheduleFromCard)}
                </a>
            })}
            {(card.stage == Stage::Offer).then(|| view! {
                <a class="schedule-link" href=format!("/applications/{id}/hire")>{t(Text::Hire)}</a>
            })}
            {(card.stage == Stage::PracticalTest).then(|| view! {
                <a class="schedule-link" href=format!("/candidates/{}?assign={id}#assign-test", card.candidate_id)>
                    {t(Text::AssignFromCard)}
                </a>
            })}
            <form class="move-form" method="post" action=MoveApplication::PATH on:submit=submit>
                <label class="visually-hidden" for=select_id.clone()>
                    {format!("{} – {name}", t(Text::MoveTo))}
                </label>
                <select id=select_id prop:value=move || choice.get() on:change=move |ev| choice.set(event_target_value(&ev))>
                    <option value="" selected=true>{format!("{}…", t(Text::MoveTo))}</option>
                    {Stage::ALL
                        .into_iter()
                        .filter(|s| *s != card.stage)
                        .map(|s| view! { <option value=s.as_str()>{t(s.label())}</option> })
                        .collect_view()}
                </select>
                <button type="submit" disabled=move || !ready.get() || choice.with(String::is_empty)>
                    {t(Text::Move)}
                    <span class="visually-hidden">{format!(" – {name}")}</span>
                </button>
            </form>
            {move || asking().map(|pending| view! {
                <ReasonForm id name=name.clone() to=pending.to moves on_cancel=back_to_card />
            })}
        </li>
    }
    .into_any()
}

/// The reason for a move to Rejected or Withdrawn, asked at the card: its title names the
/// candidate and the stage, and the text box takes the focus.
#[component]
fn ReasonForm(
    id: ApplicationId,
    name: String,
    to: Stage,
    moves: Moves,
    on_cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let reason = RwSignal::new(String::new());
    let text_box = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(text_box) = text_box.get() {
            let _ = text_box.focus();
        }
    });
    let error = move || {
        moves
            .errors
            .with(|e| e.get("reason").map(|e| field_error_message(lang, e)))
    };
    let title_id = format!("reason-title-{id}");
    let labelled_by = title_id.clone();
    let field_id = format!("reason-{id}");
    let error_id = format!("reason-{id}-error");
    let described_by = error_id.clone();
    let submit = {
        let name = name.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            moves
                .confirm
                .run((id, to, reason.get_untracked(), name.clone()));
        }
    };
    let cancel = move |_| {
        moves.pending.set(None);
        on_cancel();
    };
    view! {
        <form
            class="reason-form"
            method="post"
            action=MoveApplication::PATH
            aria-labelledby=labelled_by
            on:submit=submit
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    moves.pending.set(None);
                    on_cancel();
                }
            }
            novalidate
        >
            <h3 id=title_id>{format!("{name} → {}", t(to.label()))}</h3>
            <div class="field" class:invalid=move || error().is_some()>
                <label for=field_id.clone()>{t(Text::Reason)}</label>
                <textarea
                    id=field_id
                    name="reason"
                    rows="2"
                    node_ref=text_box
                    aria-describedby=described_by
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))
                ></textarea>
                <p class="field-error" id=error_id aria-live="polite">{error}</p>
            </div>
            <div class="form-actions">
                <button type="submit" class="primary">{t(Text::Move)}</button>
                <button type="button" on:click=cancel>{t(Text::Cancel)}</button>
            </div>
        </form>
    }
}
