//! One candidate's page (profile, files, applications, history) and file downloads, each
//! download written to the audit log.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::audit;
use super::entities::{
    application, candidate, candidate_file, job_profile, opening, stage_event, user,
};
use super::files::FileStore;
use crate::model::{
    AppError, ApplicationId, CandidateApplicationView, CandidateDetail, CandidateFileView,
    CandidateId, FileId, OpeningId, Stage, TimelineEntry, UserId,
};

/// Everything about one candidate, in a fixed number of queries.
pub async fn detail(db: &DatabaseConnection, id: CandidateId) -> Result<CandidateDetail, AppError> {
    let person = candidate::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let files = candidate_file::Entity::find()
        .filter(candidate_file::Column::CandidateId.eq(id.0))
        .order_by_desc(candidate_file::Column::CreatedAt)
        .all(db)
        .await?;
    let applications = application::Entity::find()
        .filter(application::Column::CandidateId.eq(id.0))
        .order_by_desc(application::Column::CreatedAt)
        .all(db)
        .await?;
    let opening_ids: Vec<i32> = applications.iter().map(|a| a.opening_id).collect();
    let openings: HashMap<i32, opening::Model> = opening::Entity::find()
        .filter(opening::Column::Id.is_in(opening_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let profile_ids: Vec<i32> = openings.values().map(|o| o.profile_id).collect();
    let profiles: HashMap<i32, job_profile::Model> = job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(profile_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let title = |opening_id: i32| {
        openings
            .get(&opening_id)
            .and_then(|o| profiles.get(&o.profile_id))
            .map(|p| (p.title_it.clone(), p.title_en.clone()))
            .unwrap_or_default()
    };
    let application_ids: Vec<i32> = applications.iter().map(|a| a.id).collect();
    let events = stage_event::Entity::find()
        .filter(stage_event::Column::ApplicationId.is_in(application_ids))
        .order_by_desc(stage_event::Column::At)
        .order_by_desc(stage_event::Column::Id)
        .all(db)
        .await?;
    let actor_ids: Vec<i32> = events.iter().filter_map(|e| e.actor_id).collect();
    let actors: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(actor_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let opening_of: HashMap<i32, i32> = applications.iter().map(|a| (a.id, a.opening_id)).collect();

    Ok(CandidateDetail {
        id,
        files: files
            .into_iter()
            .map(|f| CandidateFileView {
                id: FileId(f.id),
                kind: f.kind,
                name: f.original_name,
                size_bytes: f.size_bytes,
                text_extracted: f.text_extracted,
                uploaded_at: f.created_at,
            })
            .collect(),
        timeline: events
            .into_iter()
            .map(|e| {
                let (title_it, title_en) =
                    title(opening_of.get(&e.application_id).copied().unwrap_or(0));
                TimelineEntry {
                    at: e.at,
                    title_it,
                    title_en,
                    from: e.from_stage.as_deref().and_then(Stage::parse),
                    to: Stage::parse(&e.to_stage).unwrap_or(Stage::Applied),
                    reason: e.reason,
                    actor_name: e.actor_id.and_then(|a| actors.get(&a).cloned()),
                }
            })
            .collect(),
        applications: applications
            .into_iter()
            .map(|a| {
                let (title_it, title_en) = title(a.opening_id);
                CandidateApplicationView {
                    id: ApplicationId(a.id),
                    opening_id: OpeningId(a.opening_id),
                    title_it,
                    title_en,
                    location: openings
                        .get(&a.opening_id)
                        .map(|o| o.location.clone())
                        .unwrap_or_default(),
                    stage: Stage::parse(&a.stage).unwrap_or(Stage::Applied),
                    source: a.source,
                    applied_at: a.created_at,
                }
            })
            .collect(),
        name: person.name,
        email: person.email,
        phone: person.phone,
        education: person.education,
        experience: person.experience,
        talent_pool: person.talent_pool,
        consent_at: person.consent_at,
        consent_notice_version: person.consent_notice_version,
    })
}

/// A file ready to send: its name, type and bytes.
#[derive(Debug)]
pub struct Download {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Reads a candidate file for `actor`, recording the download in the audit log.
pub async fn download(
    db: &DatabaseConnection,
    files: &FileStore,
    actor: UserId,
    id: FileId,
) -> Result<Download, AppError> {
    let file = candidate_file::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let bytes = files.read(&file.stored_name).await?;
    audit::record(
        db,
        actor,
        audit::Action::FileDownloaded,
        "candidate_file",
        file.id,
    )
    .await?;
    tracing::info!(file_id = file.id, user_id = %actor, "candidate file downloaded");
    Ok(Download {
        name: file.original_name,
        content_type: file.content_type,
        bytes,
    })
}
