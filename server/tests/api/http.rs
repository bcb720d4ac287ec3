//! The HTTP surface: health, statuses of pages and errors, cross-site refusal, headers.

use app::model::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn the_health_check_reports_a_reachable_database() {
    let app = TestApp::spawn().await;
    let (status, body) = app.anonymous().page("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("database reachable"));
}

#[tokio::test]
async fn a_signed_out_visitor_is_redirected_to_sign_in_from_a_private_page() {
    let app = TestApp::spawn().await;
    let response = app
        .anonymous()
        .client
        .get(app.url("/competencies"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()["location"], "/login?next=/competencies");
}

#[tokio::test]
async fn a_page_the_role_may_not_see_answers_403_and_an_unknown_page_404() {
    let app = TestApp::spawn().await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    assert_eq!(
        interviewer.page("/admin/users").await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        interviewer.page("/no/such/page").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        interviewer.page("/competencies/999999").await.0,
        StatusCode::NOT_FOUND
    );
    let (status, html) = interviewer.page("/competencies").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Lavoro in team"),
        "Italian when nothing else is asked for"
    );
    assert!(html.contains("<title>Competenze · Percorso</title>"));
}

#[tokio::test]
async fn a_malformed_request_body_is_a_400_not_a_server_error() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = hr
        .call("create_competency", json!({"input": {"area": "moon"}}))
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let response = hr
        .client
        .post(app.url("/api/create_competency"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn cross_site_state_changing_requests_are_refused() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    for (header, value) in [
        ("sec-fetch-site", "cross-site"),
        ("origin", "https://evil.example"),
    ] {
        let response = hr
            .client
            .post(app.url("/api/delete_profile"))
            .header(header, value)
            .json(&json!({"id": 1}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "{header}: {value}"
        );
    }
    let same_origin = hr
        .client
        .post(app.url("/api/list_profiles"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", app.address.clone())
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(same_origin.status(), StatusCode::OK);
    let (status, _) = hr.page("/profiles/1").await;
    assert_eq!(status, StatusCode::OK, "the profile was not deleted");
}

#[tokio::test]
async fn responses_carry_the_security_headers() {
    let app = TestApp::spawn().await;
    let response = app
        .anonymous()
        .client
        .get(app.url("/login"))
        .send()
        .await
        .unwrap();
    let headers = response.headers();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
}

#[tokio::test]
async fn a_body_larger_than_any_form_is_refused_with_413() {
    let app = TestApp::spawn().await;
    let response = app
        .anonymous()
        .client
        .post(app.url("/api/login"))
        .header("content-type", "application/json")
        .body(vec![b' '; 22 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}
