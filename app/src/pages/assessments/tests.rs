//! The tests page: the viewer's practical tests to grade (due soonest first) and graded, and
//! for HR every test waiting to be graded and a link to the templates.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{OnlineTestTable, TestTable};
use crate::api::assessments::practical::my_tests;
use crate::app::use_texts;
use crate::components::guard::{Notice, guarded};
use crate::i18n::Text;
use crate::model::Permission;

#[component]
pub fn TestsPage() -> impl IntoView {
    guarded(Permission::Interview, |user| {
        let manages = user.role.can(Permission::ManageRecruitment);
        view! { <Tests manages /> }
    })
}

#[component]
fn Tests(manages: bool) -> impl IntoView {
    let t = use_texts();
    let overview = Resource::new(|| (), |()| my_tests());
    view! {
        <Title text=t(Text::TestsTitle) />
        <section class="page">
            <h1>{t(Text::TestsTitle)}</h1>
            {manages.then(|| view! {
                <p>
                    <a href="/tests/templates">{format!("{} →", t(Text::TestTemplates))}</a>
                    " · "
                    <a href="/tests/banks">{format!("{} →", t(Text::OnlineBanks))}</a>
                </p>
            })}
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(overview) => view! {
                            <h2>{t(Text::TestsToGrade)}</h2>
                            <TestTable tests=overview.to_grade id="tests-to-grade" />
                            {overview.waiting.map(|waiting| view! {
                                <h2>{t(Text::TestsWaiting)}</h2>
                                <TestTable tests=waiting id="tests-waiting" />
                            })}
                            <h2>{t(Text::OnlineToGrade)}</h2>
                            <OnlineTestTable tests=overview.online_to_grade id="online-to-grade" />
                            {overview.online_waiting.map(|waiting| view! {
                                <h2>{t(Text::OnlineWaiting)}</h2>
                                <OnlineTestTable tests=waiting id="online-waiting" />
                            })}
                            <h2>{t(Text::TestsGraded)}</h2>
                            <TestTable tests=overview.graded id="tests-graded" />
                        }
                        .into_any(),
                        Err(_) => view! { <Notice text=Text::GenericError /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
