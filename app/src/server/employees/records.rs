//! Employee records: the one every account gets, the rows the list and the page show, the
//! choices of HR's form, and HR's changes (a manager must be on the staff and never the
//! employee themselves or someone who reports to them).

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::model::{
    AppError, Colleague, EmployeeChange, EmployeeChoices, EmployeeId, EmployeeRow, EmployeeStatus,
    FieldErrors, JobProfileId, ProfileTitle, UserId,
};
use crate::server::entities::{employee, job_profile, user};

/// Gives account `user_id` its employee record, unless it has one; returns its id.
pub async fn ensure(db: &impl ConnectionTrait, user_id: UserId) -> Result<EmployeeId, AppError> {
    if let Some(found) = employee::Entity::find()
        .filter(employee::Column::UserId.eq(user_id.0))
        .one(db)
        .await?
    {
        return Ok(EmployeeId(found.id));
    }
    let now = Utc::now();
    let created = employee::ActiveModel {
        user_id: Set(user_id.0),
        candidate_id: Set(None),
        profile_id: Set(None),
        department: Set(String::new()),
        location: Set(String::new()),
        manager_id: Set(None),
        start_date: Set(None),
        status: Set(EmployeeStatus::Active.as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(EmployeeId(created.id))
}

fn profile_title(p: &job_profile::Model) -> ProfileTitle {
    ProfileTitle {
        id: JobProfileId(p.id),
        title_it: p.title_it.clone(),
        title_en: p.title_en.clone(),
    }
}

/// The names of employees `ids`, by employee id (one query).
pub async fn names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(employee::Entity::find()
        .filter(employee::Column::Id.is_in(ids))
        .find_also_related(user::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(e, u)| Some((e.id, u?.name)))
        .collect())
}

/// The list's rows for `employees`, in their order, in three more queries.
pub async fn rows(
    db: &impl ConnectionTrait,
    employees: Vec<employee::Model>,
) -> Result<Vec<EmployeeRow>, AppError> {
    let users: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(employees.iter().map(|e| e.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let profiles: HashMap<i32, ProfileTitle> = job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(employees.iter().filter_map(|e| e.profile_id)))
        .all(db)
        .await?
        .iter()
        .map(|p| (p.id, profile_title(p)))
        .collect();
    let managers = names(db, employees.iter().filter_map(|e| e.manager_id)).await?;
    Ok(employees
        .into_iter()
        .filter_map(|e| {
            let account = users.get(&e.user_id)?;
            Some(EmployeeRow {
                id: EmployeeId(e.id),
                name: account.name.clone(),
                email: account.email.clone(),
                profile: e.profile_id.and_then(|p| profiles.get(&p).cloned()),
                department: e.department,
                location: e.location,
                manager: e.manager_id.and_then(|m| {
                    Some(Colleague {
                        id: EmployeeId(m),
                        name: managers.get(&m)?.clone(),
                    })
                }),
                start_date: e.start_date,
                status: EmployeeStatus::parse(&e.status).unwrap_or_default(),
            })
        })
        .collect())
}

/// Everyone not gone, by name: who may be a manager.
pub async fn staff(db: &impl ConnectionTrait) -> Result<Vec<Colleague>, AppError> {
    Ok(employee::Entity::find()
        .filter(employee::Column::Status.ne(EmployeeStatus::Left.as_str()))
        .find_also_related(user::Entity)
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(e, u)| {
            Some(Colleague {
                id: EmployeeId(e.id),
                name: u?.name,
            })
        })
        .collect())
}

async fn distinct_text(
    db: &impl ConnectionTrait,
    column: employee::Column,
) -> Result<Vec<String>, AppError> {
    Ok(employee::Entity::find()
        .select_only()
        .column(column)
        .distinct()
        .filter(column.ne(""))
        .order_by_asc(column)
        .into_tuple::<String>()
        .all(db)
        .await?)
}

/// The departments in use, in order.
pub async fn departments(db: &impl ConnectionTrait) -> Result<Vec<String>, AppError> {
    distinct_text(db, employee::Column::Department).await
}

/// Those who manage someone now, by name (one statement).
pub async fn managers(db: &impl ConnectionTrait) -> Result<Vec<Colleague>, AppError> {
    let mut managing = sea_orm::sea_query::Query::select();
    managing
        .column(employee::Column::ManagerId)
        .from(employee::Entity)
        .and_where(employee::Column::ManagerId.is_not_null());
    Ok(employee::Entity::find()
        .select_only()
        .column(employee::Column::Id)
        .column(user::Column::Name)
        .inner_join(user::Entity)
        .filter(employee::Column::Id.in_subquery(managing))
        .order_by_asc(user::Column::Name)
        .order_by_asc(employee::Column::Id)
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, name)| Colleague {
            id: EmployeeId(id),
            name,
        })
        .collect())
}

/// What the list's filters offer (`with_staff` false), or HR's forms (true: also everyone
/// who may manage).
pub async fn choices(
    db: &impl ConnectionTrait,
    with_staff: bool,
) -> Result<EmployeeChoices, AppError> {
    Ok(EmployeeChoices {
        managers: managers(db).await?,
        departments: departments(db).await?,
        locations: distinct_text(db, employee::Column::Location).await?,
        profiles: job_profile::Entity::find()
            .order_by_asc(job_profile::Column::TitleEn)
            .all(db)
            .await?
            .iter()
            .map(profile_title)
            .collect(),
        staff: if with_staff {
            staff(db).await?
        } else {
            Vec::new()
        },
    })
}

/// Checks that `manager` may manage employee `id`: on the staff, not them, and not someone
/// below them (which would make a circle).
pub async fn check_manager(
    db: &impl ConnectionTrait,
    id: Option<EmployeeId>,
    manager: Option<EmployeeId>,
) -> Result<(), AppError> {
    let Some(manager) = manager else {
        return Ok(());
    };
    let refuse = |code| Err(AppError::Invalid(FieldErrors::single("manager_id", code)));
    let mut above = Some(manager.0);
    let mut steps = 0;
    while let Some(next) = above {
        if Some(EmployeeId(next)) == id {
            return refuse("manager_circle");
        }
        let Some(found) = employee::Entity::find_by_id(next).one(db).await? else {
            return refuse("unknown");
        };
        if next == manager.0 && found.status == EmployeeStatus::Left.as_str() {
            return refuse("manager_left");
        }
        steps += 1;
        if steps > 100 {
            return refuse("manager_circle");
        }
        above = found.manager_id;
    }
    Ok(())
}

/// Checks that `profile`, if any, exists.
pub async fn check_profile(
    db: &impl ConnectionTrait,
    profile: Option<JobProfileId>,
) -> Result<(), AppError> {
    match profile {
        Some(p)
            if job_profile::Entity::find_by_id(p.0)
                .one(db)
                .await?
                .is_none() =>
        {
            Err(AppError::Invalid(FieldErrors::single(
                "profile_id",
                "unknown",
            )))
        }
        _ => Ok(()),
    }
}

/// HR change employee `id`'s record (and so, with the profile, what they must hold).
pub async fn update(
    db: &DatabaseConnection,
    id: EmployeeId,
    change: EmployeeChange,
) -> Result<(), AppError> {
    let found = employee::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    check_profile(db, change.profile).await?;
    check_manager(db, Some(id), change.manager).await?;
    let mut model: employee::ActiveModel = found.into();
    model.profile_id = Set(change.profile.map(|p| p.0));
    model.department = Set(change.department);
    model.location = Set(change.location);
    model.manager_id = Set(change.manager.map(|m| m.0));
    model.start_date = Set(change.start_date);
    model.status = Set(change.status.as_str().to_owned());
    model.updated_at = Set(Utc::now());
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            model.update(tx).await?;
            crate::server::certifications::compliance::refresh(tx, &[id]).await
        })
    })
    .await?;
    tracing::info!(employee_id = %id, "employee record changed");
    Ok(())
}

/// Employee `id`'s page as `me` may see it (see `access::readable`).
pub async fn detail(
    db: &impl ConnectionTrait,
    me: &crate::server::accounts::auth::CurrentUser,
    id: EmployeeId,
    now: chrono::DateTime<Utc>,
) -> Result<crate::model::EmployeeDetail, AppError> {
    use super::{access, competencies, timeline};
    let found = access::readable(db, me, id).await?;
    let manages = access::relation(db, me, id).await? == access::Relation::Manager;
    let account = user::Entity::find_by_id(found.user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let reports = employee::Entity::find()
        .filter(employee::Column::ManagerId.eq(id.0))
        .find_also_related(user::Entity)
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(e, u)| {
            Some(Colleague {
                id: EmployeeId(e.id),
                name: u?.name,
            })
        })
        .collect();
    let competencies = competencies::of_employee(db, id, found.profile_id).await?;
    // The recruitment history is for HR and the person: a manager reads training records.
    let timeline = if access::sees_all(me) || found.user_id == me.id.0 {
        timeline::of_person(db, found.id, found.candidate_id, found.start_date).await?
    } else {
        Vec::new()
    };
    let invitation = crate::server::accounts::invitations::state(db, &account, now).await?;
    let candidate_id = found.candidate_id.map(crate::model::CandidateId);
    let row = rows(db, vec![found])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(crate::model::EmployeeDetail {
        row,
        role: crate::model::Role::parse(&account.role).unwrap_or(crate::model::Role::Employee),
        candidate_id,
        reports,
        competencies,
        timeline,
        invitation,
        editable: access::sees_all(me),
        manages,
    })
}

/// Sends employee `id` a new welcome link, in their language; refused on the form
/// (`invitation_accepted`) once they have a password.
pub async fn invite_again(
    db: &sea_orm::DatabaseConnection,
    id: EmployeeId,
    public_url: &str,
    now: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    use crate::server::accounts::invitations;
    let found = employee::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let account = user::Entity::find_by_id(found.user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !account.password_hash.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single(
            "form",
            "invitation_accepted",
        )));
    }
    let lang = account
        .language
        .as_deref()
        .and_then(crate::i18n::Lang::parse)
        .unwrap_or_default();
    let public_url = public_url.to_owned();
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            invitations::invite(tx, UserId(account.id), lang, &public_url, now).await
        })
    })
    .await
}
