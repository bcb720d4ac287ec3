//! Applications from the careers page: the person is matched by email (one candidate across all
//! their applications), files are checked and stored, consent is recorded with the version of
//! the notice shown, and a confirmation email is queued.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::i18n::Lang;
use crate::model::{
    AppError, ApplicationInput, CandidateId, FieldErrors, OpeningId, PrivacyNotice,
    normalise_email, phone_key,
};
use crate::server::entities::{candidate, candidate_file, privacy_notice};
use crate::server::files::{DocumentType, StoredFile, Upload, UploadProblem, check_upload};
use crate::server::mail::Letter;
use crate::server::{Backend, accounts::rate_limit, recruitment::openings, text};

/// Everything a candidate sent with one application.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    pub opening_id: Option<OpeningId>,
    pub input: ApplicationInput,
    pub cv: Option<Upload>,
    pub cover_letter_file: Option<Upload>,
    /// The honeypot field, invisible to people: bots fill it in.
    pub honeypot: String,
    /// A file field that went over the size limit while being read.
    pub oversized: Vec<&'static str>,
}

/// The privacy notice currently shown on the application form.
pub async fn current_notice(db: &impl ConnectionTrait) -> Result<PrivacyNotice, AppError> {
    let notice = privacy_notice::Entity::find()
        .order_by_desc(privacy_notice::Column::Version)
        .one(db)
        .await?
        .ok_or_else(|| {
            tracing::error!("no privacy notice in the database");
            AppError::Internal
        })?;
    Ok(PrivacyNotice {
        version: notice.version,
        text_it: notice.text_it,
        text_en: notice.text_en,
    })
}

/// A stored file with its extracted text, waiting for its database row.
struct Kept {
    kind: &'static str,
    name: String,
    document: DocumentType,
    stored: StoredFile,
    text: Option<String>,
}

/// Takes an application from the careers page.
pub async fn apply(
    backend: &Backend,
    submission: Submission,
    ip: &str,
    lang: Lang,
) -> Result<(), AppError> {
    let db = &backend.db;
    let opening_id = submission.opening_id.ok_or(AppError::BadRequest)?;
    let opening = openings::public_get(db, opening_id).await?;

    let mut errors = match crate::model::validate(&submission.input) {
        Ok(()) => FieldErrors::default(),
        Err(error) => error.field_errors(),
    };
    for field in &submission.oversized {
        errors
            .0
            .insert((*field).into(), UploadProblem::TooLarge.error());
    }
    let cv = check_upload(
        "cv",
        submission.cv,
        !submission.oversized.contains(&"cv"),
        &mut errors,
    );
    let letter = check_upload(
        "cover_letter_file",
        submission.cover_letter_file,
        false,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    if !submission.honeypot.trim().is_empty() {
        tracing::warn!(opening_id = %opening_id, "application dropped: honeypot filled in");
        return Ok(());
    }
    rate_limit::hit(db, rate_limit::APPLICATIONS, ip).await?;

    let input = submission.input;
    let notice = current_notice(db).await?;
    let notice_version = if input.notice_version > 0 && input.notice_version <= notice.version {
        input.notice_version
    } else {
        notice.version
    };

    let mut kept = Vec::new();
    for (kind, file) in [("cv", cv), ("cover_letter", letter)] {
        let Some(file) = file else { continue };
        let extracted = text::extract(file.bytes.clone(), file.kind).await;
        let stored = backend
            .files
            .save(&file.bytes, file.kind.extension())
            .await?;
        kept.push(Kept {
            kind,
            name: file.name,
            document: file.kind,
            stored,
            text: extracted,
        });
    }
    let stored_names: Vec<String> = kept.iter().map(|k| k.stored.stored_name.clone()).collect();

    let email = input.email.trim().to_owned();
    let saved = crate::server::write(db, |tx| {
        Box::pin(async move {
            let now = Utc::now();
            let key = normalise_email(&email);
            let existing = candidate::Entity::find()
                .filter(candidate::Column::EmailKey.eq(&key))
                .filter(candidate::Column::AnonymisedAt.is_null())
                .order_by_asc(candidate::Column::Id)
                .one(tx)
                .await?;
            let person = match existing {
                Some(found) => {
                    let mut model: candidate::ActiveModel = found.into();
                    model.name = Set(input.name.trim().to_owned());
                    model.phone = Set(Some(input.phone.trim().to_owned()));
                    model.phone_key = Set(Some(phone_key(&input.phone)));
                    if !input.education.trim().is_empty() {
                        model.education = Set(input.education.trim().to_owned());
                    }
                    if !input.experience.trim().is_empty() {
                        model.experience = Set(input.experience.trim().to_owned());
                    }
                    model.talent_pool = Set(input.talent_pool);
                    model.consent_at = Set(Some(now));
                    model.consent_notice_version = Set(Some(notice_version));
                    model.lang = Set(lang.as_str().to_owned());
                    model.updated_at = Set(now);
                    model.update(tx).await?
                }
                None => {
                    candidate::ActiveModel {
                        name: Set(input.name.trim().to_owned()),
                        email: Set(Some(email.clone())),
                        email_key: Set(Some(key)),
                        phone: Set(Some(input.phone.trim().to_owned())),
                        phone_key: Set(Some(phone_key(&input.phone))),
                        education: Set(input.education.trim().to_owned()),
                        experience: Set(input.experience.trim().to_owned()),
                        talent_pool: Set(input.talent_pool),
                        consent_at: Set(Some(now)),
                        consent_notice_version: Set(Some(notice_version)),
                        created_at: Set(now),
                        updated_at: Set(now),
                        anonymised_at: Set(None),
                        lang: Set(lang.as_str().to_owned()),
                        ..Default::default()
                    }
                    .insert(tx)
                    .await?
                }
            };

            let application_id = super::intake::ensure_application(
                tx,
                super::intake::NewApplication {
                    actor: None,
                    candidate_id: person.id,
                    opening_id,
                    source: "careers",
                    detail: "",
                    cover_letter: input.cover_letter.trim(),
                },
            )
            .await?;

            for file in kept {
                candidate_file::ActiveModel {
                    candidate_id: Set(person.id),
                    application_id: Set(Some(application_id)),
                    kind: Set(file.kind.into()),
                    original_name: Set(file.name),
                    stored_name: Set(file.stored.stored_name),
                    content_type: Set(file.document.content_type().into()),
                    size_bytes: Set(i64::try_from(file.stored.size).unwrap_or(i64::MAX)),
                    sha256: Set(file.stored.sha256),
                    text_extracted: Set(file.text.is_some()),
                    text: Set(file.text),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(tx)
                .await?;
            }

            super::search::reindex(tx, person.id).await?;

            let letter = confirmation(
                lang,
                &input.name,
                lang.pick(&opening.title_it, &opening.title_en),
            );
            crate::server::mail::outbox::queue(tx, &email, &letter).await?;
            Ok(CandidateId(person.id))
        })
    })
    .await;
    match saved {
        Ok(candidate_id) => {
            tracing::info!(candidate_id = %candidate_id, opening_id = %opening_id, "application received");
            Ok(())
        }
        Err(error) => {
            for name in stored_names {
                let _ = backend.files.delete(&name).await;
            }
            Err(error)
        }
    }
}

/// The confirmation email, in the candidate's language.
fn confirmation(lang: Lang, name: &str, opening: &str) -> Letter {
    let name = name.trim();
    let (subject, greeting, paragraph, signature) = match lang {
        Lang::It => (
            format!("Abbiamo ricevuto la tua candidatura: {opening}"),
            format!("Gentile {name},"),
            format!(
                "grazie per la tua candidatura per la posizione \"{opening}\". L'abbiamo \
                 ricevuta e la valuteremo con attenzione; ti contatteremo per i prossimi passi."
            ),
            "Il team Risorse umane",
        ),
        Lang::En => (
            format!("We have received your application: {opening}"),
            format!("Dear {name},"),
            format!(
                "thank you for applying for \"{opening}\". We have received your application \
                 and will review it carefully; we will contact you about the next steps."
            ),
            "The HR team",
        ),
    };
    Letter {
        lang,
        subject,
        greeting,
        paragraphs: vec![paragraph],
        signature: signature.to_owned(),
        attachment: None,
    }
}
