//! Grading a practical test: its grader gives every criterion points (0 to its maximum) with
//! notes, and overall notes; the test then passes when its points reach the pass mark, and is
//! locked.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::refuse;
use crate::model::{AppError, GradingInput, PracticalTestId, TestStatus, validate};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{practical_test, practical_test_criterion};

/// Grades test `id` as its grader `me`; answers whether it passed. Refused: anyone but its
/// grader, a test already graded, a criterion missing or not of this test, points above a
/// criterion's maximum (each on its own field, with the maximum).
pub async fn grade(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: PracticalTestId,
    input: GradingInput,
) -> Result<bool, AppError> {
    validate(&input)?;
    let me = me.clone();
    let passed = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let test = practical_test::Entity::find_by_id(id.0)
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            if test.grader_id != me.id.0 {
                tracing::warn!(user_id = %me.id, test_id = %id, "grading refused: not the grader");
                return Err(AppError::Forbidden);
            }
            // Of two gradings at once, the second finds the test graded (on PostgreSQL it waits
            // for the first's row lock, then sees its outcome).
            let held = practical_test::Entity::update_many()
                .col_expr(
                    practical_test::Column::UpdatedAt,
                    sea_orm::sea_query::Expr::value(Utc::now()),
                )
                .filter(practical_test::Column::Id.eq(test.id))
                .filter(practical_test::Column::Status.eq(TestStatus::Assigned.as_str()))
                .exec(tx)
                .await?;
            if held.rows_affected != 1 {
                return Err(refuse("form", "test_graded"));
            }
            let criteria = practical_test_criterion::Entity::find()
                .filter(practical_test_criterion::Column::TestId.eq(test.id))
                .order_by_asc(practical_test_criterion::Column::Position)
                .all(tx)
                .await?;
            let mut errors = crate::model::FieldErrors::default();
            let mut total = 0;
            for (index, criterion) in criteria.iter().enumerate() {
                let score = input
                    .scores
                    .iter()
                    .position(|s| s.criterion_id.0 == criterion.id);
                let field = format!("scores.{}.points", score.unwrap_or(index));
                match score.and_then(|at| input.scores[at].points) {
                    None => {
                        errors
                            .0
                            .insert(field, crate::model::FieldError::new("required"));
                    }
                    Some(points) if i32::from(points) > criterion.max_points => {
                        errors.0.insert(
                            field,
                            crate::model::FieldError {
                                code: "points_above_max".into(),
                                param: Some(i64::from(criterion.max_points)),
                            },
                        );
                    }
                    Some(points) => total += i32::from(points),
                }
            }
            if let Some(index) = input
                .scores
                .iter()
                .position(|s| !criteria.iter().any(|c| c.id == s.criterion_id.0))
            {
                errors.0.insert(
                    format!("scores.{index}.criterion_id"),
                    crate::model::FieldError::new("not_found"),
                );
            }
            if !errors.is_empty() {
                return Err(AppError::Invalid(errors));
            }
            for criterion in criteria {
                let Some(score) = input
                    .scores
                    .iter()
                    .find(|s| s.criterion_id.0 == criterion.id)
                else {
                    continue;
                };
                let mut model: practical_test_criterion::ActiveModel = criterion.into();
                model.points = Set(score.points.map(i32::from));
                model.notes = Set(score.notes.trim().to_owned());
                model.update(tx).await?;
            }
            let passed = total >= test.pass_mark;
            let now = Utc::now();
            let application = test.application_id;
            let mut model: practical_test::ActiveModel = test.into();
            model.status = Set(TestStatus::Graded.as_str().to_owned());
            model.passed = Set(Some(passed));
            model.notes = Set(input.notes.trim().to_owned());
            model.graded_at = Set(Some(now));
            model.updated_at = Set(now);
            model.update(tx).await?;
            crate::server::assessments::scores::refresh(tx, [application]).await?;
            Ok(passed)
        })
    })
    .await?;
    tracing::info!(test_id = %id, passed, "practical test graded");
    Ok(passed)
}
