//! `percorso backup` and `percorso restore` for the embedded SQLite database: a consistent copy
//! of the database taken with `VACUUM INTO` while the server keeps running, a copy of the file
//! store and a manifest, and putting such a copy back. PostgreSQL is backed up with its own
//! tools (`pg_dump`, docs/deploy.md).
//!
//! The database is copied first, the files second, so every file the copied database knows
//! was on disk before its copy began: files uploaded meanwhile are copied too and are harmless,
//! and only the files of people erased or anonymised during the backup can be missing.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Database, DatabaseBackend, Statement};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::cli::CliError;
use crate::config::Config;
use crate::{schema, startup};

/// The manifest's file name in a backup.
pub const MANIFEST: &str = "manifest.json";
/// The database's file name in a backup.
pub const DATABASE: &str = "percorso.db";
/// The folder of stored files, in a backup and in the data directory.
pub const FILES: &str = "files";
/// The manifest format this build writes and reads.
const FORMAT: u32 = 1;

/// What a backup holds, written last: a folder without one is not a finished backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Manifest format, 1.
    pub format: u32,
    /// When the database was copied.
    pub created_at: DateTime<Utc>,
    /// The version of the `percorso` that made it.
    pub percorso_version: String,
    /// The last migration applied to the copied database: its schema version.
    pub last_migration: String,
    /// SHA-256 of the database file, hex.
    pub database_sha256: String,
    /// How many stored files were copied.
    pub files: u64,
}

/// The embedded database's file for `command`, or why there is none: a PostgreSQL database is
/// backed up with PostgreSQL's tools, not by pretending here.
fn embedded_database(config: &Config, command: &str) -> Result<PathBuf, CliError> {
    let url = config.database_url();
    if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        let tool = if command == "backup" {
            "pg_dump"
        } else {
            "pg_restore"
        };
        return Err(CliError::Invalid(format!(
            "`percorso {command}` copies the embedded SQLite database, and DATABASE_URL names a \
             PostgreSQL database: use {tool} for the database and copy {} for the files \
             (docs/deploy.md, \"Backups and restore\")",
            config.data_dir.join(FILES).display()
        )));
    }
    sqlite_file(&url).ok_or_else(|| {
        CliError::Invalid(format!(
            "`percorso {command}` needs an SQLite database in a file; DATABASE_URL is {url}"
        ))
    })
}

/// The file an `sqlite:` URL names (`sqlite://data/percorso.db?mode=rwc` → `data/percorso.db`),
/// or `None` for an in-memory database or another kind of URL.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> CliError {
    let what = what.into();
    move |error| CliError::Io(what, error)
}

/// An SQL string literal for a path.
fn sql_string(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "''"))
}

/// SHA-256 of a file, hex, read in pieces.
fn sha256_of(path: &Path) -> Result<String, CliError> {
    let mut file = std::fs::File::open(path).map_err(io(format!("read {}", path.display())))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = file
            .read(&mut buffer)
            .map_err(io(format!("read {}", path.display())))?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(hex::encode(hasher.finalize()))
}

/// Copies the files under `from` into `to` (created), returning how many; a missing `from`
/// is an empty store.
fn copy_tree(from: &Path, to: &Path) -> Result<u64, CliError> {
    std::fs::create_dir_all(to).map_err(io(format!("create {}", to.display())))?;
    let entries = match std::fs::read_dir(from) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(CliError::Io(format!("read {}", from.display()), e)),
    };
    let mut copied = 0;
    for entry in entries {
        let entry = entry.map_err(io(format!("read {}", from.display())))?;
        let kind = entry
            .file_type()
            .map_err(io(format!("read {}", entry.path().display())))?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copied += copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            match std::fs::copy(entry.path(), &target) {
                Ok(_) => copied += 1,
                // Deleted (an erasure) since the folder was listed: it was not in the copy.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(CliError::Io(format!("copy {}", entry.path().display()), e)),
            }
        }
    }
    Ok(copied)
}

/// How many files are under `dir`.
fn count_files(dir: &Path) -> Result<u64, CliError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(CliError::Io(format!("read {}", dir.display()), e)),
    };
    let mut count = 0;
    for entry in entries {
        let entry = entry.map_err(io(format!("read {}", dir.display())))?;
        let kind = entry
            .file_type()
            .map_err(io(format!("read {}", entry.path().display())))?;
        if kind.is_dir() {
            count += count_files(&entry.path())?;
        } else if kind.is_file() {
            count += 1;
        }
    }
    Ok(count)
}

fn is_empty_dir(dir: &Path) -> Result<bool, CliError> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(CliError::Io(format!("read {}", dir.display()), e)),
    }
}

/// Opens an SQLite file on its own, outside the server's pool, read-only.
async fn open_file(path: &Path) -> Result<sea_orm::DatabaseConnection, CliError> {
    let mut options = sea_orm::ConnectOptions::new(format!("sqlite://{}?mode=ro", path.display()));
    options.sqlx_logging(false).max_connections(1);
    Ok(Database::connect(options).await?)
}

/// `PRAGMA integrity_check` on an SQLite file: `Ok` when it answers "ok".
pub async fn check_integrity(path: &Path) -> Result<(), CliError> {
    let db = open_file(path).await?;
    let rows = db
        .query_all_raw(Statement::from_string(
            DatabaseBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await?;
    db.close().await?;
    let answers: Vec<String> = rows
        .iter()
        .filter_map(|row| row.try_get_by_index::<String>(0).ok())
        .collect();
    if answers == ["ok"] {
        Ok(())
    } else {
        Err(CliError::Invalid(format!(
            "{} fails SQLite's integrity check: {}",
            path.display(),
            answers.join("; ")
        )))
    }
}

/// Backs the embedded database and the file store up into `dir`, which must be new or empty.
/// Safe while the server runs: `VACUUM INTO` reads one snapshot of the database, whatever is
/// written meanwhile.
pub async fn backup(config: &Config, dir: &Path) -> Result<Manifest, CliError> {
    let source = embedded_database(config, "backup")?;
    if !source.is_file() {
        return Err(CliError::Invalid(format!(
            "there is no database at {}: nothing to back up",
            source.display()
        )));
    }
    if !is_empty_dir(dir)? {
        return Err(CliError::Invalid(format!(
            "{} is not empty: back up into a new or empty directory",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(io(format!("create {}", dir.display())))?;

    let copy = dir.join(DATABASE);
    let db = startup::open(config).await?;
    let created_at = Utc::now();
    db.execute_unprepared(&format!("VACUUM INTO {}", sql_string(&copy)))
        .await?;
    db.close().await?;

    let files = copy_tree(&config.data_dir.join(FILES), &dir.join(FILES))?;

    let snapshot = open_file(&copy).await?;
    let last_migration = schema::last_migration(&snapshot).await?;
    snapshot.close().await?;
    let manifest = Manifest {
        format: FORMAT,
        created_at,
        percorso_version: env!("CARGO_PKG_VERSION").to_owned(),
        last_migration: last_migration.unwrap_or_default(),
        database_sha256: sha256_of(&copy)?,
        files,
    };
    let json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| CliError::Invalid(format!("cannot write the manifest: {e}")))?;
    let unfinished = dir.join(format!("{MANIFEST}.part"));
    std::fs::write(&unfinished, json).map_err(io(format!("write {}", unfinished.display())))?;
    std::fs::rename(&unfinished, dir.join(MANIFEST))
        .map_err(io(format!("write {}", dir.join(MANIFEST).display())))?;
    Ok(manifest)
}

/// Reads and checks a backup's manifest against what the folder holds and what this build
/// can open.
fn checked_manifest(dir: &Path) -> Result<Manifest, CliError> {
    let path = dir.join(MANIFEST);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CliError::Invalid(format!(
                "{} has no {MANIFEST}: it is not a Percorso backup, or an unfinished one",
                dir.display()
            )));
        }
        Err(e) => return Err(CliError::Io(format!("read {}", path.display()), e)),
    };
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
        CliError::Invalid(format!("{} is not a backup manifest: {e}", path.display()))
    })?;
    if manifest.format != FORMAT {
        return Err(CliError::Invalid(format!(
            "the backup's manifest has format {}; this percorso reads format {FORMAT}",
            manifest.format
        )));
    }
    if !schema::knows(&manifest.last_migration) {
        return Err(CliError::Invalid(format!(
            "the backup's schema ({}) is newer than this percorso knows: restore it with \
             percorso {} or later",
            manifest.last_migration, manifest.percorso_version
        )));
    }
    let database = dir.join(DATABASE);
    if !database.is_file() {
        return Err(CliError::Invalid(format!("the backup has no {DATABASE}")));
    }
    if sha256_of(&database)? != manifest.database_sha256 {
        return Err(CliError::Invalid(format!(
            "{} does not match its manifest (SHA-256 differs): the backup is damaged",
            database.display()
        )));
    }
    let files = count_files(&dir.join(FILES))?;
    if files != manifest.files {
        return Err(CliError::Invalid(format!(
            "the backup holds {files} stored files and its manifest says {}: the backup is \
             incomplete",
            manifest.files
        )));
    }
    Ok(manifest)
}

/// Removes an SQLite database's write-ahead log and shared-memory files, which belong to the
/// database being replaced and would corrupt the one replacing it.
fn remove_wal(database: &Path) -> Result<(), CliError> {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(PathBuf::from(&name)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(CliError::Io(
                    format!("remove {}", PathBuf::from(name).display()),
                    e,
                ));
            }
        }
    }
    Ok(())
}

/// Puts the backup in `dir` back as the configured database and file store, then migrates the
/// database to this build's schema. Refuses to replace an existing database or file store
/// unless `force`; the server must be stopped first.
pub async fn restore(config: &Config, dir: &Path, force: bool) -> Result<Manifest, CliError> {
    let target = embedded_database(config, "restore")?;
    let manifest = checked_manifest(dir)?;
    let store = config.data_dir.join(FILES);
    if !force {
        if target.exists() {
            return Err(CliError::Invalid(format!(
                "a database already exists at {}: stop the server and pass --force to replace \
                 it with the backup",
                target.display()
            )));
        }
        if !is_empty_dir(&store)? {
            return Err(CliError::Invalid(format!(
                "{} already holds files: pass --force to replace them with the backup's",
                store.display()
            )));
        }
    }
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io(format!("create {}", parent.display())))?;
    }
    std::fs::create_dir_all(&config.data_dir)
        .map_err(io(format!("create {}", config.data_dir.display())))?;

    // Everything is copied beside its place and checked first, then swapped in.
    let mut incoming = target.as_os_str().to_owned();
    incoming.push(".restoring");
    let incoming = PathBuf::from(incoming);
    remove_wal(&incoming)?;
    std::fs::copy(dir.join(DATABASE), &incoming)
        .map_err(io(format!("copy the database to {}", incoming.display())))?;
    check_integrity(&incoming).await?;
    remove_wal(&incoming)?;

    let incoming_files = config.data_dir.join(format!("{FILES}.restoring"));
    if incoming_files.exists() {
        std::fs::remove_dir_all(&incoming_files)
            .map_err(io(format!("remove {}", incoming_files.display())))?;
    }
    copy_tree(&dir.join(FILES), &incoming_files)?;

    if store.exists() {
        std::fs::remove_dir_all(&store).map_err(io(format!("remove {}", store.display())))?;
    }
    std::fs::rename(&incoming_files, &store)
        .map_err(io(format!("move the files into {}", store.display())))?;
    remove_wal(&target)?;
    std::fs::rename(&incoming, &target)
        .map_err(io(format!("move the database to {}", target.display())))?;

    let db = startup::connect(config).await?;
    db.close().await?;
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_sqlite_url_names_its_file_and_an_in_memory_one_names_none() {
        assert_eq!(
            sqlite_file("sqlite://data/percorso.db?mode=rwc"),
            Some(PathBuf::from("data/percorso.db"))
        );
        assert_eq!(
            sqlite_file("sqlite:///var/lib/percorso/percorso.db"),
            Some(PathBuf::from("/var/lib/percorso/percorso.db"))
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://localhost/percorso"), None);
    }

    #[test]
    fn a_path_with_a_quote_stays_one_sql_string() {
        assert_eq!(
            sql_string(Path::new("/tmp/l'archivio/percorso.db")),
            "'/tmp/l''archivio/percorso.db'"
        );
    }
}
