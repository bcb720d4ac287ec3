//! What the starter data (the migrations' framework, tests, courses and certifications) offers
//! the generator, read once: each job profile's requirements, tests, mandatory courses and
//! required certifications.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryOrder};

use crate::server::entities::{
    certification, certification_profile, course, course_profile, job_profile, online_question,
    online_template, online_template_profile, practical_template, practical_template_criterion,
    practical_template_profile, profile_requirement,
};

/// One job profile as the generator needs it.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub id: i32,
    pub code: String,
    /// (competency, required level), in competency order.
    pub requirements: Vec<(i32, i16)>,
    pub practical: Option<usize>,
    pub online: Option<usize>,
    /// Mandatory courses, as indexes into [`Starter::courses`].
    pub courses: Vec<usize>,
    /// Required certifications, as indexes into [`Starter::certifications`].
    pub certifications: Vec<usize>,
}

/// A practical test's template with its criteria.
#[derive(Debug, Clone)]
pub struct Practical {
    pub template: practical_template::Model,
    pub criteria: Vec<practical_template_criterion::Model>,
}

/// An online test's template with its questions.
#[derive(Debug, Clone)]
pub struct Online {
    pub template: online_template::Model,
    pub questions: Vec<online_question::Model>,
}

/// The starter data, by profile id.
#[derive(Debug, Clone, Default)]
pub struct Starter {
    pub profiles: HashMap<i32, Profile>,
    pub practicals: Vec<Practical>,
    pub onlines: Vec<Online>,
    pub courses: Vec<course::Model>,
    pub certifications: Vec<certification::Model>,
}

impl Starter {
    pub async fn read(db: &impl ConnectionTrait) -> Result<Self, DbErr> {
        let mut profiles: HashMap<i32, Profile> = job_profile::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|p| {
                let profile = Profile {
                    id: p.id,
                    code: p.code,
                    ..Profile::default()
                };
                (p.id, profile)
            })
            .collect();
        for r in profile_requirement::Entity::find()
            .order_by_asc(profile_requirement::Column::CompetencyId)
            .all(db)
            .await?
        {
            if let Some(profile) = profiles.get_mut(&r.profile_id) {
                profile
                    .requirements
                    .push((r.competency_id, r.required_level));
            }
        }

        let mut criteria = practical_template_criterion::Entity::find()
            .order_by_asc(practical_template_criterion::Column::Position)
            .all(db)
            .await?;
        let practicals: Vec<Practical> = practical_template::Entity::find()
            .order_by_asc(practical_template::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .filter(|t| t.active)
            .map(|template| {
                let (mine, rest) = criteria
                    .drain(..)
                    .partition(|c| c.template_id == template.id);
                criteria = rest;
                Practical {
                    template,
                    criteria: mine,
                }
            })
            .collect();
        for link in practical_template_profile::Entity::find().all(db).await? {
            let index = practicals
                .iter()
                .position(|p| p.template.id == link.template_id);
            if let (Some(index), Some(profile)) = (index, profiles.get_mut(&link.profile_id)) {
                profile.practical.get_or_insert(index);
            }
        }

        let mut questions = online_question::Entity::find()
            .order_by_asc(online_question::Column::Position)
            .all(db)
            .await?;
        let onlines: Vec<Online> = online_template::Entity::find()
            .order_by_asc(online_template::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .filter(|t| t.active)
            .map(|template| {
                let (mine, rest) = questions
                    .drain(..)
                    .partition(|q| q.template_id == template.id);
                questions = rest;
                Online {
                    template,
                    questions: mine,
                }
            })
            .collect();
        for link in online_template_profile::Entity::find().all(db).await? {
            let index = onlines
                .iter()
                .position(|o| o.template.id == link.template_id);
            if let (Some(index), Some(profile)) = (index, profiles.get_mut(&link.profile_id)) {
                profile.online.get_or_insert(index);
            }
        }

        let courses: Vec<course::Model> = course::Entity::find()
            .order_by_asc(course::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .filter(|c| c.active)
            .collect();
        for link in course_profile::Entity::find().all(db).await? {
            let index = courses.iter().position(|c| c.id == link.course_id);
            if let (Some(index), Some(profile)) = (index, profiles.get_mut(&link.profile_id)) {
                profile.courses.push(index);
            }
        }
        let certifications: Vec<certification::Model> = certification::Entity::find()
            .order_by_asc(certification::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .filter(|c| c.active)
            .collect();
        for link in certification_profile::Entity::find().all(db).await? {
            let index = certifications
                .iter()
                .position(|c| c.id == link.certification_id);
            if let (Some(index), Some(profile)) = (index, profiles.get_mut(&link.profile_id)) {
                profile.certifications.push(index);
            }
        }
        Ok(Self {
            profiles,
            practicals,
            onlines,
            courses,
            certifications,
        })
    }
}
