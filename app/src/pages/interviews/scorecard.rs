//! The interviewer's scorecard: a rating (1–5 or not assessed) and evidence per competency,
//! a recommendation and a summary. Drafts save themselves a moment after each change (and
//! again while the connection is down), so a reload loses nothing; submitting locks the
//! scorecard, which then changes only by an amendment with a reason.

use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::comparison::ScorecardList;
use crate::api::interviews::scorecards::{AmendScorecard, SubmitScorecard};
use crate::api::interviews::scorecards::{amend_scorecard, save_scorecard_draft, submit_scorecard};
use crate::app::{use_lang, use_texts};
use crate::components::browser::reload;
use crate::components::dates::clock;
use crate::components::form::{FormMessages, FormState, SubmitButton, TextField};
use crate::i18n::{Text, field_error_message};
use crate::model::{
    AmendmentInput, CompetencyId, DraftSaved, InterviewId, Kit, RatingInput, Recommendation,
    ScorecardInput, ScorecardView,
};
use server_fn::ServerFn;

/// How long after the last change a draft is saved.
const SAVE_AFTER: Duration = Duration::from_millis(800);
/// How long to wait before trying again after a failed save.
const RETRY_AFTER: Duration = Duration::from_secs(5);

/// One competency's fields.
#[derive(Debug, Clone, Copy)]
struct RatingFields {
    id: CompetencyId,
    /// "1"–"5", "na" for not assessed, "" for not chosen yet.
    rating: RwSignal<String>,
    evidence: RwSignal<String>,
}

/// Everything the interviewer fills in.
#[derive(Debug, Clone, Copy)]
struct CardFields {
    ratings: StoredValue<Vec<RatingFields>>,
    recommendation: RwSignal<String>,
    summary: RwSignal<String>,
}

impl CardFields {
    fn new(kit: &Kit, from: Option<&ScorecardInput>) -> Self {
        let ratings = kit
            .competencies
            .iter()
            .map(|c| {
                let saved = from.and_then(|f| f.ratings.iter().find(|r| r.competency_id == c.id));
                RatingFields {
                    id: c.id,
                    rating: RwSignal::new(match saved {
                        Some(RatingInput {
                            rating: Some(r), ..
                        }) => r.to_string(),
                        Some(_) => "na".to_owned(),
                        None => String::new(),
                    }),
                    evidence: RwSignal::new(saved.map(|r| r.evidence.clone()).unwrap_or_default()),
                }
            })
            .collect();
        Self {
            ratings: StoredValue::new(ratings),
            recommendation: RwSignal::new(
                from.and_then(|f| f.recommendation)
                    .map(|r| r.as_str().to_owned())
                    .unwrap_or_default(),
            ),
            summary: RwSignal::new(from.map(|f| f.summary.clone()).unwrap_or_default()),
        }
    }

    /// The scorecard as it stands; reading it tracks every field.
    fn content(&self) -> ScorecardInput {
        ScorecardInput {
            ratings: self.ratings.with_value(|fields| {
                fields
                    .iter()
                    .filter_map(|f| {
                        let rating = f.rating.get();
                        let evidence = f.evidence.get();
                        if rating.is_empty() && evidence.trim().is_empty() {
                            return None;
                        }
                        Some(RatingInput {
                            competency_id: f.id,
                            rating: rating.parse().ok(),
                            evidence,
                        })
                    })
                    .collect()
            }),
            recommendation: Recommendation::parse(&self.recommendation.get()),
            summary: self.summary.get(),
        }
    }
}

/// The radio buttons of one competency's rating, with its evidence.
#[component]
fn CompetencyRating(
    fields: RatingFields,
    name: String,
    required_level: u8,
    index: usize,
    form: FormState,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let group = format!("rating-{}", fields.id);
    let error = move || {
        form.errors.with(|e| {
            e.get(&format!("ratings.{index}.rating"))
                .map(|e| field_error_message(lang, e))
        })
    };
    let choices: Vec<(String, String)> = (1..=5)
        .map(|n| (n.to_string(), n.to_string()))
        .chain(std::iter::once((
            "na".to_owned(),
            t(Text::NotAssessed).to_owned(),
        )))
        .collect();
    view! {
        <fieldset class="rating">
            <legend>
                {name}
                <span class="muted">{format!(" · {} {required_level}", t(Text::RequiredLevel))}</span>
            </legend>
            <div class="rating-choices">
                {choices
                    .into_iter()
                    .map(|(value, label)| {
                        let checked_value = value.clone();
                        let chosen = value.clone();
                        view! {
                            <label>
                                <input
                                    type="radio"
                                    name=group.clone()
                                    value=value
                                    prop:checked=move || fields.rating.get() == checked_value
                                    on:change=move |_| fields.rating.set(chosen.clone())
                                />
                                {label}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="field-error" aria-live="polite">{error}</p>
            <TextField name=format!("ratings.{index}.evidence") label=t(Text::Evidence) value=fields.evidence form multiline=true />
        </fieldset>
    }
}

/// The fields of a scorecard: one block per competency, the recommendation and the summary.
#[component]
fn CardForm(kit: Kit, fields: CardFields, form: FormState) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let recommendation_error = move || {
        form.errors.with(|e| {
            e.get("recommendation")
                .or_else(|| e.get("scorecard.recommendation"))
                .map(|e| field_error_message(lang, e))
        })
    };
    view! {
        {kit.competencies
            .iter()
            .enumerate()
            .filter_map(|(index, c)| {
                let rating = fields.ratings.with_value(|all| all.iter().find(|f| f.id == c.id).copied())?;
                Some(view! {
                    <CompetencyRating
                        fields=rating
                        name=lang.pick(&c.name_it, &c.name_en).to_owned()
                        required_level=c.required_level
                        index
                        form
                    />
                })
            })
            .collect_view()}
        <fieldset class="rating" aria-describedby="f-recommendation-error">
            <legend>{t(Text::Recommendation)}</legend>
            <div class="rating-choices">
                {Recommendation::ALL
                    .into_iter()
                    .map(|r| view! {
                        <label>
                            <input
                                type="radio"
                                name="recommendation"
                                value=r.as_str()
                                prop:checked=move || fields.recommendation.get() == r.as_str()
                                on:change=move |_| fields.recommendation.set(r.as_str().to_owned())
                            />
                            {t(r.label())}
                        </label>
                    })
                    .collect_view()}
            </div>
            <p class="field-error" id="f-recommendation-error" aria-live="polite">{recommendation_error}</p>
        </fieldset>
        <TextField name="summary" label=t(Text::Summary) value=fields.summary form multiline=true />
    }
}

/// Where the draft stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DraftState {
    Untouched,
    Saving,
    Saved(String),
    Failed,
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-interviews"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-interviews")), component)]
pub fn ScorecardEditor(id: InterviewId, kit: Kit, initial: Option<ScorecardView>) -> impl IntoView {
    let t = use_texts();
    let submitted = initial.as_ref().is_some_and(|c| c.submitted_at.is_some());
    let fields = CardFields::new(&kit, initial.as_ref().map(|c| &c.content));
    let form = FormState::new();
    let state = RwSignal::new(DraftState::Untouched);
    // Every change raises the generation; a save runs only if no change came after it.
    let generation = RwSignal::new(0u64);

    let save = Action::new(move |input: &ScorecardInput| {
        let input = input.clone();
        async move { save_scorecard_draft(id, input).await }
    });
    // Saves `content` a moment from now unless a later change comes first; one save at a time,
    // so an older draft can never land after a newer one.
    fn save_later(
        this: u64,
        content: ScorecardInput,
        generation: RwSignal<u64>,
        state: RwSignal<DraftState>,
        save: Action<ScorecardInput, Result<DraftSaved, crate::model::AppError>>,
    ) {
        set_timeout(
            move || {
                if generation.get_untracked() != this {
                    return;
                }
                if save.pending().get_untracked() {
                    save_later(this, content, generation, state, save);
                } else {
                    state.set(DraftState::Saving);
                    save.dispatch(content);
                }
            },
            SAVE_AFTER,
        );
    }
    let save_later = move |this: u64, content: ScorecardInput| {
        save_later(this, content, generation, state, save)
    };
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            match result {
                Ok(DraftSaved { local, .. }) => {
                    state.set(DraftState::Saved(clock(&local)));
                    form.errors.set(Default::default());
                }
                Err(crate::model::AppError::Invalid(errors)) => {
                    state.set(DraftState::Untouched);
                    form.errors.set(errors);
                }
                Err(_) => {
                    state.set(DraftState::Failed);
                    let failed_at = generation.get_untracked();
                    set_timeout(
                        move || {
                            if generation.get_untracked() == failed_at && !submitted {
                                state.set(DraftState::Saving);
                                save.dispatch(fields.content());
                            }
                        },
                        RETRY_AFTER,
                    );
                }
            }
        }
    });
    // Saves a moment after the last change (not on the first run, which only reads the fields).
    Effect::new(move |previous: Option<()>| {
        let content = fields.content();
        if previous.is_none() || submitted {
            return;
        }
        let this = generation.get_untracked() + 1;
        generation.set(this);
        save_later(this, content);
    });

    let submit = Action::new(move |input: &ScorecardInput| {
        let input = input.clone();
        async move { submit_scorecard(id, input).await }
    });
    form.follow(submit, move |()| reload());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let content = fields.content();
        if form.check(&content) {
            submit.dispatch(content);
        }
    };
    let status = move || match state.get() {
        DraftState::Untouched => String::new(),
        DraftState::Saving => t(Text::Saving).to_owned(),
        DraftState::Saved(at) => format!("{} {at}", t(Text::DraftSavedAt)),
        DraftState::Failed => t(Text::DraftNotSaved).to_owned(),
    };

    if let Some(card) = initial.filter(|c| c.submitted_at.is_some()) {
        return view! { <SubmittedCard id kit card /> }.into_any();
    }
    view! {
        <section class="panel" id="scorecard" aria-labelledby="scorecard-title">
            <h2 id="scorecard-title">{t(Text::Scorecard)}</h2>
            <form method="post" action=SubmitScorecard::PATH on:submit=on_submit novalidate>
                <FormMessages form />
                <CardForm kit fields form />
                <p class="draft-state" role="status" aria-live="polite">{status}</p>
                <p class="hint">{t(Text::SubmitHint)}</p>
                <div class="form-actions">
                    <SubmitButton label=t(Text::SubmitScorecard) pending=submit.pending().into() />
                </div>
            </form>
        </section>
    }
    .into_any()
}

/// A submitted scorecard, read-only, with the way to amend it.
#[component]
fn SubmittedCard(id: InterviewId, kit: Kit, card: ScorecardView) -> impl IntoView {
    let t = use_texts();
    let fields = CardFields::new(&kit, Some(&card.content));
    let form = FormState::new();
    let reason = RwSignal::new(String::new());
    let amend = Action::new(move |input: &AmendmentInput| {
        let input = input.clone();
        async move { amend_scorecard(id, input).await }
    });
    form.follow(amend, move |()| reload());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = AmendmentInput {
            scorecard: fields.content(),
            reason: reason.get_untracked(),
        };
        if form.check(&input) {
            amend.dispatch(input);
        }
    };
    let kit_for_list = kit.clone();
    view! {
        <section class="panel" id="scorecard" aria-labelledby="scorecard-title">
            <h2 id="scorecard-title">{t(Text::Scorecard)}</h2>
            <ScorecardList scorecards=vec![card] kit=kit_for_list />
            <details id="amend">
                <summary>{t(Text::AmendScorecard)}</summary>
                <form method="post" action=AmendScorecard::PATH on:submit=on_submit novalidate>
                    <FormMessages form />
                    <CardForm kit fields form />
                    <TextField name="reason" label=t(Text::AmendReason) value=reason form required=true />
                    <div class="form-actions">
                        <SubmitButton label=t(Text::SaveAmendment) pending=amend.pending().into() />
                    </div>
                </form>
            </details>
        </section>
    }
}
