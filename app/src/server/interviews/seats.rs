//! The panelists' seats as "My interviews" reads them: each seat keeps its interview's start
//! and whether it is done for that panelist (their scorecard submitted, or the interview
//! cancelled), refreshed whenever the interview or a scorecard changes.

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::model::{AppError, InterviewStatus};
use crate::server::entities::{interview, interview_interviewer, scorecard};

/// Brings the seats of interview `id` up to date with it and its scorecards: run it in the
/// transaction that changes either.
pub async fn refresh(db: &impl ConnectionTrait, id: i32) -> Result<(), AppError> {
    // Locked, so that two refreshes of one interview (two panelists submitting at once) take
    // turns, each seeing the other's scorecard.
    // Not FOR UPDATE: a scorecard just inserted holds a key-share lock on the interview.
    let Some(found) = interview::Entity::find_by_id(id)
        .lock(sea_orm::sea_query::LockType::NoKeyUpdate)
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let done = if found.status == InterviewStatus::Cancelled.as_str() {
        Expr::value(true)
    } else {
        Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(scorecard::Entity)
                .and_where(scorecard::Column::InterviewId.eq(id))
                .and_where(
                    Expr::col((scorecard::Entity, scorecard::Column::InterviewerId)).equals((
                        interview_interviewer::Entity,
                        interview_interviewer::Column::UserId,
                    )),
                )
                .and_where(scorecard::Column::SubmittedAt.is_not_null())
                .to_owned(),
        )
    };
    interview_interviewer::Entity::update_many()
        .col_expr(
            interview_interviewer::Column::StartsAt,
            Expr::value(Some(found.starts_at)),
        )
        .col_expr(interview_interviewer::Column::Done, done)
        .filter(interview_interviewer::Column::InterviewId.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
