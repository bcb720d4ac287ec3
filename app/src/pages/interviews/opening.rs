//! Every interview of an opening, for HR: when, whom, and which panelists have submitted.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::agenda::InterviewTable;
use crate::api::interviews::scheduling::opening_interviews;
use crate::app::use_texts;
use crate::components::guard::{Notice, guarded, set_page_status};
use crate::i18n::Text;
use crate::model::{AppError, OpeningId, Permission};
use crate::pages::{RecordPath, record_path};

#[component]
pub fn OpeningInterviewsPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| {
        let params = use_params_map();
        move || match params.with(record_path::<OpeningId>) {
            RecordPath::Existing(id) => view! { <OpeningInterviews id /> }.into_any(),
            _ => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn OpeningInterviews(id: OpeningId) -> impl IntoView {
    let t = use_texts();
    let interviews = Resource::new(move || id, opening_interviews);
    view! {
        <Title text=t(Text::OpeningInterviews) />
        <section class="page wide">
            <p><a href=format!("/openings/{id}/board")>{format!("← {}", t(Text::Board))}</a></p>
            <h1>{t(Text::OpeningInterviews)}</h1>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match interviews.await {
                        Ok(list) => view! { <InterviewTable interviews=list id="opening-interviews" /> }.into_any(),
                        Err(AppError::NotFound) => {
                            set_page_status(404);
                            view! { <Notice text=Text::NotFound /> }.into_any()
                        }
                        Err(_) => view! { <Notice text=Text::GenericError /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
