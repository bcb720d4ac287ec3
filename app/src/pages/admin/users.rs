//! The admin's user management: list, create, deactivate, change role, reset password, remove
//! a lost second factor, and the roles that must sign in with one.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::users::{CreateUser, ResetUserPassword, SetTwoFactorRoles};
use crate::api::admin::users::{
    create_user, list_users, required_two_factor_roles, reset_user_password, reset_user_two_factor,
    set_two_factor_roles, set_user_active, set_user_role,
};
use crate::app::use_texts;
use crate::components::form::{FormMessages, FormState, SelectField, SubmitButton, TextField};
use crate::components::guard::guarded;
use crate::components::pager::Pager;
use crate::i18n::Text;
use crate::model::{
    NewUserInput, Permission, ResetPasswordInput, Role, TwoFactorRoles, UserId, UserSummary,
};
use crate::pages::options;
use server_fn::ServerFn;

#[component]
pub fn UsersPage() -> impl IntoView {
    guarded(Permission::ManageUsers, |me| {
        let t = use_texts();
        view! {
            <Title text=t(Text::UsersTitle) />
            <Users me=me.id />
        }
    })
}

/// The user list with its forms: one island, since creating or changing a user refreshes the
/// list in place.
#[cfg_attr(any(feature = "ssr", feature = "bundle-admin"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-admin")), component)]
fn Users(me: UserId) -> impl IntoView {
    let t = use_texts();
    let page = RwSignal::new(0u64);
    let version = RwSignal::new(0u32);
    let users = Resource::new(
        move || (page.get(), version.get()),
        |(page, _)| list_users(page),
    );
    let reload = move || version.update(|v| *v += 1);
    // Errors of the per-row actions, shown above the table.
    let table = FormState::new();
    view! {
        <section class="page">
            <h1>{t(Text::UsersTitle)}</h1>
            <NewUserForm on_created=reload />
            <RequiredTwoFactor />
            <FormMessages form=table />
            <Transition fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(list) => {
                            let page_count = list.page_count().unwrap_or(1);
                            view! {
                                <div class="table-wrap">
                                    <table>
                                        <thead>
                                            <tr>
                                                <th scope="col">{t(Text::Name)}</th>
                                                <th scope="col">{t(Text::Email)}</th>
                                                <th scope="col">{t(Text::Role)}</th>
                                                <th scope="col">{t(Text::Status)}</th>
                                                <th scope="col">{t(Text::Actions)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list
                                                .items
                                                .into_iter()
                                                .map(|user| view! { <UserRow user me table on_changed=reload /> })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                <Pager page page_count=Signal::derive(move || page_count) />
                            }
                                .into_any()
                        }
                        Err(error) => {
                            table.fail(&error);
                            ().into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn UserRow(
    user: UserSummary,
    me: UserId,
    table: FormState,
    on_changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let id = user.id;
    let is_me = id == me;
    let role = RwSignal::new(user.role.as_str().to_owned());
    let show_reset = RwSignal::new(false);
    let change = Action::new(move |op: &RowOp| {
        let op = op.clone();
        async move {
            match op {
                RowOp::Active(active) => set_user_active(id, active).await.map(|()| Text::Saved),
                RowOp::Role(role) => set_user_role(id, role).await.map(|()| Text::Saved),
                RowOp::ResetTwoFactor => reset_user_two_factor(id)
                    .await
                    .map(|()| Text::TwoFactorRemoved),
            }
        }
    });
    table.follow(change, move |said| {
        table.succeed(said);
        on_changed();
    });
    let role_label = format!("{} – {}", t(Text::Role), user.name);
    view! {
        <tr class:inactive=!user.active>
            <td>
                {user.name.clone()}
                {is_me.then(|| view! { <span class="muted">{format!(" ({})", t(Text::You))}</span> })}
            </td>
            <td>{user.email.clone()}</td>
            <td>
                <select
                    aria-label=role_label
                    disabled=is_me
                    prop:value=move || role.get()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        role.set(value.clone());
                        if let Some(new_role) = Role::parse(&value) {
                            change.dispatch(RowOp::Role(new_role));
                        }
                    }
                >
                    {Role::ALL
                        .into_iter()
                        .map(|r| {
                            view! {
                                <option value=r.as_str() selected=r == user.role>
                                    {t(r.label())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
            <td>
                {if user.active {
                    view! { <span class="badge ok">{t(Text::Active)}</span> }.into_any()
                } else {
                    view! { <span class="badge off">{t(Text::Inactive)}</span> }.into_any()
                }}
                {user.two_factor.then(|| view! { " " <span class="badge">{t(Text::TwoFactorBadge)}</span> })}
            </td>
            <td class="actions">
                {(!is_me)
                    .then(|| {
                        let active = user.active;
                        view! {
                            <button type="button" on:click=move |_| { change.dispatch(RowOp::Active(!active)); }>
                                {if active { t(Text::Deactivate) } else { t(Text::Activate) }}
                            </button>
                        }
                    })}
                {(user.two_factor && !is_me)
                    .then(|| {
                        view! {
                            <button type="button" on:click=move |_| { change.dispatch(RowOp::ResetTwoFactor); }>
                                {t(Text::ResetTwoFactor)}
                            </button>
                        }
                    })}
                <button
                    type="button"
                    aria-expanded=move || show_reset.get().to_string()
                    on:click=move |_| show_reset.update(|s| *s = !*s)
                >
                    {t(Text::ResetPassword)}
                </button>
                <Show when=move || show_reset.get()>
                    <ResetPasswordForm id on_done=move || show_reset.set(false) />
                </Show>
            </td>
        </tr>
    }
    .into_any()
}

#[derive(Debug, Clone)]
enum RowOp {
    Active(bool),
    Role(Role),
    ResetTwoFactor,
}

/// The roles that must sign in with a second factor: a box for each, saved together.
#[component]
fn RequiredTwoFactor() -> impl IntoView {
    let t = use_texts();
    let form = FormState::scoped("two-factor-roles");
    let chosen = RwSignal::new(Vec::<Role>::new());
    let current = Resource::new(|| (), |()| required_two_factor_roles());
    let save = Action::new(|input: &TwoFactorRoles| {
        let input = input.clone();
        async move { set_two_factor_roles(input).await }
    });
    form.follow(save, move |()| form.succeed(Text::Saved));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        save.dispatch(TwoFactorRoles {
            roles: chosen.get_untracked(),
        });
    };
    view! {
        <form
            class="panel"
            id="two-factor-roles"
            method="post"
            action=SetTwoFactorRoles::PATH
            on:submit=submit
            novalidate
        >
            <h2>{t(Text::TwoFactorRoles)}</h2>
            <p class="hint">{t(Text::TwoFactorRolesHint)}</p>
            <FormMessages form />
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match current.await {
                        Ok(current) => {
                            chosen.set(current.roles.clone());
                            view! {
                                <fieldset class="choices">
                                    <legend class="visually-hidden">{t(Text::TwoFactorRoles)}</legend>
                                    {Role::ALL
                                        .into_iter()
                                        .map(|role| {
                                            view! {
                                                <label>
                                                    <input
                                                        type="checkbox"
                                                        name="role"
                                                        value=role.as_str()
                                                        checked=current.roles.contains(&role)
                                                        on:change=move |ev| {
                                                            let on = event_target_checked(&ev);
                                                            chosen.update(|roles| {
                                                                roles.retain(|r| *r != role);
                                                                if on {
                                                                    roles.push(role);
                                                                }
                                                            });
                                                        }
                                                    />
                                                    {t(role.label())}
                                                </label>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                                // Only once the roles are known: saving before would drop them.
                                <SubmitButton label=t(Text::Save) pending=save.pending().into() />
                            }
                                .into_any()
                        }
                        Err(error) => {
                            form.fail(&error);
                            ().into_any()
                        }
                    }
                })}
            </Transition>
        </form>
    }
}

#[component]
fn ResetPasswordForm(
    id: UserId,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    let password = RwSignal::new(String::new());
    let save = Action::new(move |input: &ResetPasswordInput| {
        let input = input.clone();
        async move { reset_user_password(id, input).await }
    });
    form.follow(save, move |()| {
        password.set(String::new());
        form.succeed(Text::PasswordReset);
        on_done();
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = ResetPasswordInput {
            password: password.get_untracked(),
        };
        if form.check(&input) {
            save.dispatch(input);
        }
    };
    view! {
        <form class="inline-form" method="post" action=ResetUserPassword::PATH on:submit=submit novalidate>
            <FormMessages form />
            <TextField
                name=format!("password-{id}")
                label=t(Text::NewPassword)
                value=password
                form=form
                input_type="password"
                autocomplete="new-password"
                hint=t(Text::PasswordHint)
                required=true
            />
            <SubmitButton label=t(Text::ResetPassword) pending=save.pending().into() />
        </form>
    }
}

#[component]
fn NewUserForm(on_created: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Employee.as_str().to_owned());
    let password = RwSignal::new(String::new());
    let create = Action::new(|input: &NewUserInput| {
        let input = input.clone();
        async move { create_user(input).await }
    });
    form.follow(create, move |_| {
        form.succeed(Text::UserCreated);
        name.set(String::new());
        email.set(String::new());
        password.set(String::new());
        on_created();
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = NewUserInput {
            name: name.get_untracked(),
            email: email.get_untracked(),
            role: Role::parse(&role.get_untracked()).unwrap_or(Role::Employee),
            password: password.get_untracked(),
        };
        if form.check(&input) {
            create.dispatch(input);
        }
    };
    let roles = options(Role::ALL, Role::as_str, move |r| t(r.label()));
    view! {
        <form class="panel" method="post" action=CreateUser::PATH on:submit=submit novalidate>
            <h2>{t(Text::NewUser)}</h2>
            <FormMessages form />
            <div class="grid-2">
                <TextField name="name" label=t(Text::Name) value=name form=form required=true />
                <TextField
                    name="email"
                    label=t(Text::Email)
                    value=email
                    form=form
                    input_type="email"
                    autocomplete="off"
                    required=true
                />
                <SelectField name="role" label=t(Text::Role) value=role form=form options=roles required=true />
                <TextField
                    name="password"
                    label=t(Text::InitialPassword)
                    value=password
                    form=form
                    input_type="password"
                    autocomplete="new-password"
                    hint=t(Text::PasswordHint)
                    required=true
                />
            </div>
            <SubmitButton label=t(Text::CreateUser) pending=create.pending().into() />
        </form>
    }
}
