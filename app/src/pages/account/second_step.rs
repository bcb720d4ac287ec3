//! The second step of a sign-in, after the password, with plain forms and no bundle:
//! `/login/code` asks for the authenticator app's code (or a recovery code);
//! `/login/two-factor` sets up the app first, for a user whose role requires a second factor,
//! and shows the recovery codes once it is on. Each form posts to its own page's address
//! (`forms::two_factor` on the server), which goes on to `next` once signed in.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::login::safe_next;
use super::two_factor::{AppSetup, CodeForm, RecoveryCodes, RecoveryCodesShown};
use crate::api::account::two_factor::sign_in_setup;
use crate::app::{use_page_texts, use_texts};
use crate::components::form::FormState;
use crate::components::guard::{refusal, set_page_status};
use crate::i18n::{PageText, Text};
use crate::model::AppError;

/// A code the server refused, and why (a wrong code, a sign-in expired, too many attempts).
#[derive(Debug, Clone)]
pub struct SecondStepDraft {
    pub error: AppError,
}

fn next_page() -> String {
    safe_next(use_query_map().with_untracked(|q| q.get("next")))
}

/// The code form of the sign-in waiting in this browser, posting to the page's own address.
#[component]
fn SecondStepForm(scope: &'static str, label: String, button: String) -> impl IntoView {
    let form = FormState::scoped(scope);
    if let Some(draft) = use_context::<SecondStepDraft>() {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    view! {
        <div class="panel">
            <CodeForm id=scope form hidden=("next", next_page()) label button />
        </div>
    }
}

#[component]
pub fn SignInCodePage() -> impl IntoView {
    let p = use_page_texts();
    view! {
        <Title text=p(PageText::SecondStepTitle) />
        <section class="page narrow">
            <h1>{p(PageText::SecondStepTitle)}</h1>
            <p class="lead">{p(PageText::SecondStepLead)}</p>
            <SecondStepForm
                scope="second-step"
                label=p(PageText::CodeOrRecoveryCode).to_owned()
                button=p(PageText::ConfirmCode).to_owned()
            />
            <p><a href="/login">{p(PageText::BackToSignIn)}</a></p>
        </section>
    }
}

#[component]
pub fn SignInSetUpPage() -> impl IntoView {
    let t = use_texts();
    let p = use_page_texts();
    let shown = use_context::<RecoveryCodesShown>();
    let body = match shown {
        Some(RecoveryCodesShown(codes)) => {
            view! { <RecoveryCodes codes next=next_page() /> }.into_any()
        }
        None => {
            let setup = Resource::new(|| (), |()| sign_in_setup());
            view! {
                <p class="lead">{p(PageText::SetUpAtSignInLead)}</p>
                <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                    {move || Suspend::new(async move {
                        match setup.await {
                            Ok(setup) => {
                                view! {
                                    <div class="panel">
                                        <AppSetup setup />
                                    </div>
                                    <SecondStepForm
                                        scope="set-up"
                                        label=p(PageText::CodeFromApp).to_owned()
                                        button=p(PageText::TurnOnAndSignIn).to_owned()
                                    />
                                }
                                    .into_any()
                            }
                            Err(AppError::Invalid(_)) => {
                                set_page_status(410);
                                view! {
                                    <p class="alert error" role="alert" id="sign-in-over">
                                        {p(PageText::SignInOver)}
                                    </p>
                                }
                                    .into_any()
                            }
                            Err(error) => refusal(&error),
                        }
                    })}
                </Suspense>
                <p><a href="/login">{p(PageText::BackToSignIn)}</a></p>
            }
            .into_any()
        }
    };
    view! {
        <Title text=p(PageText::SetUpAtSignInTitle) />
        <section class="page narrow">
            <h1>{p(PageText::SetUpAtSignInTitle)}</h1>
            {body}
        </section>
    }
}
