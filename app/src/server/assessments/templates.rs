//! Practical test templates: HR list, write and retire them; each belongs to one or more job
//! profiles and carries a rubric of criteria, each mapped to a competency.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use super::refuse;
use crate::model::{
    AppError, CompetencyId, CriterionInput, JobProfileId, Named, PracticalTemplateId,
    TemplateEditor, TemplateInput, TemplateSummary,
};
use crate::server::entities::{
    competency, job_profile, practical_template, practical_template_criterion,
    practical_template_profile, practical_test,
};

/// Every template, active ones first, then by English title.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<TemplateSummary>, AppError> {
    let templates = practical_template::Entity::find()
        .order_by_desc(practical_template::Column::Active)
        .order_by_asc(practical_template::Column::TitleEn)
        .all(db)
        .await?;
    let links = practical_template_profile::Entity::find().all(db).await?;
    let profiles: HashMap<i32, job_profile::Model> = job_profile::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let criteria = practical_template_criterion::Entity::find().all(db).await?;
    let tests = practical_test::Entity::find().all(db).await?;
    Ok(templates
        .into_iter()
        .map(|t| {
            let rubric: Vec<_> = criteria.iter().filter(|c| c.template_id == t.id).collect();
            TemplateSummary {
                id: PracticalTemplateId(t.id),
                profiles: links
                    .iter()
                    .filter(|l| l.template_id == t.id)
                    .filter_map(|l| profiles.get(&l.profile_id))
                    .map(|p| (p.title_it.clone(), p.title_en.clone()))
                    .collect(),
                criteria: u32::try_from(rubric.len()).unwrap_or(0),
                total: rubric
                    .iter()
                    .map(|c| u32::try_from(c.max_points).unwrap_or(0))
                    .sum(),
                pass_mark: u32::try_from(t.pass_mark).unwrap_or(0),
                time_limit_minutes: u32::try_from(t.time_limit_minutes).unwrap_or(0),
                active: t.active,
                given: u32::try_from(tests.iter().filter(|g| g.template_id == t.id).count())
                    .unwrap_or(0),
                title_it: t.title_it,
                title_en: t.title_en,
            }
        })
        .collect())
}

/// Template `id` as its editor fills in.
async fn input(db: &impl ConnectionTrait, id: i32) -> Result<TemplateInput, AppError> {
    let template = practical_template::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile_ids = practical_template_profile::Entity::find()
        .filter(practical_template_profile::Column::TemplateId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| JobProfileId(l.profile_id))
        .collect();
    let criteria = practical_template_criterion::Entity::find()
        .filter(practical_template_criterion::Column::TemplateId.eq(id))
        .order_by_asc(practical_template_criterion::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|c| CriterionInput {
            competency_id: CompetencyId(c.competency_id),
            max_points: u16::try_from(c.max_points).unwrap_or(0),
            description_it: c.description_it,
            description_en: c.description_en,
        })
        .collect();
    Ok(TemplateInput {
        title_it: template.title_it,
        title_en: template.title_en,
        instructions_it: template.instructions_it,
        instructions_en: template.instructions_en,
        time_limit_minutes: u16::try_from(template.time_limit_minutes).unwrap_or(0),
        pass_mark: u16::try_from(template.pass_mark).unwrap_or(0),
        active: template.active,
        profile_ids,
        criteria,
    })
}

/// The editor of template `id` (a new one when `None`), with every profile and competency.
pub async fn editor(
    db: &impl ConnectionTrait,
    id: Option<PracticalTemplateId>,
) -> Result<TemplateEditor, AppError> {
    let template = match id {
        Some(id) => Some(input(db, id.0).await?),
        None => None,
    };
    let profiles = job_profile::Entity::find()
        .order_by_asc(job_profile::Column::TitleEn)
        .all(db)
        .await?
        .into_iter()
        .map(|p| Named {
            id: JobProfileId(p.id),
            name_it: p.title_it,
            name_en: p.title_en,
        })
        .collect();
    let competencies = competency::Entity::find()
        .order_by_asc(competency::Column::NameEn)
        .all(db)
        .await?
        .into_iter()
        .map(|c| Named {
            id: CompetencyId(c.id),
            name_it: c.name_it,
            name_en: c.name_en,
        })
        .collect();
    Ok(TemplateEditor {
        template,
        profiles,
        competencies,
    })
}

/// Refuses profiles and competencies that do not exist, each on its field.
async fn check_references(
    db: &impl ConnectionTrait,
    input: &TemplateInput,
) -> Result<(), AppError> {
    for (index, profile) in input.profile_ids.iter().enumerate() {
        if job_profile::Entity::find_by_id(profile.0)
            .one(db)
            .await?
            .is_none()
        {
            return Err(refuse(&format!("profile_ids.{index}"), "not_found"));
        }
    }
    for (index, criterion) in input.criteria.iter().enumerate() {
        if competency::Entity::find_by_id(criterion.competency_id.0)
            .one(db)
            .await?
            .is_none()
        {
            return Err(refuse(
                &format!("criteria.{index}.competency_id"),
                "not_found",
            ));
        }
    }
    Ok(())
}

/// Writes `input`'s profiles and criteria for template `id`, replacing any there were.
async fn write_parts(
    db: &impl ConnectionTrait,
    id: i32,
    input: &TemplateInput,
) -> Result<(), AppError> {
    practical_template_profile::Entity::delete_many()
        .filter(practical_template_profile::Column::TemplateId.eq(id))
        .exec(db)
        .await?;
    let mut profiles: Vec<i32> = input.profile_ids.iter().map(|p| p.0).collect();
    profiles.sort_unstable();
    profiles.dedup();
    for profile_id in profiles {
        practical_template_profile::ActiveModel {
            template_id: Set(id),
            profile_id: Set(profile_id),
        }
        .insert(db)
        .await?;
    }
    practical_template_criterion::Entity::delete_many()
        .filter(practical_template_criterion::Column::TemplateId.eq(id))
        .exec(db)
        .await?;
    for (position, criterion) in input.criteria.iter().enumerate() {
        practical_template_criterion::ActiveModel {
            template_id: Set(id),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            competency_id: Set(criterion.competency_id.0),
            max_points: Set(i32::from(criterion.max_points)),
            description_it: Set(criterion.description_it.trim().to_owned()),
            description_en: Set(criterion.description_en.trim().to_owned()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Creates a template; answers its id. Tests already given keep the rubric they were given
/// with, so a template can change freely.
pub async fn create(
    db: &DatabaseConnection,
    input: TemplateInput,
) -> Result<PracticalTemplateId, AppError> {
    input.check()?;
    check_references(db, &input).await?;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let now = Utc::now();
            let saved = practical_template::ActiveModel {
                title_it: Set(input.title_it.trim().to_owned()),
                title_en: Set(input.title_en.trim().to_owned()),
                instructions_it: Set(input.instructions_it.trim().to_owned()),
                instructions_en: Set(input.instructions_en.trim().to_owned()),
                time_limit_minutes: Set(i32::from(input.time_limit_minutes)),
                pass_mark: Set(i32::from(input.pass_mark)),
                active: Set(input.active),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            write_parts(tx, saved.id, &input).await?;
            Ok(PracticalTemplateId(saved.id))
        })
    })
    .await
}

/// Replaces template `id` with `input`.
pub async fn update(
    db: &DatabaseConnection,
    id: PracticalTemplateId,
    input: TemplateInput,
) -> Result<(), AppError> {
    input.check()?;
    check_references(db, &input).await?;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let found = practical_template::Entity::find_by_id(id.0)
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let mut model: practical_template::ActiveModel = found.into();
            model.title_it = Set(input.title_it.trim().to_owned());
            model.title_en = Set(input.title_en.trim().to_owned());
            model.instructions_it = Set(input.instructions_it.trim().to_owned());
            model.instructions_en = Set(input.instructions_en.trim().to_owned());
            model.time_limit_minutes = Set(i32::from(input.time_limit_minutes));
            model.pass_mark = Set(i32::from(input.pass_mark));
            model.active = Set(input.active);
            model.updated_at = Set(Utc::now());
            model.update(tx).await?;
            write_parts(tx, id.0, &input).await
        })
    })
    .await
}

/// The active templates of job profile `profile_id`, by title.
pub async fn for_profile(
    db: &impl ConnectionTrait,
    profile_id: i32,
) -> Result<Vec<Named<PracticalTemplateId>>, AppError> {
    let ids: Vec<i32> = practical_template_profile::Entity::find()
        .filter(practical_template_profile::Column::ProfileId.eq(profile_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.template_id)
        .collect();
    Ok(practical_template::Entity::find()
        .filter(practical_template::Column::Id.is_in(ids))
        .filter(practical_template::Column::Active.eq(true))
        .order_by_asc(practical_template::Column::TitleEn)
        .all(db)
        .await?
        .into_iter()
        .map(|t| Named {
            id: PracticalTemplateId(t.id),
            name_it: t.title_it,
            name_en: t.title_en,
        })
        .collect())
}

/// Whether template `id` belongs to profile `profile_id`, is active, and has criteria.
pub async fn offered_for(
    db: &impl ConnectionTrait,
    id: PracticalTemplateId,
    profile_id: i32,
) -> Result<bool, AppError> {
    let active = practical_template::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .is_some_and(|t| t.active);
    let linked = practical_template_profile::Entity::find_by_id((id.0, profile_id))
        .one(db)
        .await?
        .is_some();
    let criteria = practical_template_criterion::Entity::find()
        .filter(practical_template_criterion::Column::TemplateId.eq(id.0))
        .count(db)
        .await?;
    Ok(active && linked && criteria > 0)
}
