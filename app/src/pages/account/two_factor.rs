//! "Two-step sign-in" on one's account (`/account/two-factor`): turn it on with an
//! authenticator app (a QR code drawn on the server, and the key to type by hand), proved with
//! a code; then make new recovery codes or turn it off, each proved with a code. Plain forms,
//! no bundle: each posts here (`forms::two_factor` on the server), and the recovery codes are
//! shown once, on the page that answers the post.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::account::two_factor::{my_two_factor, my_two_factor_setup};
use crate::app::{use_lang, use_page_texts, use_texts};
use crate::components::dates::calendar_day;
use crate::components::form::{FormMessages, FormState, TextField};
use crate::components::guard::{guarded, refusal, set_page_status};
use crate::i18n::{PageText, Text};
use crate::model::{AppError, Permission, TwoFactorSetup, TwoFactorStatus};

/// A form of the page the server refused: which one (`on`, `codes`, `off`) and why.
#[derive(Debug, Clone)]
pub struct TwoFactorDraft {
    pub form: &'static str,
    pub error: AppError,
}

/// Recovery codes just made, shown once on the page that answers the post.
#[derive(Debug, Clone)]
pub struct RecoveryCodesShown(pub Vec<String>);

/// Where the page goes once the second factor is turned off: it then says so.
pub const TURNED_OFF: &str = "/account/two-factor?off=1";

#[component]
pub fn TwoFactorPage() -> impl IntoView {
    guarded(Permission::OwnAccount, |_| {
        let t = use_texts();
        let p = use_page_texts();
        let status = Resource::new(|| (), |()| my_two_factor());
        let turned_off = use_query_map().with_untracked(|q| q.get("off").is_some());
        let shown = use_context::<RecoveryCodesShown>();
        if let Some(draft) = use_context::<TwoFactorDraft>() {
            set_page_status(draft.error.status());
        }
        view! {
            <Title text=p(PageText::TwoFactorTitle) />
            <section class="page narrow">
                <h1>{p(PageText::TwoFactorTitle)}</h1>
                {turned_off
                    .then(|| {
                        view! {
                            <p class="alert success" role="status" id="two-factor-off">
                                {p(PageText::TwoFactorTurnedOff)}
                            </p>
                        }
                    })}
                {match shown {
                    Some(RecoveryCodesShown(codes)) => {
                        view! { <RecoveryCodes codes next="/account/two-factor".to_owned() /> }.into_any()
                    }
                    None => {
                        view! {
                            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                                {move || Suspend::new(async move {
                                    match status.await {
                                        Ok(status) if status.on_since.is_some() => {
                                            view! { <TurnedOn status /> }.into_any()
                                        }
                                        Ok(_) => view! { <TurnOn /> }.into_any(),
                                        Err(error) => refusal(&error),
                                    }
                                })}
                            </Suspense>
                        }
                            .into_any()
                    }
                }}
                <p><a href="/account">{t(Text::AccountTitle)}</a></p>
            </section>
        }
    })
}

/// The form of `scope` on this page, failed with the draft's error if the draft is its.
fn form_of(scope: &'static str) -> FormState {
    let form = FormState::scoped(scope);
    if let Some(draft) = use_context::<TwoFactorDraft>().filter(|d| d.form == scope) {
        form.fail(&draft.error);
    }
    form
}

/// A form asking for a code (the app's, or a recovery code): `form`'s messages, the hidden
/// field `hidden` (name and value) saying what the post is for, the field and its button. It
/// posts to `action`, or without one to the page's own address (query included).
#[component]
pub(super) fn CodeForm(
    id: &'static str,
    form: FormState,
    #[prop(optional)] action: Option<&'static str>,
    hidden: (&'static str, String),
    label: String,
    button: String,
) -> impl IntoView {
    let code = RwSignal::new(String::new());
    view! {
        <form method="post" action=action novalidate id=id>
            <FormMessages form />
            <input type="hidden" name=hidden.0 value=hidden.1 />
            <TextField
                name="code"
                label
                value=code
                form
                autocomplete="one-time-code"
                required=true
            />
            <button type="submit" class="primary">{button}</button>
        </form>
    }
}

/// One of this page's code forms: `scope` says which (`on`, `codes`, `off`).
#[component]
fn OwnCodeForm(scope: &'static str, label: String, button: String) -> impl IntoView {
    view! {
        <CodeForm
            id=scope
            form=form_of(scope)
            action="/account/two-factor"
            hidden=("action", scope.to_owned())
            label
            button
        />
    }
}

/// Off: the app's set-up, and the code that turns it on.
#[component]
fn TurnOn() -> impl IntoView {
    let t = use_texts();
    let p = use_page_texts();
    let setup = Resource::new(|| (), |()| my_two_factor_setup());
    view! {
        <p class="lead">{p(PageText::TwoFactorOffLead)}</p>
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match setup.await {
                    Ok(setup) => {
                        view! {
                            <div class="panel">
                                <AppSetup setup />
                                <OwnCodeForm
                                    scope="on"
                                    label=p(PageText::CodeFromApp).to_owned()
                                    button=p(PageText::TurnOnTwoFactor).to_owned()
                                />
                            </div>
                        }
                            .into_any()
                    }
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

/// On: since when, the recovery codes left, new codes, and (unless the role requires it)
/// turning it off.
#[component]
fn TurnedOn(status: TwoFactorStatus) -> impl IntoView {
    let p = use_page_texts();
    let lang = use_lang();
    let since = status
        .on_since
        .map(|at| calendar_day(lang, at.date_naive()))
        .unwrap_or_default();
    view! {
        <p class="alert success" role="status" id="two-factor-on">
            {format!("{} {since}.", p(PageText::TwoFactorOnSince))}
        </p>
        <p id="recovery-codes-left">
            {format!("{}: {}", p(PageText::RecoveryCodesLeft), status.recovery_codes_left)}
        </p>
        <div class="panel">
            <h2>{p(PageText::NewRecoveryCodes)}</h2>
            <p>{p(PageText::NewRecoveryCodesHint)}</p>
            <OwnCodeForm
                scope="codes"
                label=p(PageText::CodeFromApp).to_owned()
                button=p(PageText::NewRecoveryCodes).to_owned()
            />
        </div>
        <div class="panel">
            <h2>{p(PageText::TurnOffTwoFactor)}</h2>
            {if status.required {
                view! { <p id="two-factor-required">{p(PageText::TwoFactorRequiredForRole)}</p> }
                    .into_any()
            } else {
                view! {
                    <p>{p(PageText::TurnOffHint)}</p>
                    <OwnCodeForm
                        scope="off"
                        label=p(PageText::CodeFromApp).to_owned()
                        button=p(PageText::TurnOffTwoFactor).to_owned()
                    />
                }
                    .into_any()
            }}
        </div>
    }
}

/// The QR code and the key for an authenticator app.
#[component]
pub(super) fn AppSetup(setup: TwoFactorSetup) -> impl IntoView {
    let p = use_page_texts();
    // The key in groups of four, as apps show theirs.
    let key = setup
        .secret
        .as_bytes()
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <ol class="steps">
            <li>{p(PageText::InstallApp)}</li>
            <li>
                {p(PageText::ScanQrCode)}
                <div class="qr-code" role="img" aria-label=p(PageText::QrCodeLabel) inner_html=setup.qr_svg></div>
                {p(PageText::OrTypeKey)}
                " "
                <code id="two-factor-key" data-secret=setup.secret.clone()>{key}</code>
            </li>
            <li>{p(PageText::TypeCodeToConfirm)}</li>
        </ol>
    }
}

/// Recovery codes just made, shown this once, and the way on to `next`.
#[component]
pub(super) fn RecoveryCodes(codes: Vec<String>, next: String) -> impl IntoView {
    let p = use_page_texts();
    view! {
        <p class="alert success" role="status" id="two-factor-on">{p(PageText::RecoveryCodesMade)}</p>
        <div class="panel">
            <h2>{p(PageText::RecoveryCodesTitle)}</h2>
            <p>{p(PageText::RecoveryCodesHint)}</p>
            <ol class="recovery-codes" id="recovery-codes">
                {codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
            </ol>
            <a class="button primary" href=next>{p(PageText::RecoveryCodesKept)}</a>
        </div>
    }
}
