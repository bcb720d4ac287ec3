//! The candidate pipeline: an opening's board, and moving applications between stages with
//! every move recorded (who, when, from, to, why).

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::model::{
    AppError, ApplicationId, Board, BoardCard, CandidateId, MoveInput, OpeningId, Stage,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{application, candidate, stage_event};

/// An opening's board: every application with its candidate, in two queries plus the opening.
pub async fn board(db: &DatabaseConnection, opening_id: OpeningId) -> Result<Board, AppError> {
    let heading = super::openings::heading(db, opening_id).await?;
    let now = Utc::now();
    let rows = application::Entity::find()
        .filter(application::Column::OpeningId.eq(opening_id.0))
        .find_also_related(candidate::Entity)
        .order_by_asc(application::Column::StageChangedAt)
        .order_by_asc(application::Column::Id)
        .all(db)
        .await?;
    let cards = rows
        .into_iter()
        .filter_map(|(a, c)| {
            let c = c?;
            Some(BoardCard {
                application_id: ApplicationId(a.id),
                candidate_id: CandidateId(c.id),
                name: c.name,
                stage: Stage::parse(&a.stage).unwrap_or(Stage::Applied),
                days_in_stage: (now - a.stage_changed_at).num_days(),
                reason: a.stage_reason,
            })
        })
        .collect();
    Ok(Board {
        opening_id,
        title_it: heading.title_it,
        title_en: heading.title_en,
        location: heading.location,
        cards,
    })
}

/// Moves an application to another stage and records the move.
pub async fn move_to(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    id: ApplicationId,
    input: MoveInput,
) -> Result<(), AppError> {
    input.check()?;
    let found = application::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let from = found.stage.clone();
    if from == input.to.as_str() {
        return Ok(());
    }
    let actor_id = actor.id.0;
    crate::server::write(db, |tx| {
        Box::pin(async move {
            let now = Utc::now();
            let reason = Some(input.reason.trim().to_owned()).filter(|r| !r.is_empty());
            let mut model: application::ActiveModel = found.into();
            model.stage = Set(input.to.as_str().to_owned());
            model.stage_reason = Set(reason.clone());
            model.stage_changed_at = Set(now);
            model.updated_at = Set(now);
            model.update(tx).await?;
            stage_event::ActiveModel {
                application_id: Set(id.0),
                from_stage: Set(Some(from)),
                to_stage: Set(input.to.as_str().to_owned()),
                reason: Set(reason),
                actor_id: Set(Some(actor_id)),
                at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            Ok(())
        })
    })
    .await?;
    tracing::info!(application_id = %id, to = input.to.as_str(), "application moved");
    Ok(())
}
