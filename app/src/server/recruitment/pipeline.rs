//! The candidate pipeline: an opening's board, and moving applications between stages with
//! every move recorded (who, when, from, to, why).

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::{
    AppError, ApplicationId, Board, BoardCard, CandidateId, FieldErrors, MoveInput, OpeningId,
    Stage,
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

/// Moves an application to another stage and records the move. A move to Hired is the hire
/// (`employees::hiring`), which asks for more: refused here on `to` (`hire_on_form`).
pub async fn move_to(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    id: ApplicationId,
    input: MoveInput,
) -> Result<(), AppError> {
    input.check()?;
    if input.to == Stage::Hired {
        return Err(AppError::Invalid(FieldErrors::single("to", "hire_on_form")));
    }
    let found = application::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.stage == input.to.as_str() {
        return Ok(());
    }
    let actor_id = actor.id.0;
    crate::server::write(db, |tx| {
        Box::pin(async move { record_move(tx, found, input.to, &input.reason, actor_id).await })
    })
    .await?;
    tracing::info!(application_id = %id, to = input.to.as_str(), "application moved");
    Ok(())
}

/// Moves `found` to `to` with `reason`, by `actor_id`, and records the move; refused
/// (`stage_changed`) when someone else moved it meanwhile.
pub async fn record_move(
    tx: &impl ConnectionTrait,
    found: application::Model,
    to: Stage,
    reason: &str,
    actor_id: i32,
) -> Result<(), AppError> {
    let now = Utc::now();
    let reason = Some(reason.trim().to_owned()).filter(|r| !r.is_empty());
    let moved = application::Entity::update_many()
        .col_expr(application::Column::Stage, Expr::value(to.as_str()))
        .col_expr(
            application::Column::StageReason,
            Expr::value(reason.clone()),
        )
        .col_expr(application::Column::StageChangedAt, Expr::value(now))
        .col_expr(application::Column::UpdatedAt, Expr::value(now))
        .filter(application::Column::Id.eq(found.id))
        .filter(application::Column::Stage.eq(found.stage.as_str()))
        .exec(tx)
        .await?;
    if moved.rows_affected != 1 {
        return Err(AppError::Invalid(FieldErrors::single(
            "form",
            "stage_changed",
        )));
    }
    stage_event::ActiveModel {
        application_id: Set(found.id),
        from_stage: Set(Some(found.stage)),
        to_stage: Set(to.as_str().to_owned()),
        reason: Set(reason),
        actor_id: Set(Some(actor_id)),
        at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(())
}
