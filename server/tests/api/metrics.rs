//! `/metrics`: what it counts, and who may read it.

use app::model::Role;
use reqwest::StatusCode;
use serde_json::json;
use server::config::AddressList;

use crate::helpers::{TestApp, test_config};

/// The value of the sample `series` (name and labels exactly as exposed), if present.
fn sample(metrics: &str, series: &str) -> Option<f64> {
    metrics.lines().find_map(|line| {
        line.strip_prefix(series)
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|value| value.trim().parse().ok())
    })
}

async fn scrape(app: &TestApp) -> String {
    let response = app
        .anonymous()
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("request sent");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    response.text().await.expect("text")
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_never_by_raw_path() {
    let app = TestApp::spawn().await;
    let employee = app.signed_in(Role::Employee).await;
    let list = employee.call("list_competencies", json!({})).await.body;
    let id = list[0]["id"].as_i64().expect("a competency");
    for _ in 0..2 {
        let (status, _) = employee.page(&format!("/competencies/{id}")).await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, _) = employee.page("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = employee.page("/pkg/no-such-file.3f9a1c0b2d4e6f70.js").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let metrics = scrape(&app).await;
    let page = r#"{method="GET",route="/competencies/{id}",status="2xx"}"#;
    assert_eq!(
        sample(&metrics, &format!("percorso_http_requests_total{page}")),
        Some(2.0),
        "{metrics}"
    );
    assert_eq!(
        sample(
            &metrics,
            &format!("percorso_http_request_duration_seconds_count{page}")
        ),
        Some(2.0)
    );
    for server_fn in ["login", "list_competencies"] {
        let series = format!(
            r#"percorso_http_requests_total{{method="POST",route="/api/{server_fn}",status="2xx"}}"#
        );
        assert_eq!(sample(&metrics, &series), Some(1.0), "{series}");
    }
    assert_eq!(
        sample(
            &metrics,
            r#"percorso_http_requests_total{method="GET",route="unmatched",status="4xx"}"#
        ),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &metrics,
            r#"percorso_http_requests_total{method="GET",route="/pkg/*",status="4xx"}"#
        ),
        Some(1.0),
        "{metrics}"
    );
    assert!(
        !metrics.contains(&format!("/competencies/{id}\"")),
        "no ids in labels"
    );
    assert!(!metrics.contains("no-such-file"), "no file names in labels");
}

#[tokio::test]
async fn metrics_show_the_database_pool() {
    let app = TestApp::spawn().await;
    let metrics = scrape(&app).await;
    // The default pool: 8 connections on SQLite, 16 on PostgreSQL.
    let size = if crate::helpers::on_postgres() {
        16.0
    } else {
        8.0
    };
    assert_eq!(
        sample(&metrics, "percorso_db_pool_max_connections"),
        Some(size)
    );
    let idle = sample(&metrics, r#"percorso_db_pool_connections{state="idle"}"#);
    let in_use = sample(&metrics, r#"percorso_db_pool_connections{state="in_use"}"#);
    assert!(
        idle.is_some_and(|n| n >= 0.0) && in_use.is_some_and(|n| n >= 0.0),
        "{metrics}"
    );
    assert!(
        idle.unwrap_or(0.0) + in_use.unwrap_or(0.0) >= 1.0,
        "the pool has a connection open"
    );
}

#[tokio::test]
async fn metrics_count_the_daily_retention_runs() {
    let (config, dir) = test_config().await;
    let app = TestApp::spawn_with(config.clone(), dir).await;
    let series = r#"percorso_job_runs_total{job="retention",outcome="succeeded"}"#;
    let before = sample(&scrape(&app).await, series).unwrap_or(0.0);
    let backend = server::startup::backend(&config, app.db.clone());
    // The first of the daily runs starts at once.
    let job = tokio::spawn(app::server::data_protection::run_daily(backend));
    let mut after = before;
    for _ in 0..100 {
        after = sample(&scrape(&app).await, series).unwrap_or(0.0);
        if after > before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    job.abort();
    assert!(after > before, "the run was counted: {before} then {after}");
}

#[tokio::test]
async fn metrics_are_refused_to_an_address_not_allowed_without_the_token() {
    let (mut config, dir) = test_config().await;
    config.metrics_allow = AddressList::parse("10.0.0.0/8, fd00::/8").expect("addresses");
    config.metrics_token = Some("a-long-scrape-token".into());
    let app = TestApp::spawn_with(config, dir).await;
    let client = app.anonymous().client;
    let without = client.get(app.url("/metrics")).send().await.expect("sent");
    assert_eq!(without.status(), StatusCode::FORBIDDEN);
    assert!(
        !without
            .text()
            .await
            .unwrap_or_default()
            .contains("percorso_")
    );
    let wrong = client
        .get(app.url("/metrics"))
        .bearer_auth("a-long-scrape-tokeN")
        .send()
        .await
        .expect("sent");
    assert_eq!(wrong.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn metrics_are_served_to_any_address_with_the_token() {
    let (mut config, dir) = test_config().await;
    config.metrics_allow = AddressList::parse("").expect("no addresses");
    config.metrics_token = Some("a-long-scrape-token".into());
    let app = TestApp::spawn_with(config, dir).await;
    let response = app
        .anonymous()
        .client
        .get(app.url("/metrics"))
        .bearer_auth("a-long-scrape-token")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .text()
            .await
            .unwrap_or_default()
            .contains("percorso_db_pool_max_connections")
    );
}
