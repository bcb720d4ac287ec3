//! Benchmark of the candidate list at scale (not a test): against the database in
//! `DATABASE_URL`, filled by `percorso seed-bench`, it times the list service
//! (`candidates::list`, one page of 50) for a realistic set of searched and filtered pages
//! and prints p50, p95 and max server time per page, and the statements each page ran.
//!
//! `cargo bench -p server --bench candidate_list [NAME-FILTER]`; `PERCORSO_BENCH_ITERATIONS`
//! (default 300) sets the timed runs per page, after 20 untimed ones. See docs/performance.md.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use app::model::{Area, CandidateFilter, CandidateSort, OpeningId, Stage};
use app::server::candidates;
use app::server::entities::{candidate, job_profile, opening};
use clap::Parser;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

const WARM_UP: usize = 20;
const DEFAULT_ITERATIONS: usize = 300;

/// One page to time.
struct Case {
    name: &'static str,
    filter: CandidateFilter,
    page: u64,
}

/// The id of the first opening for the job profile `code`.
async fn opening_for(db: &DatabaseConnection, code: &str) -> OpeningId {
    let profiles = job_profile::Entity::find()
        .all(db)
        .await
        .expect("job profiles");
    let profile = profiles
        .iter()
        .find(|p| p.code == code)
        .expect("the starter job profile");
    let openings = opening::Entity::find().all(db).await.expect("openings");
    let found = openings
        .iter()
        .find(|o| o.profile_id == profile.id)
        .expect("an opening made by seed-bench");
    OpeningId(found.id)
}

async fn cases(db: &DatabaseConnection) -> Vec<Case> {
    let contact_centre = opening_for(db, "contact-centre-agent").await;
    let bank = opening_for(db, "bank-teller").await;
    let year_ago = (chrono::Utc::now() - chrono::Duration::days(365)).date_naive();
    let filter = |f: fn(&mut CandidateFilter)| {
        let mut filter = CandidateFilter::default();
        f(&mut filter);
        filter
    };
    let search = |q: &str| CandidateFilter {
        q: q.to_owned(),
        ..CandidateFilter::default()
    };
    vec![
        Case {
            name: "first page, no filter (newest)",
            filter: CandidateFilter::default(),
            page: 0,
        },
        Case {
            name: "CV word, common: excel",
            filter: search("excel"),
            page: 0,
        },
        Case {
            name: "CV word, rarer: zucchetti",
            filter: search("zucchetti"),
            page: 0,
        },
        Case {
            name: "two CV words: sportello inglese",
            filter: search("sportello inglese"),
            page: 0,
        },
        Case {
            name: "name prefix: ross",
            filter: search("ross"),
            page: 0,
        },
        Case {
            name: "full name: giulia ferrari",
            filter: search("giulia ferrari"),
            page: 0,
        },
        Case {
            name: "stage + opening: interview, contact centre",
            filter: CandidateFilter {
                opening: Some(contact_centre),
                stage: Some(Stage::Interview),
                ..CandidateFilter::default()
            },
            page: 0,
        },
        Case {
            name: "CV word + stage + opening: sap, screening, bank",
            filter: CandidateFilter {
                q: "sap".into(),
                opening: Some(bank),
                stage: Some(Stage::Screening),
                ..CandidateFilter::default()
            },
            page: 0,
        },
        Case {
            name: "source + area + since a year ago",
            filter: CandidateFilter {
                source: Some("referral".into()),
                area: Some(Area::BackOffice),
                from: Some(year_ago),
                ..CandidateFilter::default()
            },
            page: 0,
        },
        Case {
            name: "area alone (most candidates): front office",
            filter: CandidateFilter {
                area: Some(Area::FrontOffice),
                ..CandidateFilter::default()
            },
            page: 0,
        },
        Case {
            name: "sort by name",
            filter: filter(|f| f.sort = CandidateSort::Name),
            page: 0,
        },
        Case {
            name: "CV word, sort by name: excel",
            filter: CandidateFilter {
                q: "excel".into(),
                sort: CandidateSort::Name,
                ..CandidateFilter::default()
            },
            page: 0,
        },
        Case {
            name: "deep page 1000, sort by name",
            filter: filter(|f| f.sort = CandidateSort::Name),
            page: 1000,
        },
        Case {
            name: "deep page 200 of a search: excel",
            filter: search("excel"),
            page: 200,
        },
    ]
}

/// The statements one page runs, counted on a connection of its own.
async fn statements(db: &DatabaseConnection, case: &Case) -> usize {
    let mut counting = db.clone();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    counting.set_metric_callback(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    candidates::list(&counting, &case.filter, case.page)
        .await
        .expect("the page loads");
    count.load(Ordering::SeqCst)
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The value at `percent` of sorted `times` (nearest rank).
fn percentile(times: &[Duration], percent: usize) -> Duration {
    let rank = (times.len() * percent).div_ceil(100).max(1);
    times[rank - 1]
}

#[tokio::main]
async fn main() {
    // The same settings as the server (DATABASE_URL, PERCORSO_DATA_DIR), from the environment.
    let cli = server::cli::Cli::parse_from(["percorso", "migrate"]);
    let db = server::startup::connect(&cli.config)
        .await
        .expect("the database opens");
    let total = candidate::Entity::find()
        .count(&db)
        .await
        .expect("candidates");
    assert!(total > 0, "no candidates: run `percorso seed-bench` first");
    let iterations = std::env::var("PERCORSO_BENCH_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_ITERATIONS);
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();

    println!(
        "{:?} on {total} candidates: {WARM_UP} warm-up + {iterations} timed runs a page, {} a page",
        db.get_database_backend(),
        candidates::CANDIDATES_PER_PAGE
    );
    println!(
        "{:<48} {:>6} {:>6} {:>5} {:>8} {:>8} {:>8}",
        "page", "rows", "total", "stmts", "p50 ms", "p95 ms", "max ms"
    );
    for case in cases(&db).await {
        if !only.is_empty() && !only.iter().any(|o| case.name.contains(o.as_str())) {
            continue;
        }
        let statements = statements(&db, &case).await;
        let mut times = Vec::with_capacity(iterations);
        let mut last = None;
        for run in 0..WARM_UP + iterations {
            let started = Instant::now();
            let page = candidates::list(&db, &case.filter, case.page)
                .await
                .expect("the page loads");
            let elapsed = started.elapsed();
            if run >= WARM_UP {
                times.push(elapsed);
            }
            last = Some(page);
        }
        times.sort_unstable();
        let page = last.expect("at least one run");
        println!(
            "{:<48} {:>6} {:>6} {:>5} {:>8.2} {:>8.2} {:>8.2}",
            case.name,
            page.items.len(),
            page.total,
            statements,
            millis(percentile(&times, 50)),
            millis(percentile(&times, 95)),
            millis(times[times.len() - 1]),
        );
    }
}
