//! The home page: a welcome and the parts of the app open to the user's role.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_texts;
use crate::components::guard::guarded;
use crate::i18n::Text;
use crate::model::{Permission, SessionUser};

#[component]
pub fn HomePage() -> impl IntoView {
    guarded(Permission::OwnAccount, |user| view! { <Home user /> })
}

#[component]
fn Home(user: SessionUser) -> impl IntoView {
    let t = use_texts();
    let mut cards = Vec::new();
    if user.role.can(Permission::ViewFramework) {
        cards.push((
            "/competencies",
            Text::NavCompetencies,
            Text::HomeCompetencies,
        ));
        cards.push(("/profiles", Text::NavProfiles, Text::HomeProfiles));
    }
    if user.role.can(Permission::ManageRecruitment) {
        cards.push(("/openings", Text::NavOpenings, Text::HomeOpenings));
        cards.push(("/candidates", Text::NavCandidates, Text::HomeCandidates));
    }
    if user.role.can(Permission::ManageUsers) {
        cards.push(("/admin/users", Text::NavUsers, Text::HomeUsers));
    }
    cards.push(("/account", Text::NavAccount, Text::HomeAccount));
    view! {
        <Title text=t(Text::NavHome) />
        <section class="page">
            <h1>{format!("{}, {}", t(Text::Welcome), user.name)}</h1>
            <p class="lead">
                {t(Text::SignedInAs)} " " <strong>{t(user.role.label())}</strong> ". "
                {t(Text::HomeIntro)}
            </p>
            <ul class="cards">
                {cards
                    .into_iter()
                    .map(|(href, title, body)| {
                        view! {
                            <li class="card">
                                <h2>
                                    <a href=href>{t(title)}</a>
                                </h2>
                                <p>{t(body)}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
