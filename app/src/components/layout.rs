//! The page header: brand, the navigation the user's role allows, the user menu and the
//! language switch.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::session::{logout, set_language};
use crate::app::{use_lang, use_session, use_texts};
use crate::i18n::{Lang, Text};
use crate::model::{Permission, SessionUser};

/// Reloads the page at `path`, so every part of it is rendered anew for the new session or
/// language.
pub fn reload_at(path: &str) {
    let _ = window().location().set_href(path);
}

fn nav_links(user: &SessionUser) -> Vec<(&'static str, Text)> {
    let mut links = vec![("/", Text::NavHome)];
    if user.role.can(Permission::ViewFramework) {
        links.push(("/competencies", Text::NavCompetencies));
        links.push(("/profiles", Text::NavProfiles));
    }
    if user.role.can(Permission::ManageRecruitment) {
        links.push(("/openings", Text::NavOpenings));
        links.push(("/candidates", Text::NavCandidates));
        links.push(("/intake", Text::NavIntake));
        links.push(("/reports", Text::NavReports));
    }
    if user.role.can(Permission::ManageUsers) {
        links.push(("/admin/users", Text::NavUsers));
    }
    if user.role.can(Permission::ConfigureDataProtection) {
        links.push(("/admin/data-protection", Text::NavDataProtection));
    }
    links.push(("/account", Text::NavAccount));
    links
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let current = use_lang();
    let change = Action::new(|lang: &Lang| {
        let lang = *lang;
        async move { set_language(lang).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = change.value().get() {
            reload_at(&window().location().href().unwrap_or_else(|_| "/".into()));
        }
    });
    view! {
        <div class="language-switch" role="group" aria-label=Text::Language.get(current)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.as_str()
                            aria-pressed=(lang == current).to_string()
                            on:click=move |_| {
                                if lang != current {
                                    change.dispatch(lang);
                                }
                            }
                        >
                            {lang.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let t = use_texts();
    let session = use_session();
    let sign_out = Action::new(|_: &()| async { logout().await });
    Effect::new(move |_| {
        if let Some(Ok(())) = sign_out.value().get() {
            reload_at("/login");
        }
    });
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                {t(Text::AppName)}
            </a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match session.await.ok().and_then(|s| s.user) {
                        Some(user) => {
                            view! {
                                <nav class="main-nav" aria-label=t(Text::MainNavigation)>
                                    <ul>
                                        {nav_links(&user)
                                            .into_iter()
                                            .map(|(href, text)| {
                                                view! {
                                                    <li>
                                                        <A href=href exact=true>
                                                            {t(text)}
                                                        </A>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </nav>
                                <div class="user-menu">
                                    <span class="who">
                                        <span class="user-name">{user.name.clone()}</span>
                                        <span class="badge">{t(user.role.label())}</span>
                                    </span>
                                    <button
                                        type="button"
                                        class="link-button"
                                        on:click=move |_| {
                                            sign_out.dispatch(());
                                        }
                                    >
                                        {t(Text::SignOut)}
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <nav class="main-nav" aria-label=t(Text::MainNavigation)>
                                    <ul>
                                        <li>
                                            <A href="/careers">{t(Text::NavCareers)}</A>
                                        </li>
                                    </ul>
                                </nav>
                                <div class="user-menu">
                                    <a href="/login">{t(Text::SignIn)}</a>
                                </div>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
            <LanguageSwitch />
        </header>
    }
}
