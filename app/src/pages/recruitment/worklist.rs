//! HR's worklist on the home page: new applications since they last marked them as seen,
//! applications waiting too long in an open stage, and the CVs in their intake tray.

use leptos::prelude::*;

use crate::api::recruitment::worklist::{MarkWorklistSeen, hr_worklist};
use crate::app::{use_lang, use_texts};
use crate::components::dates::{date_time, day};
use crate::i18n::{Counted, Lang, Text, count};
use crate::model::{NEW_APPLICATION_DAYS, WAITING_DAYS, WorkItem, Worklist};
use server_fn::ServerFn;

#[component]
pub fn HrWorklist() -> impl IntoView {
    let t = use_texts();
    let list = Resource::new(|| (), |()| hr_worklist());
    view! {
        <section class="panel worklist" aria-labelledby="worklist-title">
            <h2 id="worklist-title">{t(Text::Worklist)}</h2>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <Parts list /> }.into_any(),
                        Err(_) => view! { <p class="alert error">{t(Text::GenericError)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Parts(list: Worklist) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let new_title = match list.seen_at {
        Some(at) => format!(
            "{} {} {}",
            t(Text::WorklistNew),
            t(Text::WorklistNewSince),
            date_time(lang, &at)
        ),
        None => format!(
            "{} {} {}",
            t(Text::WorklistNew),
            t(Text::WorklistNewLastDays),
            count(lang, NEW_APPLICATION_DAYS as u64, Counted::Day)
        ),
    };
    let waiting_title = format!(
        "{} {}",
        t(Text::WorklistWaiting),
        count(lang, WAITING_DAYS as u64, Counted::Day)
    );
    let has_new = list.new_total > 0;
    // The newest shown: what arrives after it stays new.
    let until = list
        .new_applications
        .first()
        .map(|item| item.since.to_rfc3339())
        .unwrap_or_default();
    view! {
        <div class="worklist-parts">
            <section aria-labelledby="worklist-new">
                <h3 id="worklist-new">{format!("{new_title} ({})", list.new_total)}</h3>
                {if has_new {
                    view! {
                        <Items items=list.new_applications total=list.new_total lang show_days=false />
                        <form method="post" action=MarkWorklistSeen::PATH>
                            <input type="hidden" name="until" value=until />
                            <button type="submit">{t(Text::WorklistMarkSeen)}</button>
                        </form>
                    }
                        .into_any()
                } else {
                    view! { <p class="muted">{t(Text::WorklistNoneNew)}</p> }.into_any()
                }}
            </section>
            <section aria-labelledby="worklist-waiting">
                <h3 id="worklist-waiting">{format!("{waiting_title} ({})", list.waiting_total)}</h3>
                {if list.waiting_total > 0 {
                    view! { <Items items=list.waiting total=list.waiting_total lang show_days=true /> }.into_any()
                } else {
                    view! { <p class="muted">{t(Text::WorklistNoneWaiting)}</p> }.into_any()
                }}
            </section>
            <p>
                <a href="/intake">{format!("{}: {}", t(Text::WorklistUploads), list.uploads)}</a>
            </p>
        </div>
    }
}

/// Applications, each with its candidate, opening and stage; "and more" when some are left.
#[component]
fn Items(items: Vec<WorkItem>, total: u64, lang: Lang, show_days: bool) -> impl IntoView {
    let t = use_texts();
    let shown = items.len() as u64;
    view! {
        <ul class="work-items">
            {items
                .into_iter()
                .map(|item| {
                    let when = if show_days {
                        format!("{} {}", count(lang, item.days.max(0) as u64, Counted::Day), t(Text::InThisStage))
                    } else {
                        day(lang, &item.since)
                    };
                    view! {
                        <li>
                            <a href=format!("/candidates/{}", item.candidate_id)>{item.name}</a>
                            " · "
                            <a href=format!("/openings/{}/board", item.opening_id)>
                                {lang.pick(&item.title_it, &item.title_en).to_owned()}
                            </a>
                            " "
                            <span class="badge">{t(item.stage.label())}</span>
                            <span class="muted">{format!(" · {when}")}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {(total > shown).then(|| view! { <p class="muted">{format!("{} {}", t(Text::WorklistAndMore), total - shown)}</p> })}
    }
}
