//! The certification catalogue: every certification with the competencies it proves and the
//! job profiles that require it, in a fixed number of statements; and HR's form to add one or
//! change it.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::{
    AppError, CertificationFields, CertificationForm, CertificationId, CertificationInput,
    CertificationSummary, Develops, UserId,
};
use crate::server::entities::{
    certification, certification_competency, certification_profile, competency, job_profile,
};
use crate::server::framework::choices;

/// Summaries of `found`, in the given order.
async fn summaries(
    db: &impl ConnectionTrait,
    found: Vec<certification::Model>,
) -> Result<Vec<CertificationSummary>, AppError> {
    let ids: Vec<i32> = found.iter().map(|c| c.id).collect();
    let proves = certification_competency::Entity::find()
        .filter(certification_competency::Column::CertificationId.is_in(ids.clone()))
        .all(db)
        .await?;
    let competencies: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(proves.iter().map(|p| p.competency_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let required = certification_profile::Entity::find()
        .filter(certification_profile::Column::CertificationId.is_in(ids))
        .all(db)
        .await?;
    let profiles: HashMap<i32, job_profile::Model> = job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(required.iter().map(|r| r.profile_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(found
        .into_iter()
        .map(|c| {
            let mut proven: Vec<Develops> = proves
                .iter()
                .filter(|p| p.certification_id == c.id)
                .filter_map(|p| {
                    let name = competencies.get(&p.competency_id)?;
                    Some(Develops {
                        name_it: name.name_it.clone(),
                        name_en: name.name_en.clone(),
                        level: u8::try_from(p.level).unwrap_or(0),
                    })
                })
                .collect();
            proven.sort_by(|a, b| a.name_en.cmp(&b.name_en));
            let mut required_for: Vec<(String, String)> = required
                .iter()
                .filter(|r| r.certification_id == c.id)
                .filter_map(|r| profiles.get(&r.profile_id))
                .map(|p| (p.title_it.clone(), p.title_en.clone()))
                .collect();
            required_for.sort_by(|a, b| a.1.cmp(&b.1));
            CertificationSummary {
                id: CertificationId(c.id),
                name_it: c.name_it,
                name_en: c.name_en,
                issuer: c.issuer,
                validity_months: c.validity_months.and_then(|m| u32::try_from(m).ok()),
                active: c.active,
                proves: proven,
                required_for,
            }
        })
        .collect())
}

/// The catalogue by English name: the active certifications, and with `retired` those no
/// longer offered too.
pub async fn list(
    db: &impl ConnectionTrait,
    retired: bool,
) -> Result<Vec<CertificationSummary>, AppError> {
    let mut found = certification::Entity::find().order_by_asc(certification::Column::NameEn);
    if !retired {
        found = found.filter(certification::Column::Active.eq(true));
    }
    summaries(db, found.all(db).await?).await
}

/// HR's form for certification `id`, or for a new one, with every competency and profile.
pub async fn form(
    db: &impl ConnectionTrait,
    id: Option<CertificationId>,
) -> Result<CertificationForm, AppError> {
    let input = match id {
        None => CertificationInput {
            active: true,
            ..Default::default()
        },
        Some(id) => {
            let found = certification::Entity::find_by_id(id.0)
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?;
            let levels = certification_competency::Entity::find()
                .filter(certification_competency::Column::CertificationId.eq(id.0))
                .all(db)
                .await?
                .into_iter()
                .map(|p| (p.competency_id, p.level.to_string()))
                .collect();
            let profiles = certification_profile::Entity::find()
                .filter(certification_profile::Column::CertificationId.eq(id.0))
                .all(db)
                .await?
                .into_iter()
                .map(|r| r.profile_id)
                .collect();
            CertificationInput {
                name_it: found.name_it,
                name_en: found.name_en,
                issuer: found.issuer,
                validity_months: found
                    .validity_months
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                active: found.active,
                levels,
                profiles,
            }
        }
    };
    let linked = input.levels.iter().map(|(c, _)| *c).collect();
    let competencies = choices::competencies(db, linked).await?;
    let profiles = choices::profiles(db).await?;
    Ok(CertificationForm {
        id,
        input,
        competencies,
        profiles,
    })
}

/// Whether another certification than `id` is called `name` in `column` (ignoring case).
async fn name_taken(
    db: &impl ConnectionTrait,
    column: certification::Column,
    name: &str,
    id: Option<CertificationId>,
) -> Result<bool, AppError> {
    let mut found =
        certification::Entity::find().filter(crate::server::same_text_ignoring_case(column, name));
    if let Some(id) = id {
        found = found.filter(certification::Column::Id.ne(id.0));
    }
    Ok(found.one(db).await?.is_some())
}

/// The refusals of names already used and of competencies or profiles that do not exist.
async fn check_against_catalogue(
    db: &impl ConnectionTrait,
    fields: &CertificationFields,
    id: Option<CertificationId>,
) -> Result<(), AppError> {
    let mut errors = crate::model::FieldErrors::default();
    if name_taken(db, certification::Column::NameIt, &fields.name_it, id).await? {
        errors.add("name_it", "certification_taken");
    }
    if name_taken(db, certification::Column::NameEn, &fields.name_en, id).await? {
        errors.add("name_en", "certification_taken");
    }
    choices::check_named(db, &fields.proves, &fields.profiles, &mut errors).await?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// Adds a certification (`id` none) or changes certification `id` with its competencies and
/// profiles, every refusal on its field.
pub async fn save(
    db: &DatabaseConnection,
    actor: UserId,
    id: Option<CertificationId>,
    input: &CertificationInput,
) -> Result<CertificationId, AppError> {
    let fields = input.check()?;
    if let Some(id) = id
        && certification::Entity::find_by_id(id.0)
            .one(db)
            .await?
            .is_none()
    {
        return Err(AppError::NotFound);
    }
    check_against_catalogue(db, &fields, id).await?;
    let saved = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let before = match id {
                Some(id) => super::compliance::RequirementTerms::of_certification(tx, id.0).await?,
                None => None,
            };
            let now = Utc::now();
            let validity = fields.validity_months.and_then(|m| i32::try_from(m).ok());
            let row = certification::ActiveModel {
                name_it: Set(fields.name_it),
                name_en: Set(fields.name_en),
                issuer: Set(fields.issuer),
                validity_months: Set(validity),
                active: Set(fields.active),
                updated_at: Set(now),
                ..Default::default()
            };
            let saved = match id {
                Some(id) => {
                    let mut row = row;
                    row.id = sea_orm::Unchanged(id.0);
                    row.update(tx).await?
                }
                None => {
                    let mut row = row;
                    row.code = Set(None);
                    row.created_at = Set(now);
                    row.insert(tx).await?
                }
            };
            certification_competency::Entity::delete_many()
                .filter(certification_competency::Column::CertificationId.eq(saved.id))
                .exec(tx)
                .await?;
            for (competency, level) in fields.proves {
                certification_competency::ActiveModel {
                    certification_id: Set(saved.id),
                    competency_id: Set(competency),
                    level: Set(i32::from(level)),
                }
                .insert(tx)
                .await?;
            }
            certification_profile::Entity::delete_many()
                .filter(certification_profile::Column::CertificationId.eq(saved.id))
                .exec(tx)
                .await?;
            for profile in fields.profiles {
                certification_profile::ActiveModel {
                    certification_id: Set(saved.id),
                    profile_id: Set(profile),
                }
                .insert(tx)
                .await?;
            }
            let after = super::compliance::RequirementTerms::of_certification(tx, saved.id).await?;
            super::compliance::requirement_changed(tx, before, after.unwrap_or_default()).await?;
            Ok(CertificationId(saved.id))
        })
    })
    .await?;
    tracing::info!(user_id = %actor, certification_id = %saved, created = id.is_none(), "certification saved");
    Ok(saved)
}
