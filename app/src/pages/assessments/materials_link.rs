//! The candidate's private link to a running practical test (`/p/{token}`): the instructions,
//! the time left and the materials to download, until the time is up. Works without
//! JavaScript; the `candidate` bundle only counts the time down. A finished test or a
//! made-up link gets a clear page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::materials::language_label;
use super::online_take::TimeLeft;
use crate::api::assessments::practical::practical_test_link;
use crate::app::{use_lang, use_texts};
use crate::components::dates::date_time;
use crate::components::files::file_size;
use crate::components::guard::{Notice, set_page_status};
use crate::i18n::Text;
use crate::model::{AppError, MaterialsLink};

#[component]
pub fn MaterialsLinkPage() -> impl IntoView {
    let t = use_texts();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let link = Resource::new(move || token.clone(), practical_test_link);
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    match link.await {
                        Ok(link) => view! { <LinkView link token /> }.into_any(),
                        Err(AppError::NotFound) => {
                            set_page_status(404);
                            view! { <Notice text=Text::TestLinkUnknown public=true /> }.into_any()
                        }
                        Err(_) => view! { <Notice text=Text::GenericError public=true /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn LinkView(link: MaterialsLink, token: String) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    match link {
        MaterialsLink::Over { title_it, title_en } => {
            set_page_status(410);
            let title = lang.pick(&title_it, &title_en).to_owned();
            view! {
                <Title text=title.clone() />
                <section class="page narrow">
                    <h1>{title}</h1>
                    <p class="alert warning" id="link-state">{t(Text::MaterialsLinkOver)}</p>
                </section>
            }
            .into_any()
        }
        MaterialsLink::Open {
            title_it,
            title_en,
            instructions_it,
            instructions_en,
            ends_at,
            seconds_left,
            materials,
        } => {
            let title = lang.pick(&title_it, &title_en).to_owned();
            view! {
                <Title text=title.clone() />
                <section class="page narrow">
                    <h1>{title}</h1>
                    <p class="prose">{lang.pick(&instructions_it, &instructions_en).to_owned()}</p>
                    <TimeLeft seconds_left deadline=date_time(lang, &ends_at) answers=false />
                    <h2>{t(Text::Materials)}</h2>
                    {if materials.is_empty() {
                        view! { <p>{t(Text::NoMaterials)}</p> }.into_any()
                    } else {
                        view! {
                            <ul id="materials" class="files">
                                {materials.into_iter().map(|m| view! {
                                    <li>
                                        <a href=format!("/p/{token}/materials/{}", m.id)>{m.name.clone()}</a>
                                        <span class="muted">{format!(" {} · {}", file_size(m.size_bytes), language_label(lang, m.lang))}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }}
                </section>
            }
            .into_any()
        }
    }
}
