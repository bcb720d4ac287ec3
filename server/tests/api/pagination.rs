//! Every paginated list, driven by property tests with extreme page numbers and sizes: each
//! answers a page or refuses with a field error, and none panics.

use app::model::{AppError, CandidateFilter, PageRequest, Role};
use app::server::accounts::users;
use app::server::recruitment::candidates;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

use crate::helpers::TestApp;

/// Page numbers: the edges (0, the largest accepted, one past it, where an offset would
/// overflow an i64 or a u64) and anything at all.
fn page_numbers() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0),
        Just(PageRequest::MAX_NUMBER),
        Just(PageRequest::MAX_NUMBER + 1),
        Just(i64::MAX as u64 / 50 + 1),
        Just(4_611_686_018_427_387_904),
        Just(u64::MAX),
        0u64..3,
        any::<u64>(),
    ]
}

/// Page sizes: none, one, the largest accepted, one past it, and anything at all.
fn page_sizes() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0),
        Just(1),
        Just(PageRequest::MAX_SIZE),
        Just(PageRequest::MAX_SIZE + 1),
        Just(u64::MAX),
        1u64..60,
        any::<u64>(),
    ]
}

/// A field error on the page or its size, the only refusal a page number may cause.
fn refused_on_its_page(error: &AppError) -> bool {
    let fields = error.field_errors();
    fields.get("page").is_some() || fields.get("per_page").is_some()
}

#[tokio::test]
async fn every_paginated_list_answers_or_refuses_any_page_number_and_size_without_panicking() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    crate::intake::added(
        &hr,
        crate::intake::input("Ornella Vanoni", serde_json::json!({})),
    )
    .await;
    let filters = [
        CandidateFilter::default(),
        CandidateFilter {
            q: "ornella".into(),
            ..CandidateFilter::default()
        },
    ];
    let mut runner = TestRunner::new(Config {
        cases: 64,
        ..Config::default()
    });
    let cases = (page_numbers(), page_sizes());
    for _ in 0..64 {
        let (number, size) = cases.new_tree(&mut runner).unwrap().current();
        for filter in &filters {
            match PageRequest::new(number, size) {
                Ok(page) => {
                    let listed = candidates::list_page(&app.db, filter, page).await;
                    assert!(listed.is_ok(), "page {number} of {size}: {listed:?}");
                }
                Err(error) => assert!(refused_on_its_page(&error), "{error:?}"),
            }
            match candidates::list(&app.db, filter, number).await {
                Ok(page) => assert!(number <= PageRequest::MAX_NUMBER && page.page == number),
                Err(error) => assert!(refused_on_its_page(&error), "page {number}: {error:?}"),
            }
        }
        match users::list(&app.db, number).await {
            Ok(page) => assert!(number <= PageRequest::MAX_NUMBER && page.page == number),
            Err(error) => assert!(refused_on_its_page(&error), "page {number}: {error:?}"),
        }
    }
}
