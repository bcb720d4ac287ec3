//! `percorso backup` and `percorso restore` through the built binary: a backup taken while the
//! server writes, restored elsewhere, opens, passes SQLite's integrity check, holds what was
//! committed before it began and serves it; and the refusals. Backups copy the embedded
//! database, so these tests run on SQLite whichever database the suite is on.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::model::Role;
use app::server::entities::{candidate_file, candidate_note, intake_upload};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, DatabaseBackend, EntityTrait, Statement};
use serde_json::{Value, json};
use server::config::Config;

use crate::careers::public_opening;
use crate::cli::percorso;
use crate::documents::pdf;
use crate::helpers::{TestApp, sqlite_test_config};
use crate::intake::{apply_as, candidate_by_email, uploaded};

/// Runs `percorso ARGS` with `config` without blocking the test's runtime; returns whether it
/// succeeded, its standard output and its standard error.
async fn run(config: &Config, args: &[&str]) -> (bool, String, String) {
    let mut command = percorso(config);
    command.args(args);
    let output = tokio::process::Command::from(command)
        .output()
        .await
        .expect("percorso runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A folder for a backup, not created yet.
fn backup_dir() -> PathBuf {
    std::env::temp_dir().join(format!(
        "percorso-backup-{}",
        &app::server::accounts::sessions::random_token()[..12]
    ))
}

/// The SQLite file the configuration names.
fn database_file(config: &Config) -> PathBuf {
    server::backup::sqlite_file(&config.database_url()).expect("an SQLite file")
}

/// What `PRAGMA integrity_check` answers for an SQLite file.
async fn integrity(path: &Path) -> String {
    let db = Database::connect(format!("sqlite://{}?mode=ro", path.display()))
        .await
        .unwrap();
    let rows = db
        .query_all_raw(Statement::from_string(
            DatabaseBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await
        .unwrap();
    db.close().await.unwrap();
    rows.iter()
        .map(|row| row.try_get_by_index::<String>(0).unwrap())
        .collect::<Vec<_>>()
        .join("; ")
}

/// What the writer committed, in order.
#[derive(Debug, Default)]
struct Committed {
    notes: Vec<String>,
    uploads: Vec<i64>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_while_hr_keep_writing_restores_everything_committed_before_it_began() {
    let (config, dir) = sqlite_test_config().await;
    let app = TestApp::spawn_with(config.clone(), dir).await;
    let opening = public_opening(&app, "Bank teller").await;
    for who in ["anna", "bruno", "carla"] {
        let name = format!("Persona {who}");
        let email = format!("{who}@example.it");
        apply_as(&app, opening, &name, &email, "+39 333 000 1111", false).await;
    }
    let candidate = candidate_by_email(&app, "anna@example.it").await;

    // HR keep adding notes, and now and then a CV to the intake tray, until told to stop.
    let hr = app.signed_in(Role::Hr).await;
    let (hr_email, hr_password) = (hr.email.clone(), hr.password.clone());
    let committed = Arc::new(Mutex::new(Committed::default()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = tokio::spawn({
        let (committed, stop) = (committed.clone(), stop.clone());
        async move {
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                i += 1;
                let body = format!("Nota numero {i}");
                let answer = hr
                    .call(
                        "add_note",
                        json!({"id": candidate, "input": {"body": body}}),
                    )
                    .await;
                assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
                committed.lock().unwrap().notes.push(body);
                if i % 5 == 0 {
                    let id =
                        uploaded(&hr, &format!("cv-{i}.pdf"), pdf(&["Tray", &i.to_string()])).await;
                    committed.lock().unwrap().uploads.push(id);
                }
            }
        }
    });
    while committed.lock().unwrap().uploads.len() < 3 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let backup = backup_dir();
    let before = {
        let c = committed.lock().unwrap();
        (c.notes.clone(), c.uploads.clone())
    };
    let (ok, stdout, stderr) = run(&config, &["backup", backup.to_str().unwrap()]).await;
    let notes_after = committed.lock().unwrap().notes.len();
    stop.store(true, Ordering::SeqCst);
    writer.await.expect("the writer never failed");
    assert!(ok, "{stdout}{stderr}");
    assert!(
        notes_after > before.0.len(),
        "the writes went on while the backup ran"
    );
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(backup.join("manifest.json")).unwrap()).unwrap();
    let newest = {
        use migration::MigratorTrait;
        migration::Migrator::migrations()
            .last()
            .expect("migrations")
            .name()
            .to_owned()
    };
    assert_eq!(manifest["last_migration"], newest.as_str());
    assert!(
        manifest["files"].as_u64().unwrap() >= 6,
        "3 CVs and 3 or more uploads: {manifest}"
    );

    // Restored into another data directory.
    let (restored, restored_dir) = sqlite_test_config().await;
    let (ok, stdout, stderr) = run(&restored, &["restore", backup.to_str().unwrap()]).await;
    assert!(ok, "{stdout}{stderr}");
    assert_eq!(integrity(&database_file(&restored)).await, "ok");
    let db = Database::connect(restored.database_url()).await.unwrap();
    let notes: Vec<String> = candidate_note::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.body)
        .collect();
    for body in &before.0 {
        assert!(
            notes.contains(body),
            "{body} was committed before the backup"
        );
    }
    assert!(notes.len() <= notes_after);
    let uploads = intake_upload::Entity::find().all(&db).await.unwrap();
    for id in &before.1 {
        let upload = uploads
            .iter()
            .find(|u| i64::from(u.id) == *id)
            .unwrap_or_else(|| panic!("upload {id} was committed before the backup"));
        let original = std::fs::read(app.data_dir().join("files").join(&upload.stored_name));
        let copy = std::fs::read(restored.data_dir.join("files").join(&upload.stored_name));
        assert_eq!(copy.unwrap(), original.unwrap(), "{}", upload.stored_name);
    }
    db.close().await.unwrap();

    // The restored database serves: HR sign in and download a CV.
    let served = TestApp::spawn_with(restored, restored_dir).await;
    let mut hr_again = served.anonymous();
    hr_again.email = hr_email;
    hr_again.password = hr_password;
    assert_eq!(hr_again.sign_in().await.status, StatusCode::OK);
    let listed = hr_again
        .call("list_candidates", json!({"filter": {}, "page": 0}))
        .await;
    assert_eq!(listed.body["total"]["exactly"], 3, "{listed:?}");
    let cv = candidate_file::Entity::find()
        .one(&served.db)
        .await
        .unwrap()
        .unwrap();
    let (status, _, bytes) = hr_again.download(&format!("/files/{}", cv.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        bytes,
        std::fs::read(app.data_dir().join("files").join(&cv.stored_name)).unwrap()
    );
    let _ = std::fs::remove_dir_all(backup);
}

#[tokio::test]
async fn backup_wants_a_new_or_empty_directory_and_restore_replaces_a_database_only_with_force() {
    let (config, dir) = sqlite_test_config().await;
    let (ok, _, stderr) = run(&config, &["migrate"]).await;
    assert!(ok, "{stderr}");
    let files = config.data_dir.join("files");
    std::fs::create_dir_all(&files).unwrap();
    std::fs::write(files.join("kept.pdf"), b"%PDF-1.7 kept").unwrap();

    let backup = backup_dir();
    std::fs::create_dir_all(&backup).unwrap();
    std::fs::write(backup.join("notes.txt"), b"something else").unwrap();
    let (ok, _, stderr) = run(&config, &["backup", backup.to_str().unwrap()]).await;
    assert!(!ok);
    assert!(stderr.contains("is not empty"), "{stderr}");
    assert!(!backup.join("manifest.json").exists());

    std::fs::remove_file(backup.join("notes.txt")).unwrap();
    let (ok, stdout, stderr) = run(&config, &["backup", backup.to_str().unwrap()]).await;
    assert!(ok, "{stderr}");
    assert!(stdout.contains("1 files"), "{stdout}");

    // The database it would replace is there: refused, and nothing changes.
    std::fs::remove_file(files.join("kept.pdf")).unwrap();
    std::fs::write(files.join("newer.pdf"), b"%PDF-1.7 newer").unwrap();
    let (ok, _, stderr) = run(&config, &["restore", backup.to_str().unwrap()]).await;
    assert!(!ok);
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert!(files.join("newer.pdf").exists());

    let (ok, _, stderr) = run(&config, &["restore", "--force", backup.to_str().unwrap()]).await;
    assert!(ok, "{stderr}");
    assert!(
        files.join("kept.pdf").exists(),
        "the backup's files are back"
    );
    assert!(!files.join("newer.pdf").exists(), "and only those");
    assert_eq!(integrity(&database_file(&config)).await, "ok");

    let _ = std::fs::remove_dir_all(backup);
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[tokio::test]
async fn restore_refuses_a_backup_that_does_not_match_its_manifest() {
    let (config, dir) = sqlite_test_config().await;
    let (ok, _, stderr) = run(&config, &["migrate"]).await;
    assert!(ok, "{stderr}");
    let backup = backup_dir();
    let (ok, _, stderr) = run(&config, &["backup", backup.to_str().unwrap()]).await;
    assert!(ok, "{stderr}");
    let (elsewhere, elsewhere_dir) = sqlite_test_config().await;
    let restore_args = ["restore", backup.to_str().unwrap()];
    let restore = || run(&elsewhere, &restore_args);
    let manifest_path = backup.join("manifest.json");
    let manifest = std::fs::read_to_string(&manifest_path).unwrap();

    std::fs::remove_file(&manifest_path).unwrap();
    let (ok, _, stderr) = restore().await;
    assert!(!ok);
    assert!(stderr.contains("has no manifest.json"), "{stderr}");

    let mut future: Value = serde_json::from_str(&manifest).unwrap();
    future["last_migration"] = json!("m20991231_000001_from_the_future");
    std::fs::write(&manifest_path, future.to_string()).unwrap();
    let (ok, _, stderr) = restore().await;
    assert!(!ok);
    assert!(
        stderr.contains("newer than this percorso knows"),
        "{stderr}"
    );

    std::fs::write(&manifest_path, &manifest).unwrap();
    std::fs::create_dir_all(backup.join("files")).unwrap();
    std::fs::write(backup.join("files/stray.pdf"), b"%PDF-1.7").unwrap();
    let (ok, _, stderr) = restore().await;
    assert!(!ok);
    assert!(stderr.contains("holds 1 stored files"), "{stderr}");
    std::fs::remove_file(backup.join("files/stray.pdf")).unwrap();

    let database = backup.join("percorso.db");
    let mut bytes = std::fs::read(&database).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&database, &bytes).unwrap();
    let (ok, _, stderr) = restore().await;
    assert!(!ok);
    assert!(stderr.contains("does not match its manifest"), "{stderr}");

    assert!(
        !database_file(&elsewhere).exists(),
        "nothing was put in place"
    );
    bytes[last] ^= 0xff;
    std::fs::write(&database, &bytes).unwrap();
    let (ok, _, stderr) = restore().await;
    assert!(ok, "the untouched backup restores: {stderr}");

    for dir in [Some(backup), dir, elsewhere_dir].into_iter().flatten() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[tokio::test]
async fn on_postgresql_backup_and_restore_say_to_use_pg_dump_and_pg_restore() {
    let (mut config, dir) = sqlite_test_config().await;
    config.database_url = Some("postgres://percorso@db.example.it:5432/percorso".into());
    let backup = backup_dir();
    let (ok, _, stderr) = run(&config, &["backup", backup.to_str().unwrap()]).await;
    assert!(!ok);
    assert!(
        stderr.contains("pg_dump") && stderr.contains("docs/deploy.md"),
        "{stderr}"
    );
    assert!(!backup.exists(), "nothing pretends to be a backup");
    let (ok, _, stderr) = run(&config, &["restore", backup.to_str().unwrap()]).await;
    assert!(!ok);
    assert!(stderr.contains("pg_restore"), "{stderr}");
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}
