//! The competency framework: the list by area, and one competency's page (read, or edit for HR).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::framework::competencies::{CreateCompetency, UpdateCompetency};
use crate::api::framework::competencies::{
    create_competency, delete_competency, get_competency, list_competencies,
    set_competency_retired, update_competency,
};
use crate::app::{use_lang, use_texts};
use crate::components::browser::go_to;
use crate::components::form::{FormMessages, FormState, SelectField, SubmitButton, TextField};
use crate::components::guard::{Notice, guarded};
use crate::i18n::{Counted, Text, count};
use crate::model::{
    Area, CompetencyDetail, CompetencyId, CompetencyInput, LEVELS, LevelText, Permission,
    SessionUser,
};
use crate::pages::{RecordPath, options, record_path};
use server_fn::ServerFn;

#[component]
pub fn CompetenciesPage() -> impl IntoView {
    guarded(Permission::ViewFramework, |user| {
        let t = use_texts();
        let can_manage = user.role.can(Permission::ManageFramework);
        view! {
            <Title text=t(Text::CompetenciesTitle) />
            <CompetencyList can_manage />
        }
    })
}

/// The framework's list, filtered by area in the browser as the choice changes.
#[cfg_attr(any(feature = "ssr", feature = "bundle-editors"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-editors")), component)]
fn CompetencyList(can_manage: bool) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let area = RwSignal::new(String::new());
    let show_retired = RwSignal::new(false);
    let competencies = Resource::new(|| (), |()| list_competencies());
    let mut area_choices = vec![(String::new(), t(Text::AllAreas).to_owned())];
    area_choices.extend(options(Area::ALL, Area::as_str, move |a| t(a.label())));
    view! {
        <section class="page">
            <div class="page-head">
                <h1>{t(Text::CompetenciesTitle)}</h1>
                {can_manage
                    .then(|| {
                        view! {
                            <a class="button primary" href="/competencies/new">
                                {t(Text::NewCompetency)}
                            </a>
                        }
                    })}
            </div>
            <p class="lead">{t(Text::CompetenciesIntro)}</p>
            <div class="filters">
                <label>
                    {t(Text::Area)}
                    <select
                        prop:value=move || area.get()
                        on:change=move |ev| area.set(event_target_value(&ev))
                    >
                        {area_choices
                            .into_iter()
                            .map(|(v, l)| view! { <option value=v>{l}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || show_retired.get()
                        on:change=move |ev| show_retired.set(event_target_checked(&ev))
                    />
                    {t(Text::ShowRetired)}
                </label>
            </div>
            <Transition fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let list = match competencies.await {
                        Ok(list) => list,
                        Err(_) => return view! { <Notice text=Text::GenericError /> }.into_any(),
                    };
                    let rows = move || {
                        let wanted = Area::parse(&area.get());
                        let retired = show_retired.get();
                        let mut rows: Vec<_> = list
                            .iter()
                            .filter(|c| wanted.is_none_or(|a| a == c.area))
                            .filter(|c| retired || !c.retired)
                            .cloned()
                            .collect();
                        rows.sort_by(|a, b| {
                            (a.area, lang.pick(&a.name_it, &a.name_en).to_lowercase())
                                .cmp(&(b.area, lang.pick(&b.name_it, &b.name_en).to_lowercase()))
                        });
                        rows.into_iter()
                            .map(|c| {
                                view! {
                                    <tr class:inactive=c.retired>
                                        <td>
                                            <a href=format!("/competencies/{}", c.id)>
                                                {lang.pick(&c.name_it, &c.name_en).to_owned()}
                                            </a>
                                        </td>
                                        <td>{t(c.area.label())}</td>
                                        <td>{count(lang, c.profiles_using, Counted::Profile)}</td>
                                        <td>
                                            {c.retired.then(|| view! { <span class="badge off">{t(Text::Retired)}</span> })}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    };
                    view! {
                        <div class="table-wrap">
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{t(Text::Competency)}</th>
                                        <th scope="col">{t(Text::Area)}</th>
                                        <th scope="col">{t(Text::InUse)}</th>
                                        <th scope="col">{t(Text::Status)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn CompetencyPage() -> impl IntoView {
    guarded(Permission::ViewFramework, |user| {
        let params = use_params_map();
        let can_manage = user.role.can(Permission::ManageFramework);
        move || match params.with(record_path::<CompetencyId>) {
            RecordPath::New if can_manage => view! { <CompetencyEditor detail=None /> }.into_any(),
            RecordPath::New => view! { <Notice text=Text::Forbidden /> }.into_any(),
            RecordPath::Existing(id) => {
                view! { <CompetencyLoader id user=user.clone() /> }.into_any()
            }
            RecordPath::Unknown => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn CompetencyLoader(id: CompetencyId, user: SessionUser) -> impl IntoView {
    let t = use_texts();
    let detail = Resource::new(move || id, get_competency);
    let can_manage = user.role.can(Permission::ManageFramework);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) if can_manage => view! { <CompetencyEditor detail=Some(detail) /> }.into_any(),
                    Ok(detail) => view! { <CompetencyView detail /> }.into_any(),
                    Err(crate::model::AppError::NotFound) => {
                        crate::components::guard::set_page_status(404);
                        view! { <Notice text=Text::NotFound /> }.into_any()
                    }
                    Err(_) => view! { <Notice text=Text::GenericError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Read-only view of a competency, for those who may not edit it.
#[component]
fn CompetencyView(detail: CompetencyDetail) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let input = detail.input;
    view! {
        <section class="page">
            <p>
                <a href="/competencies">{format!("← {}", t(Text::CompetenciesTitle))}</a>
            </p>
            <Title text=lang.pick(&input.name_it, &input.name_en).to_owned() />
            <h1>{lang.pick(&input.name_it, &input.name_en).to_owned()}</h1>
            <p>
                <span class="badge">{t(input.area.label())}</span>
                {detail.retired.then(|| view! { " " <span class="badge off">{t(Text::Retired)}</span> })}
            </p>
            <p class="lead">{lang.pick(&input.description_it, &input.description_en).to_owned()}</p>
            <h2>{t(Text::Levels)}</h2>
            <ol class="levels">
                {input
                    .levels
                    .iter()
                    .map(|l| view! { <li>{lang.pick(&l.it, &l.en).to_owned()}</li> })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// The signals behind the competency form.
#[derive(Clone, Copy)]
struct CompetencyFields {
    area: RwSignal<String>,
    name_it: RwSignal<String>,
    name_en: RwSignal<String>,
    description_it: RwSignal<String>,
    description_en: RwSignal<String>,
    levels: [(RwSignal<String>, RwSignal<String>); 5],
}

impl CompetencyFields {
    fn new(input: &CompetencyInput) -> Self {
        let level = |i: usize| {
            let text = input.levels.get(i).cloned().unwrap_or_default();
            (RwSignal::new(text.it), RwSignal::new(text.en))
        };
        Self {
            area: RwSignal::new(input.area.as_str().to_owned()),
            name_it: RwSignal::new(input.name_it.clone()),
            name_en: RwSignal::new(input.name_en.clone()),
            description_it: RwSignal::new(input.description_it.clone()),
            description_en: RwSignal::new(input.description_en.clone()),
            levels: [level(0), level(1), level(2), level(3), level(4)],
        }
    }

    fn input(&self) -> CompetencyInput {
        CompetencyInput {
            area: Area::parse(&self.area.get_untracked()).unwrap_or(Area::FrontOffice),
            name_it: self.name_it.get_untracked(),
            name_en: self.name_en.get_untracked(),
            description_it: self.description_it.get_untracked(),
            description_en: self.description_en.get_untracked(),
            levels: self
                .levels
                .iter()
                .map(|(it, en)| LevelText {
                    it: it.get_untracked(),
                    en: en.get_untracked(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone)]
enum Lifecycle {
    Retire(bool),
    Delete,
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-editors"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-editors")), component)]
fn CompetencyEditor(detail: Option<CompetencyDetail>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    let id = detail.as_ref().map(|d| d.id);
    let retired = RwSignal::new(detail.as_ref().is_some_and(|d| d.retired));
    let profiles_using = detail.as_ref().map_or(0, |d| d.profiles_using);
    let fields = CompetencyFields::new(&detail.map(|d| d.input).unwrap_or_default());
    let confirm_delete = RwSignal::new(false);

    let save = Action::new(move |input: &CompetencyInput| {
        let input = input.clone();
        async move {
            match id {
                Some(id) => update_competency(id, input).await.map(|()| id),
                None => create_competency(input).await,
            }
        }
    });
    let lifecycle = Action::new(move |op: &Lifecycle| {
        let op = op.clone();
        async move {
            let id = id.ok_or(crate::model::AppError::NotFound)?;
            match op {
                Lifecycle::Retire(r) => set_competency_retired(id, r).await?,
                Lifecycle::Delete => delete_competency(id).await?,
            }
            Ok(op)
        }
    });
    {
        form.follow(save, move |saved| match id {
            None => go_to(&format!("/competencies/{saved}")),
            Some(_) => form.succeed(Text::Saved),
        });
    }
    form.follow(lifecycle, move |done| match done {
        Lifecycle::Delete => go_to("/competencies"),
        Lifecycle::Retire(now_retired) => {
            retired.set(now_retired);
            form.succeed(Text::Saved);
        }
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = fields.input();
        if form.check(&input) {
            save.dispatch(input);
        }
    };
    let areas = options(Area::ALL, Area::as_str, move |a| t(a.label()));
    let title = if id.is_some() {
        t(Text::EditCompetency)
    } else {
        t(Text::NewCompetency)
    };

    view! {
        <section class="page">
            <p>
                <a href="/competencies">{format!("← {}", t(Text::CompetenciesTitle))}</a>
            </p>
            <Title text=title />
            <h1>{title}</h1>
            <Show when=move || retired.get()>
                <p class="alert info">{t(Text::RetiredNote)}</p>
            </Show>
            <form method="post" action=if id.is_some() { UpdateCompetency::PATH } else { CreateCompetency::PATH } on:submit=submit novalidate>
                <FormMessages form />
                <div class="grid-2">
                    <TextField name="name_it" label=t(Text::NameIt) value=fields.name_it form=form required=true />
                    <TextField name="name_en" label=t(Text::NameEn) value=fields.name_en form=form required=true />
                    <TextField
                        name="description_it"
                        label=t(Text::DescriptionIt)
                        value=fields.description_it
                        form=form
                        multiline=true
                        required=true
                    />
                    <TextField
                        name="description_en"
                        label=t(Text::DescriptionEn)
                        value=fields.description_en
                        form=form
                        multiline=true
                        required=true
                    />
                    <SelectField name="area" label=t(Text::Area) value=fields.area form=form options=areas required=true />
                </div>
                <fieldset>
                    <legend>{t(Text::Levels)}</legend>
                    {LEVELS
                        .zip(fields.levels)
                        .enumerate()
                        .map(|(index, (level, (it, en)))| {
                            view! {
                                <div class="grid-2 level-row">
                                    <TextField
                                        name=format!("levels.{index}.it")
                                        label=format!("{} {level} ({})", t(Text::Level), t(Text::LevelItalian))
                                        value=it
                                        form=form
                                        multiline=true
                                        required=true
                                    />
                                    <TextField
                                        name=format!("levels.{index}.en")
                                        label=format!("{} {level} ({})", t(Text::Level), t(Text::LevelEnglish))
                                        value=en
                                        form=form
                                        multiline=true
                                        required=true
                                    />
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="form-actions">
                    <SubmitButton label=t(Text::Save) pending=save.pending().into() />
                </div>
            </form>
            {id.map(|_| {
                view! {
                    <div class="panel danger-zone">
                        <button
                            type="button"
                            on:click=move |_| {
                                lifecycle.dispatch(Lifecycle::Retire(!retired.get_untracked()));
                            }
                        >
                            {move || if retired.get() { t(Text::Restore) } else { t(Text::Retire) }}
                        </button>
                        {if profiles_using > 0 {
                            view! { <p class="hint">{t(Text::InUseNote)}</p> }.into_any()
                        } else {
                            view! {
                                <Show
                                    when=move || confirm_delete.get()
                                    fallback=move || {
                                        view! {
                                            <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>
                                                {t(Text::Delete)}
                                            </button>
                                        }
                                    }
                                >
                                    <p role="alert">{t(Text::ConfirmDelete)}</p>
                                    <button
                                        type="button"
                                        class="danger"
                                        on:click=move |_| {
                                            lifecycle.dispatch(Lifecycle::Delete);
                                        }
                                    >
                                        {t(Text::Delete)}
                                    </button>
                                    <button type="button" on:click=move |_| confirm_delete.set(false)>
                                        {t(Text::Cancel)}
                                    </button>
                                </Show>
                            }
                                .into_any()
                        }}
                    </div>
                }
            })}
        </section>
    }
}
