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

/// Whether `bytes` are a zip holding an Office document of `part` (`word`, `xl`) without
/// macros (a `vbaProject.bin`, which a renamed `.docm` or `.xlsm` carries).
fn office_file(bytes: &[u8], part: &str) -> bool {
    let main = if part == "word" {
        "word/document.xml"
    } else {
        "xl/workbook.xml"
    };
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|archive| {
        archive.index_for_name(main).is_some()
            && archive
                .index_for_name(&format!("{part}/vbaProject.bin"))
                .is_none()
    })
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
    if bytes.starts_with(b"PK\x03\x04") && office_file(bytes, "word") {
        return Ok(DocumentType::Docx);
    }
    Err(UploadProblem::WrongType)
}

/// The kinds of file a practical test can hand out, recognised by their bytes: documents,
/// spreadsheets, pictures and plain text (a CSV when its name says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaterialKind {
    Document(DocumentType),
    Xlsx,
    Png,
    Jpeg,
    Text,
    Csv,
}

impl MaterialKind {
    pub fn content_type(self) -> &'static str {
        match self {
            MaterialKind::Document(kind) => kind.content_type(),
            MaterialKind::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            MaterialKind::Png => "image/png",
            MaterialKind::Jpeg => "image/jpeg",
            MaterialKind::Text => "text/plain; charset=utf-8",
            MaterialKind::Csv => "text/csv; charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            MaterialKind::Document(kind) => kind.extension(),
            MaterialKind::Xlsx => "xlsx",
            MaterialKind::Png => "png",
            MaterialKind::Jpeg => "jpg",
            MaterialKind::Text => "txt",
            MaterialKind::Csv => "csv",
        }
    }
}

/// Whether `bytes` are text a person wrote: UTF-8, with no control characters but line
/// breaks, tabs and form feeds.
fn is_plain_text(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| {
        text.chars()
            .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    })
}

/// Recognises a material by its bytes (and, for text, a CSV by the name it was given).
pub fn sniff_material(name: &str, bytes: &[u8]) -> Result<MaterialKind, UploadProblem> {
    match sniff(bytes) {
        Ok(kind) => return Ok(MaterialKind::Document(kind)),
        Err(UploadProblem::WrongType) => {}
        Err(problem) => return Err(problem),
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return if office_file(bytes, "xl") {
            Ok(MaterialKind::Xlsx)
        } else {
            Err(UploadProblem::WrongType)
        };
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(MaterialKind::Png);
    }
    if bytes.starts_with(b"\xFF\xD8\xFF") {
        return Ok(MaterialKind::Jpeg);
    }
    if is_plain_text(bytes) {
        let csv = name.to_lowercase().trim_end().ends_with(".csv");
        return Ok(if csv {
            MaterialKind::Csv
        } else {
            MaterialKind::Text
        });
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
pub fn clean_file_name(given: &str, extension: &str) -> String {
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
    format!("{stem}.{extension}")
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
            name: clean_file_name(&upload.file_name, kind.extension()),
            bytes: upload.bytes,
        }),
        Err(problem) => {
            errors.0.insert(field.into(), problem.error());
            None
        }
    }
}

/// The kinds of file a certificate may be, recognised by their bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateKind {
    Pdf,
    Png,
    Jpeg,
}

impl CertificateKind {
    pub fn content_type(self) -> &'static str {
        match self {
            CertificateKind::Pdf => "application/pdf",
            CertificateKind::Png => "image/png",
            CertificateKind::Jpeg => "image/jpeg",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            CertificateKind::Pdf => "pdf",
            CertificateKind::Png => "png",
            CertificateKind::Jpeg => "jpg",
        }
    }
}

/// Recognises a certificate (a PDF, or a PNG or JPEG picture of one) by its bytes, with the
/// same limits as any upload.
pub fn sniff_certificate(bytes: &[u8]) -> Result<CertificateKind, UploadProblem> {
    if bytes.is_empty() {
        return Err(UploadProblem::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(UploadProblem::TooLarge);
    }
    if bytes.starts_with(b"%PDF-") {
        Ok(CertificateKind::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(CertificateKind::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(CertificateKind::Jpeg)
    } else {
        Err(UploadProblem::WrongType)
    }
}

/// A certificate as uploaded and checked, ready to store.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// The cleaned name to show and to download under.
    pub name: String,
    pub kind: CertificateKind,
    pub bytes: Vec<u8>,
}

/// Checks the certificate in form field `field` (required), adding its error to `errors`.
pub fn check_certificate(
    field: &str,
    upload: Option<Upload>,
    errors: &mut FieldErrors,
) -> Option<Certificate> {
    let Some(upload) = upload else {
        errors.add(field, "file_required");
        return None;
    };
    if climbs_directories(&upload.file_name) {
        errors.add(field, "file_name");
        return None;
    }
    match sniff_certificate(&upload.bytes) {
        Ok(kind) => Some(Certificate {
            kind,
            name: clean_file_name(&upload.file_name, kind.extension()),
            bytes: upload.bytes,
        }),
        Err(UploadProblem::WrongType) => {
            errors.add(field, "certificate_type");
            None
        }
        Err(problem) => {
            errors.0.insert(field.into(), problem.error());
            None
        }
    }
}

/// The columns that name a stored file, by table. Every file in the store belongs to a row of
/// one of them; the sweep deletes the others.
pub const STORED_FILE_COLUMNS: &[(&str, &str)] = &[
    ("candidate_files", "stored_name"),
    ("intake_uploads", "stored_name"),
    ("course_records", "certificate_stored"),
    ("employee_certifications", "document_stored"),
];

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

    /// Writes `bytes` under a new random name ending in `extension`: first in full to a
    /// `.part` file, flushed to disk, then renamed, so a file under its name is always whole.
    /// (A crash before its row is written leaves a file no row names: [`FileStore::sweep`].)
    pub async fn save(&self, bytes: &[u8], extension: &str) -> Result<StoredFile, AppError> {
        use tokio::io::AsyncWriteExt;
        let stored_name = format!("{}.{extension}", random_token());
        let path = self.path(&stored_name)?;
        let part = self.path(&format!("{stored_name}.part"))?;
        tokio::fs::create_dir_all(&self.root)
            .await
            .map_err(|e| io_error("create the file directory", &e))?;
        let mut file = tokio::fs::File::create(&part)
            .await
            .map_err(|e| io_error("write a file", &e))?;
        file.write_all(bytes)
            .await
            .map_err(|e| io_error("write a file", &e))?;
        file.sync_all()
            .await
            .map_err(|e| io_error("write a file", &e))?;
        tokio::fs::rename(&part, &path)
            .await
            .map_err(|e| io_error("write a file", &e))?;
        // The rename itself, on disk: a power cut now keeps the file under its name.
        if let Ok(directory) = tokio::fs::File::open(&self.root).await {
            let _ = directory.sync_all().await;
        }
        Ok(StoredFile {
            stored_name,
            sha256: sha256_hex(bytes),
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

    /// Deletes the files no row names (`keep` holds the names rows hold) that were last
    /// written before `written_before`: what a crash between writing a file and its row, or
    /// a deletion that failed, left behind. The margin spares an upload another instance is
    /// finishing. Answers the names deleted.
    pub async fn sweep(
        &self,
        keep: &std::collections::HashSet<String>,
        written_before: std::time::SystemTime,
    ) -> Result<Vec<String>, AppError> {
        let mut entries = match tokio::fs::read_dir(&self.root).await {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_error("list the files", &e)),
        };
        let mut deleted = Vec::new();
        while let Some(entry) = entries
            .next_entry()
            .await
            .map_err(|e| io_error("list the files", &e))?
        {
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            let Ok(meta) = entry.metadata().await else {
                continue;
            };
            let old = meta.modified().is_ok_and(|at| at < written_before);
            if meta.is_file() && old && !keep.contains(&name) && self.path(&name).is_ok() {
                self.delete(&name).await?;
                deleted.push(name);
            }
        }
        Ok(deleted)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// The SHA-256 of `bytes`, in hex: how stored files are fingerprinted.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
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
        assert_eq!(clean_file_name("../../etc/passwd", "pdf"), "passwd.pdf");
        assert_eq!(
            clean_file_name("C:\\Users\\anna\\CV Anna.exe", "docx"),
            "CV Anna.docx"
        );
        assert_eq!(clean_file_name("..", "pdf"), "document.pdf");
        assert_eq!(clean_file_name("cv\u{0}\n.pdf", "pdf"), "cv.pdf");
    }

    #[test]
    fn materials_are_known_by_their_bytes_and_text_by_its_characters() {
        assert_eq!(
            sniff_material("a.bin", b"%PDF-1.4 ..."),
            Ok(MaterialKind::Document(DocumentType::Pdf))
        );
        assert_eq!(
            sniff_material("photo", b"\xFF\xD8\xFF\xE0 jpeg"),
            Ok(MaterialKind::Jpeg)
        );
        assert_eq!(
            sniff_material("x", b"\x89PNG\r\n\x1a\n..."),
            Ok(MaterialKind::Png)
        );
        assert_eq!(
            sniff_material("ordine.CSV", "codice;qtà\nA1;3\n".as_bytes()),
            Ok(MaterialKind::Csv)
        );
        assert_eq!(
            sniff_material("note.txt", "Riunione\tore 9\r\n".as_bytes()),
            Ok(MaterialKind::Text)
        );
        assert_eq!(
            sniff_material("run.txt", b"MZ\x90\x00\x03\x00"),
            Err(UploadProblem::WrongType)
        );
        assert_eq!(
            sniff_material("zip.txt", b"PK\x03\x04 not a sheet"),
            Err(UploadProblem::WrongType)
        );
        assert_eq!(sniff_material("empty.txt", b""), Err(UploadProblem::Empty));
    }

    fn zip_of(files: &[&str]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for name in files {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"<x/>").unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn office_documents_with_macros_are_refused_whatever_their_name() {
        assert_eq!(
            sniff(&zip_of(&["word/document.xml"])),
            Ok(DocumentType::Docx)
        );
        assert_eq!(
            sniff(&zip_of(&["word/document.xml", "word/vbaProject.bin"])),
            Err(UploadProblem::WrongType)
        );
        assert_eq!(
            sniff_material("a.xlsx", &zip_of(&["xl/workbook.xml"])),
            Ok(MaterialKind::Xlsx)
        );
        assert_eq!(
            sniff_material("a.xlsx", &zip_of(&["xl/workbook.xml", "xl/vbaProject.bin"])),
            Err(UploadProblem::WrongType)
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
