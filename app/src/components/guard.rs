//! Page guards: a page for a permission renders only for users who hold it; anyone else is
//! sent to sign in, or told they may not see it (with the matching HTTP status).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::app::{use_lang, use_session};
use crate::i18n::Text;
use crate::model::{AppError, Permission, SessionInfo, SessionUser};

/// Sets the HTTP status of the page being rendered on the server.
pub fn set_page_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(code)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(status),
    ) {
        response.set_status(code);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// A page that is only a message, such as "not found": the message is its title and heading.
/// A page that cannot be shown (not found, not allowed) says why and offers a way on: home,
/// and signing in (perhaps as someone else); on the public careers pages (`public`), the list
/// of open positions.
#[component]
pub fn Notice(text: Text, #[prop(optional)] public: bool) -> impl IntoView {
    let lang = use_lang();
    let title = text.get(lang).trim_end_matches('.').to_owned();
    let explanation = match text {
        Text::NotFound => Some(Text::NotFoundExplain),
        Text::Forbidden => Some(Text::ForbiddenExplain),
        _ => None,
    };
    view! {
        <Title text=title.clone() />
        <section class="page notice">
            <h1>{title}</h1>
            {match explanation {
                Some(explanation) if public => view! {
                    <p class="lead">{explanation.get(lang)}</p>
                    <ul class="way-on">
                        <li><a href="/careers">{Text::AllOpenings.get(lang)}</a></li>
                    </ul>
                }
                    .into_any(),
                Some(explanation) => view! {
                    <p class="lead">{explanation.get(lang)}</p>
                    <ul class="way-on">
                        <li><a href="/">{Text::NavHome.get(lang)}</a></li>
                        <li><a href="/login">{Text::SignIn.get(lang)}</a></li>
                    </ul>
                }
                    .into_any(),
                None => view! {
                    <p class="alert error" role="alert">{text.get(lang)}</p>
                }
                    .into_any(),
            }}
        </section>
    }
}

/// Renders `page` for a signed-in user whose role holds `permission`.
pub fn guarded<V: IntoView + 'static>(
    permission: Permission,
    page: impl FnOnce(SessionUser) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    // Not a reactive closure: pages render on the server only (islands), and a closure would be
    // run again as the session resolves, making the page, and running its queries, once more
    // each time.
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match session.await {
                    Ok(SessionInfo { user: Some(user), .. }) if user.role.can(permission) => {
                        page(user).into_any()
                    }
                    Ok(SessionInfo { user: Some(_), .. }) => {
                        set_page_status(403);
                        view! { <Notice text=Text::Forbidden /> }.into_any()
                    }
                    _ => {
                        let next = location.pathname.get_untracked();
                        view! { <Redirect path=format!("/login?next={next}") /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The page for a record that cannot be shown: not found (404), not the viewer's (403), or the
/// server's fault.
pub fn refusal(error: &AppError) -> AnyView {
    match error {
        AppError::NotFound => {
            set_page_status(404);
            view! { <Notice text=Text::NotFound /> }.into_any()
        }
        AppError::Forbidden => {
            set_page_status(403);
            view! { <Notice text=Text::Forbidden /> }.into_any()
        }
        _ => view! { <Notice text=Text::GenericError /> }.into_any(),
    }
}
