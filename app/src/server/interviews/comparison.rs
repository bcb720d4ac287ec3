//! The comparison HR read at the debrief: for each competency of the profile, every rater's
//! rating from the submitted scorecards of an application, their mean and spread, and a flag
//! where two raters differ by 2 or more; and the recommendations side by side.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::scorecards;
use crate::model::{
    AppError, ComparedCompetency, Comparison, CompetencyId, InterviewKind, InterviewStatus, Rater,
    Recommendation, UserId,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{
    application, competency, interview, opening, profile_requirement, scorecard, scorecard_rating,
};

/// Two raters this far apart on a competency is a point to settle.
pub const DISAGREEMENT: u8 = 2;

/// The mean (in tenths, rounded) and the spread of the ratings given, and whether they
/// disagree.
pub fn summarise(ratings: &[Option<u8>]) -> (Option<u16>, Option<u8>, bool) {
    let given: Vec<u16> = ratings.iter().flatten().map(|&r| u16::from(r)).collect();
    if given.is_empty() {
        return (None, None, false);
    }
    let count = u16::try_from(given.len()).unwrap_or(u16::MAX);
    let sum: u16 = given.iter().sum();
    let mean_tenths = (sum * 10 + count / 2) / count;
    let high = given.iter().max().copied().unwrap_or(0);
    let low = given.iter().min().copied().unwrap_or(0);
    let spread = u8::try_from(high - low).unwrap_or(u8::MAX);
    (Some(mean_tenths), Some(spread), spread >= DISAGREEMENT)
}

/// The comparison for application `application_id`, if `user` may see it (HR always, an
/// interviewer once their own scorecards for it are submitted); `Forbidden` otherwise.
pub async fn for_application(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    application_id: i32,
) -> Result<Comparison, AppError> {
    let application = application::Entity::find_by_id(application_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !scorecards::sees_others(db, user, application_id).await? {
        return Err(AppError::Forbidden);
    }
    let opening = opening::Entity::find_by_id(application.opening_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let interviews = interview::Entity::find()
        .filter(interview::Column::ApplicationId.eq(application_id))
        .filter(interview::Column::Status.eq(InterviewStatus::Scheduled.as_str()))
        .order_by_asc(interview::Column::StartsAt)
        .all(db)
        .await?;
    let cards = scorecard::Entity::find()
        .filter(scorecard::Column::InterviewId.is_in(interviews.iter().map(|i| i.id)))
        .filter(scorecard::Column::SubmittedAt.is_not_null())
        .order_by_asc(scorecard::Column::SubmittedAt)
        .all(db)
        .await?;
    let ratings = scorecard_rating::Entity::find()
        .filter(scorecard_rating::Column::ScorecardId.is_in(cards.iter().map(|c| c.id)))
        .all(db)
        .await?;
    let names =
        crate::server::accounts::users::names(db, cards.iter().map(|c| c.interviewer_id).collect())
            .await?;
    let requirements = profile_requirement::Entity::find()
        .filter(profile_requirement::Column::ProfileId.eq(opening.profile_id))
        .all(db)
        .await?;
    let competencies: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(requirements.iter().map(|r| r.competency_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let raters = cards
        .iter()
        .map(|card| Rater {
            id: UserId(card.interviewer_id),
            name: names.get(&card.interviewer_id).cloned().unwrap_or_default(),
            kind: interviews
                .iter()
                .find(|i| i.id == card.interview_id)
                .and_then(|i| InterviewKind::parse(&i.kind))
                .unwrap_or(InterviewKind::HrInterview),
            recommendation: card
                .recommendation
                .as_deref()
                .and_then(Recommendation::parse),
        })
        .collect();
    let mut compared: Vec<ComparedCompetency> = requirements
        .iter()
        .filter_map(|requirement| {
            let c = competencies.get(&requirement.competency_id)?;
            let given: Vec<Option<u8>> = cards
                .iter()
                .map(|card| {
                    ratings
                        .iter()
                        .find(|r| r.scorecard_id == card.id && r.competency_id == c.id)
                        .and_then(|r| r.rating)
                        .and_then(|r| u8::try_from(r).ok())
                })
                .collect();
            let (mean_tenths, spread, disagreement) = summarise(&given);
            Some(ComparedCompetency {
                id: CompetencyId(c.id),
                name_it: c.name_it.clone(),
                name_en: c.name_en.clone(),
                required_level: u8::try_from(requirement.required_level).unwrap_or(0),
                weight: u8::try_from(requirement.weight).unwrap_or(0),
                ratings: given,
                mean_tenths,
                spread,
                disagreement,
            })
        })
        .collect();
    compared.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then_with(|| a.name_en.cmp(&b.name_en))
    });
    Ok(Comparison {
        raters,
        competencies: compared,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_two_apart_are_flagged_and_one_apart_are_not() {
        assert_eq!(summarise(&[Some(2), Some(4)]), (Some(30), Some(2), true));
        assert_eq!(summarise(&[Some(3), Some(4)]), (Some(35), Some(1), false));
    }

    #[test]
    fn not_assessed_counts_for_nothing_and_none_given_has_no_mean() {
        assert_eq!(
            summarise(&[Some(4), None, Some(5)]),
            (Some(45), Some(1), false)
        );
        assert_eq!(summarise(&[None, None]), (None, None, false));
        assert_eq!(
            summarise(&[Some(3), Some(3), Some(4)]),
            (Some(33), Some(1), false)
        );
    }
}
