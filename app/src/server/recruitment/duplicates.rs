//! One person, one candidate: finding who may be the same person (email, phone, a similar
//! name), and merging two records into one without losing an application, a file or a line
//! of history.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, Set,
};

use crate::model::{
    AppError, CandidateId, DuplicateReason, FieldErrors, PossibleDuplicate, UserId, name_key,
    similar_names,
};
use crate::server::entities::{
    application, candidate, candidate_file, candidate_note, candidate_tag, employee,
};
use crate::server::{audit, recruitment::search};

/// Most possible duplicates shown for one person.
const MAX_SHOWN: usize = 10;
/// Most rows the name search looks at before comparing names closely.
const NAME_SCAN_LIMIT: u64 = 200;

/// The start of each longer word of a name, to find names that share a word in SQL before
/// comparing them closely (an accent or a typo later in the word still matches).
fn name_stems(name: &str) -> Vec<String> {
    name_key(name)
        .split(' ')
        .filter(|w| w.chars().count() >= 3)
        .map(|w| w.chars().take(4).collect())
        .collect()
}

/// Other candidates who may be `person`: the same email or phone, or a similar name.
pub async fn find(
    db: &impl ConnectionTrait,
    person: &candidate::Model,
) -> Result<Vec<PossibleDuplicate>, AppError> {
    let mut any = Condition::any();
    if let Some(email) = person.email_key.as_deref().filter(|e| !e.is_empty()) {
        any = any.add(candidate::Column::EmailKey.eq(email));
    }
    if let Some(phone) = person.phone_key.as_deref().filter(|p| !p.is_empty()) {
        any = any.add(candidate::Column::PhoneKey.eq(phone));
    }
    for stem in name_stems(&person.name) {
        any = any.add(
            Expr::expr(Func::lower(Expr::col((
                candidate::Entity,
                candidate::Column::Name,
            ))))
            .like(format!("%{stem}%")),
        );
    }
    if any.is_empty() {
        return Ok(Vec::new());
    }
    let others = candidate::Entity::find()
        .filter(candidate::Column::Id.ne(person.id))
        .filter(candidate::Column::AnonymisedAt.is_null())
        .filter(any)
        .limit(NAME_SCAN_LIMIT)
        .all(db)
        .await?;
    let mut found: Vec<(candidate::Model, DuplicateReason)> = others
        .into_iter()
        .filter_map(|other| {
            let same = |a: &Option<String>, b: &Option<String>| {
                a.as_deref()
                    .is_some_and(|a| !a.is_empty() && Some(a) == b.as_deref())
            };
            let reason = if same(&person.email_key, &other.email_key) {
                DuplicateReason::Email
            } else if same(&person.phone_key, &other.phone_key) {
                DuplicateReason::Phone
            } else if similar_names(&person.name, &other.name) {
                DuplicateReason::Name
            } else {
                return None;
            };
            Some((other, reason))
        })
        .collect();
    found.sort_by_key(|(other, reason)| (*reason as u8, other.id));
    found.truncate(MAX_SHOWN);

    let ids: Vec<i32> = found.iter().map(|(o, _)| o.id).collect();
    let counts: HashMap<i32, i64> = application::Entity::find()
        .select_only()
        .column(application::Column::CandidateId)
        .column_as(application::Column::Id.count(), "n")
        .filter(application::Column::CandidateId.is_in(ids))
        .group_by(application::Column::CandidateId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(found
        .into_iter()
        .map(|(other, reason)| PossibleDuplicate {
            id: CandidateId(other.id),
            applications: counts.get(&other.id).copied().unwrap_or(0) as u32,
            name: other.name,
            email: other.email,
            phone: other.phone,
            reason,
        })
        .collect())
}

/// Merges `duplicate` into `keep`: its applications (with their history), files, notes and
/// tags move over, blank contact fields are filled from it, and then it is deleted.
pub async fn merge(
    db: &DatabaseConnection,
    actor: UserId,
    keep: CandidateId,
    duplicate: CandidateId,
) -> Result<(), AppError> {
    if keep == duplicate {
        return Err(AppError::Invalid(FieldErrors::single(
            "duplicate_id",
            "merge_same",
        )));
    }
    crate::server::write(db, |tx| {
        Box::pin(async move {
            let live = |id: CandidateId| async move {
                candidate::Entity::find_by_id(id.0)
                    .filter(candidate::Column::AnonymisedAt.is_null())
                    .one(tx)
                    .await?
                    .ok_or(AppError::NotFound)
            };
            let kept = live(keep).await?;
            let gone = live(duplicate).await?;

            application::Entity::update_many()
                .col_expr(application::Column::CandidateId, Expr::value(keep.0))
                .filter(application::Column::CandidateId.eq(duplicate.0))
                .exec(tx)
                .await?;
            candidate_file::Entity::update_many()
                .col_expr(candidate_file::Column::CandidateId, Expr::value(keep.0))
                .filter(candidate_file::Column::CandidateId.eq(duplicate.0))
                .exec(tx)
                .await?;
            crate::server::entities::candidate_certification::Entity::update_many()
                .col_expr(
                    crate::server::entities::candidate_certification::Column::CandidateId,
                    Expr::value(keep.0),
                )
                .filter(
                    crate::server::entities::candidate_certification::Column::CandidateId
                        .eq(duplicate.0),
                )
                .exec(tx)
                .await?;
            candidate_note::Entity::update_many()
                .col_expr(candidate_note::Column::CandidateId, Expr::value(keep.0))
                .filter(candidate_note::Column::CandidateId.eq(duplicate.0))
                .exec(tx)
                .await?;
            let kept_tags: Vec<String> = candidate_tag::Entity::find()
                .filter(candidate_tag::Column::CandidateId.eq(keep.0))
                .all(tx)
                .await?
                .into_iter()
                .map(|t| t.tag)
                .collect();
            for tag in candidate_tag::Entity::find()
                .filter(candidate_tag::Column::CandidateId.eq(duplicate.0))
                .all(tx)
                .await?
            {
                if !kept_tags.contains(&tag.tag) {
                    candidate_tag::ActiveModel {
                        candidate_id: Set(keep.0),
                        tag: Set(tag.tag),
                    }
                    .insert(tx)
                    .await?;
                }
            }

            let gone_name = gone.name.clone();
            let mut model: candidate::ActiveModel = kept.clone().into();
            if kept.email.is_none() {
                model.email = Set(gone.email);
                model.email_key = Set(gone.email_key);
            }
            if kept.phone.is_none() {
                model.phone = Set(gone.phone);
                model.phone_key = Set(gone.phone_key);
            }
            if kept.education.trim().is_empty() {
                model.education = Set(gone.education);
            }
            if kept.experience.trim().is_empty() {
                model.experience = Set(gone.experience);
            }
            // The most recent consent stands; talent-pool consent given to either stays.
            if gone.consent_at > kept.consent_at {
                model.consent_at = Set(gone.consent_at);
                model.consent_notice_version = Set(gone.consent_notice_version);
            }
            model.talent_pool = Set(kept.talent_pool || gone.talent_pool);
            model.created_at = Set(std::cmp::min(kept.created_at, gone.created_at));
            model.updated_at = Set(Utc::now());
            model.update(tx).await?;

            candidate_note::ActiveModel {
                candidate_id: Set(keep.0),
                author_id: Set(Some(actor.0)),
                body: Set(format!("Merged with candidate #{duplicate} ({gone_name}).")),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            // An employee hired as the duplicate stays linked to the person, unless the kept
            // record has its own employee.
            let kept_hired = employee::Entity::find()
                .filter(employee::Column::CandidateId.eq(keep.0))
                .count(tx)
                .await?
                > 0;
            if !kept_hired {
                employee::Entity::update_many()
                    .col_expr(employee::Column::CandidateId, Expr::value(keep.0))
                    .filter(employee::Column::CandidateId.eq(duplicate.0))
                    .exec(tx)
                    .await?;
            }
            candidate::Entity::delete_by_id(duplicate.0)
                .exec(tx)
                .await?;
            search::reindex(tx, duplicate.0).await?;
            search::reindex(tx, keep.0).await?;
            audit::record(
                tx,
                actor,
                audit::Action::CandidatesMerged,
                "candidate",
                keep.0,
            )
            .await?;
            Ok(())
        })
    })
    .await?;
    tracing::info!(kept = %keep, merged = %duplicate, user_id = %actor, "candidates merged");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_stems_are_the_start_of_each_word_without_accents() {
        assert_eq!(name_stems("Nicolò De Rossi"), vec!["nico", "ross"]);
    }
}
