//! The certificates people hold: an employee uploads one with its document (waiting for HR),
//! HR verify it (the competencies it proves rise, with the certificate as the evidence) or
//! reject it with a reason, and a renewal is one more certificate of the same certification,
//! the earlier ones kept as its history.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, SqlErr,
};

use crate::model::{
    AppError, CertificationId, CertificationsOverview, EmployeeId, HeldCertification, Holding,
    HoldingFields, HoldingId, LevelSource, PendingHolding, PersonCertifications, Standing,
    Verification, expiry_after,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::employees::access::{self, Relation};
use crate::server::employees::{competencies, records};
use crate::server::entities::{certification, certification_competency, employee_certification};
use crate::server::files::{Certificate, FileStore};

/// Certificates `rows` as pages show them, on `today`.
async fn views(
    db: &impl ConnectionTrait,
    rows: Vec<employee_certification::Model>,
    today: NaiveDate,
) -> Result<Vec<Holding>, AppError> {
    let certifications: HashMap<i32, certification::Model> = certification::Entity::find()
        .filter(certification::Column::Id.is_in(rows.iter().map(|r| r.certification_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let verifiers = crate::server::accounts::users::names(
        db,
        rows.iter().filter_map(|r| r.verified_by).collect(),
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let kind = certifications.get(&r.certification_id)?;
            let verification = Verification::parse(&r.status)?;
            Some(Holding {
                id: HoldingId(r.id),
                certification: CertificationId(kind.id),
                name_it: kind.name_it.clone(),
                name_en: kind.name_en.clone(),
                issuer: kind.issuer.clone(),
                credential_id: r.credential_id,
                issued_on: r.issued_on,
                expires_on: r.expires_on,
                standing: Standing::of(verification, r.expires_on, today),
                reason: r.reason,
                has_document: r.document_stored.is_some(),
                verified_by: r.verified_by.and_then(|v| verifiers.get(&v).cloned()),
                verified_on: r.verified_at.map(|at| at.date_naive()),
            })
        })
        .collect())
}

/// Employee `employee`'s certificates grouped by certification, by English name: in each the
/// one that counts (the latest not rejected) first, then the rest, latest first.
pub async fn held(
    db: &impl ConnectionTrait,
    employee: EmployeeId,
    today: NaiveDate,
) -> Result<Vec<HeldCertification>, AppError> {
    let rows = employee_certification::Entity::find()
        .filter(employee_certification::Column::EmployeeId.eq(employee.0))
        .order_by_desc(employee_certification::Column::IssuedOn)
        .order_by_desc(employee_certification::Column::Id)
        .all(db)
        .await?;
    let mut by_kind: BTreeMap<(String, i32), Vec<Holding>> = BTreeMap::new();
    for holding in views(db, rows, today).await? {
        by_kind
            .entry((holding.name_en.clone(), holding.certification.0))
            .or_default()
            .push(holding);
    }
    Ok(by_kind
        .into_values()
        .map(|mut all| {
            // Each group has at least one certificate: the one pushed when it was made.
            let counts = all
                .iter()
                .position(|h| h.standing != Standing::Rejected)
                .unwrap_or(0);
            let current = all.remove(counts);
            HeldCertification {
                current,
                history: all,
            }
        })
        .collect())
}

/// Employee `id`'s certifications, for them, their manager and HR; only HR (on someone else's
/// record) may verify.
pub async fn of_employee(
    db: &impl ConnectionTrait,
    me: &CurrentUser,
    id: EmployeeId,
    today: NaiveDate,
) -> Result<PersonCertifications, AppError> {
    let relation = access::relation(db, me, id).await?;
    if relation == Relation::None {
        tracing::warn!(user_id = %me.id, employee_id = %id, "certifications refused");
        return Err(AppError::Forbidden);
    }
    let own = access::own(db, me).await?.id == id.0;
    Ok(PersonCertifications {
        employee: id,
        held: held(db, id, today).await?,
        verifies: relation == Relation::Hr && !own,
    })
}

/// Employee `id`'s certifications, where they stand against their profile's requirements,
/// and what may be uploaded: for them, their manager and HR. `None` is the caller.
pub async fn overview(
    db: &impl ConnectionTrait,
    me: &CurrentUser,
    id: Option<EmployeeId>,
    today: NaiveDate,
) -> Result<CertificationsOverview, AppError> {
    let id = match id {
        Some(id) => id,
        None => EmployeeId(access::own(db, me).await?.id),
    };
    let person = of_employee(db, me, id, today).await?;
    let profile = access::readable(db, me, id).await?.profile_id;
    let compliance = super::compliance::of_person(db, id, profile, today).await?;
    let choices = certification::Entity::find()
        .filter(certification::Column::Active.eq(true))
        .order_by_asc(certification::Column::NameEn)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            (
                CertificationId(c.id),
                c.name_it,
                c.name_en,
                c.validity_months.and_then(|m| u32::try_from(m).ok()),
            )
        })
        .collect();
    Ok(CertificationsOverview {
        person,
        compliance,
        choices,
    })
}

/// Every certificate waiting for HR, oldest first, for HR (their own left out: someone else
/// verifies those).
pub async fn pending(
    db: &impl ConnectionTrait,
    me: &CurrentUser,
    today: NaiveDate,
) -> Result<Vec<PendingHolding>, AppError> {
    if !access::sees_all(me) {
        return Err(AppError::Forbidden);
    }
    let own = access::own(db, me).await?.id;
    let rows = employee_certification::Entity::find()
        .filter(employee_certification::Column::Status.eq(Verification::Pending.as_str()))
        .filter(employee_certification::Column::EmployeeId.ne(own))
        .order_by_asc(employee_certification::Column::CreatedAt)
        .order_by_asc(employee_certification::Column::Id)
        .all(db)
        .await?;
    let owners: HashMap<i32, i32> = rows.iter().map(|r| (r.id, r.employee_id)).collect();
    let names = records::names(db, owners.values().copied()).await?;
    Ok(views(db, rows, today)
        .await?
        .into_iter()
        .filter_map(|holding| {
            let employee = *owners.get(&holding.id.0)?;
            Some(PendingHolding {
                employee: EmployeeId(employee),
                employee_name: names.get(&employee).cloned().unwrap_or_default(),
                holding,
            })
        })
        .collect())
}

/// The caller uploads a certificate of their own with its document: it waits for HR. A blank
/// expiry is computed from the certification's validity.
pub async fn add(
    db: &DatabaseConnection,
    files: &FileStore,
    me: &CurrentUser,
    fields: HoldingFields,
    document: Certificate,
    now: DateTime<Utc>,
) -> Result<HoldingId, AppError> {
    let own = access::own(db, me).await?;
    let kind = certification::Entity::find_by_id(fields.certification.0)
        .filter(certification::Column::Active.eq(true))
        .one(db)
        .await?
        .ok_or_else(|| AppError::on_field("certification_id", "unknown"))?;
    if let Some(credential) = &fields.credential_id
        && credential_taken(db, kind.id, credential).await?
    {
        return Err(AppError::on_field("credential_id", "credential_taken"));
    }
    let expires_on = fields.expires_on.or_else(|| {
        expiry_after(
            fields.issued_on,
            kind.validity_months.and_then(|m| u32::try_from(m).ok()),
        )
    });
    let stored = files
        .save(&document.bytes, document.kind.extension())
        .await?;
    let stored_name = stored.stored_name.clone();
    let holding = employee_certification::ActiveModel {
        employee_id: Set(own.id),
        certification_id: Set(kind.id),
        credential_id: Set(fields.credential_id),
        issued_on: Set(fields.issued_on),
        expires_on: Set(expires_on),
        document_name: Set(Some(document.name)),
        document_stored: Set(Some(stored.stored_name)),
        document_type: Set(Some(document.kind.content_type().to_owned())),
        status: Set(Verification::Pending.as_str().to_owned()),
        reason: Set(None),
        added_by: Set(Some(me.id.0)),
        verified_by: Set(None),
        verified_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let employee = EmployeeId(own.id);
    let written = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let row = holding.insert(tx).await.map_err(|error| {
                // Two uploads of the same credential at once: the index keeps one.
                if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
                    AppError::on_field("credential_id", "credential_taken")
                } else {
                    error.into()
                }
            })?;
            super::compliance::refresh(tx, &[employee]).await?;
            Ok(row)
        })
    })
    .await;
    match written {
        Ok(row) => {
            tracing::info!(
                holding_id = row.id,
                employee_id = own.id,
                "certificate uploaded"
            );
            Ok(HoldingId(row.id))
        }
        Err(error) => {
            files.delete(&stored_name).await.ok();
            Err(error)
        }
    }
}

/// Whether certification `kind` already has a certificate with `credential` (ignoring case
/// and spaces around it) that HR have not rejected: a rejected upload frees its credential for
/// a better one.
pub(crate) async fn credential_taken(
    db: &impl ConnectionTrait,
    kind: i32,
    credential: &str,
) -> Result<bool, AppError> {
    Ok(employee_certification::Entity::find()
        .filter(employee_certification::Column::CertificationId.eq(kind))
        .filter(employee_certification::Column::Status.ne(Verification::Rejected.as_str()))
        .filter(crate::server::same_text_ignoring_case(
            employee_certification::Column::CredentialId,
            credential,
        ))
        .one(db)
        .await?
        .is_some())
}

/// HR verify certificate `id` (the competencies it proves rise to its levels, unless it has
/// lapsed already) or reject it with `reason`. Only a certificate waiting is decided, once, and never by its holder.
pub async fn decide(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: HoldingId,
    approve: bool,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let found = employee_certification::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let employee = EmployeeId(found.employee_id);
    if access::relation(db, me, employee).await? != Relation::Hr {
        tracing::warn!(user_id = %me.id, holding_id = %id, "certificate decision refused");
        return Err(AppError::Forbidden);
    }
    if access::own(db, me).await?.id == found.employee_id {
        return Err(AppError::on_field("form", "own_certificate"));
    }
    let reason = reason.trim().to_owned();
    let actor = me.id.0;
    let kind = found.certification_id;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let verdict = if approve {
                Verification::Verified
            } else {
                Verification::Rejected
            };
            let decided = employee_certification::Entity::update_many()
                .col_expr(
                    employee_certification::Column::Status,
                    Expr::value(verdict.as_str()),
                )
                .col_expr(
                    employee_certification::Column::Reason,
                    Expr::value(Some(reason).filter(|r| !approve && !r.is_empty())),
                )
                .col_expr(
                    employee_certification::Column::VerifiedBy,
                    Expr::value(Some(actor)),
                )
                .col_expr(
                    employee_certification::Column::VerifiedAt,
                    Expr::value(Some(now)),
                )
                .col_expr(employee_certification::Column::UpdatedAt, Expr::value(now))
                .filter(employee_certification::Column::Id.eq(id.0))
                .filter(employee_certification::Column::Status.eq(Verification::Pending.as_str()))
                .exec(tx)
                .await?;
            if decided.rows_affected != 1 {
                return Err(AppError::on_field("form", "certificate_decided"));
            }
            // A certificate already lapsed is history: it proves nothing now.
            let lapsed = found.expires_on.is_some_and(|e| e < now.date_naive());
            if approve && !lapsed {
                let proves = certification_competency::Entity::find()
                    .filter(certification_competency::Column::CertificationId.eq(kind))
                    .all(tx)
                    .await?
                    .into_iter()
                    .map(|p| (p.competency_id, p.level))
                    .collect::<Vec<_>>();
                competencies::raise(
                    tx,
                    employee,
                    proves,
                    (LevelSource::Certification, id.0),
                    now,
                )
                .await?;
            }
            super::compliance::refresh(tx, &[employee]).await
        })
    })
    .await?;
    tracing::info!(holding_id = %id, approve, "certificate decided");
    Ok(())
}

/// A certificate's document, for its holder, their manager and HR: (name, type, bytes).
pub async fn document(
    db: &impl ConnectionTrait,
    files: &FileStore,
    me: &CurrentUser,
    id: HoldingId,
) -> Result<(String, String, Vec<u8>), AppError> {
    let found = employee_certification::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if access::relation(db, me, EmployeeId(found.employee_id)).await? == Relation::None {
        tracing::warn!(user_id = %me.id, holding_id = %id, "certificate document refused");
        return Err(AppError::Forbidden);
    }
    let (Some(name), Some(stored), Some(kind)) = (
        found.document_name,
        found.document_stored,
        found.document_type,
    ) else {
        return Err(AppError::NotFound);
    };
    Ok((name, kind, files.read(&stored).await?))
}
