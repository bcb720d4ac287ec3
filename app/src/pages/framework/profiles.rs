//! Job profiles: the list, and one profile's page with its required competencies (read, or
//! edit for HR).

use std::collections::HashMap;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::framework::competencies::list_competencies;
use crate::api::framework::profiles::{CreateProfile, UpdateProfile};
use crate::api::framework::profiles::{
    create_profile, delete_profile, get_profile, list_profiles, update_profile,
};
use crate::app::{use_lang, use_texts};
use crate::components::browser::go_to;
use crate::components::form::{FormMessages, FormState, SelectField, SubmitButton, TextField};
use crate::components::guard::{Notice, guarded, set_page_status};
use crate::i18n::{Lang, Text, field_error_message};
use crate::model::{
    AppError, Area, CompetencyId, CompetencySummary, JobProfileDetail, JobProfileId,
    JobProfileInput, LEVELS, Permission, RequirementInput, Sector, SessionUser,
};
use crate::pages::certifications::requirements::ProfileRequirements;
use crate::pages::interviews::questions::QuestionsLoader;
use crate::pages::{RecordPath, options, record_path};
use server_fn::ServerFn;

#[component]
pub fn ProfilesPage() -> impl IntoView {
    guarded(
        Permission::ViewFramework,
        |user| view! { <ProfileList user /> },
    )
}

#[component]
fn ProfileList(user: SessionUser) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let profiles = Resource::new(|| (), |()| list_profiles());
    let can_manage = user.role.can(Permission::ManageFramework);
    view! {
        <Title text=t(Text::ProfilesTitle) />
        <section class="page">
            <div class="page-head">
                <h1>{t(Text::ProfilesTitle)}</h1>
                {can_manage
                    .then(|| {
                        view! {
                            <a class="button primary" href="/profiles/new">
                                {t(Text::NewProfile)}
                            </a>
                        }
                    })}
            </div>
            <p class="lead">{t(Text::ProfilesIntro)}</p>
            <Transition fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let Ok(list) = profiles.await else {
                        return view! { <Notice text=Text::GenericError /> }.into_any();
                    };
                    view! {
                        <div class="table-wrap">
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{t(Text::NavProfiles)}</th>
                                        <th scope="col">{t(Text::Area)}</th>
                                        <th scope="col">{t(Text::Sector)}</th>
                                        <th scope="col">{t(Text::Requirements)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list
                                        .into_iter()
                                        .map(|p| {
                                            view! {
                                                <tr>
                                                    <td>
                                                        <a href=format!("/profiles/{}", p.id)>
                                                            {lang.pick(&p.title_it, &p.title_en).to_owned()}
                                                        </a>
                                                    </td>
                                                    <td>{t(p.area.label())}</td>
                                                    <td>{t(p.sector.label())}</td>
                                                    <td>{p.requirement_count}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
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
pub fn ProfilePage() -> impl IntoView {
    guarded(Permission::ViewFramework, |user| {
        let params = use_params_map();
        let can_manage = user.role.can(Permission::ManageFramework);
        move || match params.with(record_path::<JobProfileId>) {
            RecordPath::New if can_manage => {
                view! { <ProfileLoader id=None user=user.clone() /> }.into_any()
            }
            RecordPath::New => view! { <Notice text=Text::Forbidden /> }.into_any(),
            RecordPath::Existing(id) => {
                view! { <ProfileLoader id=Some(id) user=user.clone() /> }.into_any()
            }
            RecordPath::Unknown => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn ProfileLoader(id: Option<JobProfileId>, user: SessionUser) -> impl IntoView {
    let t = use_texts();
    let detail = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_profile(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let competencies = Resource::new(|| (), |()| list_competencies());
    let can_manage = user.role.can(Permission::ManageFramework);
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                let (detail, competencies) = (detail.await, competencies.await);
                match (detail, competencies) {
                    (Ok(detail), Ok(competencies)) if can_manage => {
                        view! {
                            <ProfileEditor detail competencies />
                            {id.map(|id| view! { <ProfileRequirements id /> })}
                            {id.map(|id| view! { <QuestionsLoader id /> })}
                        }
                        .into_any()
                    }
                    (Ok(Some(detail)), Ok(competencies)) => {
                        view! {
                            <ProfileView detail competencies />
                            {id.map(|id| view! { <ProfileRequirements id /> })}
                        }
                        .into_any()
                    }
                    (Err(AppError::NotFound), _) => {
                        set_page_status(404);
                        view! { <Notice text=Text::NotFound /> }.into_any()
                    }
                    _ => view! { <Notice text=Text::GenericError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn names(competencies: &[CompetencySummary], lang: Lang) -> HashMap<CompetencyId, String> {
    competencies
        .iter()
        .map(|c| (c.id, lang.pick(&c.name_it, &c.name_en).to_owned()))
        .collect()
}

/// Read-only view of a profile, for those who may not edit it.
#[component]
fn ProfileView(detail: JobProfileDetail, competencies: Vec<CompetencySummary>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let input = detail.input;
    let names = names(&competencies, lang);
    view! {
        <section class="page">
            <p>
                <a href="/profiles">{format!("← {}", t(Text::ProfilesTitle))}</a>
            </p>
            <Title text=lang.pick(&input.title_it, &input.title_en).to_owned() />
            <h1>{lang.pick(&input.title_it, &input.title_en).to_owned()}</h1>
            <p>
                <span class="badge">{t(input.area.label())}</span>
                " "
                <span class="badge">{t(input.sector.label())}</span>
            </p>
            <p class="lead">{lang.pick(&input.description_it, &input.description_en).to_owned()}</p>
            <h2>{t(Text::Requirements)}</h2>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t(Text::Competency)}</th>
                            <th scope="col">{t(Text::RequiredLevel)}</th>
                            <th scope="col">{t(Text::Weight)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {input
                            .requirements
                            .iter()
                            .map(|r| {
                                view! {
                                    <tr>
                                        <td>
                                            <a href=format!("/competencies/{}", r.competency_id)>
                                                {names.get(&r.competency_id).cloned().unwrap_or_default()}
                                            </a>
                                        </td>
                                        <td>{r.required_level}</td>
                                        <td>{r.weight}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One editable row of the requirements table.
#[derive(Debug, Clone, Copy)]
struct RequirementRow {
    key: u32,
    competency: RwSignal<String>,
    level: RwSignal<String>,
    weight: RwSignal<String>,
}

impl RequirementRow {
    fn new(key: u32, r: Option<&RequirementInput>) -> Self {
        Self {
            key,
            competency: RwSignal::new(r.map(|r| r.competency_id.to_string()).unwrap_or_default()),
            level: RwSignal::new(r.map_or(3, |r| r.required_level).to_string()),
            weight: RwSignal::new(r.map_or(3, |r| r.weight).to_string()),
        }
    }

    fn input(&self) -> RequirementInput {
        RequirementInput {
            // An unchosen competency is id 0, which the server reports as "not a valid choice".
            competency_id: self
                .competency
                .get_untracked()
                .parse()
                .unwrap_or(CompetencyId(0)),
            required_level: self.level.get_untracked().parse().unwrap_or(0),
            weight: self.weight.get_untracked().parse().unwrap_or(0),
        }
    }
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-editors"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-editors")), component)]
fn ProfileEditor(
    detail: Option<JobProfileDetail>,
    competencies: Vec<CompetencySummary>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let id = detail.as_ref().map(|d| d.id);
    let input = detail.map(|d| d.input).unwrap_or_default();
    let title_it = RwSignal::new(input.title_it.clone());
    let title_en = RwSignal::new(input.title_en.clone());
    let area = RwSignal::new(input.area.as_str().to_owned());
    let sector = RwSignal::new(input.sector.as_str().to_owned());
    let description_it = RwSignal::new(input.description_it.clone());
    let description_en = RwSignal::new(input.description_en.clone());
    let next_key = StoredValue::new(input.requirements.len() as u32);
    let rows = RwSignal::new(
        input
            .requirements
            .iter()
            .enumerate()
            .map(|(i, r)| RequirementRow::new(i as u32, Some(r)))
            .collect::<Vec<_>>(),
    );
    // Retired competencies are offered only where the profile already requires them.
    let kept: Vec<CompetencyId> = input.requirements.iter().map(|r| r.competency_id).collect();
    let mut choices: Vec<(String, String)> = competencies
        .iter()
        .filter(|c| !c.retired || kept.contains(&c.id))
        .map(|c| {
            let name = lang.pick(&c.name_it, &c.name_en);
            let label = if c.retired {
                format!("{name} ({})", t(Text::Retired))
            } else {
                name.to_owned()
            };
            (c.id.to_string(), format!("{} – {label}", t(c.area.label())))
        })
        .collect();
    choices.sort_by(|a, b| a.1.cmp(&b.1));
    let choices = StoredValue::new(choices);
    let confirm_delete = RwSignal::new(false);

    let save = Action::new(move |input: &JobProfileInput| {
        let input = input.clone();
        async move {
            match id {
                Some(id) => update_profile(id, input).await.map(|()| id),
                None => create_profile(input).await,
            }
        }
    });
    let remove = Action::new(move |_: &()| async move {
        match id {
            Some(id) => delete_profile(id).await,
            None => Err(AppError::NotFound),
        }
    });
    {
        form.follow(save, move |saved| match id {
            None => go_to(&format!("/profiles/{saved}")),
            Some(_) => form.succeed(Text::Saved),
        });
    }
    form.follow(remove, move |()| go_to("/profiles"));

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = JobProfileInput {
            title_it: title_it.get_untracked(),
            title_en: title_en.get_untracked(),
            area: Area::parse(&area.get_untracked()).unwrap_or(Area::FrontOffice),
            sector: Sector::parse(&sector.get_untracked()).unwrap_or(Sector::Services),
            description_it: description_it.get_untracked(),
            description_en: description_en.get_untracked(),
            requirements: rows
                .with_untracked(|rows| rows.iter().map(RequirementRow::input).collect()),
        };
        if form.check(&input) {
            save.dispatch(input);
        }
    };
    let add_row = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|rows| rows.push(RequirementRow::new(key, None)));
    };
    let areas = options(Area::FOR_PROFILES, Area::as_str, move |a| t(a.label()));
    let sectors = options(Sector::ALL, Sector::as_str, move |s| t(s.label()));
    let title = if id.is_some() {
        t(Text::EditProfile)
    } else {
        t(Text::NewProfile)
    };

    view! {
        <section class="page">
            <p>
                <a href="/profiles">{format!("← {}", t(Text::ProfilesTitle))}</a>
            </p>
            <Title text=title />
            <h1>{title}</h1>
            <form method="post" action=if id.is_some() { UpdateProfile::PATH } else { CreateProfile::PATH } on:submit=submit novalidate>
                <FormMessages form />
                <div class="grid-2">
                    <TextField name="title_it" label=t(Text::TitleIt) value=title_it form=form required=true />
                    <TextField name="title_en" label=t(Text::TitleEn) value=title_en form=form required=true />
                    <SelectField name="area" label=t(Text::Area) value=area form=form options=areas required=true />
                    <SelectField name="sector" label=t(Text::Sector) value=sector form=form options=sectors required=true />
                    <TextField
                        name="description_it"
                        label=t(Text::DescriptionIt)
                        value=description_it
                        form=form
                        multiline=true
                    />
                    <TextField
                        name="description_en"
                        label=t(Text::DescriptionEn)
                        value=description_en
                        form=form
                        multiline=true
                    />
                </div>
                <fieldset>
                    <legend>{t(Text::Requirements)}</legend>
                    <p class="hint">{t(Text::WeightHint)}</p>
                    <Show when=move || rows.with(Vec::is_empty)>
                        <p>{t(Text::NoRequirements)}</p>
                    </Show>
                    <ol class="requirements">
                        <For each=move || rows.get() key=|row| row.key let:row>
                            <RequirementEditor row rows form choices />
                        </For>
                    </ol>
                    <button type="button" on:click=add_row>
                        {t(Text::AddRequirement)}
                    </button>
                </fieldset>
                <div class="form-actions">
                    <SubmitButton label=t(Text::Save) pending=save.pending().into() />
                </div>
            </form>
            {id.map(|_| {
                view! {
                    <div class="panel danger-zone">
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
                            <button type="button" class="danger" on:click=move |_| { remove.dispatch(()); }>
                                {t(Text::Delete)}
                            </button>
                            <button type="button" on:click=move |_| confirm_delete.set(false)>
                                {t(Text::Cancel)}
                            </button>
                        </Show>
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn RequirementEditor(
    row: RequirementRow,
    rows: RwSignal<Vec<RequirementRow>>,
    form: FormState,
    choices: StoredValue<Vec<(String, String)>>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let index = move || rows.with(|rows| rows.iter().position(|r| r.key == row.key).unwrap_or(0));
    let error = move |field: &'static str| {
        form.errors.with(|e| {
            e.get(&format!("requirements.{}.{field}", index()))
                .map(|e| field_error_message(lang, e))
        })
    };
    let id = |field: &str| format!("req-{}-{field}", row.key);
    let scale = |signal: RwSignal<String>| {
        LEVELS
            .map(|n| {
                let value = n.to_string();
                let selected = {
                    let value = value.clone();
                    move || signal.with(|v| *v == value)
                };
                view! { <option value=value selected=selected>{n}</option> }
            })
            .collect_view()
    };
    let remove = move |_| {
        form.errors.set(Default::default());
        rows.update(|rows| rows.retain(|r| r.key != row.key));
    };
    view! {
        <li class="requirement" class:invalid=move || error("competency_id").is_some()>
            <div class="field">
                <label for=id("competency")>{t(Text::Competency)}</label>
                <select
                    id=id("competency")
                    aria-invalid=move || error("competency_id").is_some().to_string()
                    aria-describedby=id("competency-error")
                    on:change=move |ev| row.competency.set(event_target_value(&ev))
                >
                    <option value="" selected=move || row.competency.with(String::is_empty)>
                        {t(Text::ChooseCompetency)}
                    </option>
                    {choices
                        .get_value()
                        .into_iter()
                        .map(|(value, label)| {
                            let selected = {
                                let value = value.clone();
                                move || row.competency.with(|v| *v == value)
                            };
                            view! { <option value=value selected=selected>{label}</option> }
                        })
                        .collect_view()}
                </select>
                <p class="field-error" id=id("competency-error") aria-live="polite">
                    {move || error("competency_id")}
                </p>
            </div>
            <div class="field small">
                <label for=id("level")>{t(Text::RequiredLevel)}</label>
                <select id=id("level") on:change=move |ev| row.level.set(event_target_value(&ev))>
                    {scale(row.level)}
                </select>
                <p class="field-error" aria-live="polite">{move || error("required_level")}</p>
            </div>
            <div class="field small">
                <label for=id("weight")>{t(Text::Weight)}</label>
                <select id=id("weight") on:change=move |ev| row.weight.set(event_target_value(&ev))>
                    {scale(row.weight)}
                </select>
                <p class="field-error" aria-live="polite">{move || error("weight")}</p>
            </div>
            <button type="button" class="link-button" on:click=remove>
                {t(Text::Remove)}
            </button>
        </li>
    }
}
