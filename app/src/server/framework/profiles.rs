//! Job profiles and the competencies each requires, with a required level and a weight.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::model::{
    AppError, Area, CompetencyId, FieldError, FieldErrors, JobProfileDetail, JobProfileId,
    JobProfileInput, JobProfileSummary, RequirementInput, Sector,
};
use crate::server::entities::{competency, job_profile, profile_requirement};

fn area_and_sector(model: &job_profile::Model) -> (Area, Sector) {
    (
        Area::parse(&model.area).unwrap_or(Area::FrontOffice),
        Sector::parse(&model.sector).unwrap_or(Sector::Services),
    )
}

/// Every job profile with its number of requirements; two queries whatever the size.
pub async fn list(db: &DatabaseConnection) -> Result<Vec<JobProfileSummary>, AppError> {
    let counts: HashMap<i32, i64> = profile_requirement::Entity::find()
        .select_only()
        .column(profile_requirement::Column::ProfileId)
        .column_as(profile_requirement::Column::CompetencyId.count(), "n")
        .group_by(profile_requirement::Column::ProfileId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let models = job_profile::Entity::find()
        .order_by_asc(job_profile::Column::Area)
        .order_by_asc(job_profile::Column::Id)
        .all(db)
        .await?;
    Ok(models
        .into_iter()
        .map(|m| {
            let (area, sector) = area_and_sector(&m);
            JobProfileSummary {
                id: JobProfileId(m.id),
                requirement_count: u32::try_from(counts.get(&m.id).copied().unwrap_or(0))
                    .unwrap_or(u32::MAX),
                title_it: m.title_it,
                title_en: m.title_en,
                area,
                sector,
            }
        })
        .collect())
}

/// One profile with its requirements, heaviest first.
pub async fn get(db: &DatabaseConnection, id: JobProfileId) -> Result<JobProfileDetail, AppError> {
    let model = job_profile::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let requirements = profile_requirement::Entity::find()
        .filter(profile_requirement::Column::ProfileId.eq(id.0))
        .order_by_desc(profile_requirement::Column::Weight)
        .order_by_desc(profile_requirement::Column::RequiredLevel)
        .order_by_asc(profile_requirement::Column::CompetencyId)
        .all(db)
        .await?
        .into_iter()
        .map(|r| RequirementInput {
            competency_id: CompetencyId(r.competency_id),
            required_level: u8::try_from(r.required_level).unwrap_or(1),
            weight: u8::try_from(r.weight).unwrap_or(1),
        })
        .collect();
    let (area, sector) = area_and_sector(&model);
    Ok(JobProfileDetail {
        id,
        input: JobProfileInput {
            title_it: model.title_it,
            title_en: model.title_en,
            area,
            sector,
            description_it: model.description_it,
            description_en: model.description_en,
            requirements,
        },
    })
}

/// Checks what validation cannot see: unique titles, known and non-retired competencies (a
/// retired one may stay on a profile that already had it), and no competency twice.
async fn check(
    db: &impl ConnectionTrait,
    input: &JobProfileInput,
    existing: Option<JobProfileId>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    for (field, column, value) in [
        ("title_it", job_profile::Column::TitleIt, &input.title_it),
        ("title_en", job_profile::Column::TitleEn, &input.title_en),
    ] {
        let mut query = job_profile::Entity::find()
            .filter(crate::server::same_text_ignoring_case(column, value));
        if let Some(existing) = existing {
            query = query.filter(job_profile::Column::Id.ne(existing.0));
        }
        if query.count(db).await? > 0 {
            errors
                .0
                .insert(field.to_owned(), FieldError::new("title_taken"));
        }
    }

    if input.area == Area::Transversal {
        errors
            .0
            .insert("area".to_owned(), FieldError::new("unknown"));
    }

    let ids: Vec<i32> = input
        .requirements
        .iter()
        .map(|r| r.competency_id.0)
        .collect();
    let retired_or_known: HashMap<i32, bool> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.retired_at.is_some()))
        .collect();
    let already_required: HashSet<i32> = match existing {
        Some(existing) => profile_requirement::Entity::find()
            .filter(profile_requirement::Column::ProfileId.eq(existing.0))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.competency_id)
            .collect(),
        None => HashSet::new(),
    };
    let mut seen = HashSet::new();
    for (index, requirement) in input.requirements.iter().enumerate() {
        let id = requirement.competency_id.0;
        let code = match retired_or_known.get(&id) {
            None => Some("unknown"),
            Some(true) if !already_required.contains(&id) => Some("retired"),
            _ if !seen.insert(id) => Some("duplicate"),
            _ => None,
        };
        if let Some(code) = code {
            errors.0.insert(
                format!("requirements.{index}.competency_id"),
                FieldError::new(code),
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

async fn write_requirements(
    db: &impl ConnectionTrait,
    profile_id: i32,
    requirements: &[RequirementInput],
) -> Result<(), AppError> {
    profile_requirement::Entity::delete_many()
        .filter(profile_requirement::Column::ProfileId.eq(profile_id))
        .exec(db)
        .await?;
    if requirements.is_empty() {
        return Ok(());
    }
    let rows = requirements
        .iter()
        .map(|r| profile_requirement::ActiveModel {
            profile_id: Set(profile_id),
            competency_id: Set(r.competency_id.0),
            required_level: Set(i16::from(r.required_level)),
            weight: Set(i16::from(r.weight)),
        });
    profile_requirement::Entity::insert_many(rows)
        .exec(db)
        .await?;
    Ok(())
}

/// Adds a job profile with its requirements.
pub async fn create(
    db: &DatabaseConnection,
    input: JobProfileInput,
) -> Result<JobProfileId, AppError> {
    let id = crate::server::write(db, |tx| {
        Box::pin(async move {
            check(tx, &input, None).await?;
            let now = Utc::now();
            let created = job_profile::ActiveModel {
                code: Set(crate::server::accounts::sessions::random_token()[..16].to_owned()),
                title_it: Set(input.title_it.trim().to_owned()),
                title_en: Set(input.title_en.trim().to_owned()),
                area: Set(input.area.as_str().to_owned()),
                sector: Set(input.sector.as_str().to_owned()),
                description_it: Set(input.description_it.trim().to_owned()),
                description_en: Set(input.description_en.trim().to_owned()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            write_requirements(tx, created.id, &input.requirements).await?;
            Ok(created.id)
        })
    })
    .await?;
    tracing::info!(profile_id = id, "job profile created");
    Ok(JobProfileId(id))
}

/// Edits a job profile and replaces its requirements.
pub async fn update(
    db: &DatabaseConnection,
    id: JobProfileId,
    input: JobProfileInput,
) -> Result<(), AppError> {
    let existing = job_profile::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::server::write(db, |tx| {
        Box::pin(async move {
            check(tx, &input, Some(id)).await?;
            let mut model: job_profile::ActiveModel = existing.into();
            model.title_it = Set(input.title_it.trim().to_owned());
            model.title_en = Set(input.title_en.trim().to_owned());
            model.area = Set(input.area.as_str().to_owned());
            model.sector = Set(input.sector.as_str().to_owned());
            model.description_it = Set(input.description_it.trim().to_owned());
            model.description_en = Set(input.description_en.trim().to_owned());
            model.updated_at = Set(Utc::now());
            model.update(tx).await?;
            // (competency, required level, weight) before and after.
            let before: BTreeSet<(i32, i16, i16)> = profile_requirement::Entity::find()
                .filter(profile_requirement::Column::ProfileId.eq(id.0))
                .all(tx)
                .await?
                .into_iter()
                .map(|r| (r.competency_id, r.required_level, r.weight))
                .collect();
            write_requirements(tx, id.0, &input.requirements).await?;
            let after: BTreeSet<(i32, i16, i16)> = input
                .requirements
                .iter()
                .map(|r| {
                    let level = i16::from(r.required_level);
                    (r.competency_id.0, level, i16::from(r.weight))
                })
                .collect();
            if before != after {
                // Every application to an opening with this profile is assessed against it.
                crate::server::assessments::scores::refresh_profile(tx, id.0).await?;
            }
            Ok(())
        })
    })
    .await?;
    tracing::info!(profile_id = %id, "job profile updated");
    Ok(())
}

/// Deletes a job profile and its requirements; one that openings use cannot be deleted.
pub async fn delete(db: &DatabaseConnection, id: JobProfileId) -> Result<(), AppError> {
    let deleted = crate::server::write(db, |tx| {
        Box::pin(async move {
            let used = crate::server::entities::opening::Entity::find()
                .filter(crate::server::entities::opening::Column::ProfileId.eq(id.0))
                .count(tx)
                .await?;
            if used > 0 {
                return Err(AppError::Conflict("profile_in_use".into()));
            }
            profile_requirement::Entity::delete_many()
                .filter(profile_requirement::Column::ProfileId.eq(id.0))
                .exec(tx)
                .await?;
            Ok(job_profile::Entity::delete_by_id(id.0)
                .exec(tx)
                .await?
                .rows_affected)
        })
    })
    .await?;
    if deleted == 0 {
        return Err(AppError::NotFound);
    }
    tracing::info!(profile_id = %id, "job profile deleted");
    Ok(())
}
