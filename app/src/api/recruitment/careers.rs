//! The public careers page: open, published openings, for anyone.

use leptos::prelude::*;
use server_fn::codec::Json;

use crate::model::{AppError, OpeningId, PublicOpening};

#[server(endpoint = "list_public_openings", input = Json)]
pub async fn list_public_openings() -> Result<Vec<PublicOpening>, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::openings};
    auth::public();
    openings::public_list(&Backend::current()?.db).await
}

/// One open, published opening; anything else answers 404.
#[server(endpoint = "get_public_opening", input = Json)]
pub async fn get_public_opening(id: OpeningId) -> Result<PublicOpening, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::openings};
    auth::public();
    openings::public_get(&Backend::current()?.db, id).await
}

/// The privacy notice the application form shows, with its version.
#[server(endpoint = "privacy_notice", input = Json)]
pub async fn privacy_notice() -> Result<crate::model::PrivacyNotice, AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::applications};
    auth::public();
    applications::current_notice(&Backend::current()?.db).await
}

/// Takes an application from the careers page: the form's fields and files as multipart data.
#[server(endpoint = "apply", input = server_fn::codec::MultipartFormData)]
pub async fn apply(data: server_fn::codec::MultipartData) -> Result<(), AppError> {
    use crate::server::{Backend, accounts::auth, recruitment::applications};
    auth::public();
    let submission = read_submission(data).await?;
    let backend = Backend::current()?;
    applications::apply(
        &backend,
        submission,
        &auth::client_ip(),
        auth::request_lang(),
    )
    .await
}

/// Reads the multipart form into a submission, never holding more than the size limit of a
/// file in memory.
#[cfg(feature = "ssr")]
pub async fn read_submission(
    data: server_fn::codec::MultipartData,
) -> Result<crate::server::recruitment::applications::Submission, AppError> {
    use crate::model::MAX_UPLOAD_BYTES;
    use crate::server::files::Upload;
    use crate::server::recruitment::applications::Submission;

    const MAX_TEXT_BYTES: usize = 64 * 1024;
    let mut multipart = data.into_inner().ok_or(AppError::BadRequest)?;
    let mut submission = Submission::default();
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest)?
    {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let file_field: Option<&'static str> = match name.as_str() {
            "cv" => Some("cv"),
            "cover_letter_file" => Some("cover_letter_file"),
            _ => None,
        };
        let limit = if file_field.is_some() {
            MAX_UPLOAD_BYTES
        } else {
            MAX_TEXT_BYTES
        };
        let mut bytes = Vec::new();
        let mut too_large = false;
        while let Some(chunk) = field.chunk().await.map_err(|_| AppError::BadRequest)? {
            if bytes.len() + chunk.len() > limit {
                too_large = true;
                break;
            }
            bytes.extend_from_slice(&chunk);
        }
        if let Some(field_name) = file_field {
            if too_large {
                submission.oversized.push(field_name);
                // The rest of the body is not read: answer now.
                break;
            }
            let upload = (!bytes.is_empty() || file_name.as_deref().is_some_and(|n| !n.is_empty()))
                .then(|| Upload {
                    file_name: file_name.unwrap_or_default(),
                    bytes,
                });
            match field_name {
                "cv" => submission.cv = upload,
                _ => submission.cover_letter_file = upload,
            }
            continue;
        }
        if too_large {
            return Err(AppError::BadRequest);
        }
        let value = crate::api::form_text(bytes)?;
        let input = &mut submission.input;
        match name.as_str() {
            "opening_id" => submission.opening_id = value.trim().parse().ok(),
            "name" => input.name = value,
            "email" => input.email = value,
            "phone" => input.phone = value,
            "education" => input.education = value,
            "experience" => input.experience = value,
            "cover_letter" => input.cover_letter = value,
            "talent_pool" => input.talent_pool = matches!(value.as_str(), "on" | "true" | "1"),
            "notice_version" => input.notice_version = value.trim().parse().unwrap_or(0),
            "website" => submission.honeypot = value,
            _ => {}
        }
    }
    Ok(submission)
}
