//! The candidate list runs the same, documented number of SQL statements a page whatever the
//! page size: counted with sea-orm's metric callback, so a query per row (N+1) fails here.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use app::model::{CandidateFilter, CandidateSort};
use app::server::bench_data::{self, SeedOptions};
use app::server::candidates::{self, QUERIES_PER_PAGE};
use app::server::files::FileStore;
use chrono::{Duration, Utc};
use sea_orm::DatabaseConnection;

use crate::helpers::TestApp;

/// A connection to the test database that counts the statements run through it.
fn counting(db: &DatabaseConnection) -> (DatabaseConnection, Arc<AtomicUsize>) {
    let mut counted = db.clone();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    counted.set_metric_callback(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    (counted, count)
}

#[tokio::test]
async fn a_list_page_runs_the_same_few_statements_for_ten_rows_as_for_fifty() {
    let app = TestApp::spawn().await;
    let files = FileStore::new(app.data_dir().join("files"));
    let options = SeedOptions {
        candidates: 120,
        force: false,
    };
    bench_data::seed(&app.db, &files, options, |_| {})
        .await
        .expect("seeded");

    let today = Utc::now().date_naive();
    let filters = [
        ("no filter", CandidateFilter::default()),
        (
            "a word every CV has",
            CandidateFilter {
                q: "gdpr".into(),
                ..CandidateFilter::default()
            },
        ),
        (
            "application dates, sorted by name",
            CandidateFilter {
                from: Some(today - Duration::days(800)),
                to: Some(today),
                sort: CandidateSort::Name,
                ..CandidateFilter::default()
            },
        ),
        (
            "a search and a filter",
            CandidateFilter {
                q: "gdpr".into(),
                from: Some(today - Duration::days(800)),
                sort: CandidateSort::Oldest,
                ..CandidateFilter::default()
            },
        ),
    ];
    let (db, count) = counting(&app.db);
    for (name, filter) in &filters {
        for per_page in [10, 50] {
            count.store(0, Ordering::SeqCst);
            let page = candidates::list_page(&db, filter, 1, per_page)
                .await
                .expect("the page loads");
            assert_eq!(
                page.items.len() as u64,
                per_page,
                "{name}: the page is full"
            );
            assert!(
                page.items.iter().all(|row| row.applications > 0),
                "{name}: rows carry their applications"
            );
            assert_eq!(
                count.load(Ordering::SeqCst),
                QUERIES_PER_PAGE,
                "{name}, {per_page} a page: statements run"
            );
        }
    }
}
