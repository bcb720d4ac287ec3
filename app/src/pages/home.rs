//! The home page: a welcome and the parts of the app open to the user's role.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::recruitment::candidates::team_candidates;
use crate::app::{use_lang, use_texts};
use crate::components::guard::guarded;
use crate::i18n::Text;
use crate::model::{Permission, SessionUser};
use crate::pages::interviews::agenda::ToScoreFirst;
use crate::pages::recruitment::worklist::HrWorklist;

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
        cards.push(("/intake", Text::NavIntake, Text::HomeIntake));
        cards.push(("/reports", Text::NavReports, Text::HomeReports));
    }
    if user.role.can(Permission::Interview) {
        cards.push(("/interviews", Text::NavInterviews, Text::HomeInterviews));
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
            {user.role.can(Permission::ManageRecruitment).then(|| view! { <HrWorklist /> })}
            {user.role.can(Permission::Interview).then(|| view! { <ToScoreFirst /> })}
            {(user.role.can(Permission::ReadCandidates) && !user.role.can(Permission::ManageRecruitment))
                .then(|| view! { <TeamCandidates /> })}
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

/// For interviewers: the candidates in progress on the hiring teams they are on.
#[component]
fn TeamCandidates() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let rows = Resource::new(|| (), |()| team_candidates());
    view! {
        <section class="panel" aria-labelledby="team-title">
            <h2 id="team-title">{t(Text::TeamCandidates)}</h2>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let rows = rows.await.unwrap_or_default();
                    if rows.is_empty() {
                        return view! { <p class="muted">{t(Text::NoTeamCandidates)}</p> }.into_any();
                    }
                    view! {
                        <ul class="team-candidates">
                            {rows.into_iter().map(|r| view! {
                                <li>
                                    <a href=format!("/candidates/{}", r.candidate_id)>{r.name}</a>
                                    <span class="muted">
                                        {format!(" · {} · {} ", lang.pick(&r.title_it, &r.title_en), r.location)}
                                    </span>
                                    <span class="badge">{t(r.stage.label())}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}
