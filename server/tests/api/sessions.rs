//! Signing in and out, session cookies and expiry, throttling, own password and language.

use app::model::{Role, UserId};
use app::server::SessionPolicy;
use app::server::accounts::sessions::{self, hash_token};
use app::server::entities::{login_attempt, session, user};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};
use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn signing_in_sets_an_http_only_lax_cookie_whose_token_is_stored_only_hashed() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = hr.sign_in().await;
    let cookie = answer.headers["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let token = cookie
        .strip_prefix("percorso_session=")
        .and_then(|rest| rest.split(';').next())
        .unwrap();
    assert_eq!(token.len(), 64, "256 bits, hex-encoded");

    let stored = session::Entity::find()
        .filter(session::Column::TokenHash.eq(hash_token(token)))
        .one(&app.db)
        .await
        .unwrap();
    assert!(stored.is_some());
    let raw = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(raw, 0, "the raw token is never stored");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_field_level_answer() {
    let app = TestApp::spawn().await;
    let mut visitor = app.signed_in(Role::Employee).await;
    visitor.password = "not the password at all".into();
    let wrong_password = visitor.sign_in().await;
    visitor.email = "nobody@example.it".into();
    let unknown_email = visitor.sign_in().await;
    for answer in [wrong_password, unknown_email] {
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            answer.field_error("form").as_deref(),
            Some("wrong_credentials")
        );
    }
}

#[tokio::test]
async fn after_five_failures_an_account_is_locked_even_for_the_right_password() {
    let app = TestApp::spawn().await;
    let mut user = app.signed_in(Role::Employee).await;
    let right = user.password.clone();
    user.password = "wrong password here".into();
    for _ in 0..5 {
        assert_eq!(
            user.sign_in().await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    user.password = right;
    let answer = user.sign_in().await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        answer.body["TooManyAttempts"]["retry_after_secs"]
            .as_u64()
            .unwrap()
            > 0
    );
}

#[tokio::test]
async fn many_failures_from_one_address_lock_it_out_across_accounts() {
    let app = TestApp::spawn().await;
    app.create_user(Role::Hr, "real@example.it", "una frase lunga e sicura")
        .await;
    let mut browser = app.anonymous();
    browser.password = "wrong password here".into();
    for n in 0..20 {
        browser.email = format!("guess{n}@example.it");
        assert_eq!(
            browser.sign_in().await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    browser.email = "real@example.it".into();
    browser.password = "una frase lunga e sicura".into();
    assert_eq!(
        browser.sign_in().await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_failures_count_against_the_forwarded_address_only() {
    let (mut config, dir) = crate::helpers::test_config().await;
    config.trusted_proxies = server::config::AddressList::parse("127.0.0.1,::1").unwrap();
    let app = TestApp::spawn_with(config, dir).await;
    app.create_user(Role::Hr, "dietro@example.it", "una frase lunga e sicura")
        .await;
    let from = |client: &'static str, email: String, password: &'static str| {
        let browser = app.anonymous();
        async move {
            browser
                .client
                .post(format!("{}/api/login", browser.address()))
                .header("x-forwarded-for", client)
                .json(&json!({"input": {"email": email, "password": password}}))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    for n in 0..20 {
        let status = from("198.51.100.1", format!("guess{n}@example.it"), "wrong one").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let right = "una frase lunga e sicura";
    assert_eq!(
        from("198.51.100.1", "dietro@example.it".into(), right).await,
        StatusCode::TOO_MANY_REQUESTS,
        "the guessing address is locked out"
    );
    assert_eq!(
        from("198.51.100.2", "dietro@example.it".into(), right).await,
        StatusCode::OK,
        "another visitor through the same proxy is not"
    );
    let recorded = login_attempt::Entity::find()
        .filter(login_attempt::Column::Ip.eq("198.51.100.1"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(recorded, 20);
}

#[tokio::test]
async fn a_successful_sign_in_clears_the_accounts_failures() {
    let app = TestApp::spawn().await;
    let mut user = app.signed_in(Role::Employee).await;
    let right = user.password.clone();
    user.password = "wrong password here".into();
    user.sign_in().await;
    user.password = right;
    assert_eq!(user.sign_in().await.status, StatusCode::OK);
    let left = login_attempt::Entity::find()
        .filter(login_attempt::Column::Email.eq(user.email.clone()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

async fn password_hash_of(app: &TestApp, id: UserId) -> String {
    user::Entity::find_by_id(id.0)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .password_hash
}

async fn sessions_of(app: &TestApp, id: UserId) -> u64 {
    session::Entity::find()
        .filter(session::Column::UserId.eq(id.0))
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_sign_in_that_checked_a_password_changed_since_starts_no_session() {
    let app = TestApp::spawn().await;
    let holder = app.signed_in(Role::Employee).await;
    let id = holder.user_id.unwrap();
    // A sign-in checks the password in force, then the password changes before it goes on.
    let checked = password_hash_of(&app, id).await;
    let changed = holder
        .call(
            "change_password",
            json!({"input": {"current_password": holder.password, "new_password": "una frase tutta nuova"}}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{changed:?}");
    let before = sessions_of(&app, id).await;

    let policy = SessionPolicy::default();
    let started = sessions::start_if_password_is(&app.db, &policy, id, checked)
        .await
        .unwrap();
    assert_eq!(started, None, "the sign-in fails");
    assert_eq!(sessions_of(&app, id).await, before, "and leaves no session");
    let current = password_hash_of(&app, id).await;
    let started = sessions::start_if_password_is(&app.db, &policy, id, current)
        .await
        .unwrap();
    assert!(started.is_some(), "the password in force still signs in");
}

#[tokio::test]
async fn signing_out_ends_the_session_in_the_database() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Interviewer).await;
    assert_eq!(
        user.post_fields("logout", &[], false).await.status,
        StatusCode::OK
    );
    assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(
        user.call("list_competencies", json!({})).await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// Makes the (only) session look last used at `at`.
async fn set_last_seen(app: &TestApp, at: chrono::DateTime<Utc>) {
    let mut stored = session::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    stored.last_seen_at = Set(at);
    stored.update(&app.db).await.unwrap();
}

#[tokio::test]
async fn a_session_idle_for_longer_than_the_limit_ends() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Hr).await;
    set_last_seen(&app, Utc::now() - Duration::minutes(61)).await;
    assert_eq!(
        user.call("list_competencies", json!({})).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_session_in_use_is_marked_as_seen_once_a_minute_and_so_stays_alive() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Hr).await;
    let last_seen = || async {
        session::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .last_seen_at
    };
    // Used 59 minutes ago: one minute short of the idle limit.
    set_last_seen(&app, Utc::now() - Duration::minutes(59)).await;

    let before = Utc::now();
    assert_eq!(
        user.call("list_competencies", json!({})).await.status,
        StatusCode::OK
    );
    let marked = last_seen().await;
    assert!(
        marked >= before - Duration::seconds(1),
        "marked now: {marked}"
    );

    // Used again within the minute: the mark stays as it is.
    assert_eq!(
        user.call("list_competencies", json!({})).await.status,
        StatusCode::OK
    );
    assert_eq!(last_seen().await, marked);

    // Two minutes later (as the database sees it), the session is still alive.
    set_last_seen(&app, marked - Duration::minutes(2)).await;
    assert_eq!(
        user.call("list_competencies", json!({})).await.status,
        StatusCode::OK
    );
    assert!(last_seen().await > marked - Duration::minutes(2));
}

#[tokio::test]
async fn an_active_session_still_ends_at_its_absolute_expiry() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Hr).await;
    let mut stored = session::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    stored.expires_at = Set(Utc::now() - Duration::seconds(1));
    stored.update(&app.db).await.unwrap();
    assert_eq!(
        user.call("list_competencies", json!({})).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn changing_ones_password_checks_the_current_one_and_ends_the_other_sessions() {
    let app = TestApp::spawn().await;
    let here = app.signed_in(Role::Employee).await;
    let mut elsewhere = app.anonymous();
    elsewhere.email = here.email.clone();
    elsewhere.password = here.password.clone();
    assert_eq!(elsewhere.sign_in().await.status, StatusCode::OK);

    let wrong = here
        .call(
            "change_password",
            json!({"input": {"current_password": "not my password", "new_password": "un'altra frase sicura"}}),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        wrong.field_error("current_password").as_deref(),
        Some("wrong_password")
    );

    let weak = here
        .call(
            "change_password",
            json!({"input": {"current_password": here.password, "new_password": "123456789012"}}),
        )
        .await;
    assert_eq!(
        weak.field_error("new_password").as_deref(),
        Some("password_common")
    );

    let done = here
        .call(
            "change_password",
            json!({"input": {"current_password": here.password, "new_password": "un'altra frase sicura"}}),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(
        here.call("list_competencies", json!({})).await.status,
        StatusCode::OK
    );
    assert_eq!(
        elsewhere.call("list_competencies", json!({})).await.status,
        StatusCode::UNAUTHORIZED
    );
    let mut again = app.anonymous();
    again.email = here.email.clone();
    again.password = "un'altra frase sicura".into();
    assert_eq!(again.sign_in().await.status, StatusCode::OK);
}

#[tokio::test]
async fn pages_speak_the_users_language_else_the_browsers() {
    let app = TestApp::spawn().await;
    let visitor = app.anonymous();
    let english = visitor
        .client
        .get(app.url("/login"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains(r#"<html lang="en""#));
    assert!(english.contains("Sign in"));
    let italian = visitor
        .client
        .get(app.url("/login"))
        .header("accept-language", "it-IT,it;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(italian.contains(r#"<html lang="it""#));
    assert!(italian.contains("Accedi"));

    let user = app.signed_in(Role::Employee).await;
    assert_eq!(
        user.post_fields("set_language", &[("lang", "en")], false)
            .await
            .status,
        StatusCode::OK
    );
    let page = user
        .client
        .get(app.url("/account"))
        .header("accept-language", "it-IT")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"<html lang="en""#),
        "the user's setting wins"
    );
    assert!(page.contains("My account"));
}

#[tokio::test]
async fn the_plain_sign_out_form_ends_the_session_and_sends_the_browser_to_sign_in() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Hr).await;
    let answer = user.post_fields("logout", &[], true).await;
    assert_eq!(answer.status, StatusCode::FOUND);
    assert_eq!(answer.headers["location"], "/login");
    assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn the_plain_language_form_sends_the_browser_back_to_its_page_in_the_new_language() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Employee).await;
    let answer = user
        .post_fields("set_language", &[("lang", "en")], true)
        .await;
    assert_eq!(answer.status, StatusCode::FOUND);
    // Back where the form was (server functions may add an empty query: `/account?`).
    let back = answer.headers["location"].to_str().unwrap();
    assert!(back.starts_with(&app.url("/account")), "{back}");
    let page = user
        .client
        .get(app.url("/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"<html lang="en""#));
}

#[tokio::test]
async fn wrong_current_passwords_on_a_password_change_are_throttled_like_sign_ins() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Employee).await;
    let change = |current: String| {
        let user = &user;
        async move {
            user.call(
                "change_password",
                json!({"input": {"current_password": current, "new_password": "una nuova frase sicura"}}),
            )
            .await
        }
    };
    for _ in 0..5 {
        let answer = change("not the password".into()).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{answer:?}"
        );
    }
    let answer = change("not the password".into()).await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS, "{answer:?}");
    // Locked even for the right password, as sign-in is.
    let answer = change(user.password.clone()).await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS, "{answer:?}");
    let failures = login_attempt::Entity::find()
        .filter(login_attempt::Column::Email.eq(user.email.clone()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(failures, 5, "each wrong password was recorded");
}

#[tokio::test]
async fn a_successful_password_change_clears_the_accounts_earlier_failures() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Employee).await;
    let change = |current: &str| {
        user.call(
            "change_password",
            json!({"input": {"current_password": current, "new_password": "una nuova frase sicura"}}),
        )
    };
    for _ in 0..2 {
        assert_eq!(
            change("not the password").await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert_eq!(change(&user.password).await.status, StatusCode::OK);
    let failures = login_attempt::Entity::find()
        .filter(login_attempt::Column::Email.eq(user.email.clone()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(failures, 0);
}
