//! Rate limits counted in the database: hits at once for one key take turns, so that exactly
//! the limit's number pass, on SQLite as on PostgreSQL.

use app::server::accounts::rate_limit::{self, Limit};
use chrono::Duration;

use crate::helpers::TestApp;

#[tokio::test]
async fn of_twenty_hits_at_once_for_one_key_exactly_the_limit_pass() {
    let app = TestApp::spawn().await;
    let limit = Limit {
        bucket: "test",
        limit: 5,
        window: Duration::hours(1),
    };
    let hits = (0..20).map(|_| rate_limit::hit(&app.db, limit, "203.0.113.7"));
    let passed = futures::future::join_all(hits)
        .await
        .into_iter()
        .filter(|hit| match hit {
            Ok(()) => true,
            Err(app::model::AppError::TooManyAttempts { .. }) => false,
            Err(error) => panic!("a hit failed: {error:?}"),
        })
        .count();
    assert_eq!(passed, 5);
    rate_limit::hit(&app.db, limit, "198.51.100.1")
        .await
        .expect("another key counts on its own");
}
