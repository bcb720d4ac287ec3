//! Stored files: uploads checked by their bytes, kept under generated names in a directory
//! (behind a small type an object store could replace), never under the name the user gave.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::{AppError, FieldError, FieldErrors, MAX_UPLOAD_BYTES};
use crate::server::accounts::sessions::random_token;

/// The kinds of document Percorso accepts, recognised by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentType {
    Pdf,
    Docx,
}

impl DocumentType {
    pub fn content_type(self) -> &'static str {
        match self {
            DocumentType::Pdf => "application/pdf",
            DocumentType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            DocumentType::Pdf => "pdf",
            DocumentType::Docx => "docx",
        }
    }
}

/// Why an upload was refused; each maps to a field error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadProblem {
    Empty,
    TooLarge,
    WrongType,
}

impl UploadProblem {
    pub fn code(self) -> &'static str {
        match self {
            UploadProblem::Empty => "file_empty",
            UploadProblem::TooLarge => "file_too_large",
            UploadProblem::WrongType => "file_type",
        }
    }

    /// The field error to show, with the size limit in MB when the file was too large.
    pub fn error(self) -> FieldError {
        let mut error = FieldError::new(self.code());
        if self == UploadProblem::TooLarge {
            error.param = Some((MAX_UPLOAD_BYTES / (1024 * 1024)) as i64);
        }
        error
    }
}

/// Recognises a PDF (`%PDF-`) or a DOCX (a zip holding `word/document.xml`) by its bytes,
/// whatever its name says.
pub fn sniff(bytes: &[u8]) -> Result<DocumentType, UploadProblem> {
    if bytes.is_empty() {
        return Err(UploadProblem::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(UploadProblem::TooLarge);
    }
    if bytes.starts_with(b"%PDF-") {
        return Ok(DocumentType::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let is_word = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map(|archive| archive.index_for_name("word/document.xml").is_some())
            .unwrap_or(false);
        if is_word {
            return Ok(DocumentType::Docx);
        }
    }
    Err(UploadProblem::WrongType)
}

/// Whether a file name tries to climb out of a folder (`../`): browsers never send one, so it
/// is refused outright rather than cleaned.
pub fn climbs_directories(name: &str) -> bool {
    name.split(['/', '\\']).any(|part| part.trim() == "..")
}

/// A file name safe to show and to offer for download: no directories, no control characters,
/// at most 120 characters, and the extension of what the file really is.
pub fn clean_file_name(given: &str, kind: DocumentType) -> String {
    let base = given.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    let stem = cleaned
        .rsplit_once('.')
        .map_or(cleaned, |(stem, _)| stem)
        .trim();
    let stem: String = stem.chars().take(110).collect();
    let stem = if stem.is_empty() {
        "document".to_owned()
    } else {
        stem
    };
    format!("{stem}.{}", kind.extension())
}

/// A file as it arrived: the name the browser gave and its bytes.
#[derive(Debug, Clone)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// An upload whose bytes were recognised, ready to store.
#[derive(Debug)]
pub struct Checked {
    pub kind: DocumentType,
    /// The cleaned name to show and to download under.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Checks the upload in form field `field`, adding its error (missing, empty, too large, not a
/// PDF or DOCX) to `errors`.
pub fn check_upload(
    field: &str,
    upload: Option<Upload>,
    required: bool,
    errors: &mut FieldErrors,
) -> Option<Checked> {
    let Some(upload) = upload else {
        if required {
            errors
                .0
                .insert(field.into(), FieldError::new("file_required"));
        }
        return None;
    };
    if climbs_directories(&upload.file_name) {
        errors.0.insert(field.into(), FieldError::new("file_name"));
        return None;
    }
    match sniff(&upload.bytes) {
        Ok(kind) => Some(Checked {
            kind,
            name: clean_file_name(&upload.file_name, kind),
            bytes: upload.bytes,
        }),
        Err(problem) => {
            errors.0.insert(field.into(), problem.error());
            None
        }
    }
}

/// Where uploaded files live: a directory of files named by random tokens.
#[derive(Debug, Clone)]
pub struct FileStore {
    root: PathBuf,
}

/// A file as stored.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub stored_name: String,
    pub sha256: String,
    pub size: usize,
}

impl FileStore {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    fn path(&self, stored_name: &str) -> Result<PathBuf, AppError> {
        // Stored names are ours (hex and an extension); refuse anything else outright.
        let valid = !stored_name.is_empty()
            && stored_name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.')
            && !stored_name.starts_with('.');
        if valid {
            Ok(self.root.join(stored_name))
        } else {
            Err(AppError::NotFound)
        }
    }

    /// Writes `bytes` under a new random name.
    pub async fn save(&self, bytes: &[u8], kind: DocumentType) -> Result<StoredFile, AppError> {
        let stored_name = format!("{}.{}", random_token(), kind.extension());
        let path = self.path(&stored_name)?;
        tokio::fs::create_dir_all(&self.root)
            .await
            .map_err(|e| io_error("create the file directory", &e))?;
        tokio::fs::write(&path, bytes)
            .await
            .map_err(|e| io_error("write a file", &e))?;
        Ok(StoredFile {
            stored_name,
            sha256: hex::encode(Sha256::digest(bytes)),
            size: bytes.len(),
        })
    }

    pub async fn read(&self, stored_name: &str) -> Result<Vec<u8>, AppError> {
        tokio::fs::read(self.path(stored_name)?)
            .await
            .map_err(|e| io_error("read a file", &e))
    }

    /// Deletes a stored file; one already gone is not an error.
    pub async fn delete(&self, stored_name: &str) -> Result<(), AppError> {
        match tokio::fs::remove_file(self.path(stored_name)?).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_error("delete a file", &e)),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

fn io_error(what: &str, error: &std::io::Error) -> AppError {
    tracing::error!(%error, "cannot {what}");
    AppError::Internal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_known_by_its_bytes_not_its_name() {
        assert_eq!(sniff(b"%PDF-1.7\n...").unwrap(), DocumentType::Pdf);
        assert_eq!(
            sniff(b"MZ\x90\x00 an exe").unwrap_err(),
            UploadProblem::WrongType
        );
        assert_eq!(sniff(b"").unwrap_err(), UploadProblem::Empty);
    }

    #[test]
    fn a_zip_that_is_not_a_word_document_is_refused() {
        assert_eq!(
            sniff(b"PK\x03\x04 broken zip").unwrap_err(),
            UploadProblem::WrongType
        );
    }

    #[test]
    fn file_names_lose_their_directories_and_get_the_real_extension() {
        assert_eq!(
            clean_file_name("../../etc/passwd", DocumentType::Pdf),
            "passwd.pdf"
        );
        assert_eq!(
            clean_file_name("C:\\Users\\anna\\CV Anna.exe", DocumentType::Docx),
            "CV Anna.docx"
        );
        assert_eq!(clean_file_name("..", DocumentType::Pdf), "document.pdf");
        assert_eq!(
            clean_file_name("cv\u{0}\n.pdf", DocumentType::Pdf),
            "cv.pdf"
        );
    }

    #[test]
    fn names_that_climb_out_of_a_folder_are_recognised() {
        assert!(climbs_directories("../../etc/passwd.pdf"));
        assert!(climbs_directories("cv\\..\\..\\boot.ini"));
        assert!(!climbs_directories("C:\\Users\\anna\\CV..finale.pdf"));
    }

    #[test]
    fn stored_names_outside_the_store_are_refused() {
        let store = FileStore::new("/tmp/store");
        assert!(store.path("../secret").is_err());
        assert!(store.path(".hidden").is_err());
        assert!(store.path("abc123.pdf").is_ok());
    }
}
