//! The candidate list: full-text search over name, email and CV text, filters, sorting,
//! pagination in SQL, and the CSV export.

use app::model::Role;
use app::server::entities::candidate;
use chrono::Utc;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};

use crate::careers::{file, public_opening, send};
use crate::documents::{docx, pdf};
use crate::helpers::{Browser, TestApp};

async fn apply(app: &TestApp, opening: i64, name: &str, email: &str, cv: Vec<u8>, cv_name: &str) {
    let form = reqwest::multipart::Form::new()
        .text("opening_id", opening.to_string())
        .text("notice_version", "1")
        .text("name", name.to_owned())
        .text("email", email.to_owned())
        .text("phone", "+39 333 000 1111")
        .part("cv", file(cv_name, cv));
    let answer = send(&app.anonymous(), app, form).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
}

async fn names(hr: &Browser, filter: Value) -> Vec<String> {
    let answer = hr
        .call("list_candidates", json!({"filter": filter, "page": 0}))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn hr_find_a_candidate_by_a_word_that_appears_only_in_their_cv() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    apply(
        &app,
        opening,
        "Anna Bruno",
        "anna@example.it",
        pdf(&["Esperienza allo sportello", "Parola: zibellino"]),
        "a.pdf",
    )
    .await;
    apply(
        &app,
        opening,
        "Bruno Neri",
        "bruno@example.it",
        docx(&["Magazzino e logistica"]),
        "b.docx",
    )
    .await;
    let hr = app.signed_in(Role::Hr).await;
    assert_eq!(
        names(&hr, json!({"q": "zibellino"})).await,
        vec!["Anna Bruno"]
    );
    assert_eq!(
        names(&hr, json!({"q": "ZIBEL"})).await,
        vec!["Anna Bruno"],
        "by prefix, any case"
    );
    assert_eq!(
        names(&hr, json!({"q": "magazzino"})).await,
        vec!["Bruno Neri"]
    );
    assert_eq!(
        names(&hr, json!({"q": "anna@example.it"})).await,
        vec!["Anna Bruno"]
    );
    let mut both = names(&hr, json!({"q": "bruno"})).await;
    both.sort();
    assert_eq!(both, vec!["Anna Bruno", "Bruno Neri"]);
    assert!(
        names(&hr, json!({"q": "zibellino magazzino"}))
            .await
            .is_empty(),
        "every word must match"
    );
}

#[tokio::test]
async fn search_operators_typed_by_a_user_are_words_not_syntax() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    for q in ["\" OR * NEAR(", "a:* & !b", "'; DROP TABLE candidates; --"] {
        let answer = hr
            .call("list_candidates", json!({"filter": {"q": q}, "page": 0}))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{q}: {answer:?}");
    }
}

#[tokio::test]
async fn the_list_filters_by_opening_stage_source_area_and_sector() {
    let app = TestApp::spawn().await;
    let teller = public_opening(&app, "Bank teller").await;
    let clerk = public_opening(&app, "Accounting clerk").await;
    apply(
        &app,
        teller,
        "Teresa Sportello",
        "teresa@example.it",
        pdf(&["cv"]),
        "t.pdf",
    )
    .await;
    apply(
        &app,
        clerk,
        "Carlo Conti",
        "carlo@example.it",
        pdf(&["cv"]),
        "c.pdf",
    )
    .await;
    let hr = app.signed_in(Role::Hr).await;
    assert_eq!(
        names(&hr, json!({"opening": clerk})).await,
        vec!["Carlo Conti"]
    );
    assert_eq!(
        names(&hr, json!({"area": "front_office"})).await,
        vec!["Teresa Sportello"]
    );
    assert_eq!(
        names(&hr, json!({"sector": "professional_firm"})).await,
        vec!["Carlo Conti"]
    );
    assert_eq!(
        names(&hr, json!({"source": "referral"})).await,
        Vec::<String>::new()
    );
    assert_eq!(
        names(&hr, json!({"sort": "name"})).await,
        vec!["Carlo Conti", "Teresa Sportello"]
    );

    let board = hr.call("opening_board", json!({"id": teller})).await.body;
    hr.call(
        "move_application",
        json!({"id": board["cards"][0]["application_id"], "input": {"to": "interview", "reason": ""}}),
    )
    .await;
    assert_eq!(
        names(&hr, json!({"stage": "interview"})).await,
        vec!["Teresa Sportello"]
    );
    let today = Utc::now().date_naive();
    assert_eq!(
        names(&hr, json!({"from": today, "to": today})).await.len(),
        2
    );
    assert!(
        names(&hr, json!({"to": today.pred_opt().unwrap()}))
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn the_list_is_paginated_fifty_at_a_time() {
    let app = TestApp::spawn().await;
    let now = Utc::now();
    for n in 0..60 {
        candidate::ActiveModel {
            name: Set(format!("Persona {n:02}")),
            education: Set(String::new()),
            experience: Set(String::new()),
            talent_pool: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let hr = app.signed_in(Role::Hr).await;
    let first = hr
        .call(
            "list_candidates",
            json!({"filter": {"sort": "name"}, "page": 0}),
        )
        .await
        .body;
    assert_eq!(first["total"], json!({"exactly": 60}));
    assert_eq!(first["more"], true);
    assert_eq!(first["items"].as_array().unwrap().len(), 50);
    let second = hr
        .call(
            "list_candidates",
            json!({"filter": {"sort": "name"}, "page": 1}),
        )
        .await
        .body;
    assert_eq!(second["items"].as_array().unwrap().len(), 10);
    assert_eq!(second["items"][9]["name"], "Persona 59");
    assert_eq!(second["more"], false);
}

#[tokio::test]
async fn hr_export_the_filtered_list_as_csv() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    apply(
        &app,
        opening,
        "=HYPERLINK(\"x\")",
        "formula@example.it",
        pdf(&["cv zibellino"]),
        "f.pdf",
    )
    .await;
    apply(
        &app,
        opening,
        "Other Person",
        "other@example.it",
        pdf(&["cv"]),
        "o.pdf",
    )
    .await;
    let hr = app.signed_in(Role::Hr).await;
    let response = hr
        .client
        .get(app.url("/candidates.csv?q=zibellino"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[0].starts_with("\"id\",\"name\",\"email\""));
    assert!(
        lines[1].contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "formulas are defused: {}",
        lines[1]
    );
    assert!(lines[1].contains("\"formula@example.it\""));
    assert!(lines[1].contains("\"applied\""));

    let interviewer = app.signed_in(Role::Interviewer).await;
    let refused = interviewer
        .client
        .get(app.url("/candidates.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let visitor = app.anonymous();
    let refused = visitor
        .client
        .get(app.url("/candidates.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_anonymised_or_deleted_candidate_is_no_longer_found_or_counted() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    for (name, email) in [
        ("Anna Bruno", "anna@example.it"),
        ("Bruno Neri", "bruno@example.it"),
    ] {
        apply(
            &app,
            opening,
            name,
            email,
            pdf(&["Parola: zibellino"]),
            "cv.pdf",
        )
        .await;
    }
    let hr = app.signed_in(Role::Hr).await;
    let search = json!({"filter": {"q": "zibellino"}, "page": 0});
    assert_eq!(
        hr.call("list_candidates", search.clone()).await.body["total"]["exactly"],
        2
    );

    let find = |email: &'static str| {
        candidate::Entity::find()
            .filter(candidate::Column::Email.eq(email))
            .one(&app.db)
    };
    let anna = find("anna@example.it").await.unwrap().unwrap();
    let mut anonymised: candidate::ActiveModel = anna.into();
    anonymised.anonymised_at = Set(Some(Utc::now()));
    anonymised.update(&app.db).await.unwrap();
    let answer = hr.call("list_candidates", search.clone()).await.body;
    assert_eq!(answer["total"], json!({"exactly": 1}), "{answer}");
    assert_eq!(answer["items"][0]["name"], "Bruno Neri");

    let bruno = find("bruno@example.it").await.unwrap().unwrap();
    candidate::Entity::delete_by_id(bruno.id)
        .exec(&app.db)
        .await
        .unwrap();
    let answer = hr.call("list_candidates", search).await.body;
    assert_eq!(answer["total"], json!({"exactly": 0}), "{answer}");
    assert_eq!(answer["items"], json!([]));
}
