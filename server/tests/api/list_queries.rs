//! The candidate list runs the same, documented number of SQL statements a page whatever the
//! page size: counted with sea-orm's metric callback, so a query per row (N+1) fails here.

use std::sync::atomic::Ordering;

use app::model::{Area, CandidateFilter, CandidateSort, PageRequest, Role, Total};
use app::server::bench_data::{self, SeedOptions};
use app::server::entities::{application, candidate};
use app::server::files::FileStore;
use app::server::recruitment::candidates::{self, COUNT_LIMIT, QUERIES_PER_PAGE};
use app::server::recruitment::search;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait};

use crate::careers::public_opening;
use crate::helpers::{TestApp, counting, on_postgres};

#[tokio::test]
async fn a_list_page_runs_the_same_few_statements_for_ten_rows_as_for_fifty() {
    let app = TestApp::spawn().await;
    let files = FileStore::new(app.data_dir().join("files"));
    let options = SeedOptions {
        candidates: 120,
        employees: None,
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
            let page = candidates::list_page(&db, filter, PageRequest::new(1, per_page).unwrap())
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

/// `n` candidates, each made and updated a second before the last and named so that the
/// names run the other way ("Persona {n-1}" first), one in every `anonymised_every`
/// anonymised; their ids, newest first.
async fn people(db: &DatabaseConnection, n: usize, anonymised_every: usize) -> Vec<i32> {
    let now = Utc::now();
    let rows: Vec<candidate::ActiveModel> = (0..n)
        .map(|i| candidate::ActiveModel {
            name: Set(format!("Persona {:04}", n - 1 - i)),
            education: Set(String::new()),
            experience: Set(String::new()),
            talent_pool: Set(false),
            created_at: Set(now - Duration::seconds(i as i64)),
            updated_at: Set(now - Duration::seconds(i as i64)),
            anonymised_at: Set((i % anonymised_every == 1).then_some(now)),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(400) {
        candidate::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
    let mut people = candidate::Entity::find().all(db).await.unwrap();
    people.sort_by_key(|p| std::cmp::Reverse(p.updated_at));
    people.into_iter().map(|p| p.id).collect()
}

/// Applications of `candidates` to `opening`, at stage "applied".
async fn apply_all(db: &DatabaseConnection, opening: i32, candidates: &[i32]) {
    let now = Utc::now();
    let rows: Vec<application::ActiveModel> = candidates
        .iter()
        .map(|&candidate_id| application::ActiveModel {
            candidate_id: Set(candidate_id),
            opening_id: Set(opening),
            stage: Set("applied".into()),
            source: Set("careers".into()),
            cover_letter: Set(String::new()),
            stage_changed_at: Set(now),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(400) {
        application::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_filter_most_candidates_match_is_counted_up_to_a_limit_and_paged_like_any_other() {
    let app = TestApp::spawn().await;
    let front = public_opening(&app, "Bank teller").await as i32;
    let back = public_opening(&app, "Archivist / records clerk").await as i32;
    let ids = people(&app.db, 1_600, 50).await;
    // Three in four apply to the front-office opening, the others to the back-office one.
    let every = |keep: fn(usize) -> bool| -> Vec<i32> {
        ids.iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .map(|(_, id)| *id)
            .collect()
    };
    let front_ids = every(|i| i % 4 != 0);
    let back_ids = every(|i| i % 4 == 0);
    apply_all(&app.db, front, &front_ids).await;
    apply_all(&app.db, back, &back_ids).await;
    let anonymised = |i: usize| i % 50 == 1;
    // Newest first: the order the candidates were made in.
    let listed = |applied: &[i32]| -> Vec<i32> {
        ids.iter()
            .enumerate()
            .filter(|(i, id)| !anonymised(*i) && applied.contains(id))
            .map(|(_, id)| *id)
            .collect()
    };
    let expected_front = listed(&front_ids);
    let expected_back = listed(&back_ids);
    assert!(expected_front.len() as u64 > COUNT_LIMIT);
    assert!((expected_back.len() as u64) < COUNT_LIMIT);

    let area = |area| CandidateFilter {
        area: Some(area),
        ..CandidateFilter::default()
    };
    let page_ids = |page: &app::model::Page<app::model::CandidateRow>| -> Vec<i32> {
        page.items.iter().map(|row| row.id.0).collect()
    };
    let first = candidates::list(&app.db, &area(Area::FrontOffice), 0)
        .await
        .unwrap();
    assert_eq!(first.total, Total::MoreThan(COUNT_LIMIT));
    assert!(first.more);
    assert_eq!(page_ids(&first), expected_front[..50]);
    let last_page = (expected_front.len() as u64 - 1) / 50;
    let last = candidates::list(&app.db, &area(Area::FrontOffice), last_page)
        .await
        .unwrap();
    assert!(!last.more, "nothing follows the last page");
    assert_eq!(
        page_ids(&last),
        expected_front[(last_page * 50) as usize..],
        "the last page, found by walking"
    );
    let by_name = CandidateFilter {
        sort: CandidateSort::Name,
        ..area(Area::FrontOffice)
    };
    let mut named = expected_front.clone();
    named.reverse();
    let second = candidates::list(&app.db, &by_name, 1).await.unwrap();
    assert_eq!(
        page_ids(&second),
        named[50..100],
        "by name, the second page"
    );

    // A filter on the applications' own columns, asked of each candidate walked.
    let everyone = listed(&ids);
    let careers = CandidateFilter {
        source: Some("careers".into()),
        from: Some(Utc::now().date_naive() - Duration::days(1)),
        ..CandidateFilter::default()
    };
    let page = candidates::list(&app.db, &careers, 2).await.unwrap();
    assert_eq!(page.total, Total::MoreThan(COUNT_LIMIT));
    assert_eq!(page_ids(&page), everyone[100..150], "by source and date");

    // The page says so (in Italian, the new user's language), and links to the next page.
    let hr = app.signed_in(Role::Hr).await;
    let (status, html) = hr.page("/candidates?area=front_office").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("più di 1000 risultati"), "{html}");
    assert!(html.contains(">Pagina 1<"), "no last page to name: {html}");
    assert!(
        html.contains("href=\"/candidates?area=front_office&amp;page=1\""),
        "{html}"
    );
    let (_, html) = hr.page("/candidates?area=back_office&page=1").await;
    assert!(
        html.contains(&format!("{} risultati", expected_back.len())),
        "counted exactly: {html}"
    );

    let back_page = candidates::list(&app.db, &area(Area::BackOffice), 1)
        .await
        .unwrap();
    assert_eq!(
        back_page.total,
        Total::Exactly(expected_back.len() as u64),
        "fewer than the limit: counted exactly"
    );
    assert_eq!(page_ids(&back_page), expected_back[50..100]);
}

#[tokio::test]
async fn a_word_most_candidates_have_is_paged_like_a_rare_one_near_the_start_and_far_in() {
    let app = TestApp::spawn().await;
    let ids = people(&app.db, 1_600, 50).await;
    // Every candidate's document says "sportello"; one in three also says "inglese".
    let documents: Vec<(i32, String)> = ids
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 50 != 1)
        .map(|(i, &id)| {
            let words = if i % 3 == 0 {
                "sportello inglese"
            } else {
                "sportello"
            };
            (
                id,
                search::document("Persona", None, None, &[words.to_owned()]),
            )
        })
        .collect();
    for chunk in documents.chunks(400) {
        app.db
            .execute_raw(search::insert_documents(
                app.db.get_database_backend(),
                chunk.to_vec(),
            ))
            .await
            .unwrap();
    }
    if on_postgres() {
        // What autovacuum would do: the list's choice of plan reads the index's size.
        app.db
            .execute_unprepared("ANALYZE candidate_search")
            .await
            .unwrap();
    }
    let listed: Vec<i32> = documents.iter().map(|(id, _)| *id).collect();
    let search = |q: &str| CandidateFilter {
        q: q.into(),
        ..CandidateFilter::default()
    };
    let page_ids = |page: &app::model::Page<app::model::CandidateRow>| -> Vec<i32> {
        page.items.iter().map(|row| row.id.0).collect()
    };

    let first = candidates::list(&app.db, &search("sportello"), 0)
        .await
        .unwrap();
    assert_eq!(first.total, Total::Exactly(listed.len() as u64));
    assert!(first.more);
    assert_eq!(page_ids(&first), listed[..50], "the first page");
    let last_page = (listed.len() as u64 - 1) / 50;
    let last = candidates::list(&app.db, &search("sportello"), last_page)
        .await
        .unwrap();
    assert!(!last.more);
    assert_eq!(
        page_ids(&last),
        listed[(last_page * 50) as usize..],
        "the last page"
    );
    assert_eq!(
        last.total,
        Total::Exactly(listed.len() as u64),
        "counted far in"
    );
    let past = candidates::list(&app.db, &search("sportello"), last_page + 1)
        .await
        .unwrap();
    assert!(past.items.is_empty() && !past.more);
    assert_eq!(
        past.total,
        Total::Exactly(listed.len() as u64),
        "past the end"
    );

    let both: Vec<i32> = documents
        .iter()
        .filter(|(_, d)| d.contains("inglese"))
        .map(|(id, _)| *id)
        .collect();
    let second = candidates::list(&app.db, &search("sport ingl"), 1)
        .await
        .unwrap();
    assert_eq!(second.total, Total::Exactly(both.len() as u64));
    assert_eq!(page_ids(&second), both[50..100], "two words, as prefixes");
    // Fewer matches than the count's limit, asked for a page past them that starts beyond it.
    assert!((both.len() as u64) < COUNT_LIMIT);
    let far = candidates::list(&app.db, &search("sport ingl"), COUNT_LIMIT / 50 + 1)
        .await
        .unwrap();
    assert!(far.items.is_empty() && !far.more);
    assert_eq!(far.total, Total::Exactly(both.len() as u64), "few, far in");
}

#[tokio::test]
async fn a_page_far_into_a_search_follows_each_candidate_s_latest_name_and_dates() {
    let app = TestApp::spawn().await;
    // One anonymised candidate (the second), with no document, as the list keeps them.
    let mut ids = people(&app.db, 1_200, 1_200).await;
    ids.remove(1);
    let documents: Vec<(i32, String)> = ids
        .iter()
        .map(|&id| (id, search::document("Persona", None, None, &[])))
        .collect();
    for chunk in documents.chunks(400) {
        app.db
            .execute_raw(search::insert_documents(
                app.db.get_database_backend(),
                chunk.to_vec(),
            ))
            .await
            .unwrap();
    }
    let search = |sort| CandidateFilter {
        q: "persona".into(),
        sort,
        ..CandidateFilter::default()
    };
    let last_page = (ids.len() as u64 - 1) / 50;
    let last_of = |sort| {
        let filter = search(sort);
        let db = app.db.clone();
        async move {
            let page = candidates::list(&db, &filter, last_page).await.unwrap();
            page.items.last().map(|row| row.id.0)
        }
    };
    assert_eq!(last_of(CandidateSort::Newest).await, ids.last().copied());
    assert_eq!(
        last_of(CandidateSort::Name).await,
        ids.first().copied(),
        "the names run the other way"
    );

    // After their documents were indexed, the newest candidate becomes the least recently
    // updated, and the oldest (first by name) is renamed to come last by name and made the
    // most recently created: far-in pages, read from the search index's copy of the sort
    // keys on PostgreSQL, see each change.
    let change = |id: i32, edit: fn(&mut candidate::ActiveModel)| {
        let db = app.db.clone();
        async move {
            let found = candidate::Entity::find_by_id(id)
                .one(&db)
                .await
                .unwrap()
                .unwrap();
            let mut changed: candidate::ActiveModel = found.into();
            edit(&mut changed);
            candidate::Entity::update(changed).exec(&db).await.unwrap();
        }
    };
    let newest = ids[0];
    let oldest = *ids.last().unwrap();
    change(newest, |c| {
        c.updated_at = Set(Utc::now() - Duration::days(400));
    })
    .await;
    change(oldest, |c| {
        c.name = Set("Zeta Zanetti".into());
        c.created_at = Set(Utc::now() + Duration::days(1));
    })
    .await;
    assert_eq!(last_of(CandidateSort::Newest).await, Some(newest));
    assert_eq!(last_of(CandidateSort::Name).await, Some(oldest));
    assert_eq!(last_of(CandidateSort::Oldest).await, Some(oldest));
}
