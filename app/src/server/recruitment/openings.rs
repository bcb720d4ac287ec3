//! Openings: a job profile recruited for in one place, with its hiring team; and the open,
//! published ones the careers page shows.

use std::collections::{BTreeSet, HashMap};

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    FromQueryResult, JoinType, QueryFilter, QueryOrder, QuerySelect, RelationDef, Set,
};

use crate::model::{
    AppError, Area, FieldError, FieldErrors, JobProfileId, NEW_APPLICATION_DAYS, OpeningDetail,
    OpeningId, OpeningInput, OpeningOverview, OpeningStatus, OpeningSummary, PublicOpening, Role,
    Sector, StaffMember, Stage, UserId,
};
use crate::server::entities::{application, job_profile, opening, opening_interviewer, user};

fn status_of(status: &str) -> OpeningStatus {
    OpeningStatus::parse(status).unwrap_or(OpeningStatus::Draft)
}

fn positions_of(positions: i32) -> u32 {
    u32::try_from(positions).unwrap_or(0)
}

/// The job profiles of `openings`, by id, in one query.
async fn profiles_of(
    db: &impl ConnectionTrait,
    openings: &[opening::Model],
) -> Result<HashMap<i32, job_profile::Model>, AppError> {
    let ids: Vec<i32> = openings.iter().map(|o| o.profile_id).collect();
    Ok(job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

/// Every opening, newest first, with its profile's title and its owner: one statement.
pub async fn list(db: &DatabaseConnection) -> Result<Vec<OpeningSummary>, AppError> {
    /// An opening with its profile's titles and its owner's name, read in one statement.
    #[derive(FromQueryResult)]
    struct Listed {
        id: i32,
        profile_id: i32,
        location: String,
        positions: i32,
        status: String,
        published: bool,
        title_it: String,
        title_en: String,
        hr_owner_name: Option<String>,
    }
    let owner = opening::Entity::belongs_to(user::Entity)
        .from(opening::Column::HrOwnerId)
        .to(user::Column::Id)
        .into();
    let listed = opening::Entity::find()
        .select_only()
        .columns([
            opening::Column::Id,
            opening::Column::ProfileId,
            opening::Column::Location,
            opening::Column::Positions,
            opening::Column::Status,
            opening::Column::Published,
        ])
        .column_as(job_profile::Column::TitleIt, "title_it")
        .column_as(job_profile::Column::TitleEn, "title_en")
        .column_as(user::Column::Name, "hr_owner_name")
        .join(JoinType::InnerJoin, with_profile())
        .join(JoinType::LeftJoin, owner)
        .order_by_desc(opening::Column::CreatedAt)
        .order_by_desc(opening::Column::Id)
        .into_model::<Listed>()
        .all(db)
        .await?;
    Ok(listed
        .into_iter()
        .map(|o| OpeningSummary {
            id: OpeningId(o.id),
            profile_id: JobProfileId(o.profile_id),
            title_it: o.title_it,
            title_en: o.title_en,
            status: status_of(&o.status),
            positions: positions_of(o.positions),
            hr_owner_name: o.hr_owner_name.unwrap_or_default(),
            published: o.published,
            location: o.location,
        })
        .collect())
}

/// The join from an opening to its job profile.
fn with_profile() -> RelationDef {
    opening::Entity::belongs_to(job_profile::Entity)
        .from(opening::Column::ProfileId)
        .to(job_profile::Column::Id)
        .into()
}

/// Every opening, as [`list`] gives them, with its applications counted by stage and the ones
/// received in the last [`NEW_APPLICATION_DAYS`] days: three statements in all.
pub async fn overview(db: &DatabaseConnection) -> Result<Vec<OpeningOverview>, AppError> {
    let openings = list(db).await?;
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    let mut by_opening: HashMap<i32, Vec<u32>> = HashMap::new();
    let by_stage: Vec<(i32, String, i64)> = application::Entity::find()
        .select_only()
        .column(application::Column::OpeningId)
        .column(application::Column::Stage)
        .column_as(Expr::col(application::Column::Id).count(), "applications")
        .group_by(application::Column::OpeningId)
        .group_by(application::Column::Stage)
        .into_tuple()
        .all(db)
        .await?;
    for (opening, stage, n) in by_stage {
        if let Some(at) = Stage::ALL.iter().position(|s| s.as_str() == stage) {
            by_opening
                .entry(opening)
                .or_insert_with(|| vec![0; Stage::ALL.len()])[at] = count(n);
        }
    }
    let cutoff = Utc::now() - chrono::Duration::days(NEW_APPLICATION_DAYS);
    let fresh: HashMap<i32, i64> = application::Entity::find()
        .select_only()
        .column(application::Column::OpeningId)
        .column_as(Expr::col(application::Column::Id).count(), "applications")
        .filter(application::Column::CreatedAt.gte(cutoff))
        .group_by(application::Column::OpeningId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(openings
        .into_iter()
        .map(|opening| {
            let stages = by_opening
                .remove(&opening.id.0)
                .unwrap_or_else(|| vec![0; Stage::ALL.len()]);
            OpeningOverview {
                new_applications: count(fresh.get(&opening.id.0).copied().unwrap_or(0)),
                opening,
                stages,
            }
        })
        .collect())
}

/// The titles (Italian, English) of openings `ids`, by opening id, in one statement.
pub async fn titles(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> Result<HashMap<i32, (String, String)>, AppError> {
    let titled: Vec<(i32, String, String)> = opening::Entity::find()
        .select_only()
        .column(opening::Column::Id)
        .column(job_profile::Column::TitleIt)
        .column(job_profile::Column::TitleEn)
        .join(JoinType::InnerJoin, with_profile())
        .filter(opening::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(titled
        .into_iter()
        .map(|(id, it, en)| (id, (it, en)))
        .collect())
}

async fn find(db: &impl ConnectionTrait, id: OpeningId) -> Result<opening::Model, AppError> {
    opening::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// An opening's title (from its profile) and location.
pub struct Heading {
    pub title_it: String,
    pub title_en: String,
    pub location: String,
}

/// The heading of opening `id`.
pub async fn heading(db: &impl ConnectionTrait, id: OpeningId) -> Result<Heading, AppError> {
    let found = find(db, id).await?;
    let profile = job_profile::Entity::find_by_id(found.profile_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Heading {
        title_it: profile.title_it,
        title_en: profile.title_en,
        location: found.location,
    })
}

/// One opening with its hiring team.
pub async fn get(db: &DatabaseConnection, id: OpeningId) -> Result<OpeningDetail, AppError> {
    let model = find(db, id).await?;
    let interviewer_ids = opening_interviewer::Entity::find()
        .filter(opening_interviewer::Column::OpeningId.eq(id.0))
        .order_by_asc(opening_interviewer::Column::UserId)
        .all(db)
        .await?
        .into_iter()
        .map(|i| UserId(i.user_id))
        .collect();
    Ok(OpeningDetail {
        id,
        input: OpeningInput {
            profile_id: JobProfileId(model.profile_id),
            status: status_of(&model.status),
            positions: positions_of(model.positions),
            published: model.published,
            hr_owner_id: UserId(model.hr_owner_id),
            interviewer_ids,
            location: model.location,
            description_it: model.description_it,
            description_en: model.description_en,
        },
    })
}

/// Active staff who can own an opening (HR, admins) or interview for it (also interviewers).
pub async fn staff(db: &DatabaseConnection) -> Result<Vec<StaffMember>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Role.is_in([
            Role::Admin.as_str(),
            Role::Hr.as_str(),
            Role::Interviewer.as_str(),
        ]))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|u| StaffMember {
            id: UserId(u.id),
            role: Role::parse(&u.role).unwrap_or(Role::Interviewer),
            name: u.name,
        })
        .collect())
}

/// Checks what validation cannot: the profile exists, the owner is active HR (or an admin),
/// and every interviewer is active staff.
async fn check(db: &impl ConnectionTrait, input: &OpeningInput) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    if job_profile::Entity::find_by_id(input.profile_id.0)
        .one(db)
        .await?
        .is_none()
    {
        errors
            .0
            .insert("profile_id".into(), FieldError::new("unknown"));
    }
    let mut ids: Vec<i32> = input.interviewer_ids.iter().map(|u| u.0).collect();
    ids.push(input.hr_owner_id.0);
    let people: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let role = |id: UserId| people.get(&id.0).and_then(|u| Role::parse(&u.role));
    if !matches!(role(input.hr_owner_id), Some(Role::Hr | Role::Admin)) {
        errors
            .0
            .insert("hr_owner_id".into(), FieldError::new("unknown"));
    }
    if input
        .interviewer_ids
        .iter()
        .any(|id| !matches!(role(*id), Some(Role::Hr | Role::Admin | Role::Interviewer)))
    {
        errors
            .0
            .insert("interviewer_ids".into(), FieldError::new("unknown"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

async fn write_team(
    db: &impl ConnectionTrait,
    opening_id: i32,
    interviewers: &[UserId],
) -> Result<(), AppError> {
    opening_interviewer::Entity::delete_many()
        .filter(opening_interviewer::Column::OpeningId.eq(opening_id))
        .exec(db)
        .await?;
    let mut ids: Vec<i32> = interviewers.iter().map(|u| u.0).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    opening_interviewer::Entity::insert_many(ids.into_iter().map(|user_id| {
        opening_interviewer::ActiveModel {
            opening_id: Set(opening_id),
            user_id: Set(user_id),
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

fn apply(model: &mut opening::ActiveModel, input: &OpeningInput) {
    model.profile_id = Set(input.profile_id.0);
    model.location = Set(input.location.trim().to_owned());
    model.positions = Set(i32::try_from(input.positions).unwrap_or(i32::MAX));
    model.status = Set(input.status.as_str().to_owned());
    model.published = Set(input.published);
    model.hr_owner_id = Set(input.hr_owner_id.0);
    model.description_it = Set(input.description_it.trim().to_owned());
    model.description_en = Set(input.description_en.trim().to_owned());
    model.updated_at = Set(Utc::now());
}

pub async fn create(db: &DatabaseConnection, input: OpeningInput) -> Result<OpeningId, AppError> {
    let id = crate::server::write(db, |tx| {
        Box::pin(async move {
            check(tx, &input).await?;
            let mut model = opening::ActiveModel {
                created_at: Set(Utc::now()),
                ..Default::default()
            };
            apply(&mut model, &input);
            let created = model.insert(tx).await?;
            write_team(tx, created.id, &input.interviewer_ids).await?;
            Ok(created.id)
        })
    })
    .await?;
    tracing::info!(opening_id = id, "opening created");
    Ok(OpeningId(id))
}

pub async fn update(
    db: &DatabaseConnection,
    id: OpeningId,
    input: OpeningInput,
) -> Result<(), AppError> {
    let existing = find(db, id).await?;
    crate::server::write(db, |tx| {
        Box::pin(async move {
            check(tx, &input).await?;
            // Read again, locked: another edit may have changed the profile since. Not FOR
            // UPDATE, which would also hold up every application to the opening meanwhile.
            let current = opening::Entity::find_by_id(id.0)
                .lock(sea_orm::sea_query::LockType::NoKeyUpdate)
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let profile_changed = current.profile_id != input.profile_id.0;
            if profile_changed {
                // The new profile's requirements stay as read until this commits: an edit
                // of them waits, then finds this opening among the profile's.
                job_profile::Entity::find_by_id(input.profile_id.0)
                    .lock_shared()
                    .one(tx)
                    .await?;
            }
            let mut model: opening::ActiveModel = existing.into();
            apply(&mut model, &input);
            model.update(tx).await?;
            write_team(tx, id.0, &input.interviewer_ids).await?;
            if profile_changed {
                // Its applications are now assessed against another profile.
                crate::server::assessments::scores::refresh_openings(tx, [id.0]).await?;
            }
            Ok(())
        })
    })
    .await?;
    tracing::info!(opening_id = %id, "opening updated");
    Ok(())
}

fn public(o: opening::Model, p: &job_profile::Model) -> PublicOpening {
    PublicOpening {
        id: OpeningId(o.id),
        title_it: p.title_it.clone(),
        title_en: p.title_en.clone(),
        area: Area::parse(&p.area).unwrap_or(Area::FrontOffice),
        sector: Sector::parse(&p.sector).unwrap_or(Sector::Services),
        positions: positions_of(o.positions),
        profile_description_it: p.description_it.clone(),
        profile_description_en: p.description_en.clone(),
        location: o.location,
        description_it: o.description_it,
        description_en: o.description_en,
    }
}

fn is_public() -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(opening::Column::Status.eq(OpeningStatus::Open.as_str()))
        .add(opening::Column::Published.eq(true))
}

/// The openings the careers page lists: open and published. Two queries.
pub async fn public_list(db: &DatabaseConnection) -> Result<Vec<PublicOpening>, AppError> {
    let openings = opening::Entity::find()
        .filter(is_public())
        .order_by_desc(opening::Column::CreatedAt)
        .order_by_desc(opening::Column::Id)
        .all(db)
        .await?;
    let profiles = profiles_of(db, &openings).await?;
    Ok(openings
        .into_iter()
        .filter_map(|o| {
            let profile = profiles.get(&o.profile_id)?.clone();
            Some(public(o, &profile))
        })
        .collect())
}

/// One open, published opening; any other is not found.
pub async fn public_get(db: &DatabaseConnection, id: OpeningId) -> Result<PublicOpening, AppError> {
    let o = opening::Entity::find_by_id(id.0)
        .filter(is_public())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile = job_profile::Entity::find_by_id(o.profile_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(public(o, &profile))
}

/// Puts the interviewers among `panel` who are not on opening `opening_id`'s hiring team on
/// it, so they can read its candidates; answers their names. HR and admins see every
/// candidate already.
pub async fn join_team(
    db: &impl ConnectionTrait,
    opening_id: i32,
    panel: &[user::Model],
) -> Result<Vec<String>, AppError> {
    let team: BTreeSet<i32> = opening_interviewer::Entity::find()
        .filter(opening_interviewer::Column::OpeningId.eq(opening_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let mut added = Vec::new();
    for member in panel {
        if team.contains(&member.id) || Role::parse(&member.role) != Some(Role::Interviewer) {
            continue;
        }
        opening_interviewer::ActiveModel {
            opening_id: Set(opening_id),
            user_id: Set(member.id),
        }
        .insert(db)
        .await?;
        added.push(member.name.clone());
    }
    Ok(added)
}
