//! HR's intake: CVs uploaded one by one (stored and read at once, then waiting in the
//! uploader's tray until they become candidates), and candidates added by hand. An email
//! already known attaches the intake to that person; a phone or a similar name is reported
//! as a possible duplicate.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::{
    AppError, CandidateId, CandidateInput, FieldErrors, IntakeDraft, IntakeOutcome, OpeningId,
    UploadId, UserId, normalise_email, phone_key,
};
use crate::server::entities::{
    application, candidate, candidate_file, intake_upload, opening, stage_event,
};
use crate::server::files::{Upload, check_upload};
use crate::server::{Backend, recruitment::duplicates, recruitment::search, text};

/// Stores and reads one CV HR uploaded, and returns what it prefills. A file whose text
/// cannot be read is kept all the same, flagged "text not extracted".
pub async fn upload(
    backend: &Backend,
    uploader: UserId,
    file: Option<Upload>,
) -> Result<IntakeDraft, AppError> {
    let mut errors = FieldErrors::default();
    let Some(checked) = check_upload("file", file, true, &mut errors) else {
        return Err(AppError::Invalid(errors));
    };
    let extracted = text::extract(checked.bytes.clone(), checked.kind).await;
    let stored = backend
        .files
        .save(&checked.bytes, checked.kind.extension())
        .await?;
    let row = intake_upload::ActiveModel {
        uploader_id: Set(uploader.0),
        original_name: Set(checked.name),
        stored_name: Set(stored.stored_name.clone()),
        content_type: Set(checked.kind.content_type().into()),
        size_bytes: Set(i64::try_from(stored.size).unwrap_or(i64::MAX)),
        sha256: Set(stored.sha256),
        text_extracted: Set(extracted.is_some()),
        text: Set(extracted),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&backend.db)
    .await;
    match row {
        Ok(row) => {
            tracing::info!(upload_id = row.id, user_id = %uploader, "CV uploaded for intake");
            Ok(draft(row))
        }
        Err(error) => {
            let _ = backend.files.delete(&stored.stored_name).await;
            Err(error.into())
        }
    }
}

/// What an upload prefills: contacts found in its text, and a guess at the name.
fn draft(row: intake_upload::Model) -> IntakeDraft {
    let text = row.text.as_deref().unwrap_or_default();
    let (email, phone) = text::find_contacts(text);
    IntakeDraft {
        upload_id: UploadId(row.id),
        name: guess_name(text, &row.original_name),
        email: email.unwrap_or_default(),
        phone: phone.unwrap_or_default(),
        size_bytes: row.size_bytes,
        text_extracted: row.text_extracted,
        file_name: row.original_name,
    }
}

/// A name guessed from a CV, else from its file name (without words such as "CV").
///
/// CVs are read as text, without fonts or positions, so the guess works on lines: each line is
/// cut where a second column shows (a run of spaces, a tab, a bar or a bullet), and a piece that
/// reads as a person's name (two to four capitalised words, none of them a heading, an address
/// or a job title) is a candidate. A job title run on after the name ("Mario Rossi Impiegato
/// Amministrativo") is cut off. Of the candidates, the one nearest the email wins (the contacts
/// sit under the name, in a sidebar or a heading), the first one on a tie or without an email.
pub fn guess_name(text: &str, file_name: &str) -> String {
    let email_line = text::find_contacts(text)
        .0
        .and_then(|email| text.lines().position(|line| line.contains(&email)));
    let candidates = text.lines().enumerate().flat_map(|(index, line)| {
        columns(line).filter_map(move |piece| Some((index, person_name(piece)?)))
    });
    let best = match email_line {
        Some(at) => candidates.min_by_key(|(index, _)| (index.abs_diff(at), *index)),
        None => candidates.into_iter().next(),
    };
    if let Some((_, name)) = best {
        return name;
    }
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    stem.split(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | '.' | ','))
        .filter(|w| {
            !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '\'') && !is_cv_word(w)
        })
        .map(title_case)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The pieces of a line that text extraction ran together from side-by-side columns.
fn columns(line: &str) -> impl Iterator<Item = &str> {
    line.split(['\t', '|', '•', '·'])
        .flat_map(|part| part.split("  "))
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
}

/// `piece` as a person's name, if it reads as one: its leading two to four capitalised words,
/// stopping at a job title; none may be a heading, an address word or a CV word.
fn person_name(piece: &str) -> Option<String> {
    if piece.chars().count() > 60 {
        return None;
    }
    let words: Vec<&str> = piece.split_whitespace().collect();
    let name_len = words
        .iter()
        .position(|w| is_job_word(w))
        .unwrap_or(words.len());
    let name = &words[..name_len];
    let rest_is_title = words[name_len..]
        .iter()
        .all(|w| is_job_word(w) || is_joining_word(w));
    let reads_as_name = (2..=4).contains(&name.len())
        && rest_is_title
        && name.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
                && !is_cv_word(w)
                && !is_heading_word(w)
        });
    reads_as_name.then(|| {
        name.iter()
            .map(|w| title_case(w))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// "ROSSI" and "rossi" as "Rossi"; "D'Angelo" and "De Luca" keep their capitals.
fn title_case(word: &str) -> String {
    if word.chars().any(char::is_lowercase) && word.chars().next().is_some_and(char::is_uppercase) {
        return word.to_owned();
    }
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// Words of the job titles a CV heading carries under or after the name, in both languages.
fn is_job_word(word: &str) -> bool {
    matches!(
        word.to_lowercase()
            .trim_matches(|c: char| !c.is_alphabetic()),
        "impiegato"
            | "impiegata"
            | "amministrativo"
            | "amministrativa"
            | "contabile"
            | "addetto"
            | "addetta"
            | "assistente"
            | "segretario"
            | "segretaria"
            | "receptionist"
            | "archivista"
            | "operatore"
            | "operatrice"
            | "cassiere"
            | "cassiera"
            | "sportellista"
            | "consulente"
            | "responsabile"
            | "ragioniere"
            | "ragioniera"
            | "front"
            | "back"
            | "office"
            | "clerk"
            | "accountant"
            | "assistant"
            | "administrative"
            | "accounting"
            | "agent"
            | "teller"
            | "officer"
            | "manager"
            | "secretary"
            | "archivist"
            | "specialist"
            | "customer"
            | "service"
            | "contact"
            | "center"
            | "centre"
            | "junior"
            | "senior"
    )
}

/// Small words that join a job title's words ("Addetto al front office").
fn is_joining_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "al" | "alla" | "ai" | "di" | "del" | "della" | "e" | "and" | "of" | "-" | "/"
    )
}

/// Section headings and address words that are capitalised like names but are not.
fn is_heading_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "esperienza"
            | "esperienze"
            | "professionali"
            | "professionale"
            | "formazione"
            | "istruzione"
            | "competenze"
            | "lingue"
            | "contatti"
            | "profilo"
            | "dati"
            | "personali"
            | "informazioni"
            | "obiettivo"
            | "patente"
            | "hobby"
            | "interessi"
            | "experience"
            | "education"
            | "skills"
            | "languages"
            | "contacts"
            | "profile"
            | "personal"
            | "details"
            | "summary"
            | "references"
            | "referenze"
            | "work"
            | "via"
            | "viale"
            | "piazza"
            | "corso"
            | "street"
            | "road"
            | "nato"
            | "nata"
    )
}

fn is_cv_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "cv" | "curriculum" | "vitae" | "resume" | "résumé" | "europass" | "aggiornato" | "updated"
    )
}

/// The CVs `uploader` sent that have not become candidates yet, oldest first.
pub async fn pending(
    db: &impl ConnectionTrait,
    uploader: UserId,
) -> Result<Vec<IntakeDraft>, AppError> {
    Ok(intake_upload::Entity::find()
        .filter(intake_upload::Column::UploaderId.eq(uploader.0))
        .order_by_asc(intake_upload::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(draft)
        .collect())
}

/// Throws away an upload from `uploader`'s tray, and its file.
pub async fn discard(backend: &Backend, uploader: UserId, id: UploadId) -> Result<(), AppError> {
    let row = own_upload(&backend.db, uploader, id).await?;
    intake_upload::Entity::delete_by_id(row.id)
        .exec(&backend.db)
        .await?;
    backend.files.delete(&row.stored_name).await
}

/// An upload of `uploader`'s; anyone else's is not found.
async fn own_upload(
    db: &impl ConnectionTrait,
    uploader: UserId,
    id: UploadId,
) -> Result<intake_upload::Model, AppError> {
    intake_upload::Entity::find_by_id(id.0)
        .filter(intake_upload::Column::UploaderId.eq(uploader.0))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Adds a candidate from HR's form (and the uploaded CV it came from, if any).
pub async fn add(
    db: &sea_orm::DatabaseConnection,
    actor: UserId,
    input: CandidateInput,
) -> Result<IntakeOutcome, AppError> {
    input.check()?;
    if let Some(upload_id) = input.upload_id {
        own_upload(db, actor, upload_id).await?;
    }
    if let Some(opening_id) = input.opening_id {
        opening::Entity::find_by_id(opening_id.0)
            .one(db)
            .await?
            .ok_or_else(|| AppError::Invalid(FieldErrors::single("opening_id", "required")))?;
    }
    let (candidate_id, matched_existing) = crate::server::write(db, |tx| {
        Box::pin(async move {
            let source = input.source.clone();
            let detail = input.source_detail.trim().to_owned();
            let (person, matched) = find_or_create(tx, &input).await?;
            let application_id = match input.opening_id {
                Some(opening_id) => Some(
                    ensure_application(
                        tx,
                        NewApplication {
                            actor: Some(actor),
                            candidate_id: person.id,
                            opening_id,
                            source: &source,
                            detail: &detail,
                            cover_letter: "",
                        },
                    )
                    .await?,
                ),
                None => None,
            };
            if let Some(upload_id) = input.upload_id {
                attach_upload(tx, actor, upload_id, person.id, application_id).await?;
            }
            search::reindex(tx, person.id).await?;
            Ok((CandidateId(person.id), matched))
        })
    })
    .await?;
    let person = candidate::Entity::find_by_id(candidate_id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let possible_duplicates = duplicates::find(db, &person).await?;
    tracing::info!(candidate_id = %candidate_id, user_id = %actor, matched_existing, "candidate added by HR");
    Ok(IntakeOutcome {
        candidate_id,
        matched_existing,
        possible_duplicates,
    })
}

/// The person with this email if known (blank fields filled from the input), else a new one.
pub(crate) async fn find_or_create(
    tx: &DatabaseTransaction,
    input: &CandidateInput,
) -> Result<(candidate::Model, bool), AppError> {
    let now = Utc::now();
    let email = input.email.trim();
    let phone = input.phone.trim();
    let known = if email.is_empty() {
        None
    } else {
        candidate::Entity::find()
            .filter(candidate::Column::EmailKey.eq(normalise_email(email)))
            .filter(candidate::Column::AnonymisedAt.is_null())
            .order_by_asc(candidate::Column::Id)
            .one(tx)
            .await?
    };
    if let Some(found) = known {
        let mut model: candidate::ActiveModel = found.clone().into();
        if found.phone.is_none() && !phone.is_empty() {
            model.phone = Set(Some(phone.to_owned()));
            model.phone_key = Set(Some(phone_key(phone)));
        }
        if found.education.trim().is_empty() {
            model.education = Set(input.education.trim().to_owned());
        }
        if found.experience.trim().is_empty() {
            model.experience = Set(input.experience.trim().to_owned());
        }
        model.updated_at = Set(now);
        return Ok((model.update(tx).await?, true));
    }
    let created = candidate::ActiveModel {
        name: Set(input.name.trim().to_owned()),
        email: Set((!email.is_empty()).then(|| email.to_owned())),
        email_key: Set((!email.is_empty()).then(|| normalise_email(email))),
        phone: Set((!phone.is_empty()).then(|| phone.to_owned())),
        phone_key: Set((!phone.is_empty()).then(|| phone_key(phone))),
        education: Set(input.education.trim().to_owned()),
        experience: Set(input.experience.trim().to_owned()),
        talent_pool: Set(false),
        consent_at: Set(None),
        consent_notice_version: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        anonymised_at: Set(None),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok((created, false))
}

/// An application about to be made.
pub(crate) struct NewApplication<'a> {
    /// Who made it; none when the candidate applied themselves.
    pub actor: Option<UserId>,
    pub candidate_id: i32,
    pub opening_id: OpeningId,
    pub source: &'a str,
    /// Which job board, who referred; empty for the rest.
    pub detail: &'a str,
    pub cover_letter: &'a str,
}

/// The person's application to the opening, created (at Applied, recorded in the history)
/// if they have none.
pub(crate) async fn ensure_application(
    tx: &DatabaseTransaction,
    new: NewApplication<'_>,
) -> Result<i32, AppError> {
    if let Some(found) = application::Entity::find()
        .filter(application::Column::CandidateId.eq(new.candidate_id))
        .filter(application::Column::OpeningId.eq(new.opening_id.0))
        .one(tx)
        .await?
    {
        return Ok(found.id);
    }
    let now = Utc::now();
    let created = application::ActiveModel {
        candidate_id: Set(new.candidate_id),
        opening_id: Set(new.opening_id.0),
        stage: Set("applied".into()),
        stage_reason: Set(None),
        source: Set(new.source.to_owned()),
        source_detail: Set((!new.detail.is_empty()).then(|| new.detail.to_owned())),
        cover_letter: Set(new.cover_letter.to_owned()),
        stage_changed_at: Set(now),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    stage_event::ActiveModel {
        application_id: Set(created.id),
        from_stage: Set(None),
        to_stage: Set("applied".into()),
        reason: Set(None),
        actor_id: Set(new.actor.map(|a| a.0)),
        at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(created.id)
}

/// Turns an upload into one of the candidate's files.
async fn attach_upload(
    tx: &DatabaseTransaction,
    uploader: UserId,
    id: UploadId,
    candidate_id: i32,
    application_id: Option<i32>,
) -> Result<(), AppError> {
    let upload = own_upload(tx, uploader, id).await?;
    candidate_file::ActiveModel {
        candidate_id: Set(candidate_id),
        application_id: Set(application_id),
        kind: Set("cv".into()),
        original_name: Set(upload.original_name),
        stored_name: Set(upload.stored_name),
        content_type: Set(upload.content_type),
        size_bytes: Set(upload.size_bytes),
        sha256: Set(upload.sha256),
        text: Set(upload.text),
        text_extracted: Set(upload.text_extracted),
        created_at: Set(upload.created_at),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    intake_upload::Entity::delete_by_id(upload.id)
        .exec(tx)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_comes_from_the_cv_heading_or_else_the_file_name() {
        assert_eq!(
            guess_name("CURRICULUM VITAE\nGiulia Neri\nVia Roma 1", "x.pdf"),
            "Giulia Neri"
        );
        assert_eq!(guess_name("", "CV_mario-rossi_2026.pdf"), "Mario Rossi");
        assert_eq!(guess_name("", "anna-bo-x7k2.pdf"), "Anna Bo");
        assert_eq!(guess_name("", "curriculum.docx"), "");
    }

    #[test]
    fn a_name_in_a_sidebar_is_found_beside_the_other_column_and_near_the_email() {
        let two_columns = "Esperienze professionali          Mario Rossi\n\
                           2019-2024 Hotel Excelsior          mario.rossi@example.it\n\
                           Front office e check-in            +39 347 555 0101\n\
                           Formazione                         Competenze";
        assert_eq!(guess_name(two_columns, "documento.pdf"), "Mario Rossi");
        let far_down = "Profilo\nAccoglienza clienti da anni.\nEsperienze professionali\n\
                        Hotel Bellavista, Rimini\n\n\n\n\n\n\nAnna Conti\tanna.conti@example.it";
        assert_eq!(guess_name(far_down, "cv.pdf"), "Anna Conti");
    }

    #[test]
    fn a_job_title_after_the_name_is_not_part_of_the_name() {
        assert_eq!(
            guess_name(
                "Mario Rossi Impiegato Amministrativo\nmario@example.it",
                "cv.pdf"
            ),
            "Mario Rossi"
        );
        assert_eq!(
            guess_name(
                "LUCIA BIANCHI\nAddetta al Front Office\nlucia@example.it",
                "cv.pdf"
            ),
            "Lucia Bianchi"
        );
        assert_eq!(
            guess_name("Curriculum Vitae\nSara De Luca\nAccounting Clerk", "cv.pdf"),
            "Sara De Luca"
        );
    }

    #[test]
    fn the_name_nearest_the_email_wins_over_a_reference_further_down() {
        let text =
            "Giorgio Fabbri\ngiorgio.fabbri@example.it\nEsperienze\nReferenze\nMarco Bianchi";
        assert_eq!(guess_name(text, "cv.pdf"), "Giorgio Fabbri");
    }
}
