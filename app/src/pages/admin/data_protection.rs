//! The admins' data protection page: the privacy notice in force and a form for its next
//! version, the retention periods, and the anonymisation job with its latest runs.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::data_protection::{PublishNotice, SaveRetention};
use crate::api::admin::data_protection::{
    get_data_protection, publish_notice, run_retention, save_retention,
};
use crate::app::{use_lang, use_texts};
use crate::components::dates::date_time;
use crate::components::form::{FormMessages, FormState, SubmitButton, TextField};
use crate::components::guard::guarded;
use crate::i18n::Text;
use crate::model::{DataProtection, NoticeInput, Permission, RetentionPolicy};
use server_fn::ServerFn;

#[component]
pub fn DataProtectionPage() -> impl IntoView {
    guarded(Permission::ConfigureDataProtection, |_| {
        view! { <DataProtectionSettings /> }
    })
}

/// The settings and the run log: one island, since saving reloads them in place.
#[cfg_attr(any(feature = "ssr", feature = "bundle-admin"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-admin")), component)]
fn DataProtectionSettings() -> impl IntoView {
    let t = use_texts();
    let version = RwSignal::new(0u32);
    let data = Resource::new(move || version.get(), |_| get_data_protection());
    // A form that succeeds reloads the figures; its message lives here, above the reload.
    let done: RwSignal<Option<Text>> = RwSignal::new(None);
    let reload = Callback::new(move |message: Text| {
        done.set(Some(message));
        version.update(|v| *v += 1);
    });
    view! {
        <Title text=t(Text::DataProtectionTitle) />
        <section class="page">
            <h1>{t(Text::DataProtectionTitle)}</h1>
            {move || done.get().map(|m| view! { <p class="alert success" role="status">{t(m)}</p> })}
            <Transition fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <Settings data reload /> }.into_any(),
                        Err(_) => view! { <p class="alert error">{t(Text::GenericError)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Settings(data: DataProtection, reload: Callback<Text>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <section class="panel" aria-labelledby="notice-title">
            <h2 id="notice-title">
                {format!("{} · {} {} · {} {}", t(Text::NoticeInForce), t(Text::NoticeVersion), data.notice.version, t(Text::PublishedOn), date_time(lang, &data.notice_published_at))}
            </h2>
            <NoticeForm current=data.notice.clone() reload />
        </section>
        <section class="panel" aria-labelledby="retention-title">
            <h2 id="retention-title">{t(Text::RetentionTitle)}</h2>
            <RetentionForm policy=data.policy reload />
        </section>
        <section class="panel" aria-labelledby="job-title">
            <h2 id="job-title">{t(Text::RetentionJob)}</h2>
            <p class="hint">{t(Text::RetentionJobHint)}</p>
            <p>
                <strong>{t(Text::DueNow)}</strong>
                ": "
                <span id="due-now">{data.due_now}</span>
            </p>
            <RunNow reload />
            <h3>{t(Text::RetentionRuns)}</h3>
            <ul class="runs">
                {data.runs.iter().map(|r| view! {
                    <li>
                        {format!(
                            "{} · {} · {} {} · {} {}",
                            date_time(lang, &r.at),
                            r.actor_name.clone().unwrap_or_else(|| t(Text::Scheduled).to_owned()),
                            r.anonymised,
                            t(Text::Anonymised),
                            r.files_deleted,
                            t(Text::FilesDeleted),
                        )}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn NoticeForm(current: crate::model::PrivacyNotice, reload: Callback<Text>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    let text_it = RwSignal::new(current.text_it);
    let text_en = RwSignal::new(current.text_en);
    let publish = Action::new(move |input: &NoticeInput| {
        let input = input.clone();
        async move { publish_notice(input).await }
    });
    form.follow(publish, move |_version| {
        reload.run(Text::NoticePublished);
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = NoticeInput {
            text_it: text_it.get_untracked(),
            text_en: text_en.get_untracked(),
        };
        if form.check(&input) {
            publish.dispatch(input);
        }
    };
    view! {
        <form method="post" action=PublishNotice::PATH on:submit=submit novalidate>
            <FormMessages form />
            <TextField name="text_it" label=t(Text::NoticeIt) value=text_it form multiline=true required=true />
            <TextField name="text_en" label=t(Text::NoticeEn) value=text_en form multiline=true required=true />
            <SubmitButton label=t(Text::PublishNotice) pending=publish.pending().into() />
        </form>
    }
}

#[component]
fn RetentionForm(policy: RetentionPolicy, reload: Callback<Text>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    let without = RwSignal::new(policy.months_without_consent.to_string());
    let with = RwSignal::new(policy.months_with_consent.to_string());
    let save = Action::new(move |policy: &RetentionPolicy| {
        let policy = *policy;
        async move { save_retention(policy).await }
    });
    form.follow(save, move |()| {
        reload.run(Text::RetentionSaved);
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // A number that does not parse is out of range, and says so beside its field.
        let months = |s: RwSignal<String>| s.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let policy = RetentionPolicy {
            months_without_consent: months(without),
            months_with_consent: months(with),
        };
        if form.check(&policy) {
            save.dispatch(policy);
        }
    };
    view! {
        <form method="post" action=SaveRetention::PATH on:submit=submit novalidate>
            <FormMessages form />
            <div class="grid-2">
                <TextField name="months_without_consent" label=t(Text::MonthsWithoutConsent) value=without form input_type="number" required=true />
                <TextField name="months_with_consent" label=t(Text::MonthsWithConsent) value=with form input_type="number" required=true />
            </div>
            <SubmitButton label=t(Text::Save) pending=save.pending().into() />
        </form>
    }
}

#[component]
fn RunNow(reload: Callback<Text>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    let run = Action::new(|()| run_retention());
    form.follow(run, move |_| {
        reload.run(Text::RetentionDone);
    });
    view! {
        <FormMessages form />
        <button type="button" class="primary" disabled=move || run.pending().get() on:click=move |_| { run.dispatch(()); }>
            {t(Text::RunNow)}
        </button>
    }
}
