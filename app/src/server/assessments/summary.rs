//! The assessment of applications: per competency of the opening's profile, the interviewers'
//! ratings from submitted scorecards and the levels of graded practical and online tests, the level they
//! show together, and the weighted fit; for one application or an opening's candidates side
//! by side. A fixed number of statements, however many candidates.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::online::review;
use super::practical;
use crate::model::{
    AppError, ApplicationAssessment, ApplicationId, AssessedCompetency, Assessment, CandidateId,
    CompetencyId, InterviewStatus, Named, OnlineStatus, OnlineTestId, OpeningAssessment, OpeningId,
    PracticalTestId, Stage, TestEvidence, TestRef, TestStatus, evidence_level, fit,
};
use crate::server::entities::{
    application, candidate, competency, interview, job_profile, online_test, online_test_item,
    opening, practical_test, practical_test_criterion, profile_requirement, scorecard,
    scorecard_rating,
};

/// One competency the profile requires.
struct Requirement {
    competency: competency::Model,
    weight: u8,
    required_level: u8,
}

/// The profile's requirements, heaviest first, then by English name.
async fn requirements(
    db: &impl ConnectionTrait,
    profile_id: i32,
) -> Result<Vec<Requirement>, AppError> {
    let rows = profile_requirement::Entity::find()
        .filter(profile_requirement::Column::ProfileId.eq(profile_id))
        .all(db)
        .await?;
    let competencies: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(rows.iter().map(|r| r.competency_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut found: Vec<Requirement> = rows
        .into_iter()
        .filter_map(|r| {
            Some(Requirement {
                competency: competencies.get(&r.competency_id)?.clone(),
                weight: u8::try_from(r.weight).unwrap_or(0),
                required_level: u8::try_from(r.required_level).unwrap_or(0),
            })
        })
        .collect();
    found.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then_with(|| a.competency.name_en.cmp(&b.competency.name_en))
    });
    Ok(found)
}

/// The assessments of `applications` (all of one opening) against `requirements`.
async fn assess(
    db: &impl ConnectionTrait,
    requirements: &[Requirement],
    applications: Vec<application::Model>,
) -> Result<Vec<Assessment>, AppError> {
    let ids: Vec<i32> = applications.iter().map(|a| a.id).collect();
    let people: HashMap<i32, String> = candidate::Entity::find()
        .filter(candidate::Column::Id.is_in(applications.iter().map(|a| a.candidate_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let interviews: HashMap<i32, i32> = interview::Entity::find()
        .filter(interview::Column::ApplicationId.is_in(ids.clone()))
        .filter(interview::Column::Status.eq(InterviewStatus::Scheduled.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i.application_id))
        .collect();
    // Scorecard id → application id, for submitted scorecards only.
    let cards: HashMap<i32, i32> = scorecard::Entity::find()
        .filter(scorecard::Column::InterviewId.is_in(interviews.keys().copied()))
        .filter(scorecard::Column::SubmittedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|c| Some((c.id, *interviews.get(&c.interview_id)?)))
        .collect();
    let ratings = scorecard_rating::Entity::find()
        .filter(scorecard_rating::Column::ScorecardId.is_in(cards.keys().copied()))
        .order_by_asc(scorecard_rating::Column::ScorecardId)
        .all(db)
        .await?;
    let tests = practical_test::Entity::find()
        .filter(practical_test::Column::ApplicationId.is_in(ids))
        .filter(practical_test::Column::Status.eq(TestStatus::Graded.as_str()))
        .order_by_asc(practical_test::Column::GradedAt)
        .all(db)
        .await?;
    let criteria = practical_test_criterion::Entity::find()
        .filter(practical_test_criterion::Column::TestId.is_in(tests.iter().map(|t| t.id)))
        .order_by_asc(practical_test_criterion::Column::Position)
        .all(db)
        .await?;
    let online = online_test::Entity::find()
        .filter(online_test::Column::ApplicationId.is_in(applications.iter().map(|a| a.id)))
        .filter(online_test::Column::Status.eq(OnlineStatus::Graded.as_str()))
        .order_by_asc(online_test::Column::GradedAt)
        .all(db)
        .await?;
    let online_items = online_test_item::Entity::find()
        .filter(online_test_item::Column::TestId.is_in(online.iter().map(|t| t.id)))
        .order_by_asc(online_test_item::Column::Position)
        .all(db)
        .await?;
    let names: HashMap<i32, competency::Model> = requirements
        .iter()
        .map(|r| (r.competency.id, r.competency.clone()))
        .collect();
    Ok(applications
        .into_iter()
        .map(|a| {
            // Each graded test, practical or online: its titles and what it shows per competency.
            let practical_evidence = tests.iter().filter(|t| t.application_id == a.id).map(|t| {
                let rubric: Vec<_> = criteria
                    .iter()
                    .filter(|c| c.test_id == t.id)
                    .cloned()
                    .collect();
                (
                    TestRef::Practical(PracticalTestId(t.id)),
                    (t.title_it.clone(), t.title_en.clone()),
                    practical::contributions(&rubric, &names),
                )
            });
            let online_evidence = online.iter().filter(|t| t.application_id == a.id).map(|t| {
                let answered: Vec<_> = online_items
                    .iter()
                    .filter(|i| i.test_id == t.id)
                    .cloned()
                    .collect();
                (
                    TestRef::Online(OnlineTestId(t.id)),
                    (t.title_it.clone(), t.title_en.clone()),
                    review::contributions(&answered, &names),
                )
            });
            let evidence: Vec<_> = practical_evidence.chain(online_evidence).collect();
            let competencies: Vec<AssessedCompetency> = requirements
                .iter()
                .map(|r| {
                    let given: Vec<u8> = ratings
                        .iter()
                        .filter(|x| {
                            x.competency_id == r.competency.id
                                && cards.get(&x.scorecard_id) == Some(&a.id)
                        })
                        .filter_map(|x| x.rating.and_then(|v| u8::try_from(v).ok()))
                        .collect();
                    let as_options: Vec<Option<u8>> = given.iter().map(|&g| Some(g)).collect();
                    let (mean, spread, _) =
                        crate::server::interviews::comparison::summarise(&as_options);
                    let shown: Vec<TestEvidence> = evidence
                        .iter()
                        .filter_map(|(test, (title_it, title_en), contributions)| {
                            let c = contributions
                                .iter()
                                .find(|c| c.competency_id.0 == r.competency.id)?;
                            Some(TestEvidence {
                                test: *test,
                                title_it: title_it.clone(),
                                title_en: title_en.clone(),
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
                candidate_name: people.get(&a.candidate_id).cloned().unwrap_or_default(),
                stage: Stage::parse(&a.stage).unwrap_or(Stage::Applied),
                competencies,
                fit,
            }
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

/// Opening `id`'s candidates side by side: every application not rejected or withdrawn.
pub async fn for_opening(
    db: &impl ConnectionTrait,
    id: OpeningId,
) -> Result<OpeningAssessment, AppError> {
    let (the_opening, profile) = opening_and_profile(db, id.0).await?;
    let requirements = requirements(db, profile.id).await?;
    let applications = application::Entity::find()
        .filter(application::Column::OpeningId.eq(id.0))
        .filter(
            application::Column::Stage
                .is_not_in([Stage::Rejected.as_str(), Stage::Withdrawn.as_str()]),
        )
        .all(db)
        .await?;
    let mut candidates = assess(db, &requirements, applications).await?;
    candidates.sort_by(|a, b| a.candidate_name.cmp(&b.candidate_name));
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
        candidates,
    })
}
