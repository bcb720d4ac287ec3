//! The forms that work without JavaScript, posted as a browser posts a plain form: sign-in on
//! `/login`, the password change on `/account`, and a note and the tags on a candidate's page.

use app::model::Role;
use app::server::entities::candidate_note;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

use crate::helpers::{Browser, TestApp};
use crate::intake::{added, input};

/// Posts `fields` URL-encoded to the page at `path`, as a browser without JavaScript does.
async fn post_page(
    browser: &Browser,
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let response = browser
        .client
        .post(app.url(path))
        .header("accept", "text/html")
        .form(fields)
        .send()
        .await
        .expect("request sent");
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap_or_default())
}

fn location(headers: &reqwest::header::HeaderMap) -> &str {
    headers["location"].to_str().unwrap()
}

#[tokio::test]
async fn the_plain_sign_in_form_sets_the_session_and_goes_on_to_the_local_page_asked_for() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let browser = app.anonymous();
    let (status, headers, _) = post_page(
        &browser,
        &app,
        "/login",
        &[
            ("email", &hr.email),
            ("password", &hr.password),
            ("next", "/candidates"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/candidates");
    let cookie = headers["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("percorso_session=") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let (status, page) = browser.page("/candidates").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"action="/candidates""#),
        "the list, not the sign-in page"
    );

    // Somewhere else than this site is never followed.
    let (_, headers, _) = post_page(
        &app.anonymous(),
        &app,
        "/login",
        &[
            ("email", &hr.email),
            ("password", &hr.password),
            ("next", "//evil.example/"),
        ],
    )
    .await;
    assert_eq!(location(&headers), "/");
    // Nor an address a browser would read as another site once it drops the tab.
    let (_, headers, _) = post_page(
        &app.anonymous(),
        &app,
        "/login",
        &[
            ("email", &hr.email),
            ("password", &hr.password),
            ("next", "/\t/evil.example"),
        ],
    )
    .await;
    assert_eq!(location(&headers), "/");
}

#[tokio::test]
async fn a_refused_plain_sign_in_comes_back_with_the_email_kept_the_password_not_and_the_reason() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let browser = app.anonymous();
    let (status, headers, page) = post_page(
        &browser,
        &app,
        "/login",
        &[
            ("email", &hr.email),
            ("password", "not-the-password-4711"),
            ("next", "/reports"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(headers.get("set-cookie").is_none());
    assert!(
        page.contains(&format!(r#"value="{}""#, hr.email)),
        "the email is kept"
    );
    assert!(
        !page.contains("not-the-password-4711"),
        "the password is not sent back"
    );
    assert!(
        page.contains("Email o password non corretti."),
        "the reason is on the page"
    );
    assert!(
        page.contains(r#"name="next" value="/reports""#),
        "where to go next is kept"
    );

    // An empty form gets its fields' errors, not a crash.
    let (status, _, page) = post_page(&browser, &app, "/login", &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(r#"aria-invalid="true""#));
}

#[tokio::test]
async fn the_plain_password_form_changes_the_password_or_says_why_not_on_the_page() {
    let app = TestApp::spawn().await;
    let me = app.signed_in(Role::Employee).await;
    let new_password = "un'altra frase lunga 2026";

    let (status, _, page) = post_page(
        &me,
        &app,
        "/account",
        &[
            ("current_password", &me.password),
            ("new_password", new_password),
            ("confirm", "something else entirely"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Le due password non coincidono."), "{page}");

    let (status, _, page) = post_page(
        &me,
        &app,
        "/account",
        &[
            ("current_password", "not my password at all"),
            ("new_password", new_password),
            ("confirm", new_password),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("La password attuale non è corretta."));

    let (status, headers, _) = post_page(
        &me,
        &app,
        "/account",
        &[
            ("current_password", &me.password),
            ("new_password", new_password),
            ("confirm", new_password),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/account?password=changed");
    let (_, page) = me.page("/account?password=changed").await;
    assert!(page.contains("Password cambiata."), "the page says so");

    let mut again = app.anonymous();
    again.email = me.email.clone();
    again.password = new_password.to_owned();
    assert_eq!(again.sign_in().await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_plain_password_form_sends_a_visitor_to_sign_in() {
    let app = TestApp::spawn().await;
    let (status, headers, _) = post_page(
        &app.anonymous(),
        &app,
        "/account",
        &[
            ("current_password", "x"),
            ("new_password", "y"),
            ("confirm", "y"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/login?next=/account");
}

#[tokio::test]
async fn a_note_and_the_tags_posted_without_javascript_are_saved_or_come_back_with_the_reason() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let id = added(&hr, input("Irene Costa", json!({}))).await;
    let page = format!("/candidates/{id}");
    let notes_of = || async {
        candidate_note::Entity::find()
            .filter(candidate_note::Column::CandidateId.eq(id as i32))
            .all(&app.db)
            .await
            .unwrap()
    };

    let (status, headers, _) = post_page(
        &hr,
        &app,
        &page,
        &[("intent", "note"), ("body", "Prima telefonata ottima.")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), format!("{page}?saved=note"));
    assert_eq!(notes_of().await.len(), 1);
    let (_, shown) = hr.page(&format!("{page}?saved=note")).await;
    assert!(shown.contains("Prima telefonata ottima."));

    // A blank note: the page again, with the reason, and nothing saved.
    let (status, _, shown) =
        post_page(&hr, &app, &page, &[("intent", "note"), ("body", "   ")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains(r#"aria-invalid="true""#));
    assert_eq!(notes_of().await.len(), 1);

    let (status, headers, _) = post_page(
        &hr,
        &app,
        &page,
        &[("intent", "tags"), ("tags", "Inglese C1, SAP")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), format!("{page}?saved=tags"));
    let (status, _, shown) = post_page(
        &hr,
        &app,
        &page,
        &[("intent", "tags"), ("tags", "ok, <script>")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        shown.contains("ok, &lt;script&gt;"),
        "what was typed comes back, escaped"
    );
    let saved = hr.call("get_candidate", json!({"id": id})).await.body["tags"].clone();
    assert_eq!(saved, json!(["inglese c1", "sap"]));

    // Someone who may not change candidates changes nothing; a visitor is sent to sign in.
    let interviewer = app.signed_in(Role::Interviewer).await;
    let (status, _, _) = post_page(
        &interviewer,
        &app,
        &page,
        &[("intent", "note"), ("body", "Da un intruso")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, headers, _) = post_page(
        &app.anonymous(),
        &app,
        &page,
        &[("intent", "note"), ("body", "Anonima")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), format!("/login?next={page}"));
    assert_eq!(notes_of().await.len(), 1);
}
