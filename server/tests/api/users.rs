//! The admin's user management.

use app::model::Role;
use app::server::entities::{audit_event, session, user};
use chrono::Utc;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::{Value, json};

use crate::helpers::{Browser, TestApp};

fn new_user(email: &str, role: &str, password: &str) -> Value {
    json!({"input": {"email": email, "name": "Paola Neri", "role": role, "password": password}})
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> (StatusCode, Browser) {
    let mut browser = app.anonymous();
    browser.email = email.into();
    browser.password = password.into();
    (browser.sign_in().await.status, browser)
}

#[tokio::test]
async fn an_admin_creates_a_user_who_can_then_sign_in_with_that_role() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let created = admin
        .call(
            "create_user",
            new_user(
                "Paola.Neri@Example.it",
                "interviewer",
                "una frase lunga e sicura",
            ),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{created:?}");
    let (status, paola) = sign_in(&app, "paola.neri@example.it", "una frase lunga e sicura").await;
    assert_eq!(status, StatusCode::OK);
    let me = paola.call("session", json!({})).await;
    assert_eq!(me.body["user"]["role"], "interviewer");
    assert_eq!(me.body["user"]["email"], "paola.neri@example.it");
}

#[tokio::test]
async fn a_second_user_with_the_same_email_in_any_case_is_refused_on_the_email_field() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    admin
        .call(
            "create_user",
            new_user("paola@example.it", "hr", "una frase lunga e sicura"),
        )
        .await;
    let again = admin
        .call(
            "create_user",
            new_user("PAOLA@Example.IT", "hr", "un'altra frase lunga"),
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(again.field_error("email").as_deref(), Some("email_taken"));
}

#[tokio::test]
async fn bad_user_input_gets_an_error_on_each_field() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let answer = admin
        .call(
            "create_user",
            json!({"input": {"email": "nope", "name": " ", "role": "hr", "password": "short"}}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.field_error("email").as_deref(), Some("email"));
    assert_eq!(answer.field_error("name").as_deref(), Some("required"));
    assert_eq!(
        answer.field_error("password").as_deref(),
        Some("password_too_short")
    );
    let common = admin
        .call(
            "create_user",
            new_user("a@example.it", "hr", "qwertyuiop123"),
        )
        .await;
    assert_eq!(
        common.field_error("password").as_deref(),
        Some("password_common")
    );
}

#[tokio::test]
async fn deactivating_a_user_ends_their_sessions_and_stops_them_signing_in() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let employee = app.signed_in(Role::Employee).await;
    let id = employee.user_id.unwrap();
    let answer = admin
        .call("set_user_active", json!({"id": id, "active": false}))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        employee.call("list_competencies", json!({})).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        employee.sign_in().await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    admin
        .call("set_user_active", json!({"id": id, "active": true}))
        .await;
    assert_eq!(employee.sign_in().await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_admin_cannot_deactivate_or_demote_themselves() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let id = admin.user_id.unwrap();
    let deactivate = admin
        .call("set_user_active", json!({"id": id, "active": false}))
        .await;
    assert_eq!(deactivate.field_error("active").as_deref(), Some("self"));
    let demote = admin
        .call("set_user_role", json!({"id": id, "role": "employee"}))
        .await;
    assert_eq!(demote.field_error("role").as_deref(), Some("self"));
    assert_eq!(
        admin.call("list_users", json!({"page": 0})).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_new_role_takes_effect_on_the_users_next_request() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    let profile = json!({"input": {"title_it": "Nuovo", "title_en": "New", "area": "front_office",
        "sector": "banking", "description_it": "", "description_en": "", "requirements": []}});
    assert_eq!(
        interviewer
            .call("create_profile", profile.clone())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    admin
        .call(
            "set_user_role",
            json!({"id": interviewer.user_id, "role": "hr"}),
        )
        .await;
    assert_eq!(
        interviewer.call("create_profile", profile).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_reset_password_replaces_the_old_one_and_ends_the_users_sessions() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let employee = app.signed_in(Role::Employee).await;
    let weak = admin
        .call(
            "reset_user_password",
            json!({"id": employee.user_id, "input": {"password": "abc"}}),
        )
        .await;
    assert_eq!(
        weak.field_error("password").as_deref(),
        Some("password_too_short")
    );
    let reset = admin
        .call(
            "reset_user_password",
            json!({"id": employee.user_id, "input": {"password": "nuova parola d'ordine"}}),
        )
        .await;
    assert_eq!(reset.status, StatusCode::OK);
    assert_eq!(
        employee.call("list_competencies", json!({})).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        employee.sign_in().await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, _) = sign_in(&app, &employee.email, "nuova parola d'ordine").await;
    assert_eq!(status, StatusCode::OK);
    let left = session::Entity::find().count(&app.db).await.unwrap();
    assert_eq!(left, 2, "the admin's and the new one");
    let audited = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("password_reset_by_admin"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(audited.len(), 1, "the reset is audited");
    assert_eq!(audited[0].actor_id, Some(admin.user_id.unwrap().0));
    assert_eq!(
        (audited[0].subject_type.as_str(), audited[0].subject_id),
        ("user", employee.user_id.unwrap().0)
    );
}

#[tokio::test]
async fn the_user_list_is_paginated_by_name() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let now = Utc::now();
    for n in 0..55 {
        user::ActiveModel {
            email: Set(format!("user{n:02}@example.it")),
            name: Set(format!("Utente {n:02}")),
            role: Set("employee".into()),
            password_hash: Set("not a hash".into()),
            language: Set(None),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let first = admin.call("list_users", json!({"page": 0})).await;
    assert_eq!(first.body["total"]["exactly"], 56);
    assert_eq!(first.body["items"].as_array().unwrap().len(), 50);
    let second = admin.call("list_users", json!({"page": 1})).await;
    let names: Vec<_> = second.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names.len(), 6);
    assert_eq!(names.last().unwrap(), "Utente 54");
}
