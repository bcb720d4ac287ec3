//! Demo practical tests, so a first look shows every state: one to grade, one overdue, one
//! passed and one failed. Due dates are set around the day the demo is loaded.

use chrono::{TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::{grading, practical};
use crate::model::{
    AppError, ApplicationId, AssignTestInput, GradingInput, PracticalTemplateId, PracticalTestId,
    ScoreInput, TestCriterionId,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{
    application, candidate, practical_template, practical_test, practical_test_criterion,
};

async fn application_of(db: &DatabaseConnection, email: &str) -> Result<ApplicationId, AppError> {
    let person = candidate::Entity::find()
        .filter(candidate::Column::Email.eq(email))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let found = application::Entity::find()
        .filter(application::Column::CandidateId.eq(person.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ApplicationId(found.id))
}

async fn template(
    db: &DatabaseConnection,
    title_en: &str,
) -> Result<PracticalTemplateId, AppError> {
    practical_template::Entity::find()
        .filter(practical_template::Column::TitleEn.eq(title_en))
        .one(db)
        .await?
        .map(|t| PracticalTemplateId(t.id))
        .ok_or(AppError::NotFound)
}

async fn assign(
    db: &DatabaseConnection,
    hr: &CurrentUser,
    email: &str,
    title_en: &str,
    grader: &CurrentUser,
    due_in_days: i64,
) -> Result<PracticalTestId, AppError> {
    let input = AssignTestInput {
        application_id: application_of(db, email).await?,
        template_id: template(db, title_en).await?,
        grader_id: grader.id,
        due_on: (Utc::now() + TimeDelta::days(due_in_days))
            .date_naive()
            .to_string(),
    };
    Ok(practical::assign(db, hr, input).await?.id)
}

/// Grades test `id` as `grader`, giving each criterion in turn `points` (capped at its
/// maximum).
async fn grade(
    db: &DatabaseConnection,
    grader: &CurrentUser,
    id: PracticalTestId,
    points: &[u16],
    notes: &str,
) -> Result<(), AppError> {
    let criteria = practical_test_criterion::Entity::find()
        .filter(practical_test_criterion::Column::TestId.eq(id.0))
        .all(db)
        .await?;
    let scores = criteria
        .iter()
        .zip(points)
        .map(|(c, p)| ScoreInput {
            criterion_id: TestCriterionId(c.id),
            points: Some((*p).min(u16::try_from(c.max_points).unwrap_or(0))),
            notes: String::new(),
        })
        .collect();
    let input = GradingInput {
        scores,
        notes: notes.to_owned(),
    };
    grading::grade(db, grader, id, input).await?;
    Ok(())
}

/// Loads the demo tests, assigned by `hr` and graded by `grader` (or `hr`).
pub async fn seed(
    db: &DatabaseConnection,
    hr: &CurrentUser,
    grader: &CurrentUser,
) -> Result<(), AppError> {
    const ROLE_PLAY: &str = "Handling a complaint (role-play)";
    const INVOICE: &str = "Reconciling an invoice against an order";
    assign(db, hr, "sofia.ricci@example.it", ROLE_PLAY, grader, 2).await?;

    let overdue = assign(db, hr, "chiara.lombardi@example.it", INVOICE, grader, 0).await?;
    // Assigning refuses a past date; the demo moves this one back as time would have.
    if let Some(test) = practical_test::Entity::find_by_id(overdue.0)
        .one(db)
        .await?
    {
        let mut model: practical_test::ActiveModel = test.into();
        model.due_on = Set((Utc::now() - TimeDelta::days(2)).date_naive());
        model.update(db).await?;
    }

    let passed = assign(db, hr, "lorenzo.colombo@example.it", ROLE_PLAY, grader, 1).await?;
    grade(
        db,
        grader,
        passed,
        &[5, 4, 4, 3],
        "Calmo e cortese; ha proposto subito un rimborso parziale.",
    )
    .await?;

    let failed = assign(db, hr, "martina.fontana@example.it", INVOICE, hr, 1).await?;
    grade(
        db,
        hr,
        failed,
        &[4, 2, 3],
        "Ha trovato due differenze su quattro; IVA calcolata sul lordo.",
    )
    .await
}
