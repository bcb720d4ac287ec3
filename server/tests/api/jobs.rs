//! The daily jobs' leases: of instances claiming a job for a day at once exactly one wins; a
//! claim holds until finished, or released after a failure, or gone stale; the scheduled
//! retention run happens once a day while "Run now" runs at once; and two real `percorso serve`
//! processes on one database run the day's retention and reminders once.

use std::io::Read;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use app::model::Role;
use app::server::Backend;
use app::server::accounts::throttle::ThrottlePolicy;
use app::server::data_protection::run_scheduled;
use app::server::entities::{job_run, notification, reminder, retention_run};
use app::server::files::FileStore;
use app::server::jobs::{self, Job, Lease, STALE_AFTER};
use chrono::{NaiveDate, TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Database, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};
use serde_json::json;

use crate::careers::public_opening;
use crate::cli::percorso;
use crate::data_protection::ended;
use crate::helpers::{TestApp, test_config};

const SEVEN_MONTHS: i64 = 7 * 31;

/// `contenders` claims of `job` for `day` at once, over the pool's connections.
async fn claim_at_once(db: &DatabaseConnection, day: NaiveDate, contenders: usize) -> Vec<Lease> {
    let claims = (0..contenders).map(|_| jobs::claim(db, Job::Retention, day));
    futures::future::join_all(claims)
        .await
        .into_iter()
        .filter_map(|claim| claim.expect("a claim is answered"))
        .collect()
}

async fn backdate_claim(db: &DatabaseConnection, day: NaiveDate, by: TimeDelta) {
    job_run::Entity::update_many()
        .col_expr(job_run::Column::ClaimedAt, Expr::value(Utc::now() - by))
        .filter(job_run::Column::Day.eq(day))
        .exec(db)
        .await
        .unwrap();
}

fn backend(app: &TestApp) -> Backend {
    Backend {
        db: app.db.clone(),
        files: FileStore::new(app.data_dir().join("files")),
        sessions: Default::default(),
        throttle: ThrottlePolicy::default(),
        public_url: "http://127.0.0.1".to_owned(),
        clock: Default::default(),
        tasks: Default::default(),
    }
}

#[tokio::test]
async fn of_many_instances_claiming_one_job_for_one_day_at_once_exactly_one_wins() {
    let app = TestApp::spawn().await;
    let first = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    for offset in 0..5 {
        let day = first + TimeDelta::days(offset);
        let mut won = claim_at_once(&app.db, day, 8).await;
        assert_eq!(won.len(), 1, "one winner on {day}");
        won.pop().unwrap().finish(&app.db).await.unwrap();
    }
    let rows = job_run::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 5);
    assert!(
        rows.iter()
            .all(|r| r.job == "retention" && r.finished_at.is_some())
    );
}

#[tokio::test]
async fn a_claim_holds_for_its_day_until_released_and_a_finished_day_is_never_claimed_again() {
    let app = TestApp::spawn().await;
    let db = &app.db;
    let today = Utc::now().date_naive();
    let lease = jobs::claim(db, Job::Retention, today).await.unwrap();
    let lease = lease.expect("a free day is won");
    assert_eq!((lease.job(), lease.day()), (Job::Retention, today));
    assert!(
        jobs::claim(db, Job::Retention, today)
            .await
            .unwrap()
            .is_none(),
        "held"
    );
    let tomorrow = jobs::claim(db, Job::Retention, today + TimeDelta::days(1)).await;
    let tomorrow = tomorrow.unwrap().expect("another day is another claim");
    tomorrow.finish(db).await.unwrap();

    lease.release(db).await.unwrap();
    let again = jobs::claim(db, Job::Retention, today).await.unwrap();
    let again = again.expect("a released day is claimed again");
    again.finish(db).await.unwrap();
    backdate_claim(db, today, STALE_AFTER + TimeDelta::hours(1)).await;
    assert!(
        jobs::claim(db, Job::Retention, today)
            .await
            .unwrap()
            .is_none(),
        "a finished day stays done, however long ago it was claimed"
    );
}

#[tokio::test]
async fn an_unfinished_claim_gone_stale_is_taken_over_by_exactly_one_instance() {
    let app = TestApp::spawn().await;
    let db = &app.db;
    let today = Utc::now().date_naive();
    let stopped = jobs::claim(db, Job::Retention, today).await.unwrap();
    let stopped = stopped.expect("won");
    backdate_claim(db, today, STALE_AFTER - TimeDelta::minutes(5)).await;
    assert!(
        claim_at_once(db, today, 4).await.is_empty(),
        "not stale yet"
    );

    backdate_claim(db, today, STALE_AFTER + TimeDelta::minutes(5)).await;
    let mut won = claim_at_once(db, today, 8).await;
    assert_eq!(won.len(), 1, "one instance takes it over");
    let taken_over = won.pop().unwrap();
    // The instance that stopped cannot give away or finish the claim it lost.
    stopped.release(db).await.unwrap();
    let row = job_run::Entity::find().one(db).await.unwrap();
    assert!(row.expect("still claimed").finished_at.is_none());
    taken_over.finish(db).await.unwrap();
    let row = job_run::Entity::find().one(db).await.unwrap().unwrap();
    assert!(row.finished_at.is_some());
    assert!(row.claimed_at > Utc::now() - TimeDelta::minutes(1));
}

#[tokio::test]
async fn the_scheduled_retention_run_happens_once_a_day_and_run_now_still_runs_at_once() {
    let app = TestApp::spawn().await;
    let backend = backend(&app);
    let bank = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let admin = app.signed_in(Role::Admin).await;
    ended(
        &app,
        &hr,
        bank,
        "first@example.it",
        "rejected",
        false,
        SEVEN_MONTHS,
    )
    .await;

    let today = Utc::now().date_naive();
    let first = run_scheduled(&backend, today).await.unwrap();
    assert_eq!(first.expect("the day's first check runs").anonymised, 1);
    ended(
        &app,
        &hr,
        bank,
        "second@example.it",
        "rejected",
        false,
        SEVEN_MONTHS,
    )
    .await;
    let again = run_scheduled(&backend, today).await.unwrap();
    assert!(again.is_none(), "not twice in a day");

    let now = admin.call("run_retention", json!({})).await;
    assert_eq!(now.status, StatusCode::OK, "{now:?}");
    assert_eq!(
        now.body["anonymised"], 1,
        "Run now does not wait for tomorrow"
    );

    let next_day = run_scheduled(&backend, today + TimeDelta::days(1))
        .await
        .unwrap();
    assert_eq!(next_day.expect("Run now took no lease").anonymised, 0);
    assert_eq!(
        retention_run::Entity::find().count(&app.db).await.unwrap(),
        3
    );
    let leases = job_run::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(leases.len(), 2, "one a day, none for Run now");
    assert!(leases.iter().all(|l| l.finished_at.is_some()));
}

/// A port nothing listens on.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub async fn wait_until_healthy(port: u16, child: &mut Child) {
    let health = format!("http://127.0.0.1:{port}/healthz");
    let started = Instant::now();
    loop {
        if reqwest::get(&health)
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return;
        }
        if let Some(status) = child.try_wait().unwrap() {
            let mut log = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                let _ = stderr.read_to_string(&mut log);
            }
            panic!("the server on {port} exited with {status}: {log}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server on {port} did not start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn two_serve_processes_started_together_on_one_database_run_the_daily_jobs_once() {
    let (config, dir) = test_config().await;
    // The schema, someone in HR and an employee whose certificate lapses in 20 days: one
    // reminder each is due today.
    let seeded = TestApp::spawn_with(config.clone(), None).await;
    let hr = seeded.signed_in(Role::Hr).await;
    let worker = seeded.signed_in(Role::Employee).await;
    crate::reminders::certificate(
        &seeded,
        &worker,
        Utc::now().date_naive() + TimeDelta::days(20),
    )
    .await;
    let start = |port: u16| {
        percorso(&config)
            .arg("serve")
            .env("PERCORSO_BIND", format!("127.0.0.1:{port}"))
            .env("PERCORSO_LOG", "warn,app::server::jobs=debug")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let ports = [free_port(), free_port()];
    let mut instances = [start(ports[0]), start(ports[1])];
    for (port, instance) in ports.iter().zip(instances.iter_mut()) {
        wait_until_healthy(*port, instance).await;
    }

    let db = Database::connect(config.database_url()).await.unwrap();
    let today = Utc::now().date_naive();
    let started = Instant::now();
    loop {
        let done = job_run::Entity::find()
            .filter(job_run::Column::Day.eq(today))
            .filter(job_run::Column::FinishedAt.is_not_null())
            .count(&db)
            .await
            .unwrap();
        // Retention and the reminders.
        if done > 1 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no instance ran today's jobs"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Time for the other instance to have tried too.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let leases = job_run::Entity::find().all(&db).await.unwrap();
    let runs = retention_run::Entity::find().all(&db).await.unwrap();
    let reminded: Vec<i32> = reminder::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .iter()
        .map(|r| r.user_id)
        .collect();
    let told = notification::Entity::find().count(&db).await.unwrap();
    db.close().await.unwrap();

    let mut logs = Vec::new();
    for instance in instances {
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &instance.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let output = instance.wait_with_output().unwrap();
        logs.push(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let mut jobs: Vec<(&str, NaiveDate)> = leases.iter().map(|l| (l.job.as_str(), l.day)).collect();
    jobs.sort_unstable();
    assert_eq!(
        jobs,
        [("reminders", today), ("retention", today)],
        "{leases:?}"
    );
    assert_eq!(runs.len(), 1, "retention ran once: {runs:?}");
    let mut expected = vec![hr.user_id.unwrap().0, worker.user_id.unwrap().0];
    expected.sort_unstable();
    let mut reminded = reminded;
    reminded.sort_unstable();
    assert_eq!(reminded, expected, "one reminder each");
    assert_eq!(told, 2);
    assert_eq!(runs[0].actor_id, None);
    let won = logs
        .iter()
        .map(|log| log.matches("won the day's claim on the job").count())
        .sum::<usize>();
    let lost = logs
        .iter()
        .map(|log| log.matches("the day's claim on the job is taken").count())
        .sum::<usize>();
    assert_eq!(
        (won, lost),
        (2, 2),
        "both tried each job, one won each: {logs:#?}"
    );
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}
