//! The notifications page (`/notifications`): what the app told the person, newest first, the
//! unread ones marked, each leading to what it is about; marking one or all read, and whether
//! reminders also come by email. Plain forms (`forms::notifications` on the server), no
//! bundle.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::notifications::my_notifications;
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::dates::date_time;
use crate::components::guard::{guarded, refusal};
use crate::i18n::{PageText, Text};
use crate::model::{Inbox, Permission};

/// Where the page's forms post.
pub const NOTIFICATIONS_PAGE: &str = "/notifications";

#[component]
pub fn NotificationsPage() -> impl IntoView {
    guarded(Permission::OwnAccount, |_| view! { <Notifications /> })
}

#[component]
fn Notifications() -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let inbox = Resource::new(|| (), |()| my_notifications());
    let notice = use_query_map().with_untracked(|q| {
        [
            ("read", PageText::MarkedRead),
            ("email", PageText::EmailChoiceSaved),
        ]
        .into_iter()
        .find(|(key, _)| q.get(key).is_some())
        .map(|(_, text)| p(text))
    });
    view! {
        <Title text=p(PageText::Notifications) />
        <section class="page">
            <h1>{p(PageText::Notifications)}</h1>
            {notice.map(|n| view! { <p class="alert success" role="status" id="notifications-notice">{n}</p> })}
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match inbox.await {
                        Ok(inbox) => view! { <InboxView inbox /> }.into_any(),
                        Err(error) => refusal(&error),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn InboxView(inbox: Inbox) -> impl IntoView {
    let p = use_page_texts();
    let t = use_texts();
    let lang = use_lang();
    view! {
        <div class="page-head">
            <p id="unread-count">{format!("{} {}", inbox.unread, p(PageText::Unread))}</p>
            {(inbox.unread > 0).then(|| view! {
                <form method="post" action=NOTIFICATIONS_PAGE>
                    <input type="hidden" name="intent" value="read_all" />
                    <button type="submit">{p(PageText::MarkAllRead)}</button>
                </form>
            })}
        </div>
        {if inbox.items.is_empty() {
            view! { <p id="no-notifications">{p(PageText::NoNotifications)}</p> }.into_any()
        } else {
            view! {
                <ul class="notifications" id="notifications">
                    {inbox.items.into_iter().map(|n| {
                        let title = lang.pick(&n.title_it, &n.title_en).to_owned();
                        view! {
                            <li class:unread=!n.read data-read=n.read.to_string()>
                                <a href=n.link.clone()>{title.clone()}</a>
                                <span class="muted">{format!(" · {}", date_time(lang, &n.created_at))}</span>
                                {(!n.read).then(|| view! {
                                    <form method="post" action=NOTIFICATIONS_PAGE class="inline">
                                        <input type="hidden" name="intent" value="read" />
                                        <input type="hidden" name="id" value=n.id.to_string() />
                                        <button type="submit" class="link-button">
                                            {p(PageText::MarkRead)}
                                            <span class="visually-hidden">{format!(" – {title}")}</span>
                                        </button>
                                    </form>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
                .into_any()
        }}
        <form method="post" action=NOTIFICATIONS_PAGE class="panel" id="email-reminders">
            <input type="hidden" name="intent" value="email" />
            <div class="field check">
                <label>
                    <input type="checkbox" id="f-email_reminders" name="email_reminders" checked=inbox.email_reminders />
                    {p(PageText::EmailReminders)}
                </label>
                <p class="hint">{p(PageText::EmailRemindersHint)}</p>
            </div>
            <button type="submit">{t(Text::Save)}</button>
        </form>
    }
}
