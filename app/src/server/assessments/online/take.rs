//! Taking an online test through its private link: what the page shows, starting (the server
//! records the time and the deadline), saving answers as the candidate goes (refused after
//! the limit and its grace, and then the test closes), the typing test's own start and finish
//! on the server's clock, and handing in, which scores what the server can.
//!
//! Every function takes `now`, so the time limit is tested with a chosen clock.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::{answer, body};
use crate::model::{
    Answer, AppError, CandidateItem, CandidateQuestion, CandidateState, CandidateTest,
    GRACE_SECONDS, OnlineItemId, OnlineStatus, QuestionBody, auto_points, fields_right,
    typing_result,
};
use crate::server::accounts::sessions::hash_token;
use crate::server::assessments::refuse;
use crate::server::entities::{online_test, online_test_item};

/// The longest text answer kept.
const LONGEST_TEXT: usize = 4000;
/// The longest value of a data-entry field kept.
const LONGEST_FIELD: usize = 200;

/// What saving did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Saved,
    /// After the limit and its grace: nothing saved, and the test is closed.
    TooLate,
}

/// The test the link `token` opens: `NotFound` for a made-up one.
async fn by_token(db: &impl ConnectionTrait, token: &str) -> Result<online_test::Model, AppError> {
    online_test::Entity::find()
        .filter(online_test::Column::TokenHash.eq(hash_token(token.trim())))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

fn status(test: &online_test::Model) -> OnlineStatus {
    OnlineStatus::parse(&test.status).unwrap_or(OnlineStatus::Sent)
}

/// Whether a started test's time, with its grace, is over at `now`.
fn over(test: &online_test::Model, now: DateTime<Utc>) -> bool {
    test.deadline_at
        .is_some_and(|deadline| now > deadline + TimeDelta::seconds(GRACE_SECONDS))
}

async fn items(
    db: &impl ConnectionTrait,
    test_id: i32,
) -> Result<Vec<online_test_item::Model>, AppError> {
    Ok(online_test_item::Entity::find()
        .filter(online_test_item::Column::TestId.eq(test_id))
        .order_by_asc(online_test_item::Column::Position)
        .order_by_asc(online_test_item::Column::Id)
        .all(db)
        .await?)
}

/// Scores what the server can of test `test` and, when no short answer waits for the grader,
/// gives the result (and refreshes the application's stored assessment).
pub async fn score(
    db: &impl ConnectionTrait,
    test: online_test::Model,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut total = 0i64;
    let mut waiting = false;
    for item in items(db, test.id).await? {
        let question = body(&item)?;
        if !question.scored_automatically() {
            match item.awarded {
                Some(points) => total += i64::from(points),
                None => waiting = true,
            }
            continue;
        }
        let given = answer(&item);
        // The typing test's time: from the server showing the text to its finish (or, if the
        // candidate never pressed it, to the last time the text changed).
        let millis = match (item.started_at, item.finished_at.or(item.answered_at)) {
            (Some(start), Some(end)) if end > start => {
                u64::try_from((end - start).num_milliseconds()).unwrap_or(0)
            }
            _ => 0,
        };
        let points = u32::try_from(item.points).unwrap_or(0);
        let awarded = auto_points(&question, points, given.as_ref(), millis).unwrap_or(0);
        let result = match (&question, &given) {
            (QuestionBody::Typing { text, .. }, Some(Answer::Typed(typed))) => {
                serde_json::to_string(&typing_result(text, typed, millis)).ok()
            }
            (QuestionBody::DataEntry { rows, .. }, Some(Answer::Table(copied))) => {
                serde_json::to_string(&fields_right(rows, copied)).ok()
            }
            _ => None,
        };
        total += i64::from(awarded);
        let mut model: online_test_item::ActiveModel = item.into();
        model.awarded = Set(Some(i32::try_from(awarded).unwrap_or(0)));
        model.result = Set(result);
        model.update(db).await?;
    }
    let mut model: online_test::ActiveModel = test.clone().into();
    if waiting {
        model.status = Set(OnlineStatus::Submitted.as_str().to_owned());
    } else {
        model.status = Set(OnlineStatus::Graded.as_str().to_owned());
        model.passed = Set(Some(total >= i64::from(test.pass_mark)));
        model.graded_at = Set(Some(now));
    }
    model.updated_at = Set(now);
    model.update(db).await?;
    if !waiting {
        // Graded: its levels now count towards the application's assessment.
        crate::server::assessments::scores::refresh(db, [test.application_id]).await?;
    }
    Ok(())
}

/// Hands test `test` in at `at` and scores it, once: of two closing at the same time, one
/// does it.
async fn close(
    db: &DatabaseConnection,
    test: &online_test::Model,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let id = test.id;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let closed = online_test::Entity::update_many()
                .col_expr(
                    online_test::Column::Status,
                    Expr::value(OnlineStatus::Submitted.as_str()),
                )
                .col_expr(online_test::Column::SubmittedAt, Expr::value(at))
                .col_expr(online_test::Column::UpdatedAt, Expr::value(at))
                .filter(online_test::Column::Id.eq(id))
                .filter(online_test::Column::Status.eq(OnlineStatus::Started.as_str()))
                .exec(tx)
                .await?;
            if closed.rows_affected == 1 {
                let test = online_test::Entity::find_by_id(id)
                    .one(tx)
                    .await?
                    .ok_or(AppError::NotFound)?;
                score(tx, test, at).await?;
            }
            Ok(())
        })
    })
    .await?;
    tracing::info!(online_test_id = id, "online test handed in");
    Ok(())
}

/// Closes `test` if its time is over at `now`; answers whether it is closed.
async fn close_if_over(
    db: &DatabaseConnection,
    test: &online_test::Model,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    if status(test) == OnlineStatus::Started && over(test, now) {
        // Handed in at the deadline: nothing later counts.
        close(db, test, test.deadline_at.unwrap_or(now)).await?;
        return Ok(true);
    }
    Ok(false)
}

/// What the link `token` shows at `now`.
pub async fn view(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<CandidateTest, AppError> {
    let test = by_token(db, token).await?;
    let closed = close_if_over(db, &test, now).await?;
    let state = match status(&test) {
        OnlineStatus::Sent if now > test.expires_at => CandidateState::Expired,
        OnlineStatus::Sent => CandidateState::NotStarted {
            expires_at: test.expires_at,
        },
        OnlineStatus::Started if !closed => {
            let deadline = test.deadline_at.unwrap_or(now);
            CandidateState::InProgress {
                deadline,
                seconds_left: (deadline - now).num_seconds().max(0),
                items: items(db, test.id)
                    .await?
                    .iter()
                    .map(|item| {
                        Ok(CandidateItem {
                            id: OnlineItemId(item.id),
                            prompt_it: item.prompt_it.clone(),
                            prompt_en: item.prompt_en.clone(),
                            points: u32::try_from(item.points).unwrap_or(0),
                            question: CandidateQuestion::of(
                                &body(item)?,
                                item.started_at.is_some(),
                                item.finished_at.is_some(),
                            ),
                            answer: answer(item),
                        })
                    })
                    .collect::<Result<_, AppError>>()?,
            }
        }
        _ => CandidateState::Submitted { late: closed },
    };
    Ok(CandidateTest {
        title_it: test.title_it,
        title_en: test.title_en,
        instructions_it: test.instructions_it,
        instructions_en: test.instructions_en,
        time_limit_minutes: u32::try_from(test.time_limit_minutes).unwrap_or(0),
        state,
    })
}

/// A started test the link `token` opens, or the reason it cannot take answers.
async fn running(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Result<online_test::Model, Saved>, AppError> {
    let test = by_token(db, token).await?;
    match status(&test) {
        OnlineStatus::Sent => Err(refuse("form", "test_not_started")),
        OnlineStatus::Started if close_if_over(db, &test, now).await? => Ok(Err(Saved::TooLate)),
        OnlineStatus::Started => Ok(Ok(test)),
        OnlineStatus::Submitted | OnlineStatus::Graded => Err(refuse("form", "test_submitted")),
    }
}

/// Starts the test the link `token` opens: its clock runs from `now`. Starting twice (two
/// tabs) keeps the first start.
pub async fn start(
    db: &DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let test = by_token(db, token).await?;
    match status(&test) {
        OnlineStatus::Sent if now > test.expires_at => Err(refuse("form", "link_expired")),
        OnlineStatus::Sent => {
            let deadline = now + TimeDelta::minutes(i64::from(test.time_limit_minutes));
            online_test::Entity::update_many()
                .col_expr(
                    online_test::Column::Status,
                    Expr::value(OnlineStatus::Started.as_str()),
                )
                .col_expr(online_test::Column::StartedAt, Expr::value(now))
                .col_expr(online_test::Column::DeadlineAt, Expr::value(deadline))
                .col_expr(online_test::Column::UpdatedAt, Expr::value(now))
                .filter(online_test::Column::Id.eq(test.id))
                .filter(online_test::Column::Status.eq(OnlineStatus::Sent.as_str()))
                .exec(db)
                .await?;
            tracing::info!(online_test_id = test.id, "online test started");
            Ok(())
        }
        OnlineStatus::Started => Ok(()),
        OnlineStatus::Submitted | OnlineStatus::Graded => Err(refuse("form", "test_submitted")),
    }
}

/// Whether `answer` fits `question` (its kind, the option numbers, the table's size), trimmed
/// to what is kept.
fn fitted(question: &QuestionBody, answer: Answer) -> Option<Answer> {
    let text = |t: String| t.chars().take(LONGEST_TEXT).collect::<String>();
    match (question, answer) {
        (QuestionBody::SingleChoice { options }, Answer::Choice(chosen))
            if chosen.len() <= 1 && chosen.iter().all(|&i| i < options.len()) =>
        {
            Some(Answer::Choice(chosen))
        }
        (QuestionBody::MultipleChoice { options }, Answer::Choice(mut chosen))
            if chosen.iter().all(|&i| i < options.len()) =>
        {
            chosen.sort_unstable();
            chosen.dedup();
            Some(Answer::Choice(chosen))
        }
        (QuestionBody::ShortText, Answer::Text(t)) => Some(Answer::Text(text(t))),
        (QuestionBody::Typing { .. }, Answer::Typed(t)) => Some(Answer::Typed(text(t))),
        (QuestionBody::DataEntry { columns, rows }, Answer::Table(copied))
            if copied.len() <= rows.len() && copied.iter().all(|r| r.len() <= columns.len()) =>
        {
            Some(Answer::Table(
                copied
                    .into_iter()
                    .map(|r| {
                        r.into_iter()
                            .map(|v| v.chars().take(LONGEST_FIELD).collect())
                            .collect()
                    })
                    .collect(),
            ))
        }
        _ => None,
    }
}

/// Inside a write transaction: whether test `id` is still running, marking it touched. Of a
/// save and a hand-in at the same moment, the later one sees the other's outcome (on
/// PostgreSQL the row stays locked until the transaction ends).
async fn still_running(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let touched = online_test::Entity::update_many()
        .col_expr(online_test::Column::UpdatedAt, Expr::value(now))
        .filter(online_test::Column::Id.eq(id))
        .filter(online_test::Column::Status.eq(OnlineStatus::Started.as_str()))
        .exec(db)
        .await?;
    Ok(touched.rows_affected == 1)
}

/// Writes `answers` to the items of test `test_id` (those that changed), at `now`. An answer to
/// a question not of this test, or not fitting it, is refused on its field and nothing is
/// written; a typing answer counts only between its start and its finish.
async fn write_answers(
    db: &impl ConnectionTrait,
    test_id: i32,
    answers: Vec<(OnlineItemId, Answer)>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let all = items(db, test_id).await?;
    let mut changes = Vec::new();
    for (id, given) in answers {
        let item = all
            .iter()
            .find(|i| i.id == id.0)
            .ok_or_else(|| refuse(&format!("q{id}"), "not_found"))?;
        let question = body(item)?;
        if matches!(question, QuestionBody::Typing { .. })
            && (item.started_at.is_none() || item.finished_at.is_some())
        {
            continue;
        }
        let fitted =
            fitted(&question, given).ok_or_else(|| refuse(&format!("q{id}"), "invalid"))?;
        let stored = serde_json::to_string(&fitted).ok();
        // Unchanged answers keep their time: it times the typing test.
        if stored != item.answer {
            changes.push((item.clone(), stored));
        }
    }
    for (item, stored) in changes {
        let mut model: online_test_item::ActiveModel = item.into();
        model.answer = Set(stored);
        model.answered_at = Set(Some(now));
        model.update(db).await?;
    }
    Ok(())
}

/// Saves `answers` to the test the link `token` opens, at `now`. After the limit and its grace
/// nothing is saved and the test closes; a test handed in meanwhile refuses them.
pub async fn save(
    db: &DatabaseConnection,
    token: &str,
    answers: Vec<(OnlineItemId, Answer)>,
    now: DateTime<Utc>,
) -> Result<Saved, AppError> {
    let test = match running(db, token, now).await? {
        Ok(test) => test,
        Err(saved) => return Ok(saved),
    };
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            if !still_running(tx, test.id, now).await? {
                return Err(refuse("form", "test_submitted"));
            }
            write_answers(tx, test.id, answers, now).await?;
            Ok(Saved::Saved)
        })
    })
    .await
}

/// The typing item `item` of the test the link `token` opens, if it is one.
async fn typing_item(
    db: &impl ConnectionTrait,
    test: &online_test::Model,
    item: OnlineItemId,
) -> Result<online_test_item::Model, AppError> {
    let found = online_test_item::Entity::find_by_id(item.0)
        .one(db)
        .await?
        .filter(|i| i.test_id == test.id)
        .ok_or_else(|| refuse("form", "not_found"))?;
    if !matches!(body(&found)?, QuestionBody::Typing { .. }) {
        return Err(refuse("form", "not_found"));
    }
    Ok(found)
}

/// Shows the typing text: the server's clock for it starts at `now` (only the first time).
pub async fn start_typing(
    db: &DatabaseConnection,
    token: &str,
    item: OnlineItemId,
    now: DateTime<Utc>,
) -> Result<Saved, AppError> {
    let test = match running(db, token, now).await? {
        Ok(test) => test,
        Err(saved) => return Ok(saved),
    };
    let found = typing_item(db, &test, item).await?;
    if found.started_at.is_none() {
        online_test_item::Entity::update_many()
            .col_expr(online_test_item::Column::StartedAt, Expr::value(now))
            .filter(online_test_item::Column::Id.eq(found.id))
            .filter(online_test_item::Column::StartedAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(Saved::Saved)
}

/// Takes the typed text (or, if the form did not carry it, what was saved) and stops the
/// typing clock at `now`; the text cannot change after. Other `answers` are saved with it.
pub async fn finish_typing(
    db: &DatabaseConnection,
    token: &str,
    item: OnlineItemId,
    answers: Vec<(OnlineItemId, Answer)>,
    now: DateTime<Utc>,
) -> Result<Saved, AppError> {
    let test = match running(db, token, now).await? {
        Ok(test) => test,
        Err(saved) => return Ok(saved),
    };
    let found = typing_item(db, &test, item).await?;
    if found.started_at.is_none() {
        return Err(refuse("form", "typing_not_started"));
    }
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            if !still_running(tx, test.id, now).await? {
                return Err(refuse("form", "test_submitted"));
            }
            write_answers(tx, test.id, answers, now).await?;
            online_test_item::Entity::update_many()
                .col_expr(online_test_item::Column::FinishedAt, Expr::value(now))
                .filter(online_test_item::Column::Id.eq(found.id))
                .filter(online_test_item::Column::FinishedAt.is_null())
                .exec(tx)
                .await?;
            Ok(Saved::Saved)
        })
    })
    .await
}

/// Closes every started test whose time, with its grace, is over at `now`: those whose
/// candidate never came back. Staff pages call it before reading, so a test left open shows as
/// handed in, with what was saved in time. One statement when none is, read through the
/// partial index of started tests by deadline (which needs the status written as a literal).
pub async fn close_overdue(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<(), AppError> {
    let started = online_test::Entity::find()
        .filter(Expr::cust(format!(
            "online_tests.status = '{}'",
            OnlineStatus::Started.as_str()
        )))
        .filter(online_test::Column::DeadlineAt.lt(now - TimeDelta::seconds(GRACE_SECONDS)))
        .all(db)
        .await?;
    for test in started.iter().filter(|t| over(t, now)) {
        close(db, test, test.deadline_at.unwrap_or(now)).await?;
    }
    Ok(())
}

/// Saves `answers` and hands the test in at `now`, scoring it. After the limit, the answers
/// saved in time are what counts.
pub async fn submit(
    db: &DatabaseConnection,
    token: &str,
    answers: Vec<(OnlineItemId, Answer)>,
    now: DateTime<Utc>,
) -> Result<Saved, AppError> {
    if save(db, token, answers, now).await? == Saved::TooLate {
        return Ok(Saved::TooLate);
    }
    let test = by_token(db, token).await?;
    close(db, &test, now).await?;
    Ok(Saved::Saved)
}

/// The answers a plain form posted, for the questions of the test the link `token` opens:
/// `q<id>` (an option number, repeated for several; a text), `q<id>-<row>-<column>` for a
/// data-entry field, and `shown` naming each question the form carried, so that clearing
/// every option of one is saved too.
pub async fn answers_from_form(
    db: &DatabaseConnection,
    token: &str,
    fields: &[(String, String)],
) -> Result<Vec<(OnlineItemId, Answer)>, AppError> {
    let test = by_token(db, token).await?;
    let shown: Vec<i32> = fields
        .iter()
        .filter(|(k, _)| k == "shown")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let mut answers = Vec::new();
    for item in items(db, test.id).await? {
        if !shown.contains(&item.id) {
            continue;
        }
        let name = format!("q{}", item.id);
        let values: Vec<&str> = fields
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
            .collect();
        let given = match body(&item)? {
            QuestionBody::SingleChoice { .. } | QuestionBody::MultipleChoice { .. } => {
                Answer::Choice(values.iter().filter_map(|v| v.parse().ok()).collect())
            }
            QuestionBody::ShortText => Answer::Text(values.concat()),
            QuestionBody::Typing { .. } => {
                if values.is_empty() {
                    continue;
                }
                Answer::Typed(values.concat())
            }
            QuestionBody::DataEntry { columns, rows } => Answer::Table(
                (0..rows.len())
                    .map(|r| {
                        (0..columns.len())
                            .map(|c| {
                                let key = format!("{name}-{r}-{c}");
                                fields
                                    .iter()
                                    .find(|(k, _)| *k == key)
                                    .map(|(_, v)| v.clone())
                                    .unwrap_or_default()
                            })
                            .collect()
                    })
                    .collect(),
            ),
        };
        answers.push((OnlineItemId(item.id), given));
    }
    Ok(answers)
}
