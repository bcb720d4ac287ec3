//! A forgotten password: asking for a link (the same answer for any address, limited per
//! address and per account), the link's page, and choosing the new password through it once,
//! within 30 minutes, which ends every session of the account; all of it without JavaScript,
//! and audited. A day after a link stops working, the retention job deletes it.

use app::model::Role;
use app::server::entities::{audit_event, outbox, password_reset, session, user};
use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::helpers::{Browser, TestApp};

const NEW_PASSWORD: &str = "una nuova frase ben lunga";

/// Asks for a reset link for `email` through the plain form: the status, the redirect's
/// target and the page.
async fn ask(who: &Browser, email: &str) -> (StatusCode, String, String) {
    who.post_page("/forgot-password", &[("email", email)]).await
}

/// The messages with a reset link sent to `email`, oldest first.
pub(crate) async fn links_mailed_to(app: &TestApp, email: &str) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq(email))
        .filter(outbox::Column::Body.contains("/reset-password/"))
        .order_by_asc(outbox::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

/// The link's path (`/reset-password/{token}`) in a message.
pub(crate) fn link_in(message: &outbox::Model) -> String {
    let at = message.body.find("/reset-password/").expect("a link");
    message.body[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

/// Asks for a link for `holder`'s account and returns the path it mails.
async fn mailed_link(app: &TestApp, holder: &Browser) -> String {
    let (status, location, _) = ask(&app.anonymous(), &holder.email).await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/forgot-password?sent=1")
    );
    app.settled().await;
    link_in(
        links_mailed_to(app, &holder.email)
            .await
            .last()
            .expect("a link"),
    )
}

/// Chooses `password` (twice) on the page of `link`.
async fn choose(app: &TestApp, link: &str, password: &str) -> (StatusCode, String, String) {
    app.anonymous()
        .post_page(link, &[("password", password), ("confirm", password)])
        .await
}

async fn signs_in_with(app: &TestApp, email: &str, password: &str) -> StatusCode {
    app.anonymous()
        .call(
            "login",
            json!({"input": {"email": email, "password": password}}),
        )
        .await
        .status
}

async fn audited(app: &TestApp, action: &str, user: i32) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .filter(audit_event::Column::SubjectType.eq("user"))
        .filter(audit_event::Column::SubjectId.eq(user))
        .all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn asking_for_a_link_answers_the_same_whether_or_not_the_address_has_an_account() {
    let app = TestApp::spawn().await;
    let (status, page) = app.anonymous().page("/login").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"href="/forgot-password""#),
        "the sign-in page links to it"
    );
    let (status, page) = app.anonymous().page("/forgot-password").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"id="forgot""#) && !page.contains(".wasm"),
        "a plain page"
    );

    let holder = app.signed_in(Role::Employee).await;
    let id = holder.user_id.unwrap().0;
    let unknown = ask(&app.anonymous(), "nessuno.qui@example.it").await;
    let known = ask(&app.anonymous(), &holder.email.to_uppercase()).await;
    assert_eq!(known.0, StatusCode::SEE_OTHER);
    assert_eq!(known, unknown, "the same status, redirect and body");
    app.settled().await;
    let (status, page) = app.anonymous().page(&known.1).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"id="reset-sent""#));

    assert_eq!(links_mailed_to(&app, &holder.email).await.len(), 1);
    let to_nobody = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq("nessuno.qui@example.it"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(to_nobody, 0, "no message to an address without an account");
    let asked = audited(&app, "password_reset_requested", id).await;
    assert_eq!(asked.len(), 1, "the ask is audited");
    assert_eq!(asked[0].actor_id, None, "by no one signed in");

    // A malformed address is refused on its field, the same for everyone.
    let (status, _, page) = ask(&app.anonymous(), "non-un-indirizzo").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(r#"id="f-forgot-email-error""#));
    assert!(
        page.contains(r#"value="non-un-indirizzo""#),
        "what was typed is kept"
    );
}

#[tokio::test]
async fn the_link_sets_a_new_password_once_ends_every_session_and_is_audited() {
    let app = TestApp::spawn().await;
    let holder = app.signed_in(Role::Hr).await;
    let elsewhere = app.anonymous();
    let mut second = elsewhere;
    second.email = holder.email.clone();
    second.password = holder.password.clone();
    assert_eq!(second.sign_in().await.status, StatusCode::OK);
    let id = holder.user_id.unwrap().0;

    let link = mailed_link(&app, &holder).await;
    let token = link.trim_start_matches("/reset-password/");
    assert_eq!(token.len(), 64, "256 bits, hex");
    let stored = password_reset::Entity::find()
        .filter(password_reset::Column::UserId.eq(id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.token_hash,
        hex::encode(Sha256::digest(token.as_bytes())),
        "only the token's hash is stored"
    );
    assert_eq!(
        stored.expires_at - stored.created_at,
        TimeDelta::minutes(30),
        "it lasts 30 minutes"
    );

    let visitor = app.anonymous();
    let (status, page) = visitor.page(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"id="reset""#) && !page.contains(".wasm"),
        "a plain page"
    );
    assert!(page.contains(&holder.email), "whose password it is");
    // Looking at the page uses nothing up; the password follows the usual rules.
    let (status, _, page) = visitor
        .post_page(
            &link,
            &[("password", NEW_PASSWORD), ("confirm", "un'altra frase")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(r#"id="f-reset-confirm-error""#));
    let (status, _, page) = choose(&app, &link, "corta").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(r#"id="f-reset-password-error""#));
    let (status, _, _) = choose(&app, &link, "passwordpassword").await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a common password"
    );

    let (status, location, _) = choose(&app, &link, NEW_PASSWORD).await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/login?password=reset")
    );
    let (_, page) = app.anonymous().page(&location).await;
    assert!(
        page.contains(r#"id="password-reset""#),
        "the sign-in page says so"
    );

    // Every session of the account has ended.
    let left = session::Entity::find()
        .filter(session::Column::UserId.eq(id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
    for browser in [&holder, &second] {
        let me = browser.call("session", json!({})).await;
        assert!(me.body["user"].is_null(), "signed out: {me:?}");
    }
    assert_eq!(
        signs_in_with(&app, &holder.email, &holder.password).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old password no longer works"
    );
    assert_eq!(
        signs_in_with(&app, &holder.email, NEW_PASSWORD).await,
        StatusCode::OK
    );

    // Once only.
    let (status, page) = app.anonymous().page(&link).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(page.contains(r#"id="reset-over""#));
    assert!(
        page.contains(r#"href="/forgot-password""#),
        "a way to ask again"
    );
    let (status, _, page) = choose(&app, &link, "ancora un'altra frase lunga").await;
    assert_eq!(status, StatusCode::GONE);
    assert!(page.contains(r#"id="reset-over""#));
    assert_eq!(
        signs_in_with(&app, &holder.email, NEW_PASSWORD).await,
        StatusCode::OK,
        "the password did not change again"
    );

    let reset = audited(&app, "password_reset", id).await;
    assert_eq!(reset.len(), 1);
    assert_eq!(reset[0].actor_id, Some(id), "by the account's holder");
    let told = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq(holder.email.as_str()))
        .filter(outbox::Column::Subject.contains("password"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        told.len(),
        2,
        "the link, then word that the password changed"
    );
    assert!(!told[1].body.contains("/reset-password/"));
}

#[tokio::test]
async fn an_expired_link_says_it_no_longer_works_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let holder = app.signed_in(Role::Employee).await;
    let link = mailed_link(&app, &holder).await;
    let stored = password_reset::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut expired: password_reset::ActiveModel = stored.into();
    expired.expires_at = Set(Utc::now() - TimeDelta::seconds(1));
    expired.update(&app.db).await.unwrap();

    let (status, page) = app.anonymous().page(&link).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(page.contains(r#"id="reset-over""#));
    let (status, location, page) = choose(&app, &link, NEW_PASSWORD).await;
    assert_eq!((status, location.as_str()), (StatusCode::GONE, ""));
    assert!(page.contains(r#"id="reset-over""#));
    assert_eq!(
        signs_in_with(&app, &holder.email, &holder.password).await,
        StatusCode::OK,
        "the password is unchanged"
    );
    assert_eq!(
        holder.call("session", json!({})).await.body["user"]["email"],
        holder.email.as_str(),
        "and the session goes on"
    );
}

#[tokio::test]
async fn a_newer_link_replaces_the_older_and_a_made_up_one_leads_nowhere() {
    let app = TestApp::spawn().await;
    let holder = app.signed_in(Role::Employee).await;
    let first = mailed_link(&app, &holder).await;
    let second = mailed_link(&app, &holder).await;
    assert_ne!(first, second);
    let (status, page) = app.anonymous().page(&first).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains(r#"id="reset-over""#), "the same clear page");
    let (status, _, _) = choose(&app, &first, NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, page) = app
        .anonymous()
        .page(&format!("/reset-password/{}", "ab".repeat(32)))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains(r#"id="reset-over""#));

    let (status, _, _) = choose(&app, &second, NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        signs_in_with(&app, &holder.email, NEW_PASSWORD).await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_deactivated_account_gets_no_link_and_its_pending_link_stops_working() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let holder = app.signed_in(Role::Employee).await;
    let link = mailed_link(&app, &holder).await;
    let deactivated = admin
        .call(
            "set_user_active",
            json!({"id": holder.user_id, "active": false}),
        )
        .await;
    assert_eq!(deactivated.status, StatusCode::OK);

    let (status, page) = app.anonymous().page(&link).await;
    assert!(status.is_client_error(), "{status}");
    assert!(page.contains(r#"id="reset-over""#));
    let (status, _, _) = choose(&app, &link, NEW_PASSWORD).await;
    assert!(status.is_client_error(), "{status}");

    let before = links_mailed_to(&app, &holder.email).await.len();
    let (status, location, _) = ask(&app.anonymous(), &holder.email).await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/forgot-password?sent=1"),
        "the usual answer"
    );
    app.settled().await;
    assert_eq!(
        links_mailed_to(&app, &holder.email).await.len(),
        before,
        "but no link"
    );
    let id = holder.user_id.unwrap().0;
    assert_eq!(
        audited(&app, "password_reset_requested", id).await.len(),
        2,
        "though the ask is audited"
    );
    let account = user::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(!account.active);
    assert_eq!(
        signs_in_with(&app, &holder.email, NEW_PASSWORD).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn a_password_changed_another_way_ends_the_pending_link() {
    let app = TestApp::spawn().await;
    let holder = app.signed_in(Role::Employee).await;
    let link = mailed_link(&app, &holder).await;
    let changed = holder
        .call(
            "change_password",
            json!({"input": {"current_password": holder.password, "new_password": NEW_PASSWORD}}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{changed:?}");
    let (status, page) = app.anonymous().page(&link).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains(r#"id="reset-over""#));
}

#[tokio::test]
async fn asking_is_limited_per_account_silently_and_per_address_openly() {
    let app = TestApp::spawn().await;
    let holder = app.signed_in(Role::Employee).await;
    let id = holder.user_id.unwrap().0;
    // Four asks for one account: the answer never changes, but only three links go out.
    for _ in 0..4 {
        let (status, location, _) = ask(&app.anonymous(), &holder.email).await;
        assert_eq!(
            (status, location.as_str()),
            (StatusCode::SEE_OTHER, "/forgot-password?sent=1")
        );
        app.settled().await;
    }
    assert_eq!(links_mailed_to(&app, &holder.email).await.len(), 3);
    assert_eq!(
        audited(&app, "password_reset_requested", id).await.len(),
        4,
        "every ask is audited, the one withheld too"
    );
    // Ten asks an hour from one address, whatever it asks for; then a refusal that says so.
    for n in 4..10 {
        let (status, _, _) = ask(&app.anonymous(), &format!("altro{n}@example.it")).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "ask {n}");
    }
    let (status, _, page) = ask(&app.anonymous(), "ancora@example.it").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.contains(r#"id="forgot""#), "the form again");
    assert!(page.contains(r#"value="ancora@example.it""#));
}

/// Moves the end of account `user`'s reset links to `ago` before now.
async fn expire(app: &TestApp, user: i32, ago: TimeDelta) {
    password_reset::Entity::update_many()
        .col_expr(
            password_reset::Column::ExpiresAt,
            Expr::value(Utc::now() - ago),
        )
        .filter(password_reset::Column::UserId.eq(user))
        .exec(&app.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_retention_job_deletes_reset_links_a_day_after_they_stop_working() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let (used, lapsed) = (
        app.signed_in(Role::Employee).await,
        app.signed_in(Role::Employee).await,
    );
    let link = mailed_link(&app, &used).await;
    let (status, _, _) = choose(&app, &link, NEW_PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    expire(&app, used.user_id.unwrap().0, TimeDelta::hours(25)).await;
    mailed_link(&app, &lapsed).await;
    expire(&app, lapsed.user_id.unwrap().0, TimeDelta::hours(23)).await;

    let run = admin.call("run_retention", json!({})).await;
    assert_eq!(run.status, StatusCode::OK, "{run:?}");
    let left: Vec<i32> = password_reset::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|link| link.user_id)
        .collect();
    assert_eq!(
        left,
        [lapsed.user_id.unwrap().0],
        "the link over for more than a day is gone; the one over for less is kept"
    );
}
