//! The welcome link of a new account (`/welcome/{token}`): the new employee chooses their
//! password, once, within seven days, and is signed in. A plain form, no bundle: it posts to
//! its own address (`forms::account` on the server).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::new_password::NewPasswordFields;
use crate::api::employees::hiring::welcome_link;
use crate::app::use_texts;
use crate::components::form::{FormMessages, FormState};
use crate::components::guard::{refusal, set_page_status};
use crate::i18n::Text;
use crate::model::{AppError, Welcome};

/// A password the server refused (the fields start empty again), and why.
#[derive(Debug, Clone)]
pub struct WelcomeDraft {
    pub error: AppError,
}

#[component]
pub fn WelcomePage() -> impl IntoView {
    let t = use_texts();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let link = Resource::new(move || token.clone(), welcome_link);
    view! {
        <Title text=t(Text::WelcomeTitle) />
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match link.await {
                    Ok(Welcome::Open { name, email }) => view! { <ChoosePassword name email /> }.into_any(),
                    Ok(Welcome::Over) => {
                        set_page_status(410);
                        view! {
                            <section class="page narrow">
                                <h1>{t(Text::WelcomeTitle)}</h1>
                                <p class="alert error" role="alert" id="welcome-over">{t(Text::WelcomeOver)}</p>
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => refusal(&error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChoosePassword(name: String, email: String) -> impl IntoView {
    let t = use_texts();
    let form = FormState::scoped("welcome");
    if let Some(draft) = use_context::<WelcomeDraft>() {
        form.fail(&draft.error);
        set_page_status(draft.error.status());
    }
    view! {
        <section class="page narrow">
            <h1>{format!("{}, {name}", t(Text::WelcomeTitle))}</h1>
            <p class="lead">{t(Text::WelcomeLead)}</p>
            <form class="panel" method="post" novalidate id="welcome">
                <FormMessages form />
                <NewPasswordFields form email />
                <button type="submit" class="primary">{t(Text::SetPassword)}</button>
            </form>
        </section>
    }
}
