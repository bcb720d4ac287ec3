//! Practical tests given to applications: HR assign one from a template of the opening's
//! profile, with a grader and a due date (the rubric is copied, so later edits to the template
//! do not change a test already given); the pages read them as summaries and as a detail.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::{access, refuse, templates};
use crate::model::{
    AppError, ApplicationId, AssignTestInput, CandidateId, CompetencyId, Contribution,
    CriterionView, OpeningId, PracticalTestDetail, PracticalTestId, PracticalTestSummary,
    TestAssigned, TestCriterionId, TestStatus, TestsOverview, UserId, parse_date, validate,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{
    application, competency, opening, practical_template, practical_template_criterion,
    practical_test, practical_test_criterion,
};
use crate::server::recruitment::application_facts;

/// The most graded tests the tests page lists.
const GRADED_SHOWN: u64 = 50;

/// Gives a practical test to an application. Refused, each on its field: a past due date, a
/// closed application, a template not offered for the opening's profile, a grader who is not
/// active staff.
pub async fn assign(
    db: &DatabaseConnection,
    me: &CurrentUser,
    input: AssignTestInput,
) -> Result<TestAssigned, AppError> {
    validate(&input)?;
    let due_on = parse_date(&input.due_on).ok_or_else(|| refuse("due_on", "date"))?;
    if due_on < Utc::now().date_naive() {
        return Err(refuse("due_on", "past_date"));
    }
    let found = super::open_application(db, input.application_id.0).await?;
    let the_opening = opening::Entity::find_by_id(found.opening_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !templates::offered_for(db, input.template_id, the_opening.profile_id).await? {
        return Err(refuse("template_id", "not_offered"));
    }
    let grader = super::grader(db, input.grader_id).await?;
    let me = me.clone();
    let (id, added_to_team) = crate::server::write(db, move |tx| {
        Box::pin(async move {
            // Shared with other assignments; a change to the template's materials waits.
            let template = practical_template::Entity::find_by_id(input.template_id.0)
                .lock_shared()
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let now = Utc::now();
            let test = practical_test::ActiveModel {
                application_id: Set(found.id),
                template_id: Set(template.id),
                grader_id: Set(grader.id),
                title_it: Set(template.title_it),
                title_en: Set(template.title_en),
                instructions_it: Set(template.instructions_it),
                instructions_en: Set(template.instructions_en),
                time_limit_minutes: Set(template.time_limit_minutes),
                pass_mark: Set(template.pass_mark),
                due_on: Set(due_on),
                status: Set(TestStatus::Assigned.as_str().to_owned()),
                notes: Set(String::new()),
                passed: Set(None),
                assigned_by: Set(me.id.0),
                assigned_at: Set(now),
                graded_at: Set(None),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            let rubric = practical_template_criterion::Entity::find()
                .filter(practical_template_criterion::Column::TemplateId.eq(template.id))
                .order_by_asc(practical_template_criterion::Column::Position)
                .all(tx)
                .await?;
            for criterion in rubric {
                practical_test_criterion::ActiveModel {
                    test_id: Set(test.id),
                    position: Set(criterion.position),
                    competency_id: Set(criterion.competency_id),
                    max_points: Set(criterion.max_points),
                    description_it: Set(criterion.description_it),
                    description_en: Set(criterion.description_en),
                    points: Set(None),
                    notes: Set(String::new()),
                    ..Default::default()
                }
                .insert(tx)
                .await?;
            }
            super::materials::give_to_test(tx, template.id, test.id).await?;
            let added = crate::server::recruitment::openings::join_team(
                tx,
                found.opening_id,
                std::slice::from_ref(&grader),
            )
            .await?;
            Ok((PracticalTestId(test.id), added))
        })
    })
    .await?;
    tracing::info!(test_id = %id, "practical test assigned");
    Ok(TestAssigned { id, added_to_team })
}

/// Summaries of `tests`, in the given order: a fixed number of statements, whatever their
/// number.
pub async fn summaries(
    db: &impl ConnectionTrait,
    tests: Vec<practical_test::Model>,
) -> Result<Vec<PracticalTestSummary>, AppError> {
    let ids: Vec<i32> = tests.iter().map(|t| t.id).collect();
    let criteria = practical_test_criterion::Entity::find()
        .filter(practical_test_criterion::Column::TestId.is_in(ids))
        .all(db)
        .await?;
    let graders =
        crate::server::accounts::users::names(db, tests.iter().map(|t| t.grader_id).collect())
            .await?;
    let facts = application_facts::of(db, tests.iter().map(|t| t.application_id)).await?;
    let today = Utc::now().date_naive();
    Ok(tests
        .into_iter()
        .filter_map(|test| {
            let facts = facts.get(&test.application_id)?;
            let rubric: Vec<_> = criteria.iter().filter(|c| c.test_id == test.id).collect();
            let status = TestStatus::parse(&test.status).unwrap_or(TestStatus::Assigned);
            let points = (status == TestStatus::Graded).then(|| {
                rubric
                    .iter()
                    .filter_map(|c| c.points)
                    .map(|p| u32::try_from(p).unwrap_or(0))
                    .sum()
            });
            Some(PracticalTestSummary {
                id: PracticalTestId(test.id),
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
                due_on: test.due_on,
                status,
                overdue: status == TestStatus::Assigned && test.due_on < today,
                points,
                max_points: rubric
                    .iter()
                    .map(|c| u32::try_from(c.max_points).unwrap_or(0))
                    .sum(),
                passed: test.passed,
            })
        })
        .collect())
}

/// What graded criteria say per competency, in the rubric's order of first mention.
pub fn contributions(
    criteria: &[practical_test_criterion::Model],
    names: &HashMap<i32, competency::Model>,
) -> Vec<Contribution> {
    super::contributions(
        criteria
            .iter()
            .map(|c| (c.competency_id, c.points, c.max_points)),
        names,
    )
}

/// Test `id`'s page, if `viewer` may see it.
pub async fn detail(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    id: PracticalTestId,
) -> Result<PracticalTestDetail, AppError> {
    let test = access::test(db, viewer, id).await?;
    let criteria = practical_test_criterion::Entity::find()
        .filter(practical_test_criterion::Column::TestId.eq(test.id))
        .order_by_asc(practical_test_criterion::Column::Position)
        .order_by_asc(practical_test_criterion::Column::Id)
        .all(db)
        .await?;
    let names: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(criteria.iter().map(|c| c.competency_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let assigned_by = crate::server::accounts::users::names(db, vec![test.assigned_by]).await?;
    let can_grade = test.grader_id == viewer.id.0 && test.status == TestStatus::Assigned.as_str();
    let graded = test.status == TestStatus::Graded.as_str();
    let materials = super::materials::of_test(db, id).await?;
    let view = PracticalTestDetail {
        instructions_it: test.instructions_it.clone(),
        instructions_en: test.instructions_en.clone(),
        time_limit_minutes: u32::try_from(test.time_limit_minutes).unwrap_or(0),
        pass_mark: u32::try_from(test.pass_mark).unwrap_or(0),
        criteria: criteria
            .iter()
            .map(|c| {
                let name = names.get(&c.competency_id);
                CriterionView {
                    id: TestCriterionId(c.id),
                    competency_id: CompetencyId(c.competency_id),
                    competency_it: name.map(|n| n.name_it.clone()).unwrap_or_default(),
                    competency_en: name.map(|n| n.name_en.clone()).unwrap_or_default(),
                    max_points: u16::try_from(c.max_points).unwrap_or(0),
                    description_it: c.description_it.clone(),
                    description_en: c.description_en.clone(),
                    points: c.points.and_then(|p| u16::try_from(p).ok()),
                    notes: c.notes.clone(),
                }
            })
            .collect(),
        notes: test.notes.clone(),
        assigned_by_name: assigned_by
            .get(&test.assigned_by)
            .cloned()
            .unwrap_or_default(),
        assigned_at: test.assigned_at,
        graded_at: test.graded_at,
        contributions: if graded {
            contributions(&criteria, &names)
        } else {
            Vec::new()
        },
        can_grade,
        materials,
        started_at: test.started_at,
        can_start: !graded && test.started_at.is_none(),
        summary: summaries(db, vec![test])
            .await?
            .pop()
            .ok_or(AppError::NotFound)?,
    };
    Ok(view)
}

/// The tests page for `viewer`.
pub async fn overview(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
) -> Result<TestsOverview, AppError> {
    let to_grade = practical_test::Entity::find()
        .filter(practical_test::Column::GraderId.eq(viewer.id.0))
        .filter(practical_test::Column::Status.eq(TestStatus::Assigned.as_str()))
        .order_by_asc(practical_test::Column::DueOn)
        .order_by_asc(practical_test::Column::Id)
        .all(db)
        .await?;
    let graded = practical_test::Entity::find()
        .filter(practical_test::Column::GraderId.eq(viewer.id.0))
        .filter(practical_test::Column::Status.eq(TestStatus::Graded.as_str()))
        .order_by_desc(practical_test::Column::GradedAt)
        .limit(GRADED_SHOWN)
        .all(db)
        .await?;
    let waiting = if access::manages(viewer) {
        let all = practical_test::Entity::find()
            .filter(practical_test::Column::Status.eq(TestStatus::Assigned.as_str()))
            .order_by_asc(practical_test::Column::DueOn)
            .order_by_asc(practical_test::Column::Id)
            .all(db)
            .await?;
        Some(summaries(db, all).await?)
    } else {
        None
    };
    let (online_to_grade, online_waiting) = super::online::review::waiting(db, viewer).await?;
    Ok(TestsOverview {
        to_grade: summaries(db, to_grade).await?,
        graded: summaries(db, graded).await?,
        waiting,
        online_to_grade,
        online_waiting,
    })
}

/// Candidate `id`'s tests that `viewer` may see: all for HR, their own to grade for a grader.
pub async fn for_candidate(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    id: CandidateId,
) -> Result<Vec<PracticalTestSummary>, AppError> {
    let applications: Vec<i32> = application::Entity::find()
        .filter(application::Column::CandidateId.eq(id.0))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut query = practical_test::Entity::find()
        .filter(practical_test::Column::ApplicationId.is_in(applications))
        .order_by_desc(practical_test::Column::AssignedAt)
        .order_by_desc(practical_test::Column::Id);
    if !access::manages(viewer) {
        query = query.filter(practical_test::Column::GraderId.eq(viewer.id.0));
    }
    summaries(db, query.all(db).await?).await
}

/// Clears what the tests of applications `application_ids` say in words (the grader's notes),
/// and kills their links to the materials: they are about a person being anonymised. Points
/// and results stay, as figures.
pub async fn forget(db: &impl ConnectionTrait, application_ids: &[i32]) -> Result<(), AppError> {
    use sea_orm::sea_query::Expr;
    let tests: Vec<i32> = practical_test::Entity::find()
        .filter(practical_test::Column::ApplicationId.is_in(application_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    practical_test::Entity::update_many()
        .col_expr(practical_test::Column::Notes, Expr::value(""))
        .col_expr(
            practical_test::Column::LinkTokenHash,
            Expr::value(Option::<String>::None),
        )
        .filter(practical_test::Column::Id.is_in(tests.clone()))
        .exec(db)
        .await?;
    practical_test_criterion::Entity::update_many()
        .col_expr(practical_test_criterion::Column::Notes, Expr::value(""))
        .filter(practical_test_criterion::Column::TestId.is_in(tests))
        .exec(db)
        .await?;
    Ok(())
}

/// The practical tests of applications `application_ids` as a person's data export holds
/// them: what was asked, when, and every criterion's points and notes.
pub async fn export(
    db: &impl ConnectionTrait,
    application_ids: &[i32],
) -> Result<Vec<serde_json::Value>, AppError> {
    let tests = practical_test::Entity::find()
        .filter(practical_test::Column::ApplicationId.is_in(application_ids.iter().copied()))
        .order_by_asc(practical_test::Column::Id)
        .all(db)
        .await?;
    let criteria = practical_test_criterion::Entity::find()
        .filter(practical_test_criterion::Column::TestId.is_in(tests.iter().map(|t| t.id)))
        .order_by_asc(practical_test_criterion::Column::Position)
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
                "due_on": t.due_on,
                "assigned_at": t.assigned_at,
                "started_at": t.started_at,
                "graded_at": t.graded_at,
                "passed": t.passed,
                "pass_mark": t.pass_mark,
                "notes": t.notes,
                "criteria": criteria.iter().filter(|c| c.test_id == t.id).map(|c| serde_json::json!({
                    "description": c.description_en,
                    "max_points": c.max_points,
                    "points": c.points,
                    "notes": c.notes,
                })).collect::<Vec<_>>(),
            })
        })
        .collect())
}
