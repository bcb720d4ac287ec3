//! Benchmark of the candidate list at scale (not a test): against the database in
//! `DATABASE_URL`, filled by `percorso seed-bench`, it times, for a realistic set of searched
//! and filtered pages, the list service (`candidates::list`, one page of 50: the server time of
//! the list's query), then the whole HTML page and the JSON server function over HTTP from the
//! real server started in this process; it prints p50, p95 and max of each, the statements a
//! page ran, and the page's p95 against its list's. With `wrk` installed it then loads the
//! HTML page and the server function for two filters and prints requests per second.
//!
//! `cargo bench -p server --bench candidate_list [NAME-FILTER]`; `PERCORSO_BENCH_ITERATIONS`
//! (default 300) sets the timed runs per page and way, after 20 untimed ones; `--no-http`
//! times the list service alone. See docs/performance.md.

mod http;
#[path = "../common/served.rs"]
#[allow(dead_code)]
mod served;
#[path = "../common/timing.rs"]
mod timing;

use std::sync::atomic::Ordering;
use std::time::Instant;

use app::model::{Area, CandidateFilter, CandidateSort, OpeningId, Stage, Total};
use app::server::entities::{candidate, job_profile, opening};
use app::server::recruitment::candidates;
use clap::Parser;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use timing::{WARM_UP, millis, time};

/// The pages loaded with `wrk`: a common word, and a name prefix.
const LOADED: [&str; 2] = ["CV word, common: excel", "name prefix: ross"];
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
    let (counting, count) = served::counting(db);
    candidates::list(&counting, &case.filter, case.page)
        .await
        .expect("the page loads");
    count.load(Ordering::SeqCst)
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
    let iterations = timing::iterations(DEFAULT_ITERATIONS);
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();

    let with_http = !std::env::args().any(|a| a == "--no-http");
    let http = if with_http {
        Some(http::Http::start(&cli.config, &db).await)
    } else {
        None
    };

    println!(
        "{:?} on {total} candidates: {WARM_UP} warm-up + {iterations} timed runs a page and way, {} a page",
        db.get_database_backend(),
        candidates::CANDIDATES_PER_PAGE
    );
    println!(
        "{:<48} {:>5} {:>5} | {:<26} | {:<29} | {:<29} | {:>6}",
        "", "", "", "list (server time)", "HTML page (HTTP)", "JSON function (HTTP)", "page/"
    );
    println!(
        "{:<48} {:>5} {:>5} | {:>8} {:>8} {:>7} | {:>8} {:>8} {:>5} {:>5} | {:>8} {:>8} {:>5} {:>5} | {:>6}",
        "page",
        "total",
        "stmts",
        "p50 ms",
        "p95 ms",
        "max ms",
        "p50 ms",
        "p95 ms",
        "KiB",
        "stmts",
        "p50 ms",
        "p95 ms",
        "KiB",
        "stmts",
        "list"
    );
    let cases = cases(&db).await;
    for case in &cases {
        if !only.is_empty() && !only.iter().any(|o| case.name.contains(o.as_str())) {
            continue;
        }
        let statements = statements(&db, case).await;
        let page = candidates::list(&db, &case.filter, case.page)
            .await
            .expect("the page loads");
        let list = time(iterations, || async {
            let started = Instant::now();
            candidates::list(&db, &case.filter, case.page)
                .await
                .expect("the page loads");
            started.elapsed()
        })
        .await;
        let total = match page.total {
            Total::Exactly(n) => n.to_string(),
            Total::MoreThan(n) => format!(">{n}"),
        };
        print!(
            "{:<48} {:>5} {:>5} | {:>8.2} {:>8.2} {:>7.2}",
            case.name,
            total,
            statements,
            millis(list.p50),
            millis(list.p95),
            millis(list.max),
        );
        if let Some(http) = &http {
            http.statements_run();
            let (_, html_size) = http.html(&case.filter, case.page).await;
            let html_statements = http.statements_run();
            let (_, json_size) = http.json(&case.filter, case.page).await;
            let json_statements = http.statements_run();
            let html = time(iterations, || async {
                http.html(&case.filter, case.page).await.0
            })
            .await;
            let json = time(iterations, || async {
                http.json(&case.filter, case.page).await.0
            })
            .await;
            print!(
                " | {:>8.2} {:>8.2} {:>5.1} {:>5} | {:>8.2} {:>8.2} {:>5.1} {:>5} | {:>6.2}",
                millis(html.p50),
                millis(html.p95),
                html_size as f64 / 1024.0,
                html_statements,
                millis(json.p50),
                millis(json.p95),
                json_size as f64 / 1024.0,
                json_statements,
                html.p95.as_secs_f64() / list.p95.as_secs_f64(),
            );
        }
        println!();
    }

    let Some(http) = &http else {
        return;
    };
    let loaded: Vec<&Case> = cases
        .iter()
        .filter(|c| LOADED.contains(&c.name))
        .filter(|c| only.is_empty() || only.iter().any(|o| c.name.contains(o.as_str())))
        .collect();
    for case in loaded {
        match http.load(&case.filter) {
            Some((html, json)) => {
                println!("wrk, 2 threads, 8 connections, 10 s: {}", case.name);
                for (way, figures) in [("HTML page", html), ("JSON function", json)] {
                    println!(
                        "  {way:<14} {:>8.1} requests/s   p50 {:>8}   p99 {:>8}   failed {}",
                        figures.requests_per_second, figures.p50, figures.p99, figures.failed
                    );
                }
            }
            None => {
                println!("wrk is not installed: no figures under load");
                break;
            }
        }
    }
}
