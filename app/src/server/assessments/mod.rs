//! Assessments: practical test templates with their rubrics and materials, the tests HR give to
//! applications, and the grading that turns a rubric's points into competency levels.

pub mod access;
pub mod candidate_link;
pub mod demo;
pub mod grading;
pub mod materials;
pub mod online;
pub mod practical;
pub mod scores;
pub mod summary;
pub mod templates;

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, EntityTrait};

use crate::model::{
    AppError, CompetencyId, Contribution, FieldErrors, Permission, Role, Stage, UserId,
    points_level,
};
use crate::server::entities::{application, competency, user};

/// A refusal of `field` with `code` (`form` for the form as a whole).
fn refuse(field: &str, code: &str) -> AppError {
    AppError::Invalid(FieldErrors::single(field, code))
}

/// What a graded test shows per competency: each competency's points given and most it could
/// earn, summed over its `scored` criteria or questions (competency id, points given if any,
/// maximum), in order of first mention, and the level they make. Those not scored count for
/// nothing.
pub fn contributions(
    scored: impl IntoIterator<Item = (i32, Option<i32>, i32)>,
    names: &HashMap<i32, competency::Model>,
) -> Vec<Contribution> {
    let mut order: Vec<i32> = Vec::new();
    let mut sums: HashMap<i32, (u32, u32)> = HashMap::new();
    for (competency_id, points, max_points) in scored {
        let Some(points) = points else {
            continue;
        };
        if !order.contains(&competency_id) {
            order.push(competency_id);
        }
        let sum = sums.entry(competency_id).or_default();
        sum.0 += u32::try_from(points).unwrap_or(0);
        sum.1 += u32::try_from(max_points).unwrap_or(0);
    }
    order
        .into_iter()
        .filter_map(|id| {
            let (points, max_points) = sums.get(&id).copied()?;
            let name = names.get(&id)?;
            Some(Contribution {
                competency_id: CompetencyId(id),
                name_it: name.name_it.clone(),
                name_en: name.name_en.clone(),
                points,
                max_points,
                level: points_level(points, max_points)?,
            })
        })
        .collect()
}

/// Application `id`, if a test can still be given to it: refused on `application_id` when it
/// does not exist or is closed (rejected, withdrawn or hired).
async fn open_application(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<application::Model, AppError> {
    let found = application::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| refuse("application_id", "not_found"))?;
    if matches!(
        Stage::parse(&found.stage),
        Some(Stage::Rejected | Stage::Withdrawn | Stage::Hired)
    ) {
        return Err(refuse("application_id", "application_finished"));
    }
    Ok(found)
}

/// User `id`, if they can grade: active staff who take part in assessing; refused on
/// `grader_id` otherwise.
async fn grader(db: &impl ConnectionTrait, id: UserId) -> Result<user::Model, AppError> {
    user::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .filter(|u| {
            u.active && Role::parse(&u.role).is_some_and(|role| role.can(Permission::Interview))
        })
        .ok_or_else(|| refuse("grader_id", "not_staff"))
}
