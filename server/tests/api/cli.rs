//! The `percorso` binary: create-user, migrate, seed-bench, run-retention, run-reminders, and
//! graceful shutdown on SIGTERM.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use app::model::Role;
use app::server::entities::{candidate, candidate_file, retention_run};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::careers::{file, form, public_opening, send};
use crate::data_protection::ended;
use crate::documents::pdf;
use crate::helpers::{TestApp, test_config};
use crate::intake::stored_files;

/// The built `percorso` binary with `config` in its environment and nothing else.
pub fn percorso(config: &server::config::Config) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_percorso"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", config.database_url())
        .env("PERCORSO_DATA_DIR", &config.data_dir)
        .env("PERCORSO_LOG", "warn")
        .stdin(Stdio::null());
    command
}

#[tokio::test]
async fn create_user_reads_the_password_from_the_environment_and_applies_the_policy() {
    let (config, dir) = test_config().await;
    let weak = percorso(&config)
        .args([
            "create-user",
            "--email",
            "sara@example.it",
            "--name",
            "Sara Galli",
            "--role",
            "hr",
        ])
        .env("PERCORSO_NEW_USER_PASSWORD", "passwordpassword")
        .output()
        .unwrap();
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("most common passwords"));

    let created = percorso(&config)
        .args([
            "create-user",
            "--email",
            "sara@example.it",
            "--name",
            "Sara Galli",
            "--role",
            "hr",
        ])
        .env("PERCORSO_NEW_USER_PASSWORD", "una frase lunga e sicura")
        .output()
        .unwrap();
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );

    let app = TestApp::spawn_with(config, dir).await;
    let mut sara = app.anonymous();
    sara.email = "sara@example.it".into();
    sara.password = "una frase lunga e sicura".into();
    assert_eq!(sara.sign_in().await.status, StatusCode::OK);
    let me = sara.call("session", serde_json::json!({})).await;
    assert_eq!(me.body["user"]["role"], Role::Hr.as_str());
}

#[tokio::test]
async fn serve_stops_gracefully_on_sigterm() {
    let (config, dir) = test_config().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = percorso(&config)
        .args(["serve"])
        .env("PERCORSO_BIND", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let health = format!("http://127.0.0.1:{port}/healthz");
    let started = Instant::now();
    loop {
        if reqwest::get(&health)
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let stopped = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            stopped.elapsed() < Duration::from_secs(10),
            "no shutdown within 10 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "a graceful stop exits 0, got {status}");
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[tokio::test]
async fn run_retention_anonymises_the_candidates_due_and_logs_an_unattended_run() {
    let (config, dir) = test_config().await;
    let mut command = percorso(&config);
    command.arg("run-retention");
    let app = TestApp::spawn_with(config, dir).await;
    let opening = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let due = ended(
        &app,
        &hr,
        opening,
        "old@example.it",
        "rejected",
        false,
        7 * 31,
    )
    .await;
    let kept = ended(&app, &hr, opening, "new@example.it", "rejected", false, 1).await;

    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("1 candidates anonymised, 1 files deleted"),
        "{stdout}"
    );
    let anonymised = |id: i64| {
        let db = app.db.clone();
        async move {
            candidate::Entity::find_by_id(id as i32)
                .one(&db)
                .await
                .unwrap()
                .unwrap()
                .anonymised_at
                .is_some()
        }
    };
    assert!(anonymised(due).await);
    assert!(!anonymised(kept).await);
    assert_eq!(stored_files(&app).len(), 1, "only the kept candidate's CV");
    let runs = retention_run::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].actor_id, None, "nobody ran it from the app");
    assert_eq!(runs[0].anonymised, 1);
}

#[tokio::test]
async fn seed_bench_fills_an_empty_database_once_with_cvs_that_download_and_can_be_searched() {
    let (config, dir) = test_config().await;
    let seeded = percorso(&config)
        .args(["seed-bench", "--candidates", "30"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&seeded.stdout);
    assert!(
        seeded.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    assert!(stdout.contains("seeded 30 candidates"), "{stdout}");

    let again = percorso(&config)
        .args(["seed-bench", "--candidates", "30"])
        .output()
        .unwrap();
    assert!(!again.status.success(), "a second run is refused");
    let refusal = String::from_utf8_lossy(&again.stderr);
    assert!(
        refusal.contains("already has 30 candidates") && refusal.contains("--force"),
        "{refusal}"
    );
    let forced = percorso(&config)
        .args(["seed-bench", "--candidates", "5", "--force"])
        .output()
        .unwrap();
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );

    let app = TestApp::spawn_with(config, dir).await;
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 35);
    let files = candidate_file::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(files.len(), 35, "a CV each");
    for stored in &files {
        let path = app.data_dir().join("files").join(&stored.stored_name);
        assert!(path.exists(), "{} is on disk", stored.stored_name);
    }

    let hr = app.signed_in(Role::Hr).await;
    let response = hr
        .client
        .get(app.url(&format!("/files/{}", files[0].id)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(bytes.len() as i64, files[0].size_bytes);

    let everyone = hr
        .call(
            "list_candidates",
            json!({"filter": {"q": "gdpr"}, "page": 0}),
        )
        .await;
    assert_eq!(
        everyone.body["total"]["exactly"], 35,
        "every CV is in the search index"
    );

    // New rows get new ids after the seeded ones (PostgreSQL's sequences were moved on).
    let visitor = app.anonymous();
    let public = visitor.call("list_public_openings", json!({})).await.body;
    let opening = public[0]["id"]
        .as_i64()
        .expect("seed-bench publishes openings");
    let answer = send(
        &visitor,
        &app,
        form(opening, "nuova@example.it").part("cv", file("cv.pdf", pdf(&["Curriculum"]))),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 36);
}

#[tokio::test]
async fn run_reminders_sends_what_is_due_today_once_however_often_it_runs() {
    let (config, dir) = test_config().await;
    let app = TestApp::spawn_with(config.clone(), dir).await;
    let worker = app.signed_in(Role::Employee).await;
    crate::reminders::certificate(
        &app,
        &worker,
        chrono::Utc::now().date_naive() + chrono::TimeDelta::days(20),
    )
    .await;
    let run = || {
        let output = percorso(&config).arg("run-reminders").output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let first = run();
    assert!(!first.contains("reminders: 0 sent"), "{first}");
    let told = app::server::entities::notification::Entity::find()
        .filter(app::server::entities::notification::Column::UserId.eq(worker.user_id.unwrap().0))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(told, 1, "the employee hears of it once");
    assert!(run().contains("reminders: 0 sent"), "nothing twice");
}
