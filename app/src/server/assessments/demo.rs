//! Demo tests, so a first look shows every state. Practical: one started (its materials
//! mailed to the candidate), one overdue, one passed and one failed, due around the day the
//! demo is loaded. Online: one sent and not
//! started, one in progress, one handed in with a short answer to grade, one passed and one
//! failed.

use chrono::{TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::online::{review, send, take};
use super::{grading, practical};
use crate::model::{
    Answer, AnswerGrading, AnswerScore, AppError, ApplicationId, AssignTestInput, GradingInput,
    LINK_DAYS, OnlineItemId, OnlineTemplateId, PracticalTemplateId, PracticalTestId, ScoreInput,
    SendTestInput, TestCriterionId,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{
    application, candidate, online_template, online_test_item, practical_template, practical_test,
    practical_test_criterion,
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

/// Sends the online test `title_en` to `email`'s application at `at`, graded by `grader`;
/// answers the link's token.
async fn send_online(
    db: &DatabaseConnection,
    hr: &CurrentUser,
    email: &str,
    title_en: &str,
    grader: &CurrentUser,
    at: chrono::DateTime<Utc>,
) -> Result<String, AppError> {
    let template = online_template::Entity::find()
        .filter(online_template::Column::TitleEn.eq(title_en))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let input = SendTestInput {
        application_id: application_of(db, email).await?,
        template_id: OnlineTemplateId(template.id),
        grader_id: grader.id,
        link_days: LINK_DAYS,
    };
    let (_, token) = send::send_keeping_token(db, hr, "http://127.0.0.1:3000", input, at).await?;
    Ok(token)
}

/// The questions of the online test the link `token` opens, in order.
async fn items_of(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Vec<online_test_item::Model>, AppError> {
    use sea_orm::QueryOrder;
    let test = crate::server::entities::online_test::Entity::find()
        .filter(
            crate::server::entities::online_test::Column::TokenHash
                .eq(crate::server::accounts::sessions::hash_token(token)),
        )
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(online_test_item::Entity::find()
        .filter(online_test_item::Column::TestId.eq(test.id))
        .order_by_asc(online_test_item::Column::Position)
        .all(db)
        .await?)
}

/// The options of choice question `item` (in its own shuffled order) that are right, or with
/// `right` false, the first wrong one.
fn options(item: &online_test_item::Model, right: bool) -> Answer {
    let chosen = match serde_json::from_str::<crate::model::QuestionBody>(&item.body) {
        Ok(
            crate::model::QuestionBody::SingleChoice { options }
            | crate::model::QuestionBody::MultipleChoice { options },
        ) => {
            let matching = (0..options.len()).filter(|&i| options[i].correct == right);
            if right {
                matching.collect()
            } else {
                matching.take(1).collect()
            }
        }
        _ => Vec::new(),
    };
    Answer::Choice(chosen)
}

/// The demo's online tests, sent by `hr` and graded by `grader`.
async fn seed_online(
    db: &DatabaseConnection,
    hr: &CurrentUser,
    grader: &CurrentUser,
) -> Result<(), AppError> {
    const BANKING: &str = "Knowledge of banking services";
    const HOTEL: &str = "Knowledge of hotel services";
    const TYPING: &str = "Typing and data entry";
    const OFFICE: &str = "Office software";
    let now = Utc::now();
    let yesterday = now - TimeDelta::days(3);
    send_online(db, hr, "elena.marchetti@example.it", BANKING, grader, now).await?;

    let started = send_online(db, hr, "davide.russo@example.it", TYPING, grader, yesterday).await?;
    take::start(db, &started, now).await?;

    // Handed in, with the short answer waiting for the grader.
    let waiting = send_online(db, hr, "sofia.ricci@example.it", HOTEL, grader, yesterday).await?;
    take::start(db, &waiting, now - TimeDelta::minutes(12)).await?;
    let items = items_of(db, &waiting).await?;
    let answers = vec![
        (OnlineItemId(items[0].id), options(&items[0], true)),
        (OnlineItemId(items[1].id), options(&items[1], true)),
        (
            OnlineItemId(items[2].id),
            Answer::Text(
                "Le chiedo scusa per l'attesa: custodiamo i bagagli e intanto può usare il bar \
                 e il centro benessere. La chiamo appena la camera è pronta."
                    .to_owned(),
            ),
        ),
    ];
    take::submit(db, &waiting, answers, now - TimeDelta::minutes(5)).await?;

    let passed = send_online(
        db,
        hr,
        "lorenzo.colombo@example.it",
        HOTEL,
        grader,
        yesterday,
    )
    .await?;
    take::start(db, &passed, now - TimeDelta::days(2)).await?;
    let items = items_of(db, &passed).await?;
    let answers = vec![
        (OnlineItemId(items[0].id), options(&items[0], true)),
        (OnlineItemId(items[1].id), options(&items[1], true)),
        (
            OnlineItemId(items[2].id),
            Answer::Text(
                "Le offro di lasciare i bagagli e le consiglio il museo qui vicino.".to_owned(),
            ),
        ),
    ];
    take::submit(
        db,
        &passed,
        answers,
        now - TimeDelta::days(2) + TimeDelta::minutes(9),
    )
    .await?;
    let test = items[0].test_id;
    let grading = AnswerGrading {
        scores: vec![AnswerScore {
            item_id: OnlineItemId(items[2].id),
            points: Some(3),
            notes: "Risposta cortese e concreta.".to_owned(),
        }],
    };
    review::grade(db, grader, crate::model::OnlineTestId(test), grading, now).await?;

    let failed = send_online(
        db,
        hr,
        "federico.conti@example.it",
        OFFICE,
        grader,
        yesterday,
    )
    .await?;
    take::start(db, &failed, now - TimeDelta::days(1)).await?;
    let items = items_of(db, &failed).await?;
    let answers = vec![
        (OnlineItemId(items[0].id), options(&items[0], false)),
        (OnlineItemId(items[1].id), options(&items[1], true)),
    ];
    take::submit(
        db,
        &failed,
        answers,
        now - TimeDelta::days(1) + TimeDelta::minutes(6),
    )
    .await?;
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
    let started = assign(db, hr, "sofia.ricci@example.it", ROLE_PLAY, grader, 2).await?;
    let at = Utc::now() - TimeDelta::minutes(5);
    super::candidate_link::start(db, grader, started, "http://127.0.0.1:3000", at).await?;

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
    .await?;
    seed_online(db, hr, grader).await
}
