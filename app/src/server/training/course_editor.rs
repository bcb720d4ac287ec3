//! HR's form for a course of the catalogue: the course as it stands (or a blank one) with the
//! competencies and profiles it may name, and saving it with every refusal on its field.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use crate::model::{
    AppError, CourseFields, CourseForm, CourseId, CourseInput, FieldErrors, UserId, course_code,
};
use crate::server::entities::{course, course_competency, course_profile};
use crate::server::framework::choices;

/// HR's form for course `id`, or for a new one (internal, still offered).
pub async fn form(db: &impl ConnectionTrait, id: Option<CourseId>) -> Result<CourseForm, AppError> {
    let input = match id {
        None => CourseInput {
            kind: "internal".to_owned(),
            active: true,
            ..Default::default()
        },
        Some(id) => as_typed(db, id).await?,
    };
    let linked = input.levels.iter().map(|(c, _)| *c).collect();
    Ok(CourseForm {
        id,
        competencies: choices::competencies(db, linked).await?,
        profiles: choices::profiles(db).await?,
        input,
    })
}

/// Course `id` as its form shows it.
async fn as_typed(db: &impl ConnectionTrait, id: CourseId) -> Result<CourseInput, AppError> {
    let found = course::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let levels = course_competency::Entity::find()
        .filter(course_competency::Column::CourseId.eq(id.0))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.competency_id, d.level.to_string()))
        .collect();
    let profiles = course_profile::Entity::find()
        .filter(course_profile::Column::CourseId.eq(id.0))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.profile_id)
        .collect();
    Ok(CourseInput {
        title_it: found.title_it,
        title_en: found.title_en,
        description_it: found.description_it,
        description_en: found.description_en,
        provider: found.provider,
        kind: found.kind,
        hours: found.hours.to_string(),
        validity_months: found
            .validity_months
            .map(|m| m.to_string())
            .unwrap_or_default(),
        active: found.active,
        levels,
        profiles,
    })
}

/// Whether a course other than `id` has the title `title` in `column` (ignoring case).
async fn title_taken(
    db: &impl ConnectionTrait,
    column: course::Column,
    title: &str,
    id: Option<CourseId>,
) -> Result<bool, AppError> {
    let mut found =
        course::Entity::find().filter(crate::server::same_text_ignoring_case(column, title));
    if let Some(id) = id {
        found = found.filter(course::Column::Id.ne(id.0));
    }
    Ok(found.one(db).await?.is_some())
}

/// The refusals only the catalogue can tell: a title already used, a competency or profile
/// that does not exist.
async fn check_against_catalogue(
    db: &impl ConnectionTrait,
    fields: &CourseFields,
    id: Option<CourseId>,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    if title_taken(db, course::Column::TitleIt, &fields.title_it, id).await? {
        errors.add("title_it", "course_taken");
    }
    if title_taken(db, course::Column::TitleEn, &fields.title_en, id).await? {
        errors.add("title_en", "course_taken");
    }
    choices::check_named(db, &fields.develops, &fields.profiles, &mut errors).await?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// A code no course has yet: the English title's (`course_code`), or that with `-2`, `-3`…
async fn free_code(db: &impl ConnectionTrait, title_en: &str) -> Result<String, AppError> {
    let base = course_code(title_en);
    let taken: Vec<String> = course::Entity::find()
        .filter(course::Column::Code.starts_with(&base))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    Ok((1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|code| !taken.contains(code))
        .unwrap_or(base))
}

/// Adds a course (`id` none) or changes course `id` with the competencies it develops and the
/// profiles it is mandatory for, every refusal on its field.
pub async fn save(
    db: &DatabaseConnection,
    actor: UserId,
    id: Option<CourseId>,
    input: &CourseInput,
) -> Result<CourseId, AppError> {
    let fields = input.check()?;
    if let Some(id) = id
        && course::Entity::find_by_id(id.0).one(db).await?.is_none()
    {
        return Err(AppError::NotFound);
    }
    check_against_catalogue(db, &fields, id).await?;
    let saved = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let before = match id {
                Some(id) => {
                    crate::server::certifications::compliance::RequirementTerms::of_course(tx, id.0)
                        .await?
                }
                None => None,
            };
            let now = Utc::now();
            let mut row = course::ActiveModel {
                title_it: Set(fields.title_it),
                title_en: Set(fields.title_en.clone()),
                description_it: Set(fields.description_it),
                description_en: Set(fields.description_en),
                provider: Set(fields.provider),
                kind: Set(fields.kind.as_str().to_owned()),
                hours: Set(i32::try_from(fields.hours).unwrap_or(i32::MAX)),
                validity_months: Set(fields.validity_months.and_then(|m| i32::try_from(m).ok())),
                active: Set(fields.active),
                updated_at: Set(now),
                ..Default::default()
            };
            let saved = match id {
                Some(id) => {
                    row.id = sea_orm::Unchanged(id.0);
                    row.update(tx).await?
                }
                None => {
                    row.code = Set(free_code(tx, &fields.title_en).await?);
                    row.created_at = Set(now);
                    // Two courses of the same title saved at once: the second finds its code
                    // taken, and is told so like any title already used.
                    row.insert(tx)
                        .await
                        .map_err(|error| match error.sql_err() {
                            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                                AppError::Invalid(FieldErrors::single("title_en", "course_taken"))
                            }
                            _ => error.into(),
                        })?
                }
            };
            course_competency::Entity::delete_many()
                .filter(course_competency::Column::CourseId.eq(saved.id))
                .exec(tx)
                .await?;
            for (competency, level) in fields.develops {
                course_competency::ActiveModel {
                    course_id: Set(saved.id),
                    competency_id: Set(competency),
                    level: Set(i32::from(level)),
                }
                .insert(tx)
                .await?;
            }
            course_profile::Entity::delete_many()
                .filter(course_profile::Column::CourseId.eq(saved.id))
                .exec(tx)
                .await?;
            for profile in fields.profiles {
                course_profile::ActiveModel {
                    course_id: Set(saved.id),
                    profile_id: Set(profile),
                }
                .insert(tx)
                .await?;
            }
            let after = crate::server::certifications::compliance::RequirementTerms::of_course(
                tx, saved.id,
            )
            .await?;
            crate::server::certifications::compliance::requirement_changed(
                tx,
                before,
                after.unwrap_or_default(),
            )
            .await?;
            Ok(CourseId(saved.id))
        })
    })
    .await?;
    tracing::info!(user_id = %actor, course_id = %saved, created = id.is_none(), "course saved");
    Ok(saved)
}
