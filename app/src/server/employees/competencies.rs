//! An employee's competency levels, each with what shows it, against what their job profile
//! requires: the hire sets the first levels from the assessment, and completed courses and
//! verified certificates raise them.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::model::{AppError, ApplicationAssessment, EmployeeCompetency, EmployeeId, LevelSource};
use crate::server::entities::{competency, employee_competency, profile_requirement};

/// A level in tenths (3.7) as a whole level: rounded half up, at most 5.
pub fn whole_level(tenths: u16) -> u8 {
    u8::try_from(tenths.saturating_add(5) / 10).map_or(5, |l| l.min(5))
}

/// Sets employee `id`'s levels from the assessment of the application they were hired
/// through: each competency assessed, at the level the evidence shows, with the application
/// as its source. Levels already held from elsewhere are replaced only when lower.
pub async fn start_from_assessment(
    db: &impl ConnectionTrait,
    id: EmployeeId,
    assessed: &ApplicationAssessment,
) -> Result<(), AppError> {
    let evidence: Vec<(i32, i32)> = assessed
        .assessment
        .competencies
        .iter()
        .filter_map(|c| {
            let level = i32::from(whole_level(c.level_tenths?));
            (level > 0).then_some((c.id.0, level))
        })
        .collect();
    let source = (
        LevelSource::Assessment,
        assessed.assessment.application_id.0,
    );
    raise(db, id, evidence, source, Utc::now()).await
}

/// Raises `employee`'s level in each (competency, level) of `evidence` that is higher than
/// what they hold, with `source` (what shows it, and its id) as the evidence; higher levels
/// held stay as they are.
pub async fn raise(
    tx: &impl ConnectionTrait,
    employee: EmployeeId,
    evidence: impl IntoIterator<Item = (i32, i32)>,
    source: (LevelSource, i32),
    now: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    for (competency, level) in evidence {
        let held = employee_competency::Entity::find_by_id((employee.0, competency))
            .one(tx)
            .await?;
        if held.as_ref().is_some_and(|h| h.level >= level) {
            continue;
        }
        let row = employee_competency::ActiveModel {
            employee_id: sea_orm::Set(employee.0),
            competency_id: sea_orm::Set(competency),
            level: sea_orm::Set(level),
            source: sea_orm::Set(source.0.as_str().to_owned()),
            source_id: sea_orm::Set(Some(source.1)),
            updated_at: sea_orm::Set(now),
        };
        employee_competency::Entity::insert(row)
            .on_conflict(
                sea_orm::sea_query::OnConflict::columns([
                    employee_competency::Column::EmployeeId,
                    employee_competency::Column::CompetencyId,
                ])
                .update_columns([
                    employee_competency::Column::Level,
                    employee_competency::Column::Source,
                    employee_competency::Column::SourceId,
                    employee_competency::Column::UpdatedAt,
                ])
                .to_owned(),
            )
            .exec(tx)
            .await?;
    }
    Ok(())
}

/// Employee `id`'s competencies: those `profile` requires (biggest gap first, then by English
/// name), then the others they hold, by English name.
pub async fn of_employee(
    db: &impl ConnectionTrait,
    id: EmployeeId,
    profile: Option<i32>,
) -> Result<Vec<EmployeeCompetency>, AppError> {
    let held: HashMap<i32, employee_competency::Model> = employee_competency::Entity::find()
        .filter(employee_competency::Column::EmployeeId.eq(id.0))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.competency_id, c))
        .collect();
    let required: HashMap<i32, i16> = match profile {
        Some(profile) => profile_requirement::Entity::find()
            .filter(profile_requirement::Column::ProfileId.eq(profile))
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.competency_id, r.required_level))
            .collect(),
        None => HashMap::new(),
    };
    let names = competency::Entity::find()
        .filter(competency::Column::Id.is_in(held.keys().chain(required.keys()).copied()))
        .all(db)
        .await?;
    let mut found: Vec<EmployeeCompetency> = names
        .into_iter()
        .map(|c| {
            let level = held.get(&c.id);
            EmployeeCompetency {
                level: level.and_then(|l| u8::try_from(l.level).ok()).unwrap_or(0),
                required_level: required.get(&c.id).and_then(|&r| u8::try_from(r).ok()),
                source: level.and_then(|l| LevelSource::parse(&l.source)),
                name_it: c.name_it,
                name_en: c.name_en,
            }
        })
        .collect();
    found.sort_by(|a, b| {
        b.required_level
            .is_some()
            .cmp(&a.required_level.is_some())
            .then_with(|| b.gap().cmp(&a.gap()))
            .then_with(|| a.name_en.cmp(&b.name_en))
    });
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_in_tenths_rounds_half_up_and_stays_within_five() {
        assert_eq!(whole_level(34), 3);
        assert_eq!(whole_level(35), 4);
        assert_eq!(whole_level(40), 4);
        assert_eq!(whole_level(0), 0);
        assert_eq!(whole_level(80), 5);
    }
}
