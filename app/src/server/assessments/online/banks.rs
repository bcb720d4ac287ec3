//! Banks of online questions: HR list, write and retire them; each belongs to one or more job
//! profiles, and each question to a competency. Tests already sent keep the questions they
//! were sent with, so a bank can change freely.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::{
    AppError, CompetencyId, JobProfileId, OnlineQuestionInput, OnlineTemplateEditor,
    OnlineTemplateId, OnlineTemplateInput, OnlineTemplateSummary, QuestionBody,
};
use crate::server::assessments::refuse;
use crate::server::entities::{
    competency, job_profile, online_question, online_template, online_template_profile, online_test,
};

/// Every bank, active ones first, then by English title.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<OnlineTemplateSummary>, AppError> {
    let banks = online_template::Entity::find()
        .order_by_desc(online_template::Column::Active)
        .order_by_asc(online_template::Column::TitleEn)
        .all(db)
        .await?;
    let links = online_template_profile::Entity::find().all(db).await?;
    let profiles: HashMap<i32, job_profile::Model> = job_profile::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let questions = online_question::Entity::find().all(db).await?;
    let tests = online_test::Entity::find().all(db).await?;
    Ok(banks
        .into_iter()
        .map(|b| {
            let own: Vec<_> = questions.iter().filter(|q| q.template_id == b.id).collect();
            OnlineTemplateSummary {
                id: OnlineTemplateId(b.id),
                profiles: links
                    .iter()
                    .filter(|l| l.template_id == b.id)
                    .filter_map(|l| profiles.get(&l.profile_id))
                    .map(|p| (p.title_it.clone(), p.title_en.clone()))
                    .collect(),
                questions: u32::try_from(own.len()).unwrap_or(0),
                total: own
                    .iter()
                    .map(|q| u32::try_from(q.points).unwrap_or(0))
                    .sum(),
                pass_mark: u32::try_from(b.pass_mark).unwrap_or(0),
                time_limit_minutes: u32::try_from(b.time_limit_minutes).unwrap_or(0),
                active: b.active,
                sent: u32::try_from(tests.iter().filter(|t| t.template_id == b.id).count())
                    .unwrap_or(0),
                title_it: b.title_it,
                title_en: b.title_en,
            }
        })
        .collect())
}

/// Bank `id` as its editor fills in.
async fn input(db: &impl ConnectionTrait, id: i32) -> Result<OnlineTemplateInput, AppError> {
    let bank = online_template::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile_ids = online_template_profile::Entity::find()
        .filter(online_template_profile::Column::TemplateId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| JobProfileId(l.profile_id))
        .collect();
    let questions = online_question::Entity::find()
        .filter(online_question::Column::TemplateId.eq(id))
        .order_by_asc(online_question::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|q| {
            let body = serde_json::from_str::<QuestionBody>(&q.body).map_err(|error| {
                tracing::error!(%error, question = q.id, "a bank's question does not parse");
                AppError::Internal
            })?;
            Ok(OnlineQuestionInput {
                competency_id: CompetencyId(q.competency_id),
                points: u16::try_from(q.points).unwrap_or(0),
                prompt_it: q.prompt_it,
                prompt_en: q.prompt_en,
                body,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(OnlineTemplateInput {
        title_it: bank.title_it,
        title_en: bank.title_en,
        instructions_it: bank.instructions_it,
        instructions_en: bank.instructions_en,
        time_limit_minutes: u16::try_from(bank.time_limit_minutes).unwrap_or(0),
        pass_mark: u16::try_from(bank.pass_mark).unwrap_or(0),
        active: bank.active,
        profile_ids,
        questions,
    })
}

/// The editor of bank `id` (a new one when `None`), with every profile and competency.
pub async fn editor(
    db: &impl ConnectionTrait,
    id: Option<OnlineTemplateId>,
) -> Result<OnlineTemplateEditor, AppError> {
    let template = match id {
        Some(id) => Some(input(db, id.0).await?),
        None => None,
    };
    let choices = crate::server::assessments::templates::editor(db, None).await?;
    Ok(OnlineTemplateEditor {
        template,
        profiles: choices.profiles,
        competencies: choices.competencies,
    })
}

/// Refuses profiles and competencies that do not exist, each on its field.
async fn check_references(
    db: &impl ConnectionTrait,
    input: &OnlineTemplateInput,
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
    for (index, question) in input.questions.iter().enumerate() {
        if competency::Entity::find_by_id(question.competency_id.0)
            .one(db)
            .await?
            .is_none()
        {
            return Err(refuse(
                &format!("questions.{index}.competency_id"),
                "not_found",
            ));
        }
    }
    Ok(())
}

/// Writes `input`'s profiles and questions for bank `id`, replacing any there were.
async fn write_parts(
    db: &impl ConnectionTrait,
    id: i32,
    input: &OnlineTemplateInput,
) -> Result<(), AppError> {
    online_template_profile::Entity::delete_many()
        .filter(online_template_profile::Column::TemplateId.eq(id))
        .exec(db)
        .await?;
    let mut profiles: Vec<i32> = input.profile_ids.iter().map(|p| p.0).collect();
    profiles.sort_unstable();
    profiles.dedup();
    for profile_id in profiles {
        online_template_profile::ActiveModel {
            template_id: Set(id),
            profile_id: Set(profile_id),
        }
        .insert(db)
        .await?;
    }
    online_question::Entity::delete_many()
        .filter(online_question::Column::TemplateId.eq(id))
        .exec(db)
        .await?;
    for (position, question) in input.questions.iter().enumerate() {
        let body = serde_json::to_string(&question.body).map_err(|error| {
            tracing::error!(%error, "cannot write a question");
            AppError::Internal
        })?;
        online_question::ActiveModel {
            template_id: Set(id),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            competency_id: Set(question.competency_id.0),
            points: Set(i32::from(question.points)),
            prompt_it: Set(question.prompt_it.trim().to_owned()),
            prompt_en: Set(question.prompt_en.trim().to_owned()),
            body: Set(body),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Creates bank `input` (when `id` is none) or replaces bank `id` with it; answers its id.
pub async fn save(
    db: &DatabaseConnection,
    id: Option<OnlineTemplateId>,
    mut input: OnlineTemplateInput,
) -> Result<OnlineTemplateId, AppError> {
    // A typing text shows on one line of prose: its line breaks and runs of spaces are one
    // space, as the candidate sees them.
    for question in &mut input.questions {
        if let QuestionBody::Typing { text, .. } = &mut question.body {
            *text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    }
    input.check()?;
    check_references(db, &input).await?;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let now = Utc::now();
            let saved = match id {
                Some(id) => {
                    let found = online_template::Entity::find_by_id(id.0)
                        .one(tx)
                        .await?
                        .ok_or(AppError::NotFound)?;
                    let mut model: online_template::ActiveModel = found.into();
                    model.title_it = Set(input.title_it.trim().to_owned());
                    model.title_en = Set(input.title_en.trim().to_owned());
                    model.instructions_it = Set(input.instructions_it.trim().to_owned());
                    model.instructions_en = Set(input.instructions_en.trim().to_owned());
                    model.time_limit_minutes = Set(i32::from(input.time_limit_minutes));
                    model.pass_mark = Set(i32::from(input.pass_mark));
                    model.active = Set(input.active);
                    model.updated_at = Set(now);
                    model.update(tx).await?
                }
                None => {
                    online_template::ActiveModel {
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
                    .await?
                }
            };
            write_parts(tx, saved.id, &input).await?;
            Ok(OnlineTemplateId(saved.id))
        })
    })
    .await
}
