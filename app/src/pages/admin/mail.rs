//! The admins' outbox page: how many messages wait, retry and failed for good, the failed
//! ones with the mail server's last answer, and a button to send one again.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::mail::{get_mail_backlog, send_message_again};
use crate::app::{use_lang, use_texts};
use crate::components::dates::date_time;
use crate::components::form::{FormMessages, FormState};
use crate::components::guard::guarded;
use crate::i18n::Text;
use crate::model::{FailedMessage, MailBacklog, MessageId, Permission};

#[component]
pub fn MailPage() -> impl IntoView {
    guarded(Permission::OverseeMail, |_| view! { <Outbox /> })
}

/// The counts and the failed messages: one island, since sending one again reloads them.
#[cfg_attr(any(feature = "ssr", feature = "bundle-admin"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-admin")), component)]
fn Outbox() -> impl IntoView {
    let t = use_texts();
    let version = RwSignal::new(0u32);
    let backlog = Resource::new(move || version.get(), |_| get_mail_backlog());
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <Title text=t(Text::MailTitle) />
        <section class="page">
            <h1>{t(Text::MailTitle)}</h1>
            <p class="hint">{t(Text::MailHint)}</p>
            <Transition fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match backlog.await {
                        Ok(backlog) => view! { <Backlog backlog reload /> }.into_any(),
                        Err(_) => view! { <p class="alert error">{t(Text::GenericError)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Backlog(backlog: MailBacklog, reload: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let counts = [
        (Text::MailWaiting, backlog.waiting, "mail-waiting"),
        (Text::MailRetrying, backlog.retrying, "mail-retrying"),
        (Text::MailFailed, backlog.failed, "mail-failed"),
        (Text::MailSentThisWeek, backlog.sent_this_week, "mail-sent"),
    ];
    view! {
        <dl class="figures">
            {counts.into_iter().map(|(label, count, id)| view! {
                <div>
                    <dt>{t(label)}</dt>
                    <dd id=id>{count}</dd>
                </div>
            }).collect_view()}
        </dl>
        <section class="panel" aria-labelledby="failed-title">
            <h2 id="failed-title">{t(Text::MailFailedTitle)}</h2>
            {if backlog.latest_failed.is_empty() {
                view! { <p class="muted">{t(Text::MailNoneFailed)}</p> }.into_any()
            } else {
                view! {
                    <table class="list">
                        <thead>
                            <tr>
                                <th scope="col">{t(Text::MailRecipient)}</th>
                                <th scope="col">{t(Text::MailSubject)}</th>
                                <th scope="col">{t(Text::MailAttempts)}</th>
                                <th scope="col">{t(Text::MailLastError)}</th>
                                <th scope="col">{t(Text::MailFailedAt)}</th>
                                <th scope="col"><span class="visually-hidden">{t(Text::Actions)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            {backlog.latest_failed.into_iter().map(|message| view! { <FailedRow message reload /> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn FailedRow(message: FailedMessage, reload: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let id: MessageId = message.id;
    let again = Action::new(move |id: &MessageId| send_message_again(*id));
    form.follow(again, move |()| reload.run(()));
    view! {
        <tr>
            <td>{message.to}</td>
            <td>{message.subject}</td>
            <td>{message.attempts}</td>
            <td class="error-text">{message.last_error}</td>
            <td><time datetime=message.failed_at.to_rfc3339()>{date_time(lang, &message.failed_at)}</time></td>
            <td>
                <FormMessages form />
                <button type="button" disabled=move || again.pending().get() on:click=move |_| { again.dispatch(id); }>
                    {t(Text::MailSendAgain)}
                </button>
            </td>
        </tr>
    }
}
