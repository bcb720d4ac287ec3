//! A candidate's rights over their data: everything about them as one download (JSON with
//! their applications, history, notes, interviews and scorecards, and their files, in a zip),
//! erasure on request, and the anonymisation retention applies.

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;

use crate::model::{AppError, CandidateId, FieldErrors, UserId};
use crate::server::entities::{
    application, audit_event, candidate, candidate_file, candidate_note, candidate_tag, stage_event,
};
use crate::server::{Backend, audit, personal_data, recruitment::candidates, recruitment::search};

/// A zip file: `person.json` with every record about the candidate, and `files/` with their
/// documents. The export is recorded in the audit log.
pub async fn export(
    backend: &Backend,
    actor: UserId,
    id: CandidateId,
) -> Result<(String, Vec<u8>), AppError> {
    let db = &backend.db;
    let detail = candidates::detail(db, id, None).await?;
    let files = candidate_file::Entity::find()
        .filter(candidate_file::Column::CandidateId.eq(id.0))
        .order_by_asc(candidate_file::Column::Id)
        .all(db)
        .await?;
    let application_ids: Vec<i32> = detail.applications.iter().map(|a| a.id.0).collect();
    let interviews = crate::server::interviews::scorecards::export(db, &application_ids).await?;
    let practical_tests =
        crate::server::assessments::practical::export(db, &application_ids).await?;
    let online_tests =
        crate::server::assessments::online::review::export(db, &application_ids).await?;
    let accesses = audit_event::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(
                    audit_event::Column::SubjectType
                        .eq("candidate")
                        .and(audit_event::Column::SubjectId.eq(id.0)),
                )
                .add(
                    audit_event::Column::SubjectType
                        .eq("candidate_file")
                        .and(audit_event::Column::SubjectId.is_in(files.iter().map(|f| f.id))),
                ),
        )
        .order_by_asc(audit_event::Column::At)
        .all(db)
        .await?;
    let certifications = personal_data::rows_of(
        db,
        "candidate_certifications",
        &[("candidate_id", id.0.into())],
        &[],
    )
    .await?;
    let messages = messages_to(db, detail.email.as_deref()).await?;
    let document = json!({
        "exported_at": Utc::now(),
        "candidate": {
            "id": detail.id,
            "name": detail.name,
            "email": detail.email,
            "phone": detail.phone,
            "education": detail.education,
            "experience": detail.experience,
            "talent_pool_consent": detail.talent_pool,
            "consent_at": detail.consent_at,
            "consent_notice_version": detail.consent_notice_version,
            "tags": detail.tags,
        },
        "applications": detail.applications,
        "history": detail.timeline,
        "notes": detail.notes,
        "interviews": interviews,
        "practical_tests": practical_tests,
        "online_tests": online_tests,
        "certifications": certifications,
        "messages": messages,
        "files": files.iter().map(|f| json!({
            "id": f.id,
            "kind": f.kind,
            "name": f.original_name,
            "size_bytes": f.size_bytes,
            "sha256": f.sha256,
            "uploaded_at": f.created_at,
            "extracted_text": f.text,
            "path_in_zip": zip_path(f),
        })).collect::<Vec<_>>(),
        "access_log": accesses.iter().map(|a| json!({
            "at": a.at,
            "action": a.action,
            "user_id": a.actor_id,
        })).collect::<Vec<_>>(),
    });
    let mut contents = Vec::new();
    for file in &files {
        contents.push((zip_path(file), backend.files.read(&file.stored_name).await?));
    }
    let bytes = crate::server::blocking(move || {
        crate::server::personal_data::write_zip(&document, contents)
    })
    .await??;
    audit::record(
        db,
        actor,
        audit::Action::CandidateExported,
        "candidate",
        id.0,
    )
    .await?;
    tracing::info!(candidate_id = %id, user_id = %actor, "candidate data exported");
    Ok((format!("candidate-{id}.zip"), bytes))
}

/// The messages sent to a candidate's address, without their subject or text. None when the
/// address is also a staff account's: those messages are the employee's, in their own export.
async fn messages_to(
    db: &impl ConnectionTrait,
    email: Option<&str>,
) -> Result<Vec<serde_json::Value>, AppError> {
    let Some(email) = email.map(str::trim).filter(|e| !e.is_empty()) else {
        return Ok(Vec::new());
    };
    let staff = crate::server::entities::user::Entity::find()
        .filter(crate::server::same_text_ignoring_case(
            crate::server::entities::user::Column::Email,
            email,
        ))
        .one(db)
        .await?;
    if staff.is_some() {
        return Ok(Vec::new());
    }
    let filter = [("to_address", sea_orm::Value::from(email.to_owned()))];
    personal_data::rows_of(db, "outbox", &filter, personal_data::MESSAGE_HIDDEN).await
}

fn zip_path(file: &candidate_file::Model) -> String {
    format!("files/{}-{}", file.id, file.original_name)
}

/// Erases a candidate for good: their record, applications, history, notes, tags and files.
/// `confirm` must repeat their name, so it cannot happen by a slip. The audit log keeps
/// only that candidate number so-and-so was erased, by whom and when.
pub async fn erase(
    backend: &Backend,
    actor: UserId,
    id: CandidateId,
    confirm: &str,
) -> Result<(), AppError> {
    let db = &backend.db;
    let person = candidate::Entity::find_by_id(id.0)
        .filter(candidate::Column::AnonymisedAt.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if confirm.trim().to_lowercase() != person.name.trim().to_lowercase() {
        return Err(AppError::Invalid(FieldErrors::single(
            "confirm",
            "confirm_name",
        )));
    }
    let email = person.email.clone();
    let stored = crate::server::write(db, |tx| {
        Box::pin(async move {
            let stored = stored_names(tx, id.0).await?;
            forget_mail(tx, email.as_deref()).await?;
            candidate::Entity::delete_by_id(id.0).exec(tx).await?;
            // Materials only their tests handed out go with them.
            crate::server::assessments::materials::prune(tx).await?;
            search::reindex(tx, id.0).await?;
            audit::record(tx, actor, audit::Action::CandidateErased, "candidate", id.0).await?;
            Ok(stored)
        })
    })
    .await?;
    delete_files(backend, &stored).await;
    tracing::info!(candidate_id = %id, user_id = %actor, "candidate erased");
    Ok(())
}

async fn stored_names(
    db: &impl ConnectionTrait,
    candidate_id: i32,
) -> Result<Vec<String>, AppError> {
    Ok(candidate_file::Entity::find()
        .filter(candidate_file::Column::CandidateId.eq(candidate_id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.stored_name)
        .collect())
}

/// Deletes stored files after their rows are gone; a failure is logged, not fatal (the rows
/// no longer point at them).
pub(crate) async fn delete_files(backend: &Backend, stored: &[String]) {
    for name in stored {
        if backend.files.delete(name).await.is_err() {
            tracing::warn!(stored_name = %name, "a deleted candidate's file could not be removed");
        }
    }
}

/// Deletes the messages to `email`, sent or not: they hold the person's name and, for an
/// online test or a practical test's materials, its private link.
async fn forget_mail(db: &impl ConnectionTrait, email: Option<&str>) -> Result<(), AppError> {
    use crate::server::entities::outbox;
    if let Some(email) = email.map(str::trim).filter(|e| !e.is_empty()) {
        outbox::Entity::delete_many()
            .filter(outbox::Column::ToAddress.eq(email))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Anonymises a candidate in place: personal fields blanked, notes, tags and file rows gone,
/// their messages deleted, free text in their applications, history, interviews, scorecards and
/// tests cleared (and their tests' private links dead), search
/// document removed. The
/// applications stay (stage, source, dates) for the funnel and source figures. Answers the
/// stored files to delete once the transaction commits.
pub(crate) async fn anonymise(
    db: &impl ConnectionTrait,
    candidate_id: i32,
) -> Result<Vec<String>, AppError> {
    let stored = stored_names(db, candidate_id).await?;
    let email = candidate::Entity::find_by_id(candidate_id)
        .one(db)
        .await?
        .and_then(|c| c.email);
    forget_mail(db, email.as_deref()).await?;
    candidate_file::Entity::delete_many()
        .filter(candidate_file::Column::CandidateId.eq(candidate_id))
        .exec(db)
        .await?;
    candidate_note::Entity::delete_many()
        .filter(candidate_note::Column::CandidateId.eq(candidate_id))
        .exec(db)
        .await?;
    candidate_tag::Entity::delete_many()
        .filter(candidate_tag::Column::CandidateId.eq(candidate_id))
        .exec(db)
        .await?;
    crate::server::entities::candidate_certification::Entity::delete_many()
        .filter(
            crate::server::entities::candidate_certification::Column::CandidateId.eq(candidate_id),
        )
        .exec(db)
        .await?;
    let application_ids: Vec<i32> = application::Entity::find()
        .filter(application::Column::CandidateId.eq(candidate_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    stage_event::Entity::update_many()
        .col_expr(
            stage_event::Column::Reason,
            Expr::value(Option::<String>::None),
        )
        .filter(stage_event::Column::ApplicationId.is_in(application_ids.clone()))
        .exec(db)
        .await?;
    crate::server::interviews::scorecards::forget(db, &application_ids).await?;
    crate::server::assessments::practical::forget(db, &application_ids).await?;
    crate::server::assessments::online::review::forget(db, &application_ids).await?;
    application::Entity::update_many()
        .col_expr(application::Column::CoverLetter, Expr::value(""))
        .col_expr(
            application::Column::StageReason,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            application::Column::SourceDetail,
            Expr::value(Option::<String>::None),
        )
        .filter(application::Column::CandidateId.eq(candidate_id))
        .exec(db)
        .await?;
    let now = Utc::now();
    candidate::ActiveModel {
        id: Set(candidate_id),
        name: Set(String::new()),
        email: Set(None),
        email_key: Set(None),
        phone: Set(None),
        phone_key: Set(None),
        education: Set(String::new()),
        experience: Set(String::new()),
        updated_at: Set(now),
        anonymised_at: Set(Some(now)),
        ..Default::default()
    }
    .update(db)
    .await?;
    search::reindex(db, candidate_id).await?;
    Ok(stored)
}
