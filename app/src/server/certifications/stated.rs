//! The certifications a candidate says they hold: HR record them on the candidate's page (the
//! hiring team reads them), and the hire carries them over to the employee's record as
//! certificates waiting for HR's verification, since nothing proves them yet.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::holdings::credential_taken;
use crate::model::{
    AppError, CandidateCertifications, CandidateId, CertificationId, EmployeeId, HoldingFields,
    StatedCertification, StatedId, Verification, expiry_after,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{
    candidate, candidate_certification, certification, employee_certification,
};
use crate::server::recruitment::access;

/// Candidate `id`'s stated certifications, for whoever may read the candidate; HR may add
/// and remove them.
pub async fn of_candidate(
    db: &impl ConnectionTrait,
    me: &CurrentUser,
    id: CandidateId,
) -> Result<CandidateCertifications, AppError> {
    access::candidate(db, me, id).await?;
    let rows = candidate_certification::Entity::find()
        .filter(candidate_certification::Column::CandidateId.eq(id.0))
        .order_by_desc(candidate_certification::Column::IssuedOn)
        .all(db)
        .await?;
    let kinds: HashMap<i32, certification::Model> = certification::Entity::find()
        .order_by_asc(certification::Column::NameEn)
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let items = rows
        .into_iter()
        .filter_map(|r| {
            let kind = kinds.get(&r.certification_id)?;
            Some(StatedCertification {
                id: StatedId(r.id),
                certification: CertificationId(kind.id),
                name_it: kind.name_it.clone(),
                name_en: kind.name_en.clone(),
                credential_id: r.credential_id,
                issued_on: r.issued_on,
                expires_on: r.expires_on,
            })
        })
        .collect();
    let mut choices: Vec<&certification::Model> = kinds.values().filter(|c| c.active).collect();
    choices.sort_by(|a, b| a.name_en.cmp(&b.name_en));
    Ok(CandidateCertifications {
        candidate: id,
        items,
        choices: choices
            .into_iter()
            .map(|c| {
                (
                    CertificationId(c.id),
                    c.name_it.clone(),
                    c.name_en.clone(),
                    c.validity_months.and_then(|m| u32::try_from(m).ok()),
                )
            })
            .collect(),
        editable: access::sees_all(me),
    })
}

/// HR record a certification candidate `id` says they hold (a blank expiry computed from the
/// certification's validity).
pub async fn add(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: CandidateId,
    fields: HoldingFields,
    now: DateTime<Utc>,
) -> Result<StatedId, AppError> {
    if !access::sees_all(me) {
        return Err(AppError::Forbidden);
    }
    candidate::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let kind = certification::Entity::find_by_id(fields.certification.0)
        .filter(certification::Column::Active.eq(true))
        .one(db)
        .await?
        .ok_or_else(|| AppError::on_field("certification_id", "unknown"))?;
    let expires_on = fields.expires_on.or_else(|| {
        expiry_after(
            fields.issued_on,
            kind.validity_months.and_then(|m| u32::try_from(m).ok()),
        )
    });
    let saved = candidate_certification::ActiveModel {
        candidate_id: Set(id.0),
        certification_id: Set(kind.id),
        credential_id: Set(fields.credential_id),
        issued_on: Set(fields.issued_on),
        expires_on: Set(expires_on),
        added_by: Set(Some(me.id.0)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    tracing::info!(candidate_id = %id, stated_id = saved.id, "stated certification recorded");
    Ok(StatedId(saved.id))
}

/// HR remove stated certification `stated` from candidate `id` (recorded by mistake).
pub async fn remove(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: CandidateId,
    stated: StatedId,
) -> Result<(), AppError> {
    if !access::sees_all(me) {
        return Err(AppError::Forbidden);
    }
    let gone = candidate_certification::Entity::delete_many()
        .filter(candidate_certification::Column::Id.eq(stated.0))
        .filter(candidate_certification::Column::CandidateId.eq(id.0))
        .exec(db)
        .await?;
    if gone.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The hire: candidate `candidate`'s stated certifications become employee `employee`'s
/// certificates, waiting for verification (without a document: HR ask for it). One whose
/// credential id is already recorded for its certification comes without it.
pub async fn carry_over(
    tx: &impl ConnectionTrait,
    candidate: i32,
    employee: EmployeeId,
    actor: i32,
    now: DateTime<Utc>,
) -> Result<u32, AppError> {
    let stated = candidate_certification::Entity::find()
        .filter(candidate_certification::Column::CandidateId.eq(candidate))
        .all(tx)
        .await?;
    let mut carried = 0;
    for s in stated {
        let credential = match &s.credential_id {
            Some(c) if credential_taken(tx, s.certification_id, c).await? => None,
            other => other.clone(),
        };
        employee_certification::ActiveModel {
            employee_id: Set(employee.0),
            certification_id: Set(s.certification_id),
            credential_id: Set(credential),
            issued_on: Set(s.issued_on),
            expires_on: Set(s.expires_on),
            status: Set(Verification::Pending.as_str().to_owned()),
            added_by: Set(Some(actor)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        carried += 1;
    }
    Ok(carried)
}
