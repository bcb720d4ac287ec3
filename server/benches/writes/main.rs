//! Durable writes per second on SQLite (not a test: a benchmark to run by hand on a COPY of a
//! database `percorso seed-bench` made, since it writes): two realistic writes, an
//! interviewer saving a scorecard draft and an employee logging training with its PDF
//! certificate, each timed one after another with `synchronous = FULL` (what the server
//! uses) and with `NORMAL`, in the same run, each mode twice.
//!
//! ```text
//! DATABASE_URL='sqlite:///copy/percorso.db?mode=rwc' PERCORSO_DATA_DIR=/copy \
//!     cargo bench -p server --bench writes
//! ```

#[path = "../common/served.rs"]
#[allow(dead_code)]
mod served;
#[path = "../common/timing.rs"]
#[allow(dead_code)]
mod timing;

use std::time::Instant;

use app::model::{
    CompetencyId, CourseKind, InterviewId, LoggedTraining, RatingInput, Role, ScorecardInput,
};
use app::server::accounts::auth::CurrentUser;
use app::server::entities::{employee, interview, interview_interviewer, user};
use app::server::files::{Certificate, CertificateKind, FileStore};
use app::server::interviews::scorecards;
use app::server::training::outcomes;
use sea_orm::sqlx::sqlite::SqliteSynchronous;
use sea_orm::{
    ColumnTrait, ConnectOptions, Database, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::timing::{Spread, millis};

/// Writes timed per kind and mode, after a few untimed ones.
const WRITES: usize = 300;

/// The database with the server's settings but `mode`.
async fn open(url: &str, mode: SqliteSynchronous) -> DatabaseConnection {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .max_connections(4)
        .map_sqlx_sqlite_opts(move |o| server::startup::tune_sqlite(o).synchronous(mode));
    Database::connect(options)
        .await
        .expect("the database opens")
}

/// An interviewer's open seat and the draft they keep saving: every competency rated.
async fn draft(db: &DatabaseConnection) -> (CurrentUser, InterviewId, ScorecardInput) {
    let seat = interview_interviewer::Entity::find()
        .filter(interview_interviewer::Column::Done.eq(false))
        .one(db)
        .await
        .expect("seats")
        .expect("an open seat (run seed-bench)");
    let found = interview::Entity::find_by_id(seat.interview_id)
        .one(db)
        .await
        .expect("interviews")
        .expect("the interview");
    let required = scorecards::required_competencies(db, found.application_id)
        .await
        .expect("the profile's competencies");
    let input = ScorecardInput {
        ratings: required
            .into_iter()
            .map(|id| RatingInput {
                competency_id: CompetencyId(id),
                rating: Some(4),
                evidence: "Risponde con calma e verifica i dati prima di procedere.".into(),
            })
            .collect(),
        recommendation: None,
        summary: "Buona gestione del cliente; da approfondire la parte contabile.".into(),
    };
    (
        served::current_user(db, seat.user_id).await,
        InterviewId(seat.interview_id),
        input,
    )
}

/// The employee who logs training, and a one-page PDF certificate.
async fn logger(db: &DatabaseConnection) -> (CurrentUser, Vec<u8>) {
    let worker = employee::Entity::find()
        .inner_join(user::Entity)
        .filter(user::Column::Role.eq(Role::Employee.as_str()))
        .one(db)
        .await
        .expect("employees")
        .expect("an employee with an account");
    let pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    (served::current_user(db, worker.user_id).await, pdf.to_vec())
}

/// Times `WRITES` runs of `write` one after another: (writes a second, spread).
async fn timed<F, Fut>(mut write: F) -> (f64, Spread)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for _ in 0..10 {
        write().await;
    }
    let mut times = Vec::with_capacity(WRITES);
    let started = Instant::now();
    for _ in 0..WRITES {
        let one = Instant::now();
        write().await;
        times.push(one.elapsed());
    }
    let rate = WRITES as f64 / started.elapsed().as_secs_f64();
    (rate, Spread::of(&mut times))
}

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL names a copy of the database");
    assert!(url.starts_with("sqlite:"), "a SQLite benchmark");
    let data_dir = std::env::var("PERCORSO_DATA_DIR").unwrap_or_else(|_| "data".into());
    let files = FileStore::new(std::path::Path::new(&data_dir).join("files"));
    println!("{WRITES} writes a kind and mode, one after another, after 10 untimed");
    println!(
        "{:<34} {:>8} {:>9} {:>9} {:>9}",
        "write", "mode", "writes/s", "p50 ms", "p95 ms"
    );
    // Each mode twice, in the order FULL, NORMAL, NORMAL, FULL, so that neither always runs
    // on the smaller file.
    for (name, mode) in [
        ("FULL", SqliteSynchronous::Full),
        ("NORMAL", SqliteSynchronous::Normal),
        ("NORMAL", SqliteSynchronous::Normal),
        ("FULL", SqliteSynchronous::Full),
    ] {
        let db = open(&url, mode).await;
        let (interviewer, interview, input) = draft(&db).await;
        let (rate, spread) = timed(|| async {
            scorecards::save_draft(&db, &interviewer, interview, input.clone())
                .await
                .expect("the draft is saved");
        })
        .await;
        println!(
            "{:<34} {:>8} {:>9.1} {:>9.2} {:>9.2}",
            "save a scorecard draft",
            name,
            rate,
            millis(spread.p50),
            millis(spread.p95)
        );
        let (worker, pdf) = logger(&db).await;
        let today = chrono::Utc::now().date_naive();
        let (rate, spread) = timed(|| async {
            outcomes::log(
                &db,
                &files,
                &worker,
                LoggedTraining {
                    title: "Seminario sulla privacy".into(),
                    provider: "Ordine dei consulenti".into(),
                    kind: CourseKind::Seminar,
                    hours: 2,
                    completed_on: today,
                    course: None,
                },
                Certificate {
                    name: "attestato.pdf".into(),
                    kind: CertificateKind::Pdf,
                    bytes: pdf.clone(),
                },
                chrono::Utc::now(),
            )
            .await
            .expect("the training is logged");
        })
        .await;
        println!(
            "{:<34} {:>8} {:>9.1} {:>9.2} {:>9.2}",
            "log training with its certificate",
            name,
            rate,
            millis(spread.p50),
            millis(spread.p95)
        );
        db.close().await.ok();
    }
}
