//! The public careers page: open positions and each one's details, for anyone.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{RecordPath, record_path};
use crate::api::careers::{get_public_opening, list_public_openings};
use crate::app::{use_lang, use_texts};
use crate::components::guard::{Notice, set_page_status};
use crate::i18n::Text;
use crate::model::{AppError, OpeningId, PublicOpening};

#[component]
pub fn CareersPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let openings = Resource::new(|| (), |()| list_public_openings());
    view! {
        <Title text=t(Text::CareersTitle) />
        <section class="page">
            <h1>{t(Text::CareersTitle)}</h1>
            <p class="lead">{t(Text::CareersIntro)}</p>
            <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let list = openings.await.unwrap_or_default();
                    if list.is_empty() {
                        return view! { <p>{t(Text::NoOpenings)}</p> }.into_any();
                    }
                    view! {
                        <ul class="cards">
                            {list
                                .into_iter()
                                .map(|o| {
                                    view! {
                                        <li class="card">
                                            <h2>
                                                <a href=format!("/careers/{}", o.id)>
                                                    {lang.pick(&o.title_it, &o.title_en).to_owned()}
                                                </a>
                                            </h2>
                                            <p>
                                                {o.location} " · " {t(o.sector.label())} " · "
                                                {t(o.area.label())}
                                            </p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn CareerOpeningPage() -> impl IntoView {
    let params = use_params_map();
    move || match params.with(record_path::<OpeningId>) {
        RecordPath::Existing(id) => view! { <CareerOpening id /> }.into_any(),
        RecordPath::New | RecordPath::Unknown => {
            set_page_status(404);
            view! { <Notice text=Text::NotFound /> }.into_any()
        }
    }
}

#[component]
fn CareerOpening(id: OpeningId) -> impl IntoView {
    let t = use_texts();
    let opening = Resource::new(move || id, get_public_opening);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match opening.await {
                    Ok(opening) => view! { <OpeningAdvert opening /> }.into_any(),
                    Err(AppError::NotFound) => {
                        set_page_status(404);
                        view! { <Notice text=Text::NotFound /> }.into_any()
                    }
                    Err(_) => view! { <Notice text=Text::GenericError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OpeningAdvert(opening: PublicOpening) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let title = lang.pick(&opening.title_it, &opening.title_en).to_owned();
    let extra = lang
        .pick(&opening.description_it, &opening.description_en)
        .to_owned();
    view! {
        <Title text=title.clone() />
        <section class="page">
            <p>
                <a href="/careers">{format!("← {}", t(Text::AllOpenings))}</a>
            </p>
            <h1>{title}</h1>
            <p>
                <span class="badge">{opening.location.clone()}</span>
                " "
                <span class="badge">{t(opening.sector.label())}</span>
                " "
                <span class="badge">{format!("{} {}", opening.positions, t(Text::Positions).to_lowercase())}</span>
            </p>
            <p class="lead">
                {lang.pick(&opening.profile_description_it, &opening.profile_description_en).to_owned()}
            </p>
            {(!extra.is_empty()).then(|| view! { <p>{extra}</p> })}
        </section>
    }
}
