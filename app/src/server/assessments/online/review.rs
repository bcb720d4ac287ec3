//! Online tests as HR and graders read them: summaries for lists, a test's page with every
//! answer, the right options, the typing figures and the fields copied right, and the grader's
//! points for the short answers, which complete the result.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::{answer, body};
use crate::model::{
    AnswerGrading, AppError, ApplicationId, CandidateId, CompetencyId, Contribution, FieldError,
    FieldErrors, ItemReview, OnlineItemId, OnlineStatus, OnlineTestDetail, OnlineTestId,
    OnlineTestSummary, OpeningId, QuestionBody, UserId, validate,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::assessments::{access::manages, refuse};
use crate::server::entities::{application, competency, online_test, online_test_item};
use crate::server::recruitment::application_facts;

/// Summaries of `tests`, in the given order.
pub async fn summaries(
    db: &impl ConnectionTrait,
    tests: Vec<online_test::Model>,
) -> Result<Vec<OnlineTestSummary>, AppError> {
    let items = online_test_item::Entity::find()
        .filter(online_test_item::Column::TestId.is_in(tests.iter().map(|t| t.id)))
        .all(db)
        .await?;
    let graders =
        crate::server::accounts::users::names(db, tests.iter().map(|t| t.grader_id).collect())
            .await?;
    let facts = application_facts::of(db, tests.iter().map(|t| t.application_id)).await?;
    Ok(tests
        .into_iter()
        .filter_map(|test| {
            let facts = facts.get(&test.application_id)?;
            let own: Vec<_> = items.iter().filter(|i| i.test_id == test.id).collect();
            let status = OnlineStatus::parse(&test.status).unwrap_or(OnlineStatus::Sent);
            let to_grade = own
                .iter()
                .filter(|i| {
                    i.awarded.is_none()
                        && body(i).is_ok_and(|b| !b.scored_automatically())
                        && status == OnlineStatus::Submitted
                })
                .count();
            Some(OnlineTestSummary {
                id: OnlineTestId(test.id),
                application_id: ApplicationId(facts.application.id),
                candidate_id: CandidateId(facts.candidate.id),
                candidate_name: facts.candidate.name.clone(),
                opening_id: OpeningId(facts.opening.id),
                opening_title_it: facts.title_it.clone(),
                opening_title_en: facts.title_en.clone(),
                title_it: test.title_it,
                title_en: test.title_en,
                grader_id: UserId(test.grader_id),
                grader_name: graders.get(&test.grader_id).cloned().unwrap_or_default(),
                status,
                sent_at: test.sent_at,
                expires_at: test.expires_at,
                submitted_at: test.submitted_at,
                points: (status == OnlineStatus::Graded).then(|| {
                    own.iter()
                        .filter_map(|i| i.awarded)
                        .map(|p| u32::try_from(p).unwrap_or(0))
                        .sum()
                }),
                max_points: own
                    .iter()
                    .map(|i| u32::try_from(i.points).unwrap_or(0))
                    .sum(),
                passed: test.passed,
                to_grade: u32::try_from(to_grade).unwrap_or(0),
            })
        })
        .collect())
}

/// What a graded test's items say per competency, in order of first mention.
pub fn contributions(
    items: &[online_test_item::Model],
    names: &HashMap<i32, competency::Model>,
) -> Vec<Contribution> {
    crate::server::assessments::contributions(
        items.iter().map(|i| (i.competency_id, i.awarded, i.points)),
        names,
    )
}

/// Test `id`, if `viewer` may see it: HR every one, its grader theirs.
async fn visible(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    id: OnlineTestId,
) -> Result<online_test::Model, AppError> {
    let found = online_test::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if manages(viewer) || found.grader_id == viewer.id.0 {
        Ok(found)
    } else {
        tracing::warn!(user_id = %viewer.id, online_test_id = %id, "online test access refused");
        Err(AppError::Forbidden)
    }
}

async fn items_of(
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

/// Test `id`'s page for `viewer`. Answers show only once the test is handed in.
pub async fn detail(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    id: OnlineTestId,
) -> Result<OnlineTestDetail, AppError> {
    let test = visible(db, viewer, id).await?;
    let items = items_of(db, test.id).await?;
    let names: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(items.iter().map(|i| i.competency_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let status = OnlineStatus::parse(&test.status).unwrap_or(OnlineStatus::Sent);
    let handed_in = matches!(status, OnlineStatus::Submitted | OnlineStatus::Graded);
    let reviews = items
        .iter()
        .map(|item| {
            let name = names.get(&item.competency_id);
            let question = body(item)?;
            Ok(ItemReview {
                id: OnlineItemId(item.id),
                competency_id: CompetencyId(item.competency_id),
                competency_it: name.map(|n| n.name_it.clone()).unwrap_or_default(),
                competency_en: name.map(|n| n.name_en.clone()).unwrap_or_default(),
                prompt_it: item.prompt_it.clone(),
                prompt_en: item.prompt_en.clone(),
                points: u32::try_from(item.points).unwrap_or(0),
                typing: match question {
                    QuestionBody::Typing { .. } => item
                        .result
                        .as_deref()
                        .and_then(|r| serde_json::from_str(r).ok()),
                    _ => None,
                },
                fields: match question {
                    QuestionBody::DataEntry { .. } => item
                        .result
                        .as_deref()
                        .and_then(|r| serde_json::from_str(r).ok()),
                    _ => None,
                },
                body: question,
                answer: if handed_in { answer(item) } else { None },
                answered_at: item.answered_at,
                awarded: item.awarded.and_then(|a| u32::try_from(a).ok()),
                notes: item.notes.clone(),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let can_grade = test.grader_id == viewer.id.0 && status == OnlineStatus::Submitted;
    Ok(OnlineTestDetail {
        time_limit_minutes: u32::try_from(test.time_limit_minutes).unwrap_or(0),
        pass_mark: u32::try_from(test.pass_mark).unwrap_or(0),
        started_at: test.started_at,
        deadline_at: test.deadline_at,
        contributions: if status == OnlineStatus::Graded {
            contributions(&items, &names)
        } else {
            Vec::new()
        },
        items: reviews,
        can_grade,
        summary: summaries(db, vec![test])
            .await?
            .pop()
            .ok_or(AppError::NotFound)?,
    })
}

/// The grader `me` gives the short answers of test `id` their points; the test is then
/// graded. Refused: anyone but its grader, a test not handed in yet or already graded, a
/// short answer left without points, points above its maximum (each on its field).
pub async fn grade(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: OnlineTestId,
    input: AnswerGrading,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    validate(&input)?;
    let me = me.clone();
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let test = online_test::Entity::find_by_id(id.0)
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            if test.grader_id != me.id.0 {
                tracing::warn!(user_id = %me.id, online_test_id = %id, "grading refused: not the grader");
                return Err(AppError::Forbidden);
            }
            match OnlineStatus::parse(&test.status) {
                Some(OnlineStatus::Submitted) => {}
                Some(OnlineStatus::Graded) => return Err(refuse("form", "test_graded")),
                _ => return Err(refuse("form", "test_not_submitted")),
            }
            // Of two gradings at once, the second finds the test graded (on PostgreSQL it
            // waits for the first's row lock, then sees its outcome).
            let held = online_test::Entity::update_many()
                .col_expr(online_test::Column::UpdatedAt, sea_orm::sea_query::Expr::value(now))
                .filter(online_test::Column::Id.eq(test.id))
                .filter(online_test::Column::Status.eq(OnlineStatus::Submitted.as_str()))
                .exec(tx)
                .await?;
            if held.rows_affected != 1 {
                return Err(refuse("form", "test_graded"));
            }
            let items = items_of(tx, test.id).await?;
            let mut errors = FieldErrors::default();
            let mut updates = Vec::new();
            for (index, item) in items.iter().enumerate() {
                if body(item)?.scored_automatically() {
                    continue;
                }
                let at = input.scores.iter().position(|s| s.item_id.0 == item.id);
                let field = format!("scores.{}.points", at.unwrap_or(index));
                match at.and_then(|at| input.scores[at].points) {
                    None => {
                        errors.0.insert(field, FieldError::new("required"));
                    }
                    Some(points) if i32::from(points) > item.points => {
                        errors.0.insert(
                            field,
                            FieldError {
                                code: "points_above_max".into(),
                                param: Some(i64::from(item.points)),
                            },
                        );
                    }
                    Some(points) => {
                        let notes = at.map(|at| input.scores[at].notes.trim().to_owned());
                        updates.push((item.clone(), points, notes.unwrap_or_default()));
                    }
                }
            }
            if !errors.is_empty() {
                return Err(AppError::Invalid(errors));
            }
            for (item, points, notes) in updates {
                let mut model: online_test_item::ActiveModel = item.into();
                model.awarded = Set(Some(i32::from(points)));
                model.notes = Set(notes);
                model.update(tx).await?;
            }
            super::take::score(tx, test, now).await?;
            let graded = online_test::Entity::find_by_id(id.0)
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let mut model: online_test::ActiveModel = graded.clone().into();
            model.updated_at = Set(now);
            model.update(tx).await?;
            Ok(graded.passed.unwrap_or(false))
        })
    })
    .await
}

/// The viewer's online tests with short answers to grade, and for HR every test not graded.
pub async fn waiting(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
) -> Result<(Vec<OnlineTestSummary>, Option<Vec<OnlineTestSummary>>), AppError> {
    let mine = online_test::Entity::find()
        .filter(online_test::Column::GraderId.eq(viewer.id.0))
        .filter(online_test::Column::Status.eq(OnlineStatus::Submitted.as_str()))
        .order_by_asc(online_test::Column::SubmittedAt)
        .all(db)
        .await?;
    let all = if manages(viewer) {
        let open = online_test::Entity::find()
            .filter(online_test::Column::Status.ne(OnlineStatus::Graded.as_str()))
            .order_by_desc(online_test::Column::SentAt)
            .all(db)
            .await?;
        Some(summaries(db, open).await?)
    } else {
        None
    };
    Ok((summaries(db, mine).await?, all))
}

/// Candidate `id`'s online tests that `viewer` may see: all for HR, their own to grade for a
/// grader.
pub async fn for_candidate(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    id: CandidateId,
) -> Result<Vec<OnlineTestSummary>, AppError> {
    let applications: Vec<i32> = application::Entity::find()
        .filter(application::Column::CandidateId.eq(id.0))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut query = online_test::Entity::find()
        .filter(online_test::Column::ApplicationId.is_in(applications))
        .order_by_desc(online_test::Column::SentAt)
        .order_by_desc(online_test::Column::Id);
    if !manages(viewer) {
        query = query.filter(online_test::Column::GraderId.eq(viewer.id.0));
    }
    summaries(db, query.all(db).await?).await
}

/// Clears the candidate's words (short answers, typed texts, copied fields) and the grader's
/// notes from the online tests of applications `application_ids`: they are about a person
/// being anonymised. Points and results stay, as figures.
pub async fn forget(db: &impl ConnectionTrait, application_ids: &[i32]) -> Result<(), AppError> {
    use sea_orm::sea_query::Expr;
    let tests: Vec<i32> = online_test::Entity::find()
        .filter(online_test::Column::ApplicationId.is_in(application_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    online_test_item::Entity::update_many()
        .col_expr(
            online_test_item::Column::Answer,
            Expr::value(Option::<String>::None),
        )
        .col_expr(online_test_item::Column::Notes, Expr::value(""))
        .filter(online_test_item::Column::TestId.is_in(tests.clone()))
        .exec(db)
        .await?;
    // Their links stop working: each test's hash becomes that of a token nobody has.
    for id in tests {
        online_test::Entity::update_many()
            .col_expr(
                online_test::Column::TokenHash,
                Expr::value(crate::server::accounts::sessions::hash_token(
                    &crate::server::accounts::sessions::random_token(),
                )),
            )
            .filter(online_test::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The online tests of applications `application_ids` as a person's data export holds them.
pub async fn export(
    db: &impl ConnectionTrait,
    application_ids: &[i32],
) -> Result<Vec<serde_json::Value>, AppError> {
    let tests = online_test::Entity::find()
        .filter(online_test::Column::ApplicationId.is_in(application_ids.iter().copied()))
        .order_by_asc(online_test::Column::Id)
        .all(db)
        .await?;
    let items = online_test_item::Entity::find()
        .filter(online_test_item::Column::TestId.is_in(tests.iter().map(|t| t.id)))
        .order_by_asc(online_test_item::Column::Position)
        .all(db)
        .await?;
    Ok(tests
        .iter()
        .map(|t| {
            serde_json::json!({
                "id": t.id,
                "application_id": t.application_id,
                "title": t.title_en,
                "status": t.status,
                "sent_at": t.sent_at,
                "expires_at": t.expires_at,
                "started_at": t.started_at,
                "deadline_at": t.deadline_at,
                "submitted_at": t.submitted_at,
                "graded_at": t.graded_at,
                "passed": t.passed,
                "answers": items.iter().filter(|i| i.test_id == t.id).map(|i| serde_json::json!({
                    "question": i.prompt_en,
                    "answer": answer(i),
                    "answered_at": i.answered_at,
                    "typing_started_at": i.started_at,
                    "typing_finished_at": i.finished_at,
                    "points": i.awarded,
                    "figures": i.result.as_deref().and_then(|r| serde_json::from_str::<serde_json::Value>(r).ok()),
                    "notes": i.notes,
                })).collect::<Vec<_>>(),
            })
        })
        .collect())
}
