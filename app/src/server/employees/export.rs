//! An employee's data as one download: every row about them in the tables the inventory
//! (`personal_data::TABLES`) marks as theirs, by table, and the documents of their
//! certificates and course records, in a zip. For the employee and HR (a manager reads their
//! team's training, not this); each export is recorded in the audit log.

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Map, Value, json};

use super::access::{self, Relation};
use crate::model::{AppError, EmployeeId};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{course_record, employee, employee_certification, user};
use crate::server::personal_data::{Holds, Identity, TABLES, rows_of, write_zip};
use crate::server::{Backend, audit};

/// Employee `id`'s export, if `me` is that employee or in HR: the file name and the zip.
pub async fn export(
    backend: &Backend,
    me: &CurrentUser,
    id: EmployeeId,
) -> Result<(String, Vec<u8>), AppError> {
    let db = &backend.db;
    if !matches!(
        access::relation(db, me, id).await?,
        Relation::Hr | Relation::Own
    ) {
        tracing::warn!(user_id = %me.id, employee_id = %id, "employee export refused");
        return Err(AppError::Forbidden);
    }
    let found = employee::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let account = user::Entity::find_by_id(found.user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let who = Identity {
        employee: found.id,
        user: account.id,
        email: account.email.clone(),
    };
    let mut tables = Map::new();
    for (table, holds) in TABLES {
        let (column, key, hidden) = match *holds {
            Holds::Employee {
                column,
                key,
                hidden,
            }
            | Holds::Both(_, column, key, hidden) => (column, key, hidden),
            _ => continue,
        };
        let rows = rows_of(db, table, &who.filter(column, key), hidden).await?;
        tables.insert((*table).to_owned(), Value::Array(rows));
    }
    // Sign-ins, failed attempts and lockouts of the account are about its holder, though no
    // one signed in (or someone else) did them.
    let about = rows_of(
        db,
        "audit_events",
        &[
            ("subject_type", "user".into()),
            ("subject_id", account.id.into()),
        ],
        &[],
    )
    .await?;
    tables.insert(
        "audit_events_about_the_account".to_owned(),
        Value::Array(about),
    );
    let files = documents(backend, found.id).await?;
    let document = json!({
        "exported_at": Utc::now(),
        "employee_id": found.id,
        "candidate_id": found.candidate_id,
        "tables": tables,
        "files": files.iter().map(|(path, _)| path).collect::<Vec<_>>(),
    });
    let bytes = crate::server::blocking(move || write_zip(&document, files)).await??;
    audit::record(db, me.id, audit::Action::EmployeeExported, "employee", id.0).await?;
    tracing::info!(employee_id = %id, user_id = %me.id, "employee data exported");
    Ok((format!("employee-{id}.zip"), bytes))
}

/// The employee's documents, each at its path in the zip: course certificates under
/// `files/course-records/`, certification documents under `files/certificates/`, named by
/// their row's id and the name they were uploaded with.
async fn documents(
    backend: &Backend,
    employee_id: i32,
) -> Result<Vec<(String, Vec<u8>)>, AppError> {
    let db = &backend.db;
    let mut files = Vec::new();
    let records = course_record::Entity::find()
        .filter(course_record::Column::EmployeeId.eq(employee_id))
        .order_by_asc(course_record::Column::Id)
        .all(db)
        .await?;
    for record in records {
        if let (Some(name), Some(stored)) = (record.certificate_name, record.certificate_stored) {
            let path = format!("files/course-records/{}-{name}", record.id);
            files.push((path, backend.files.read(&stored).await?));
        }
    }
    let holdings = employee_certification::Entity::find()
        .filter(employee_certification::Column::EmployeeId.eq(employee_id))
        .order_by_asc(employee_certification::Column::Id)
        .all(db)
        .await?;
    for holding in holdings {
        if let (Some(name), Some(stored)) = (holding.document_name, holding.document_stored) {
            let path = format!("files/certificates/{}-{name}", holding.id);
            files.push((path, backend.files.read(&stored).await?));
        }
    }
    Ok(files)
}
