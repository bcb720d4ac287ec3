//! Interview kits: for a job profile, its competencies with weight and required level, each
//! level's behaviour description, and the suggested questions, which HR edit per profile.

use std::collections::BTreeSet;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::{
    AppError, FieldErrors, JobProfileId, Kit, KitCompetency, QuestionsInput, validate,
};
use crate::server::entities::{
    competency, competency_level, job_profile, profile_question, profile_requirement,
};

/// The kit for profile `id`, competencies by weight (heaviest first), then name.
pub async fn for_profile(db: &impl ConnectionTrait, id: JobProfileId) -> Result<Kit, AppError> {
    let profile = job_profile::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let requirements = profile_requirement::Entity::find()
        .filter(profile_requirement::Column::ProfileId.eq(id.0))
        .all(db)
        .await?;
    let ids: Vec<i32> = requirements.iter().map(|r| r.competency_id).collect();
    let competencies = competency::Entity::find()
        .filter(competency::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    let levels = competency_level::Entity::find()
        .filter(competency_level::Column::CompetencyId.is_in(ids))
        .order_by_asc(competency_level::Column::Level)
        .all(db)
        .await?;
    let questions = profile_question::Entity::find()
        .filter(profile_question::Column::ProfileId.eq(id.0))
        .order_by_asc(profile_question::Column::Position)
        .order_by_asc(profile_question::Column::Id)
        .all(db)
        .await?;
    let mut kit: Vec<KitCompetency> = requirements
        .iter()
        .filter_map(|r| {
            let c = competencies.iter().find(|c| c.id == r.competency_id)?;
            Some(KitCompetency {
                id: crate::model::CompetencyId(c.id),
                name_it: c.name_it.clone(),
                name_en: c.name_en.clone(),
                weight: u8::try_from(r.weight).unwrap_or(0),
                required_level: u8::try_from(r.required_level).unwrap_or(0),
                levels: levels
                    .iter()
                    .filter(|l| l.competency_id == c.id)
                    .map(|l| (l.description_it.clone(), l.description_en.clone()))
                    .collect(),
                questions: questions
                    .iter()
                    .filter(|q| q.competency_id == c.id)
                    .map(|q| (q.text_it.clone(), q.text_en.clone()))
                    .collect(),
            })
        })
        .collect();
    kit.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then_with(|| a.name_en.cmp(&b.name_en))
    });
    Ok(Kit {
        profile_id: id,
        profile_title_it: profile.title_it,
        profile_title_en: profile.title_en,
        competencies: kit,
    })
}

/// Replaces profile `id`'s suggested questions with `input`'s, in order. Each question must be
/// for a competency the profile requires.
pub async fn save_questions(
    db: &DatabaseConnection,
    id: JobProfileId,
    input: QuestionsInput,
) -> Result<(), AppError> {
    validate(&input)?;
    job_profile::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let required: BTreeSet<i32> = profile_requirement::Entity::find()
        .filter(profile_requirement::Column::ProfileId.eq(id.0))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.competency_id)
        .collect();
    if let Some(index) = input
        .questions
        .iter()
        .position(|q| !required.contains(&q.competency_id.0))
    {
        return Err(AppError::Invalid(FieldErrors::single(
            &format!("questions.{index}.competency_id"),
            "not_in_profile",
        )));
    }
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            profile_question::Entity::delete_many()
                .filter(profile_question::Column::ProfileId.eq(id.0))
                .exec(tx)
                .await?;
            for (position, question) in input.questions.into_iter().enumerate() {
                profile_question::ActiveModel {
                    profile_id: Set(id.0),
                    competency_id: Set(question.competency_id.0),
                    position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
                    text_it: Set(question.text_it.trim().to_owned()),
                    text_en: Set(question.text_en.trim().to_owned()),
                    ..Default::default()
                }
                .insert(tx)
                .await?;
            }
            Ok(())
        })
    })
    .await?;
    tracing::info!(profile_id = %id, "interview questions saved");
    Ok(())
}
