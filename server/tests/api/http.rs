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

#[tokio::test]
async fn a_panic_in_a_handler_comes_back_as_a_500_with_the_plain_body() {
    let router = axum::Router::new()
        .route(
            "/boom",
            axum::routing::get(|| async {
                panic!("a deliberate panic");
                #[allow(unreachable_code)]
                ""
            }),
        )
        .layer(server::middleware::catch_panics());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let response = reqwest::get(format!("http://{address}/boom"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.text().await.unwrap(), "internal error");
}

#[tokio::test]
async fn a_page_number_past_any_list_is_a_clear_422_never_a_dropped_connection() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    for page in [u64::MAX, 4_611_686_018_427_387_904, 1_000_001] {
        let answer = hr
            .call("list_candidates", json!({"filter": {}, "page": page}))
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{page}: {answer:?}"
        );
        assert_eq!(
            answer.field_error("page").as_deref(),
            Some("page_out_of_range")
        );
    }
    let admin = app.signed_in(Role::Admin).await;
    let answer = admin.call("list_users", json!({"page": u64::MAX})).await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{answer:?}"
    );
    let (status, page) = hr.page("/candidates?page=18446744073709551615").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("Questa pagina dell&#x27;elenco non esiste.")
            || page.contains("Questa pagina dell'elenco non esiste."),
        "{page}"
    );
    // The last page there could be is an empty page, not an error.
    let answer = hr
        .call("list_candidates", json!({"filter": {}, "page": 1_000_000}))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.body["items"], json!([]));
}

#[tokio::test]
async fn an_origin_with_another_scheme_or_port_is_refused_whatever_sec_fetch_site_says() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let port = app.address.rsplit(':').next().unwrap().to_owned();
    for headers in [
        vec![("origin", format!("https://127.0.0.1:{port}"))],
        vec![("origin", "http://127.0.0.1:1".to_owned())],
        vec![
            ("sec-fetch-site", "same-origin".to_owned()),
            ("origin", "https://evil.example".to_owned()),
        ],
    ] {
        let mut request = hr
            .client
            .post(app.url("/api/list_profiles"))
            .json(&json!({}));
        for (name, value) in &headers {
            request = request.header(*name, value);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{headers:?}");
    }
}

#[tokio::test]
async fn answers_for_a_signed_in_user_are_never_cached_and_https_adds_strict_transport() {
    let (mut config, dir) = crate::helpers::test_config().await;
    config.secure_cookies = true;
    let app = TestApp::spawn_with(config, dir).await;
    // The session cookie is `Secure` here, so this plain-HTTP client carries it by hand.
    app.create_user(Role::Hr, "hsts@example.it", "una frase lunga e sicura")
        .await;
    let client = reqwest::Client::new();
    let signed_in = client
        .post(app.url("/api/login"))
        .json(
            &json!({"input": {"email": "hsts@example.it", "password": "una frase lunga e sicura"}}),
        )
        .send()
        .await
        .unwrap();
    let cookie = signed_in.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.contains("; Secure"), "{cookie}");
    let session = cookie.split(';').next().unwrap().to_owned();
    for (endpoint, body) in [
        ("list_candidates", json!({"filter": {}, "page": 0})),
        ("list_openings", json!({})),
        ("list_tags", json!({})),
    ] {
        let response = client
            .post(app.url(&format!("/api/{endpoint}")))
            .header("cookie", &session)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{endpoint}");
        assert_eq!(
            response.headers()["cache-control"],
            "no-store",
            "{endpoint}"
        );
        assert_eq!(
            response.headers()["strict-transport-security"],
            "max-age=31536000; includeSubDomains",
            "{endpoint}"
        );
    }
    for path in ["/candidates", "/openings"] {
        let response = client
            .get(app.url(path))
            .header("cookie", &session)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
}

#[tokio::test]
async fn plain_http_sends_no_strict_transport_security() {
    let app = TestApp::spawn().await;
    let response = app
        .anonymous()
        .client
        .get(app.url("/login"))
        .send()
        .await
        .unwrap();
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
}
