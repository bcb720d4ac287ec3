//! Crash safety: the real `percorso serve` killed with SIGKILL twenty times while clients
//! write (applications with a CV, training logged with a certificate, scorecard drafts, an
//! opening's notes); after every restart each write the server acknowledged is there, the
//! SQLite database passes `PRAGMA integrity_check`, and the file store and the rows that name
//! files agree both ways.

use std::collections::HashSet;
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::model::Role;
use app::server::entities::{candidate, course_record, rate_event, scorecard};
use app::server::files::STORED_FILE_COLUMNS;
use rand::Rng;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, DatabaseConnection, EntityTrait, QueryFilter,
};
use serde_json::json;

use crate::careers::{file, public_opening};
use crate::cli::percorso;
use crate::documents::pdf;
use crate::helpers::{Browser, TestApp, on_postgres, test_config};
use crate::jobs::{free_port, wait_until_healthy};

const KILLS: usize = 20;

/// What the server said it saved.
#[derive(Default)]
struct Acknowledged {
    /// Applicants' emails.
    applications: Vec<String>,
    /// Titles of logged training.
    training: Vec<String>,
    /// The highest draft number saved.
    draft: u64,
}

/// The clients' shared state: where the server is, whether to write, what was saved.
struct Clients {
    base: Mutex<String>,
    writing: AtomicBool,
    stop: AtomicBool,
    serial: AtomicU64,
    saved: Mutex<Acknowledged>,
}

impl Clients {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base.lock().unwrap())
    }

    /// Waits while writing is paused; false once told to stop.
    async fn may_write(&self) -> bool {
        while !self.writing.load(Ordering::SeqCst) {
            if self.stop.load(Ordering::SeqCst) {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        !self.stop.load(Ordering::SeqCst)
    }
}

/// Applies on the careers page, again and again.
async fn applicant(clients: Arc<Clients>, opening: i64) {
    let client = reqwest::Client::new();
    while clients.may_write().await {
        let n = clients.serial.fetch_add(1, Ordering::SeqCst);
        let email = format!("crash{n}@example.it");
        let form = Form::new()
            .text("opening_id", opening.to_string())
            .text("notice_version", "1")
            .text("name", format!("Candidata {n}"))
            .text("email", email.clone())
            .text("phone", "+39 333 000 1111")
            .text("education", "Diploma")
            .text("experience", "Due anni allo sportello")
            .text("cover_letter", "")
            .text("website", "")
            .part("cv", file("cv.pdf", pdf(&["Curriculum", &email])));
        let sent = client
            .post(clients.url("/api/apply"))
            .multipart(form)
            .send()
            .await;
        match sent {
            Ok(r) if r.status() == StatusCode::OK => {
                clients.saved.lock().unwrap().applications.push(email);
            }
            // Refused (ten an hour from one address) or cut off: not so fast.
            _ => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// Logs training with a certificate, again and again.
async fn trainee(clients: Arc<Clients>, who: Browser) {
    let day = (chrono::Utc::now() - chrono::TimeDelta::days(2))
        .date_naive()
        .to_string();
    while clients.may_write().await {
        let n = clients.serial.fetch_add(1, Ordering::SeqCst);
        let title = format!("Corso numero {n}");
        let form = Form::new()
            .text("title", title.clone())
            .text("provider", "Ente di formazione")
            .text("kind", "seminar")
            .text("hours", "2")
            .text("completed_on", day.clone())
            .text("course_id", "")
            .part(
                "certificate",
                Part::bytes(pdf(&["Attestato", &title])).file_name("attestato.pdf"),
            );
        let sent = who
            .client
            .post(clients.url("/training/log"))
            .header("accept", "text/html")
            .multipart(form)
            .send()
            .await;
        // The plain form answers a redirect to the training page once saved.
        if sent.is_ok_and(|r| r.status() == StatusCode::SEE_OTHER) {
            clients.saved.lock().unwrap().training.push(title);
        }
    }
}

/// Saves a draft scorecard, again and again, each with a higher number in its summary.
async fn interviewer(clients: Arc<Clients>, who: Browser, interview: i64, competency: i64) {
    while clients.may_write().await {
        let n = clients.serial.fetch_add(1, Ordering::SeqCst);
        let body = json!({
            "id": interview,
            "input": {
                "ratings": [{"competency_id": competency, "rating": n % 5 + 1, "evidence": ""}],
                "recommendation": null,
                "summary": format!("bozza {n}"),
            }
        });
        let sent = who
            .client
            .post(clients.url("/api/save_scorecard_draft"))
            .json(&body)
            .send()
            .await;
        if sent.is_ok_and(|r| r.status() == StatusCode::OK) {
            let mut saved = clients.saved.lock().unwrap();
            saved.draft = std::cmp::max(saved.draft, n);
        }
    }
}

/// The names of the stored files the rows hold.
async fn named_files(db: &DatabaseConnection) -> HashSet<String> {
    let mut names = HashSet::new();
    for (table, column) in STORED_FILE_COLUMNS {
        let query = Query::select()
            .column(Alias::new(*column))
            .from(Alias::new(*table))
            .and_where(Expr::col(Alias::new(*column)).is_not_null())
            .to_owned();
        for row in db.query_all(&query).await.unwrap() {
            names.insert(row.try_get_by_index::<String>(0).unwrap());
        }
    }
    names
}

/// Checks everything acknowledged is there, the database is sound, and the file store and the
/// rows agree.
async fn check(
    db: &DatabaseConnection,
    url: &str,
    clients: &Clients,
    files: &std::path::Path,
    round: usize,
) {
    let (applications, training, draft) = {
        let saved = clients.saved.lock().unwrap();
        (
            saved.applications.clone(),
            saved.training.clone(),
            saved.draft,
        )
    };
    let found: HashSet<String> = candidate::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|c| c.email)
        .collect();
    for email in &applications {
        assert!(
            found.contains(email),
            "round {round}: {email}'s application was lost"
        );
    }
    let logged: HashSet<String> = course_record::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.title)
        .collect();
    for title in &training {
        assert!(
            logged.contains(title),
            "round {round}: \"{title}\" was lost"
        );
    }
    if draft > 0 {
        let card = scorecard::Entity::find()
            .filter(scorecard::Column::Summary.like("bozza %"))
            .one(db)
            .await
            .unwrap()
            .expect("the draft");
        let kept: u64 = card.summary["bozza ".len()..].parse().unwrap();
        assert!(
            kept >= draft,
            "round {round}: draft {draft} was acknowledged, {kept} kept"
        );
    }
    if !on_postgres() {
        // On a connection of its own: one that read the search index before the server last
        // wrote it reports a checksum mismatch there (FTS5 keeps what it read), though the
        // file is sound, as any new connection finds.
        let fresh = Database::connect(url).await.unwrap();
        let row = fresh
            .query_one_raw(sea_orm::Statement::from_string(
                sea_orm::DatabaseBackend::Sqlite,
                "PRAGMA integrity_check",
            ))
            .await
            .unwrap()
            .unwrap();
        let verdict = row.try_get_by_index::<String>(0).unwrap();
        assert_eq!(verdict, "ok", "round {round}");
        fresh.close().await.unwrap();
    }
    let named = named_files(db).await;
    let stored: HashSet<String> = std::fs::read_dir(files)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    let without_file: Vec<&String> = named.difference(&stored).collect();
    let without_row: Vec<&String> = stored.difference(&named).collect();
    assert!(
        without_file.is_empty(),
        "round {round}: rows without their file: {without_file:?}"
    );
    assert!(
        without_row.is_empty(),
        "round {round}: files without their row: {without_row:?}"
    );
}

fn serve(config: &server::config::Config, port: u16) -> Child {
    percorso(config)
        .arg("serve")
        .env("PERCORSO_BIND", format!("127.0.0.1:{port}"))
        // What a crash left is swept at once: only this one instance uses the store.
        .env("PERCORSO_ORPHAN_GRACE_MINUTES", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[tokio::test]
async fn killed_twenty_times_mid_write_the_server_keeps_every_acknowledged_write_and_its_files() {
    let (config, dir) = test_config().await;
    let app = TestApp::spawn_with(config.clone(), dir).await;
    let opening = public_opening(&app, "Bank teller").await;
    crate::intake::apply_as(
        &app,
        opening,
        "Anna Bianchi",
        "anna@example.it",
        "+39 333 1",
        false,
    )
    .await;
    let application = app::server::entities::application::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let hr = app.signed_in(Role::Hr).await;
    let panelist = app.signed_in(Role::Interviewer).await;
    let worker = app.signed_in(Role::Employee).await;
    let scheduled = hr
        .call(
            "schedule_interview",
            json!({"input": {
                "application_id": application,
                "kind": "hr_interview",
                "starts_at": "2020-01-10T10:00",
                "ends_at": "2020-01-10T11:00",
                "time_zone": "Europe/Rome",
                "location": "Sala Verdi",
                "video_link": "",
                "interviewer_ids": [panelist.user_id.unwrap().0],
            }}),
        )
        .await;
    assert_eq!(scheduled.status, StatusCode::OK, "{scheduled:?}");
    let interview = scheduled.body["id"].as_i64().unwrap();
    let detail = panelist
        .call("get_interview", json!({"id": interview}))
        .await;
    let competency = detail.body["kit"]["competencies"][0]["id"]
        .as_i64()
        .expect("a kit competency");

    let clients = Arc::new(Clients {
        base: Mutex::new(String::new()),
        writing: AtomicBool::new(false),
        stop: AtomicBool::new(false),
        serial: AtomicU64::new(1),
        saved: Mutex::new(Acknowledged::default()),
    });
    let writers = vec![
        tokio::spawn(applicant(Arc::clone(&clients), opening)),
        tokio::spawn(applicant(Arc::clone(&clients), opening)),
        tokio::spawn(trainee(Arc::clone(&clients), worker)),
        tokio::spawn(interviewer(
            Arc::clone(&clients),
            panelist,
            interview,
            competency,
        )),
    ];
    let db = Database::connect(config.database_url()).await.unwrap();
    let files = config.data_dir.join("files");
    let mut rng = rand::thread_rng();
    for round in 0..=KILLS {
        // A new port each time: the last one may be another test's by now.
        let port = free_port();
        *clients.base.lock().unwrap() = format!("http://127.0.0.1:{port}");
        let mut server = serve(&config, port);
        wait_until_healthy(port, &mut server).await;
        check(&db, &config.database_url(), &clients, &files, round).await;
        if round == KILLS {
            server.kill().unwrap();
            server.wait().unwrap();
            break;
        }
        // The careers form lets ten applications an hour through from one address.
        rate_event::Entity::delete_many().exec(&db).await.unwrap();
        clients.writing.store(true, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(rng.gen_range(300..1200))).await;
        server.kill().unwrap(); // SIGKILL
        clients.writing.store(false, Ordering::SeqCst);
        server.wait().unwrap();
        // Requests in flight fail on the closed connection; let them.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    clients.stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.await.unwrap();
    }
    let saved = clients.saved.lock().unwrap();
    assert!(
        saved.applications.len() >= KILLS && saved.training.len() >= KILLS && saved.draft > 0,
        "writes went through between the kills: {} applications, {} trainings",
        saved.applications.len(),
        saved.training.len()
    );
}
