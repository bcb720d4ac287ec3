//! Demo certifications, so the compliance matrix has something in every state on `./dev run`:
//! three more colleagues in the front and back office, and certificates valid, expiring,
//! expired, waiting for HR, rejected and renewed among them and the demo employee.

use chrono::{Months, NaiveDate, TimeDelta, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::model::{
    AppError, EmployeeChange, EmployeeId, EmployeeStatus, JobProfileId, LevelSource, NewUserInput,
    Role, Verification,
};
use crate::server::accounts::sessions::random_token;
use crate::server::accounts::users;
use crate::server::employees::{competencies, records};
use crate::server::entities::{
    certification, certification_competency, employee, employee_certification, job_profile, user,
};

/// (name, email, profile in English, department, location).
const COLLEAGUES: [(&str, &str, &str, &str, &str); 3] = [
    (
        "Sara Galli",
        "sara.galli@percorso.test",
        "Hotel receptionist",
        "Ricevimento",
        "Venezia San Marco",
    ),
    (
        "Davide Moretti",
        "davide.moretti@percorso.test",
        "Archivist / records clerk",
        "Archivio",
        "Padova",
    ),
    (
        "Chiara Rinaldi",
        "chiara.rinaldi@percorso.test",
        "Bank teller",
        "Front office",
        "Venezia Mestre",
    ),
];

/// (holder's email, certification code, days since its issue, verification, credential id).
const CERTIFICATES: [(&str, &str, i64, Verification, &str); 9] = [
    // Luca: anti-money laundering renewed each year; the current one lapses in about 20 days.
    (
        "employee@percorso.test",
        "anti-money-laundering",
        710,
        Verification::Verified,
        "AML-2025-0117",
    ),
    (
        "employee@percorso.test",
        "anti-money-laundering",
        345,
        Verification::Verified,
        "AML-2026-0342",
    ),
    (
        "employee@percorso.test",
        "icdl-full-standard",
        30,
        Verification::Pending,
        "IT-1234567",
    ),
    // Sara: first aid expired, fire warden valid, English waiting for HR.
    (
        "sara.galli@percorso.test",
        "first-aid",
        1150,
        Verification::Verified,
        "PS-2023-88",
    ),
    (
        "sara.galli@percorso.test",
        "fire-warden",
        400,
        Verification::Verified,
        "VVF-TV-2025-311",
    ),
    (
        "sara.galli@percorso.test",
        "english-b2",
        12,
        Verification::Pending,
        "CAE-B2-7781",
    ),
    // Davide: his archivist certificate was rejected (the scan was unreadable).
    (
        "davide.moretti@percorso.test",
        "certified-archivist",
        90,
        Verification::Rejected,
        "ANAI-0456",
    ),
    // Chiara: anti-money laundering valid for months yet.
    (
        "chiara.rinaldi@percorso.test",
        "anti-money-laundering",
        120,
        Verification::Verified,
        "AML-2026-0519",
    ),
    (
        "chiara.rinaldi@percorso.test",
        "english-b2",
        800,
        Verification::Verified,
        "CAE-B2-5120",
    ),
];

/// Adds the colleagues (reporting to the demo interviewer) and the certificates.
pub async fn seed(db: &DatabaseConnection) -> Result<(), AppError> {
    let manager = employee::Entity::find()
        .inner_join(user::Entity)
        .filter(user::Column::Email.eq("interviewer@percorso.test"))
        .one(db)
        .await?
        .map(|e| EmployeeId(e.id));
    for (name, email, profile, department, location) in COLLEAGUES {
        // They do not sign in: a password nobody knows.
        let account = users::create(
            db,
            NewUserInput {
                email: email.to_owned(),
                name: name.to_owned(),
                role: Role::Employee,
                password: format!("{}-Aa1", random_token()),
            },
        )
        .await?;
        let record = records::ensure(db, account).await?;
        let profile = job_profile::Entity::find()
            .filter(job_profile::Column::TitleEn.eq(profile))
            .one(db)
            .await?
            .map(|p| JobProfileId(p.id));
        let change = EmployeeChange {
            profile,
            department: department.to_owned(),
            location: location.to_owned(),
            manager,
            start_date: NaiveDate::from_ymd_opt(2022, 3, 1),
            status: EmployeeStatus::Active,
        };
        records::update(db, record, change).await?;
    }
    let now = Utc::now();
    let today = now.date_naive();
    let reviewer = user::Entity::find()
        .filter(user::Column::Email.eq("hr@percorso.test"))
        .one(db)
        .await?
        .map(|u| u.id);
    for (email, code, days, verification, credential) in CERTIFICATES {
        let Some((holder, _)) = employee::Entity::find()
            .find_also_related(user::Entity)
            .filter(user::Column::Email.eq(email))
            .one(db)
            .await?
        else {
            continue;
        };
        let Some(kind) = certification::Entity::find()
            .filter(certification::Column::Code.eq(code))
            .one(db)
            .await?
        else {
            continue;
        };
        let issued_on = today - TimeDelta::days(days);
        let expires_on = kind
            .validity_months
            .and_then(|m| u32::try_from(m).ok())
            .and_then(|m| issued_on.checked_add_months(Months::new(m)));
        let decided = verification != Verification::Pending;
        let saved = employee_certification::ActiveModel {
            employee_id: Set(holder.id),
            certification_id: Set(kind.id),
            credential_id: Set(Some(credential.to_owned())),
            issued_on: Set(issued_on),
            expires_on: Set(expires_on),
            status: Set(verification.as_str().to_owned()),
            reason: Set((verification == Verification::Rejected)
                .then(|| "La scansione non è leggibile: caricane una più nitida.".to_owned())),
            added_by: Set(Some(holder.user_id)),
            verified_by: Set(reviewer.filter(|_| decided)),
            verified_at: Set(decided.then_some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        if verification == Verification::Verified {
            let proves: Vec<(i32, i32)> = certification_competency::Entity::find()
                .filter(certification_competency::Column::CertificationId.eq(kind.id))
                .all(db)
                .await?
                .into_iter()
                .map(|p| (p.competency_id, p.level))
                .collect();
            let source = (LevelSource::Certification, saved.id);
            competencies::raise(db, EmployeeId(holder.id), proves, source, now).await?;
        }
    }
    Ok(())
}
