//! Openings for HR: the list, and one opening's form with its hiring team.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::framework::profiles::list_profiles;
use crate::api::recruitment::openings::{CreateOpening, UpdateOpening};
use crate::api::recruitment::openings::{
    create_opening, get_opening, list_staff, opening_overview, update_opening,
};
use crate::app::{use_lang, use_texts};
use crate::components::browser::go_to;
use crate::components::form::{
    CheckField, FormMessages, FormState, SelectField, SubmitButton, TextField,
};
use crate::components::guard::{Notice, guarded, set_page_status};
use crate::components::staff::StaffChecklist;
use crate::i18n::{Counted, Text, count};
use crate::model::{
    AppError, JobProfileId, JobProfileSummary, NEW_APPLICATION_DAYS, OpeningDetail, OpeningId,
    OpeningInput, OpeningStatus, Permission, Role, StaffMember, UserId,
};
use crate::pages::{RecordPath, options, record_path};
use server_fn::ServerFn;

#[component]
pub fn OpeningsPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |_| view! { <OpeningList /> })
}

/// HR's openings: each title leads to its board; the list says where the applications stand
/// in each and how many are new.
#[component]
fn OpeningList() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let openings = Resource::new(|| (), |()| opening_overview());
    let new_heading = format!(
        "{} {}",
        t(Text::NewApplications),
        count(lang, NEW_APPLICATION_DAYS as u64, Counted::Day)
    );
    view! {
        <Title text=t(Text::OpeningsTitle) />
        <section class="page">
            <div class="page-head">
                <h1>{t(Text::OpeningsTitle)}</h1>
                <a class="button primary" href="/openings/new">
                    {t(Text::NewOpening)}
                </a>
            </div>
            <p class="lead">{t(Text::OpeningsIntro)}</p>
            <Transition fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || { let new_heading = new_heading.clone(); Suspend::new(async move {
                    let Ok(list) = openings.await else {
                        return view! { <Notice text=Text::GenericError /> }.into_any();
                    };
                    if list.is_empty() {
                        return view! { <p>{t(Text::Empty)}</p> }.into_any();
                    }
                    view! {
                        <div class="table-wrap">
                            <table class="stacking openings">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(Text::JobProfile)}</th>
                                        <th scope="col">{t(Text::Applications)}</th>
                                        <th scope="col">{new_heading.clone()}</th>
                                        <th scope="col">{t(Text::Positions)}</th>
                                        <th scope="col">{t(Text::Status)}</th>
                                        <th scope="col">{t(Text::HrOwner)}</th>
                                        <th scope="col"><span class="visually-hidden">{t(Text::Edit)}</span></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list
                                        .into_iter()
                                        .map(|row| {
                                            let o = &row.opening;
                                            let title = lang.pick(&o.title_it, &o.title_en).to_owned();
                                            let stages = row
                                                .occupied()
                                                .map(|(stage, n)| view! {
                                                    <li><span class="badge">{format!("{} {n}", t(stage.label()))}</span></li>
                                                })
                                                .collect_view();
                                            view! {
                                                <tr>
                                                    <td class="lead-cell">
                                                        <a href=format!("/openings/{}/board", o.id)>{format!("{title} · {}", o.location)}</a>
                                                    </td>
                                                    <td data-label=t(Text::Applications)>
                                                        {if row.applications() == 0 {
                                                            view! { <span class="muted">{t(Text::NoApplicationsYet)}</span> }.into_any()
                                                        } else {
                                                            view! { <ul class="stage-counts">{stages}</ul> }.into_any()
                                                        }}
                                                    </td>
                                                    <td data-label=new_heading.clone()>
                                                        {(row.new_applications > 0).then(|| view! { <strong>{row.new_applications}</strong> })}
                                                    </td>
                                                    <td data-label=t(Text::Positions)>{o.positions}</td>
                                                    <td data-label=t(Text::Status)>
                                                        <span class="badge">{t(o.status.label())}</span>
                                                        {o.published.then(|| view! { " " <span class="badge ok">{t(Text::NavCareers)}</span> })}
                                                    </td>
                                                    <td data-label=t(Text::HrOwner)>{o.hr_owner_name.clone()}</td>
                                                    <td>
                                                        <a href=format!("/openings/{}", o.id)>
                                                            {t(Text::Edit)}
                                                            <span class="visually-hidden">{format!(" – {title}")}</span>
                                                        </a>
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                })}}
            </Transition>
        </section>
    }
}

#[component]
pub fn OpeningPage() -> impl IntoView {
    guarded(Permission::ManageRecruitment, |me| {
        let params = use_params_map();
        move || match params.with(record_path::<OpeningId>) {
            RecordPath::New => view! { <OpeningLoader id=None me=me.id /> }.into_any(),
            RecordPath::Existing(id) => view! { <OpeningLoader id=Some(id) me=me.id /> }.into_any(),
            RecordPath::Unknown => view! { <Notice text=Text::NotFound /> }.into_any(),
        }
    })
}

#[component]
fn OpeningLoader(id: Option<OpeningId>, me: UserId) -> impl IntoView {
    let t = use_texts();
    let detail = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_opening(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let profiles = Resource::new(|| (), |()| list_profiles());
    let staff = Resource::new(|| (), |()| list_staff());
    view! {
        <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
            {move || Suspend::new(async move {
                match (detail.await, profiles.await, staff.await) {
                    (Ok(detail), Ok(profiles), Ok(staff)) => {
                        view! { <OpeningEditor detail profiles staff me /> }.into_any()
                    }
                    (Err(AppError::NotFound), _, _) => {
                        set_page_status(404);
                        view! { <Notice text=Text::NotFound /> }.into_any()
                    }
                    _ => view! { <Notice text=Text::GenericError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[cfg_attr(any(feature = "ssr", feature = "bundle-editors"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-editors")), component)]
fn OpeningEditor(
    detail: Option<OpeningDetail>,
    profiles: Vec<JobProfileSummary>,
    staff: Vec<StaffMember>,
    me: UserId,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let form = FormState::new();
    let id = detail.as_ref().map(|d| d.id);
    let input = detail.map(|d| d.input);
    let profile = RwSignal::new(
        input
            .as_ref()
            .map(|i| i.profile_id.to_string())
            .unwrap_or_default(),
    );
    let location = RwSignal::new(
        input
            .as_ref()
            .map(|i| i.location.clone())
            .unwrap_or_default(),
    );
    let positions = RwSignal::new(input.as_ref().map_or(1, |i| i.positions).to_string());
    let status = RwSignal::new(
        input
            .as_ref()
            .map_or(OpeningStatus::Draft, |i| i.status)
            .as_str()
            .to_owned(),
    );
    let published = RwSignal::new(input.as_ref().is_some_and(|i| i.published));
    let owner = RwSignal::new(input.as_ref().map_or(me, |i| i.hr_owner_id).to_string());
    let team = RwSignal::new(
        input
            .as_ref()
            .map(|i| i.interviewer_ids.clone())
            .unwrap_or_default(),
    );
    let description_it = RwSignal::new(
        input
            .as_ref()
            .map(|i| i.description_it.clone())
            .unwrap_or_default(),
    );
    let description_en = RwSignal::new(
        input
            .as_ref()
            .map(|i| i.description_en.clone())
            .unwrap_or_default(),
    );

    let save = Action::new(move |input: &OpeningInput| {
        let input = input.clone();
        async move {
            match id {
                Some(id) => update_opening(id, input).await.map(|()| id),
                None => create_opening(input).await,
            }
        }
    });
    form.follow(save, move |saved| match id {
        None => go_to(&format!("/openings/{saved}")),
        Some(_) => form.succeed(Text::Saved),
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = OpeningInput {
            profile_id: profile.get_untracked().parse().unwrap_or(JobProfileId(0)),
            location: location.get_untracked(),
            positions: positions.get_untracked().trim().parse().unwrap_or(0),
            status: OpeningStatus::parse(&status.get_untracked()).unwrap_or(OpeningStatus::Draft),
            published: published.get_untracked(),
            hr_owner_id: owner.get_untracked().parse().unwrap_or(UserId(0)),
            interviewer_ids: team.get_untracked(),
            description_it: description_it.get_untracked(),
            description_en: description_en.get_untracked(),
        };
        if form.check(&input) {
            save.dispatch(input);
        }
    };

    let mut profile_choices = vec![(String::new(), t(Text::ChooseProfile).to_owned())];
    profile_choices.extend(profiles.iter().map(|p| {
        (
            p.id.to_string(),
            lang.pick(&p.title_it, &p.title_en).to_owned(),
        )
    }));
    let statuses = options(OpeningStatus::ALL, OpeningStatus::as_str, move |s| {
        t(s.label())
    });
    let owners: Vec<(String, String)> = staff
        .iter()
        .filter(|s| matches!(s.role, Role::Hr | Role::Admin))
        .map(|s| (s.id.to_string(), s.name.clone()))
        .collect();
    let title = if id.is_some() {
        t(Text::EditOpening)
    } else {
        t(Text::NewOpening)
    };

    view! {
        <section class="page">
            <p>
                <a href="/openings">{format!("← {}", t(Text::OpeningsTitle))}</a>
            </p>
            <Title text=title />
            <div class="page-head">
                <h1>{title}</h1>
                {id.map(|id| view! { <a class="button" href=format!("/openings/{id}/board")>{t(Text::OpenBoard)}</a> })}
            </div>
            <form method="post" action=if id.is_some() { UpdateOpening::PATH } else { CreateOpening::PATH } on:submit=submit novalidate>
                <FormMessages form />
                <div class="grid-2">
                    <SelectField name="profile_id" label=t(Text::JobProfile) value=profile form=form options=profile_choices required=true />
                    <TextField name="location" label=t(Text::Location) value=location form=form required=true />
                    <TextField name="positions" label=t(Text::Positions) value=positions form=form input_type="number" required=true />
                    <SelectField name="status" label=t(Text::Status) value=status form=form options=statuses required=true />
                    <SelectField name="hr_owner_id" label=t(Text::HrOwner) value=owner form=form options=owners required=true />
                    <CheckField name="published" label=t(Text::Published) checked=published hint=t(Text::PublishedHint) />
                    <TextField name="description_it" label=t(Text::AdDescriptionIt) value=description_it form=form multiline=true />
                    <TextField name="description_en" label=t(Text::AdDescriptionEn) value=description_en form=form multiline=true />
                </div>
                <StaffChecklist name="interviewer_ids" legend=t(Text::HiringTeam) staff chosen=team form />
                <div class="form-actions">
                    <SubmitButton label=t(Text::Save) pending=save.pending().into() />
                </div>
            </form>
        </section>
    }
}
