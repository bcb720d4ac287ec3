//! The assessment of applications: per competency of the opening's profile, the interviewers'
//! ratings from submitted scorecards and the levels of graded practical and online tests, the level they
//! show together, and the weighted fit; for one application or an opening's candidates side
//! by side, a page at a time in the order the stored scores (`scores`) give. A fixed number
//! of statements, however many candidates.

use std::collections::HashMap;

use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, Order, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, JoinType, QueryFilter, QueryOrder,
    QuerySelect, RelationDef,
};

use crate::model::{
    AppError, ApplicationAssessment, ApplicationId, AssessedCompetency, Assessment,
    COMPARISON_PAGE_SIZE, CandidateId, ComparisonSort, CompetencyId, InterviewStatus, Named,
    OnlineStatus, OnlineTestId, OpeningAssessment, OpeningId, PageRequest, PracticalTestId, Stage,
    TestEvidence, TestRef, TestStatus, evidence_level, fit,
};
use crate::server::entities::{
    application, application_level, application_score, candidate, competency, interview,
    job_profile, online_test, online_test_item, opening, practical_test, practical_test_criterion,
    profile_requirement, scorecard, scorecard_rating,
};

/// One competency the profile requires.
pub(super) struct Requirement {
    competency: competency::Model,
    weight: u8,
    required_level: u8,
}

/// The requirements of each of profiles `profile_ids`, heaviest first, then by English name:
/// two statements.
pub(super) async fn requirements_of(
    db: &impl ConnectionTrait,
    profile_ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, Vec<Requirement>>, AppError> {
    let rows = profile_requirement::Entity::find()
        .filter(profile_requirement::Column::ProfileId.is_in(profile_ids))
        .all(db)
        .await?;
    let competencies: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(rows.iter().map(|r| r.competency_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut found: HashMap<i32, Vec<Requirement>> = HashMap::new();
    for r in rows {
        let Some(competency) = competencies.get(&r.competency_id) else {
            continue;
        };
        found.entry(r.profile_id).or_default().push(Requirement {
            competency: competency.clone(),
            weight: u8::try_from(r.weight).unwrap_or(0),
            required_level: u8::try_from(r.required_level).unwrap_or(0),
        });
    }
    for list in found.values_mut() {
        list.sort_by(|a, b| {
            b.weight
                .cmp(&a.weight)
                .then_with(|| a.competency.name_en.cmp(&b.competency.name_en))
        });
    }
    Ok(found)
}

/// Profile `profile_id`'s requirements, heaviest first, then by English name.
async fn requirements(
    db: &impl ConnectionTrait,
    profile_id: i32,
) -> Result<Vec<Requirement>, AppError> {
    Ok(requirements_of(db, [profile_id])
        .await?
        .remove(&profile_id)
        .unwrap_or_default())
}

/// The competencies of `requirements`, by id.
pub(super) fn names_of(requirements: &[Requirement]) -> HashMap<i32, competency::Model> {
    requirements
        .iter()
        .map(|r| (r.competency.id, r.competency.clone()))
        .collect()
}

/// A rating given in a submitted scorecard of a scheduled interview.
#[derive(FromQueryResult)]
struct RatingRow {
    application_id: i32,
    competency_id: i32,
    rating: Option<i16>,
}

/// A graded test of either kind.
#[derive(FromQueryResult)]
struct TestRow {
    id: i32,
    application_id: i32,
    title_it: String,
    title_en: String,
}

/// A graded test's criterion or question: its competency, points given and maximum.
#[derive(FromQueryResult)]
struct ScoredRow {
    test_id: i32,
    competency_id: i32,
    points: Option<i32>,
    max_points: i32,
}

/// A graded test and what it scored per criterion or question, in order.
struct GradedTest {
    test: TestRef,
    title_it: String,
    title_en: String,
    scored: Vec<(i32, Option<i32>, i32)>,
}

/// What counts towards the assessment of some applications, by application: the ratings of
/// submitted scorecards of scheduled interviews (in scorecard order), and the graded tests
/// (practical, then online, each by when graded). Read in five statements, however many
/// applications; only the columns the assessment needs.
pub(super) struct Evidence {
    ratings: HashMap<i32, Vec<(i32, u8)>>,
    tests: HashMap<i32, Vec<GradedTest>>,
}

impl Evidence {
    pub(super) async fn load(
        db: &impl ConnectionTrait,
        application_ids: &[i32],
    ) -> Result<Evidence, AppError> {
        let ids = || application_ids.iter().copied();
        let card: RelationDef = scorecard_rating::Entity::belongs_to(scorecard::Entity)
            .from(scorecard_rating::Column::ScorecardId)
            .to(scorecard::Column::Id)
            .into();
        let card_interview: RelationDef = scorecard::Entity::belongs_to(interview::Entity)
            .from(scorecard::Column::InterviewId)
            .to(interview::Column::Id)
            .into();
        let rated = scorecard_rating::Entity::find()
            .select_only()
            .column_as(interview::Column::ApplicationId, "application_id")
            .column(scorecard_rating::Column::CompetencyId)
            .column(scorecard_rating::Column::Rating)
            .join(JoinType::InnerJoin, card)
            .join(JoinType::InnerJoin, card_interview)
            .filter(interview::Column::ApplicationId.is_in(ids()))
            .filter(interview::Column::Status.eq(InterviewStatus::Scheduled.as_str()))
            .filter(scorecard::Column::SubmittedAt.is_not_null())
            .filter(scorecard_rating::Column::Rating.is_not_null())
            .order_by_asc(scorecard_rating::Column::ScorecardId)
            .into_model::<RatingRow>()
            .all(db)
            .await?;
        let mut ratings: HashMap<i32, Vec<(i32, u8)>> = HashMap::new();
        for r in rated {
            if let Some(rating) = r.rating.and_then(|v| u8::try_from(v).ok()) {
                ratings
                    .entry(r.application_id)
                    .or_default()
                    .push((r.competency_id, rating));
            }
        }

        let practical = practical_test::Entity::find()
            .select_only()
            .columns([
                practical_test::Column::Id,
                practical_test::Column::ApplicationId,
                practical_test::Column::TitleIt,
                practical_test::Column::TitleEn,
            ])
            .filter(practical_test::Column::ApplicationId.is_in(ids()))
            .filter(practical_test::Column::Status.eq(TestStatus::Graded.as_str()))
            .order_by_asc(practical_test::Column::GradedAt)
            .order_by_asc(practical_test::Column::Id)
            .into_model::<TestRow>()
            .all(db)
            .await?;
        let criteria = practical_test_criterion::Entity::find()
            .select_only()
            .columns([
                practical_test_criterion::Column::TestId,
                practical_test_criterion::Column::CompetencyId,
                practical_test_criterion::Column::Points,
                practical_test_criterion::Column::MaxPoints,
            ])
            .filter(practical_test_criterion::Column::TestId.is_in(practical.iter().map(|t| t.id)))
            .order_by_asc(practical_test_criterion::Column::Position)
            .order_by_asc(practical_test_criterion::Column::Id)
            .into_model::<ScoredRow>()
            .all(db)
            .await?;
        let online = online_test::Entity::find()
            .select_only()
            .columns([
                online_test::Column::Id,
                online_test::Column::ApplicationId,
                online_test::Column::TitleIt,
                online_test::Column::TitleEn,
            ])
            .filter(online_test::Column::ApplicationId.is_in(ids()))
            .filter(online_test::Column::Status.eq(OnlineStatus::Graded.as_str()))
            .order_by_asc(online_test::Column::GradedAt)
            .order_by_asc(online_test::Column::Id)
            .into_model::<TestRow>()
            .all(db)
            .await?;
        let items = online_test_item::Entity::find()
            .select_only()
            .column(online_test_item::Column::TestId)
            .column(online_test_item::Column::CompetencyId)
            .column_as(online_test_item::Column::Awarded, "points")
            .column_as(online_test_item::Column::Points, "max_points")
            .filter(online_test_item::Column::TestId.is_in(online.iter().map(|t| t.id)))
            .order_by_asc(online_test_item::Column::Position)
            .order_by_asc(online_test_item::Column::Id)
            .into_model::<ScoredRow>()
            .all(db)
            .await?;

        let by_test = |rows: Vec<ScoredRow>| {
            let mut found: HashMap<i32, Vec<(i32, Option<i32>, i32)>> = HashMap::new();
            for r in rows {
                found
                    .entry(r.test_id)
                    .or_default()
                    .push((r.competency_id, r.points, r.max_points));
            }
            found
        };
        let mut criteria = by_test(criteria);
        let mut items = by_test(items);
        let mut tests: HashMap<i32, Vec<GradedTest>> = HashMap::new();
        for t in practical {
            tests.entry(t.application_id).or_default().push(GradedTest {
                test: TestRef::Practical(PracticalTestId(t.id)),
                scored: criteria.remove(&t.id).unwrap_or_default(),
                title_it: t.title_it,
                title_en: t.title_en,
            });
        }
        for t in online {
            tests.entry(t.application_id).or_default().push(GradedTest {
                test: TestRef::Online(OnlineTestId(t.id)),
                scored: items.remove(&t.id).unwrap_or_default(),
                title_it: t.title_it,
                title_en: t.title_en,
            });
        }
        Ok(Evidence { ratings, tests })
    }

    /// Application `a`'s assessment against `requirements` (its profile's, whose competencies
    /// are `names`: `names_of(requirements)`), from this evidence.
    pub(super) fn assess(
        &self,
        a: &application::Model,
        candidate_name: String,
        requirements: &[Requirement],
        names: &HashMap<i32, competency::Model>,
    ) -> Assessment {
        let ratings = self.ratings.get(&a.id).map_or(&[][..], Vec::as_slice);
        // Each graded test, practical or online: its titles and what it shows per competency.
        let evidence: Vec<_> = self
            .tests
            .get(&a.id)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|t| (t, super::contributions(t.scored.iter().copied(), names)))
            .collect();
        let competencies: Vec<AssessedCompetency> = requirements
            .iter()
            .map(|r| {
                let given: Vec<u8> = ratings
                    .iter()
                    .filter(|(competency, _)| *competency == r.competency.id)
                    .map(|(_, rating)| *rating)
                    .collect();
                let as_options: Vec<Option<u8>> = given.iter().map(|&g| Some(g)).collect();
                let (mean, spread, _) =
                    crate::server::interviews::comparison::summarise(&as_options);
                let shown: Vec<TestEvidence> = evidence
                    .iter()
                    .filter_map(|(t, contributions)| {
                        let c = contributions
                            .iter()
                            .find(|c| c.competency_id.0 == r.competency.id)?;
                        Some(TestEvidence {
                            test: t.test,
                            title_it: t.title_it.clone(),
                            title_en: t.title_en.clone(),
                            level: c.level,
                        })
                    })
                    .collect();
                let levels: Vec<u8> = shown.iter().map(|e| e.level).collect();
                AssessedCompetency {
                    id: CompetencyId(r.competency.id),
                    name_it: r.competency.name_it.clone(),
                    name_en: r.competency.name_en.clone(),
                    weight: r.weight,
                    required_level: r.required_level,
                    level_tenths: evidence_level(&given, &levels),
                    ratings: given,
                    rating_mean_tenths: mean,
                    rating_spread: spread,
                    tests: shown,
                }
            })
            .collect();
        let fit = fit(competencies
            .iter()
            .map(|c| (c.weight, c.required_level, c.level_tenths)));
        Assessment {
            application_id: ApplicationId(a.id),
            candidate_id: CandidateId(a.candidate_id),
            candidate_name,
            stage: Stage::parse(&a.stage).unwrap_or(Stage::Applied),
            competencies,
            fit,
        }
    }
}

/// The assessments of `applications` (all of one opening) against `requirements`, in their
/// order: six statements.
async fn assess(
    db: &impl ConnectionTrait,
    requirements: &[Requirement],
    applications: Vec<application::Model>,
) -> Result<Vec<Assessment>, AppError> {
    let ids: Vec<i32> = applications.iter().map(|a| a.id).collect();
    let people: HashMap<i32, String> = candidate::Entity::find()
        .select_only()
        .columns([candidate::Column::Id, candidate::Column::Name])
        .filter(candidate::Column::Id.is_in(applications.iter().map(|a| a.candidate_id)))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let evidence = Evidence::load(db, &ids).await?;
    let names = names_of(requirements);
    Ok(applications
        .iter()
        .map(|a| {
            let name = people.get(&a.candidate_id).cloned().unwrap_or_default();
            evidence.assess(a, name, requirements, &names)
        })
        .collect())
}

/// The opening `id` and its profile.
async fn opening_and_profile(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<(opening::Model, job_profile::Model), AppError> {
    let found = opening::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile = job_profile::Entity::find_by_id(found.profile_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((found, profile))
}

/// Application `id`'s assessment.
pub async fn for_application(
    db: &impl ConnectionTrait,
    id: ApplicationId,
) -> Result<ApplicationAssessment, AppError> {
    let found = application::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (the_opening, profile) = opening_and_profile(db, found.opening_id).await?;
    let requirements = requirements(db, profile.id).await?;
    let assessment = assess(db, &requirements, vec![found])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(ApplicationAssessment {
        opening_id: OpeningId(the_opening.id),
        opening_title_it: format!("{} · {}", profile.title_it, the_opening.location),
        opening_title_en: format!("{} · {}", profile.title_en, the_opening.location),
        assessment,
    })
}

/// The stages whose applications the comparison leaves out.
const LEFT_OUT: [Stage; 2] = [Stage::Rejected, Stage::Withdrawn];

fn left_out() -> impl Iterator<Item = &'static str> {
    LEFT_OUT.iter().map(|s| s.as_str())
}

/// Joins the application (`a`) of the row `table.application_id`, and its candidate (`c`).
fn with_application_and_candidate(
    select: &mut SelectStatement,
    table: Alias,
) -> &mut SelectStatement {
    select
        .join_as(
            JoinType::InnerJoin,
            application::Entity,
            Alias::new("a"),
            Expr::col((Alias::new("a"), application::Column::Id))
                .equals((table, application_score::Column::ApplicationId)),
        )
        .join_as(
            JoinType::InnerJoin,
            candidate::Entity,
            Alias::new("c"),
            Expr::col((Alias::new("c"), candidate::Column::Id))
                .equals((Alias::new("a"), application::Column::CandidateId)),
        )
}

/// Opening `opening`'s applications in the comparison that `sort` ranks (those with a fit, or
/// a level in the competency), best first, then by name and application: read from the
/// stored scores through their index, so a page near the top reads little more than itself.
fn ranked(opening: i32, sort: ComparisonSort) -> SelectStatement {
    let (s, a) = (Alias::new("s"), Alias::new("a"));
    let mut select = Query::select();
    match sort {
        ComparisonSort::Fit => {
            select
                .column((s.clone(), application_score::Column::ApplicationId))
                .from_as(application_score::Entity, s.clone())
                .and_where(Expr::col((s.clone(), application_score::Column::OpeningId)).eq(opening))
                .and_where(
                    Expr::col((s.clone(), application_score::Column::FitPercent)).is_not_null(),
                );
            with_application_and_candidate(&mut select, s.clone())
                .order_by((s, application_score::Column::FitPercent), Order::Desc);
        }
        ComparisonSort::Competency(competency) => {
            select
                .column((s.clone(), application_level::Column::ApplicationId))
                .from_as(application_level::Entity, s.clone())
                .and_where(Expr::col((s.clone(), application_level::Column::OpeningId)).eq(opening))
                .and_where(
                    Expr::col((s.clone(), application_level::Column::CompetencyId))
                        .eq(competency.0),
                );
            with_application_and_candidate(&mut select, s.clone())
                .order_by((s, application_level::Column::LevelTenths), Order::Desc);
        }
    }
    select
        .and_where(Expr::col((a.clone(), application::Column::Stage)).is_not_in(left_out()))
        .order_by((Alias::new("c"), candidate::Column::Name), Order::Asc)
        .order_by((a, application::Column::Id), Order::Asc);
    select
}

/// Opening `opening`'s applications in the comparison that `sort` does not rank (nothing
/// assessed, or not that competency), by name and application.
fn unranked(opening: i32, sort: ComparisonSort) -> SelectStatement {
    let (a, c, s) = (Alias::new("a"), Alias::new("c"), Alias::new("s"));
    let mut select = Query::select();
    select
        .column((a.clone(), application::Column::Id))
        .from_as(application::Entity, a.clone())
        .join_as(
            JoinType::InnerJoin,
            candidate::Entity,
            c.clone(),
            Expr::col((c.clone(), candidate::Column::Id))
                .equals((a.clone(), application::Column::CandidateId)),
        )
        .and_where(Expr::col((a.clone(), application::Column::OpeningId)).eq(opening))
        .and_where(Expr::col((a.clone(), application::Column::Stage)).is_not_in(left_out()));
    match sort {
        ComparisonSort::Fit => {
            select
                .join_as(
                    JoinType::LeftJoin,
                    application_score::Entity,
                    s.clone(),
                    Expr::col((s.clone(), application_score::Column::ApplicationId))
                        .equals((a.clone(), application::Column::Id)),
                )
                .and_where(Expr::col((s, application_score::Column::FitPercent)).is_null());
        }
        ComparisonSort::Competency(competency) => {
            select
                .join_as(
                    JoinType::LeftJoin,
                    application_level::Entity,
                    s.clone(),
                    Condition::all()
                        .add(
                            Expr::col((s.clone(), application_level::Column::ApplicationId))
                                .equals((a.clone(), application::Column::Id)),
                        )
                        .add(
                            Expr::col((s.clone(), application_level::Column::CompetencyId))
                                .eq(competency.0),
                        ),
                )
                .and_where(Expr::col((s, application_level::Column::ApplicationId)).is_null());
        }
    }
    select
        .order_by((c, candidate::Column::Name), Order::Asc)
        .order_by((a, application::Column::Id), Order::Asc);
    select
}

/// The ids (column 0) that `select` answers.
async fn ids_of(db: &impl ConnectionTrait, select: &SelectStatement) -> Result<Vec<i32>, AppError> {
    db.query_all(select)
        .await?
        .iter()
        .map(|row| row.try_get_by_index::<i32>(0).map_err(AppError::from))
        .collect()
}

/// The number (column 0) that `select` answers.
async fn count_of(db: &impl ConnectionTrait, select: &SelectStatement) -> Result<u64, AppError> {
    let found: i64 = db
        .query_one(select)
        .await?
        .map(|row| row.try_get_by_index(0))
        .transpose()?
        .unwrap_or(0);
    Ok(u64::try_from(found).unwrap_or(0))
}

/// The applications of page `offset`..`offset + size` of opening `opening`'s comparison in
/// `sort`'s order: the ranked ones first, then those not ranked. One statement for a page of
/// ranked ones, at most three otherwise.
async fn page_ids(
    db: &impl ConnectionTrait,
    opening: i32,
    sort: ComparisonSort,
    offset: u64,
    size: u64,
) -> Result<Vec<i32>, AppError> {
    let mut ids = ids_of(db, ranked(opening, sort).limit(size).offset(offset)).await?;
    let found = ids.len() as u64;
    if found == size {
        return Ok(ids);
    }
    // The ranked ones end on this page (then they number `offset + found`) or before it.
    let ranked_count = if found > 0 || offset == 0 {
        offset + found
    } else {
        let mut count = ranked(opening, sort);
        count
            .clear_selects()
            .clear_order_by()
            .expr(Expr::cust("COUNT(*)"));
        count_of(db, &count).await?
    };
    let rest = unranked(opening, sort)
        .limit(size - found)
        .offset(offset.saturating_sub(ranked_count))
        .to_owned();
    ids.extend(ids_of(db, &rest).await?);
    Ok(ids)
}

/// Page `page` (from 0) of opening `id`'s candidates side by side: the applications not
/// rejected or withdrawn, `COMPARISON_PAGE_SIZE` a page in `sort`'s order, only this page's
/// assessed in full. A fixed number of statements (at most fifteen), however many
/// applications the opening has.
pub async fn for_opening(
    db: &impl ConnectionTrait,
    id: OpeningId,
    sort: ComparisonSort,
    page: u64,
) -> Result<OpeningAssessment, AppError> {
    let asked = PageRequest::new(page, COMPARISON_PAGE_SIZE)?;
    let (the_opening, profile) = opening_and_profile(db, id.0).await?;
    let requirements = requirements(db, profile.id).await?;
    let sort = match sort {
        ComparisonSort::Competency(c) if requirements.iter().any(|r| r.competency.id == c.0) => {
            sort
        }
        _ => ComparisonSort::Fit,
    };
    let total = count_of(
        db,
        Query::select()
            .expr(Expr::cust("COUNT(*)"))
            .from(application::Entity)
            .and_where(application::Column::OpeningId.eq(id.0))
            .and_where(application::Column::Stage.is_not_in(left_out())),
    )
    .await?;
    let per_page = asked.size();
    let last = std::cmp::max(total.div_ceil(per_page), 1) - 1;
    let page = std::cmp::min(asked.number(), last);
    let ids = page_ids(db, id.0, sort, page * per_page, per_page).await?;
    let mut applications: HashMap<i32, application::Model> = application::Entity::find()
        .filter(application::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let in_order: Vec<application::Model> = ids
        .iter()
        .filter_map(|id| applications.remove(id))
        .collect();
    let candidates = assess(db, &requirements, in_order).await?;
    Ok(OpeningAssessment {
        opening_id: id,
        title_it: format!("{} · {}", profile.title_it, the_opening.location),
        title_en: format!("{} · {}", profile.title_en, the_opening.location),
        competencies: requirements
            .iter()
            .map(|r| Named {
                id: CompetencyId(r.competency.id),
                name_it: r.competency.name_it.clone(),
                name_en: r.competency.name_en.clone(),
            })
            .collect(),
        sort,
        page,
        per_page,
        total,
        candidates,
    })
}
