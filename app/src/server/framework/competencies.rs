//! The competency framework: listing, adding, editing, retiring and deleting competencies.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::model::{
    AppError, Area, CompetencyDetail, CompetencyId, CompetencyInput, CompetencySummary,
    FieldErrors, LEVELS, LevelText,
};
use crate::server::entities::{competency, competency_level, profile_requirement};

/// How many job profiles require each competency, in one query.
async fn profile_counts(db: &impl ConnectionTrait) -> Result<HashMap<i32, u32>, AppError> {
    let rows: Vec<(i32, i64)> = profile_requirement::Entity::find()
        .select_only()
        .column(profile_requirement::Column::CompetencyId)
        .column_as(profile_requirement::Column::ProfileId.count(), "uses")
        .group_by(profile_requirement::Column::CompetencyId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, uses)| (id, u32::try_from(uses).unwrap_or(u32::MAX)))
        .collect())
}

async fn uses(db: &impl ConnectionTrait, id: CompetencyId) -> Result<u32, AppError> {
    let count = profile_requirement::Entity::find()
        .filter(profile_requirement::Column::CompetencyId.eq(id.0))
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Whether any scorecard rated competency `id` (then it is retired, never deleted).
async fn rated(db: &impl ConnectionTrait, id: CompetencyId) -> Result<bool, AppError> {
    use crate::server::entities::{
        online_question, online_test_item, practical_template_criterion, practical_test_criterion,
        scorecard_rating,
    };
    // Scorecards, and the tests' rubrics and questions, given or not.
    let counts = [
        scorecard_rating::Entity::find()
            .filter(scorecard_rating::Column::CompetencyId.eq(id.0))
            .count(db)
            .await?,
        practical_template_criterion::Entity::find()
            .filter(practical_template_criterion::Column::CompetencyId.eq(id.0))
            .count(db)
            .await?,
        practical_test_criterion::Entity::find()
            .filter(practical_test_criterion::Column::CompetencyId.eq(id.0))
            .count(db)
            .await?,
        online_question::Entity::find()
            .filter(online_question::Column::CompetencyId.eq(id.0))
            .count(db)
            .await?,
        online_test_item::Entity::find()
            .filter(online_test_item::Column::CompetencyId.eq(id.0))
            .count(db)
            .await?,
    ];
    Ok(counts.iter().any(|&n| n > 0))
}

fn area_of(model: &competency::Model) -> Area {
    Area::parse(&model.area).unwrap_or(Area::Transversal)
}

/// Every competency (retired ones too), by area and code. Two queries whatever the size.
pub async fn list(db: &DatabaseConnection) -> Result<Vec<CompetencySummary>, AppError> {
    let counts = profile_counts(db).await?;
    let models = competency::Entity::find()
        .order_by_asc(competency::Column::Area)
        .order_by_asc(competency::Column::Id)
        .all(db)
        .await?;
    Ok(models
        .into_iter()
        .map(|m| CompetencySummary {
            id: CompetencyId(m.id),
            area: area_of(&m),
            retired: m.retired_at.is_some(),
            profiles_using: counts.get(&m.id).copied().unwrap_or(0),
            name_it: m.name_it,
            name_en: m.name_en,
        })
        .collect())
}

/// One competency with its five levels.
pub async fn get(db: &DatabaseConnection, id: CompetencyId) -> Result<CompetencyDetail, AppError> {
    let model = competency::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let levels = competency_level::Entity::find()
        .filter(competency_level::Column::CompetencyId.eq(id.0))
        .order_by_asc(competency_level::Column::Level)
        .all(db)
        .await?
        .into_iter()
        .map(|l| LevelText {
            it: l.description_it,
            en: l.description_en,
        })
        .collect();
    Ok(CompetencyDetail {
        id,
        retired: model.retired_at.is_some(),
        profiles_using: uses(db, id).await?,
        input: CompetencyInput {
            area: area_of(&model),
            name_it: model.name_it,
            name_en: model.name_en,
            description_it: model.description_it,
            description_en: model.description_en,
            levels,
        },
    })
}

/// Refuses names used by another competency, comparing case-insensitively.
async fn check_unique_names(
    db: &impl ConnectionTrait,
    input: &CompetencyInput,
    except: Option<CompetencyId>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    for (field, column, value) in [
        ("name_it", competency::Column::NameIt, &input.name_it),
        ("name_en", competency::Column::NameEn, &input.name_en),
    ] {
        let mut query = competency::Entity::find()
            .filter(crate::server::same_text_ignoring_case(column, value));
        if let Some(except) = except {
            query = query.filter(competency::Column::Id.ne(except.0));
        }
        if query.count(db).await? > 0 {
            errors = merge(errors, field, "name_taken");
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

fn merge(mut errors: FieldErrors, field: &str, code: &str) -> FieldErrors {
    errors
        .0
        .insert(field.to_owned(), crate::model::FieldError::new(code));
    errors
}

fn check_level_count(input: &CompetencyInput) -> Result<(), AppError> {
    if input.levels.len() == LEVELS.len() {
        Ok(())
    } else {
        Err(AppError::BadRequest)
    }
}

/// A stable code from the English name, made unique with a number if needed.
async fn new_code(db: &impl ConnectionTrait, name_en: &str) -> Result<String, AppError> {
    let base: String = name_en
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        "competency".to_owned()
    } else {
        base.chars().take(60).collect()
    };
    let mut code = base.clone();
    for n in 2.. {
        let taken = competency::Entity::find()
            .filter(competency::Column::Code.eq(&code))
            .count(db)
            .await?
            > 0;
        if !taken {
            break;
        }
        code = format!("{base}-{n}");
    }
    Ok(code)
}

async fn write_levels(
    db: &impl ConnectionTrait,
    id: i32,
    levels: &[LevelText],
) -> Result<(), AppError> {
    competency_level::Entity::delete_many()
        .filter(competency_level::Column::CompetencyId.eq(id))
        .exec(db)
        .await?;
    let rows = (1i16..)
        .zip(levels)
        .map(|(level, text)| competency_level::ActiveModel {
            competency_id: Set(id),
            level: Set(level),
            description_it: Set(text.it.trim().to_owned()),
            description_en: Set(text.en.trim().to_owned()),
        });
    competency_level::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// Adds a competency with its five level descriptions.
pub async fn create(
    db: &DatabaseConnection,
    input: CompetencyInput,
) -> Result<CompetencyId, AppError> {
    check_level_count(&input)?;
    let id = crate::server::write(db, |tx| {
        Box::pin(async move {
            check_unique_names(tx, &input, None).await?;
            let now = Utc::now();
            let created = competency::ActiveModel {
                code: Set(new_code(tx, &input.name_en).await?),
                area: Set(input.area.as_str().to_owned()),
                name_it: Set(input.name_it.trim().to_owned()),
                name_en: Set(input.name_en.trim().to_owned()),
                description_it: Set(input.description_it.trim().to_owned()),
                description_en: Set(input.description_en.trim().to_owned()),
                retired_at: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            write_levels(tx, created.id, &input.levels).await?;
            Ok(created.id)
        })
    })
    .await?;
    tracing::info!(competency_id = id, "competency created");
    Ok(CompetencyId(id))
}

/// Edits a competency and its levels.
pub async fn update(
    db: &DatabaseConnection,
    id: CompetencyId,
    input: CompetencyInput,
) -> Result<(), AppError> {
    check_level_count(&input)?;
    let existing = competency::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::server::write(db, |tx| {
        Box::pin(async move {
            check_unique_names(tx, &input, Some(id)).await?;
            let mut model: competency::ActiveModel = existing.into();
            model.area = Set(input.area.as_str().to_owned());
            model.name_it = Set(input.name_it.trim().to_owned());
            model.name_en = Set(input.name_en.trim().to_owned());
            model.description_it = Set(input.description_it.trim().to_owned());
            model.description_en = Set(input.description_en.trim().to_owned());
            model.updated_at = Set(Utc::now());
            model.update(tx).await?;
            write_levels(tx, id.0, &input.levels).await
        })
    })
    .await?;
    tracing::info!(competency_id = %id, "competency updated");
    Ok(())
}

/// Retires a competency (or brings it back). Retired ones stay where used.
pub async fn set_retired(
    db: &DatabaseConnection,
    id: CompetencyId,
    retired: bool,
) -> Result<(), AppError> {
    let mut model: competency::ActiveModel = competency::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?
        .into();
    let now = Utc::now();
    model.retired_at = Set(retired.then_some(now));
    model.updated_at = Set(now);
    model.update(db).await?;
    tracing::info!(competency_id = %id, retired, "competency retirement changed");
    Ok(())
}

/// Deletes a competency that nothing uses; one in use must be retired instead.
pub async fn delete(db: &DatabaseConnection, id: CompetencyId) -> Result<(), AppError> {
    crate::server::write(db, |tx| {
        Box::pin(async move {
            competency::Entity::find_by_id(id.0)
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            if uses(tx, id).await? > 0 || rated(tx, id).await? {
                return Err(AppError::Conflict("competency_in_use".into()));
            }
            competency_level::Entity::delete_many()
                .filter(competency_level::Column::CompetencyId.eq(id.0))
                .exec(tx)
                .await?;
            competency::Entity::delete_by_id(id.0).exec(tx).await?;
            Ok(())
        })
    })
    .await?;
    tracing::info!(competency_id = %id, "competency deleted");
    Ok(())
}
