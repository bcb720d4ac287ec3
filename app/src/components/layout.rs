//! The page header: brand, the navigation the user's role allows, the user menu and the
//! language switch. On a phone they fold behind a menu button (a `<details>`, so it opens
//! without JavaScript); on a wider screen they are always shown and the button is not.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::notifications::unread_notifications;
use crate::app::{use_lang, use_session, use_texts};
use crate::i18n::{Lang, Text};
use crate::model::{Permission, SessionUser};

fn nav_links(user: &SessionUser) -> Vec<(&'static str, Text)> {
    let mut links = vec![
        ("/", Text::NavHome),
        ("/me", Text::NavMyRecord),
        ("/training", Text::NavMyTraining),
    ];
    if user.role.can(Permission::ViewFramework) {
        links.push(("/competencies", Text::NavCompetencies));
        links.push(("/profiles", Text::NavProfiles));
    }
    if user.role.can(Permission::ViewTraining) {
        links.push(("/courses", Text::NavCourses));
        links.push(("/certifications", Text::NavCertifications));
    }
    if user.role.can(Permission::ManageRecruitment) {
        links.push(("/openings", Text::NavOpenings));
        links.push(("/candidates", Text::NavCandidates));
        links.push(("/intake", Text::NavIntake));
        links.push(("/reports", Text::NavReports));
    }
    if user.role.can(Permission::ManageEmployees) {
        links.push(("/employees", Text::NavEmployees));
        links.push(("/training/decisions", Text::NavDecisions));
        links.push(("/training/hours", Text::NavHours));
        links.push(("/compliance", Text::NavCompliance));
    }
    if user.role.can(Permission::Interview) {
        links.push(("/interviews", Text::NavInterviews));
        links.push(("/tests", Text::NavTests));
    }
    if user.role.can(Permission::ManageUsers) {
        links.push(("/admin/users", Text::NavUsers));
    }
    if user.role.can(Permission::ConfigureDataProtection) {
        links.push(("/admin/data-protection", Text::NavDataProtection));
    }
    if user.role.can(Permission::OverseeMail) {
        links.push(("/admin/mail", Text::NavMail));
    }
    links.push(("/account", Text::NavAccount));
    links
}

/// The bell: the notifications page, with how many are unread.
#[component]
fn Bell(unread: u32) -> impl IntoView {
    let t = use_texts();
    let label = format!(
        "{}: {unread} {}",
        t(Text::Notifications),
        t(Text::UnreadCount)
    );
    view! {
        <a class="bell" href="/notifications" id="bell" aria-label=label title=t(Text::Notifications)>
            <span aria-hidden="true">"🔔"</span>
            {(unread > 0).then(|| view! { <span class="count" aria-hidden="true">{unread}</span> })}
        </a>
    }
}

/// The language switch: a plain form, so it works on every page with or without JavaScript.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let current = use_lang();
    view! {
        <form class="language-switch" method="post" action="/api/set_language" aria-label=Text::Language.get(current)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="submit"
                            name="lang"
                            value=lang.as_str()
                            lang=lang.as_str()
                            aria-pressed=(lang == current).to_string()
                        >
                            {lang.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let t = use_texts();
    let session = use_session();
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                {t(Text::AppName)}
            </a>
            // Not a reactive closure, which would run again (and count again) as the session
            // resolves. Counted beside the page's own queries, not before them.
            <Suspense fallback=|| ()>
                {Suspend::new(async move {
                    session.await.ok()?.user?;
                    let unread = unread_notifications().await.unwrap_or_default();
                    Some(view! { <Bell unread /> })
                })}
            </Suspense>
            <details class="site-menu">
            <summary class="menu-button">{t(Text::Menu)}</summary>
            <div class="site-menu-body">
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
                                    <form method="post" action="/api/logout">
                                        <button type="submit" class="link-button">
                                            {t(Text::SignOut)}
                                        </button>
                                    </form>
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
            </div>
            </details>
        </header>
    }
}
