//! Two-step sign-in: codes from RFC 6238's test vectors with a fixed clock, each code
//! accepted once, recovery codes, the second step of a sign-in and the set-up a role requires,
//! an admin's removal of a lost second factor, and known devices that an attacker's failures
//! from elsewhere do not lock out. Every sign-in, failure, lockout and change is audited.

use app::model::Role;
use app::server::accounts::{second_factor, totp};
use app::server::entities::{audit_event, recovery_code, second_factor as factor, session};
use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::json;

use crate::helpers::{Browser, TestApp};

/// RFC 6238's SHA-1 key, the ASCII of "12345678901234567890", in base32.
const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

/// Waits, if need be, until the clock is well inside a 30-second step, so that a code made
/// now is still of this step (or the next) when the server checks it.
async fn well_inside_a_step() {
    let into = Utc::now().timestamp() % 30;
    if !(2..=25).contains(&into) {
        let wait = (32 - into) % 30;
        tokio::time::sleep(std::time::Duration::from_secs(wait as u64)).await;
    }
}

/// The code `secret`'s app shows `seconds` from now.
fn code_in(secret: &str, seconds: i64) -> String {
    totp::code_at(secret, Utc::now() + chrono::TimeDelta::seconds(seconds)).unwrap()
}

async fn audited(app: &TestApp, action: &str, user: i32) -> u64 {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .filter(audit_event::Column::SubjectType.eq("user"))
        .filter(audit_event::Column::SubjectId.eq(user))
        .count(&app.db)
        .await
        .unwrap()
}

/// The recovery codes listed on a page.
fn codes_on(page: &str) -> Vec<String> {
    let Some(start) = page.find(r#"id="recovery-codes""#) else {
        return Vec::new();
    };
    let list = &page[start
        ..page[start..]
            .find("</ol>")
            .map_or(page.len(), |e| start + e)];
    list.split("<code>")
        .skip(1)
        .filter_map(|rest| rest.split("</code>").next())
        .map(str::to_owned)
        .collect()
}

/// The key the set-up page shows for the app.
fn secret_on(page: &str) -> String {
    let start = page.find(r#"data-secret=""#).expect("the key") + r#"data-secret=""#.len();
    page[start..].split('"').next().unwrap().to_owned()
}

/// Turns on `who`'s second factor from their account page, with a code of the step before
/// (so the current step's code is left for a sign-in); returns the secret and the recovery
/// codes shown.
async fn turn_on(who: &Browser) -> (String, Vec<String>) {
    let (status, page) = who.page("/account/two-factor").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<svg"), "the QR code, drawn on the server");
    assert!(!page.contains(".wasm"), "a plain page");
    let secret = secret_on(&page);
    well_inside_a_step().await;
    let (status, _, page) = who
        .post_page(
            "/account/two-factor",
            &[("action", "on"), ("code", &code_in(&secret, -30))],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let codes = codes_on(&page);
    assert_eq!(codes.len(), 10, "ten recovery codes, shown once");
    (secret, codes)
}

/// Signs `who` in with their password; the step the server asks for next.
async fn password_step(who: &Browser) -> serde_json::Value {
    let answer = who.sign_in().await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body
}

async fn code_step(who: &Browser, code: &str) -> (StatusCode, String, String) {
    who.post_page("/login/code", &[("code", code), ("next", "/me")])
        .await
}

async fn is_signed_in(who: &Browser) -> bool {
    who.call("session", json!({})).await.body["user"].is_object()
}

#[tokio::test]
async fn the_codes_of_rfc_6238s_test_vectors_prove_the_second_factor_each_step_once() {
    let app = TestApp::spawn().await;
    let id = app
        .create_user(Role::Hr, "vettori@example.it", "una frase lunga e sicura")
        .await;
    factor::ActiveModel {
        user_id: Set(id.0),
        secret: Set(RFC_SECRET.to_owned()),
        created_at: Set(Utc::now()),
        confirmed_at: Set(None),
        last_step: Set(None),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let prove = |code: &'static str, seconds: i64| {
        let db = app.db.clone();
        async move {
            second_factor::prove(&db, id, code, at(seconds))
                .await
                .unwrap()
        }
    };
    assert_eq!(prove("287082", 59).await, None, "not on until proved");

    let wrong = second_factor::confirm(&app.db, id, "287083", at(59)).await;
    assert_eq!(
        wrong.unwrap_err().field_errors().get("code").unwrap().code,
        "wrong_code"
    );
    let codes = second_factor::confirm(&app.db, id, "287082", at(59))
        .await
        .unwrap();
    assert_eq!(codes.len(), 10);

    assert!(prove("081804", 1_111_111_109).await.is_some());
    assert!(prove("050471", 1_111_111_111).await.is_some());
    assert_eq!(
        prove("050471", 1_111_111_111).await,
        None,
        "the same code twice"
    );
    assert!(prove("005924", 1_234_567_890).await.is_some());
    assert!(prove("279037", 2_000_000_000).await.is_some());
    assert_eq!(
        prove("005924", 1_234_567_890).await,
        None,
        "an older step's code after a newer one"
    );
    assert!(prove("353130", 20_000_000_000).await.is_some());
    assert_eq!(prove("353131", 20_000_000_030).await, None, "a wrong code");
}

#[tokio::test]
async fn a_user_turns_it_on_and_then_signs_in_with_the_password_and_a_code_used_once() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Employee).await;
    let id = user.user_id.unwrap().0;
    let (_, page) = user.page("/account").await;
    assert!(page.contains(r#"href="/account/two-factor""#));
    let (secret, _) = turn_on(&user).await;
    assert_eq!(audited(&app, "two_factor_enabled", id).await, 1);
    let stored = factor::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.confirmed_at.is_some());

    let browser = app_browser(&app, &user);
    assert_eq!(password_step(&browser).await, json!("Code"));
    assert!(!is_signed_in(&browser).await, "no session before the code");
    let (status, page) = browser.page("/login/code?next=%2Fme").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"autocomplete="one-time-code""#) && !page.contains(".wasm"));

    let (status, _, page) = code_step(&browser, "000000").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("does not work") || page.contains("non valido"));
    assert_eq!(audited(&app, "sign_in_failed", id).await, 1);

    well_inside_a_step().await;
    let code = code_in(&secret, 0);
    let (status, location, _) = code_step(&browser, &code).await;
    assert_eq!((status, location.as_str()), (StatusCode::SEE_OTHER, "/me"));
    assert!(is_signed_in(&browser).await);
    assert!(audited(&app, "signed_in", id).await >= 2);

    // The same code again, from another sign-in: refused.
    let again = app_browser(&app, &user);
    assert_eq!(password_step(&again).await, json!("Code"));
    let (status, _, _) = code_step(&again, &code).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!is_signed_in(&again).await);
}

#[tokio::test]
async fn recovery_codes_work_once_each_are_stored_only_as_hashes_and_can_be_renewed() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Interviewer).await;
    let id = user.user_id.unwrap().0;
    let (secret, codes) = turn_on(&user).await;
    let stored: Vec<String> = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.code_hash)
        .collect();
    assert_eq!(stored.len(), 10);
    for code in &codes {
        assert!(!stored.iter().any(|h| h.contains(&code.replace('-', ""))));
    }

    let browser = app_browser(&app, &user);
    assert_eq!(password_step(&browser).await, json!("Code"));
    let typed = codes[3].to_uppercase().replace('-', " ");
    let (status, _, _) = code_step(&browser, &typed).await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "typed in capitals, with a space"
    );
    assert_eq!(audited(&app, "recovery_code_used", id).await, 1);

    let twice = app_browser(&app, &user);
    assert_eq!(password_step(&twice).await, json!("Code"));
    let (status, _, _) = code_step(&twice, &codes[3]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "used once");
    let (_, page) = user.page("/account/two-factor").await;
    assert!(page.contains("9"), "nine left");

    // New codes, proved with the app: the old ones stop working.
    well_inside_a_step().await;
    let (status, _, page) = user
        .post_page(
            "/account/two-factor",
            &[("action", "codes"), ("code", &code_in(&secret, 0))],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let renewed = codes_on(&page);
    assert_eq!(renewed.len(), 10);
    assert_eq!(audited(&app, "recovery_codes_renewed", id).await, 1);
    let (status, _, _) = code_step(&twice, &codes[4]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "an old code");
    let (status, _, _) = code_step(&twice, &renewed[0]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "a new code");

    // Turned off with a code: the password alone signs in again.
    let (status, _, page) = user
        .post_page("/account/two-factor", &[("action", "off"), ("code", "123")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(r#"id="off""#));
    let (status, location, _) = user
        .post_page(
            "/account/two-factor",
            &[("action", "off"), ("code", &renewed[1])],
        )
        .await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/account/two-factor?off=1")
    );
    assert_eq!(audited(&app, "two_factor_disabled", id).await, 1);
    assert_eq!(
        recovery_code::Entity::find()
            .filter(recovery_code::Column::UserId.eq(id))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        password_step(&app_browser(&app, &user)).await,
        json!("Done")
    );
}

/// Another browser, not signed in, that knows `user`'s email and password.
fn app_browser(app: &TestApp, user: &Browser) -> Browser {
    let mut browser = app.anonymous();
    browser.email = user.email.clone();
    browser.password = user.password.clone();
    browser
}

#[tokio::test]
async fn a_role_that_requires_a_second_factor_sets_it_up_at_the_next_sign_in() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let hr = app.signed_in(Role::Hr).await;
    let id = hr.user_id.unwrap().0;
    let answer = admin
        .call("set_two_factor_roles", json!({"input": {"roles": ["hr"]}}))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let answer = admin.call("required_two_factor_roles", json!({})).await;
    assert_eq!(answer.body, json!({"roles": ["hr"]}));
    assert_eq!(
        audited(&app, "two_factor_roles_changed", admin.user_id.unwrap().0).await,
        1
    );
    assert!(is_signed_in(&hr).await, "a session already open goes on");

    let browser = app_browser(&app, &hr);
    assert_eq!(password_step(&browser).await, json!("SetUp"));
    assert!(!is_signed_in(&browser).await);
    let (status, page) = browser.page("/login/two-factor?next=%2Fcandidates").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<svg") && !page.contains(".wasm"));
    let secret = secret_on(&page);
    let (_, again) = browser.page("/login/two-factor").await;
    assert_eq!(secret_on(&again), secret, "the same key until it is proved");

    let (status, _, page) = browser
        .post_page(
            "/login/two-factor",
            &[("code", "000000"), ("next", "/candidates")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    assert!(!is_signed_in(&browser).await);
    well_inside_a_step().await;
    let (status, _, page) = browser
        .post_page(
            "/login/two-factor?next=%2Fcandidates",
            &[("code", &code_in(&secret, 0)), ("next", "/candidates")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(codes_on(&page).len(), 10);
    assert!(
        page.contains(r#"href="/candidates""#),
        "then on where it was going"
    );
    assert!(is_signed_in(&browser).await);
    assert_eq!(audited(&app, "two_factor_enabled", id).await, 1);

    // Required: it cannot be turned off.
    let (status, _, page) = browser
        .post_page(
            "/account/two-factor",
            &[("action", "off"), ("code", &code_in(&secret, 30))],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("cannot be turned off") || page.contains("non si può disattivare"));
    // Without a waiting sign-in, the set-up page says the sign-in is over.
    let (status, _) = app.anonymous().page("/login/two-factor").await;
    assert_eq!(status, StatusCode::GONE);
}

#[tokio::test]
async fn an_admin_removes_a_lost_second_factor_audited_and_the_users_sessions_end() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let user = app.signed_in(Role::Employee).await;
    let id = user.user_id.unwrap();
    turn_on(&user).await;
    let listed = admin.call("list_users", json!({"page": 0})).await;
    let row = listed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == json!(id.0))
        .unwrap()
        .clone();
    assert_eq!(row["two_factor"], json!(true));

    let mine = admin
        .call(
            "reset_user_two_factor",
            json!({"id": admin.user_id.unwrap().0}),
        )
        .await;
    assert_eq!(mine.field_error("two_factor").as_deref(), Some("self"));

    let answer = admin
        .call("reset_user_two_factor", json!({"id": id.0}))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert!(
        factor::Entity::find_by_id(id.0)
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        session::Entity::find()
            .filter(session::Column::UserId.eq(id.0))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
    assert!(!is_signed_in(&user).await);
    let reset = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("two_factor_reset_by_admin"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (reset.actor_id, reset.subject_id),
        (Some(admin.user_id.unwrap().0), id.0)
    );
    assert_eq!(
        password_step(&app_browser(&app, &user)).await,
        json!("Done")
    );
}

#[tokio::test]
async fn a_password_reset_ends_a_sign_in_waiting_for_its_code() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let user = app.signed_in(Role::Employee).await;
    let (secret, _) = turn_on(&user).await;
    let browser = app_browser(&app, &user);
    assert_eq!(password_step(&browser).await, json!("Code"));
    let answer = admin
        .call(
            "reset_user_password",
            json!({"id": user.user_id.unwrap().0, "input": {"password": "una frase tutta nuova"}}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    well_inside_a_step().await;
    let (status, _, page) = code_step(&browser, &code_in(&secret, 0)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("expired") || page.contains("scaduto"));
    assert!(!is_signed_in(&browser).await);
}

#[tokio::test]
async fn an_attackers_failures_from_elsewhere_do_not_lock_the_user_out_of_their_own_browser() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Hr).await;
    let id = user.user_id.unwrap().0;
    // The attacker, without the user's device cookie, guesses until the account locks.
    let mut attacker = app_browser(&app, &user);
    attacker.password = "una password indovinata".into();
    for _ in 0..5 {
        assert_eq!(
            attacker.sign_in().await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    attacker.password = user.password.clone();
    assert_eq!(
        attacker.sign_in().await.status,
        StatusCode::TOO_MANY_REQUESTS,
        "locked for everyone else, even with the right password"
    );
    assert_eq!(audited(&app, "sign_in_failed", id).await, 5);
    assert_eq!(audited(&app, "sign_in_locked_out", id).await, 1);

    // The user's browser signed in before: it is not locked out.
    let answer = user.sign_in().await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.body, json!("Done"));

    // Its own failures lock only it.
    let mut own = user;
    let right = own.password.clone();
    own.password = "sbagliata anche questa".into();
    for _ in 0..5 {
        assert_eq!(own.sign_in().await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    own.password = right;
    assert_eq!(own.sign_in().await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(audited(&app, "sign_in_locked_out", id).await, 2);
}

#[tokio::test]
async fn guesses_sent_all_at_once_get_no_more_tries_than_guesses_one_by_one() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Employee).await;
    let id = user.user_id.unwrap().0;
    turn_on(&user).await;
    let attacker = app_browser(&app, &user);
    assert_eq!(password_step(&attacker).await, json!("Code"));
    let before = app::server::entities::login_attempt::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert!(before.is_empty(), "{before:?}");
    let guesses = (0..20).map(|n| {
        let attacker = &attacker;
        async move { code_step(attacker, &format!("{:06}", 100_000 + n)).await.0 }
    });
    let answers = futures::future::join_all(guesses).await;
    let wrong = answers
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let throttled = answers
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((wrong, throttled), (5, 15), "{answers:?}");
    assert_eq!(audited(&app, "sign_in_locked_out", id).await, 1);
}
