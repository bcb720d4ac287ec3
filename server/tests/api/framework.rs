//! The competency framework: the loaded framework, and HR adding, editing, retiring, deleting.

use app::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Browser, TestApp};

fn competency(name_en: &str, name_it: &str) -> Value {
    json!({
        "area": "back_office",
        "name_it": name_it,
        "name_en": name_en,
        "description_it": "Riconcilia le fatture con gli estratti conto.",
        "description_en": "Reconciles invoices with bank statements.",
        "levels": (1..=5).map(|n| json!({"it": format!("Livello {n}"), "en": format!("Level {n}")})).collect::<Vec<_>>(),
    })
}

async fn create(hr: &Browser, input: Value) -> i64 {
    let answer = hr.call("create_competency", json!({"input": input})).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body.as_i64().unwrap()
}

async fn id_of(browser: &Browser, name_en: &str) -> i64 {
    let list = browser.call("list_competencies", json!({})).await.body;
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["name_en"] == name_en)
        .unwrap_or_else(|| panic!("{name_en} is in the framework"))["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn the_framework_has_eighteen_competencies_in_three_areas_with_five_levels_each() {
    let app = TestApp::spawn().await;
    let employee = app.signed_in(Role::Employee).await;
    let list = employee.call("list_competencies", json!({})).await.body;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 18);
    let count = |area: &str| list.iter().filter(|c| c["area"] == area).count();
    assert_eq!(
        (
            count("front_office"),
            count("back_office"),
            count("transversal")
        ),
        (9, 5, 4)
    );

    let id = id_of(&employee, "Teamwork").await;
    let detail = employee
        .call("get_competency", json!({"id": id}))
        .await
        .body;
    assert_eq!(detail["input"]["name_it"], "Lavoro in team");
    let levels = detail["input"]["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 5);
    assert!(levels.iter().all(|l| !l["it"].as_str().unwrap().is_empty() && !l["en"].as_str().unwrap().is_empty()));
}

#[tokio::test]
async fn hr_add_a_competency_edit_it_and_read_it_back() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let id = create(
        &hr,
        competency("Invoice reconciliation", "Riconciliazione fatture"),
    )
    .await;
    let mut changed = competency(
        "Invoice and bank reconciliation",
        "Riconciliazione fatture e banca",
    );
    changed["levels"][2]["en"] = json!("Reconciles a month of invoices unaided.");
    let answer = hr
        .call("update_competency", json!({"id": id, "input": changed}))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let detail = hr.call("get_competency", json!({"id": id})).await.body;
    assert_eq!(
        detail["input"]["name_en"],
        "Invoice and bank reconciliation"
    );
    assert_eq!(
        detail["input"]["levels"][2]["en"],
        "Reconciles a month of invoices unaided."
    );
    assert_eq!(detail["input"]["area"], "back_office");
    assert_eq!(detail["retired"], false);
}

#[tokio::test]
async fn a_name_already_in_use_is_refused_whatever_its_case() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = hr
        .call(
            "create_competency",
            json!({"input": competency("  TEAMWORK ", "Nuova")}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.field_error("name_en").as_deref(), Some("name_taken"));
    assert_eq!(answer.field_error("name_it"), None);

    let own = id_of(&hr, "Teamwork").await;
    let mut same = competency("Teamwork", "Lavoro in team");
    same["area"] = json!("transversal");
    let keep_own_name = hr
        .call("update_competency", json!({"id": own, "input": same}))
        .await;
    assert_eq!(
        keep_own_name.status,
        StatusCode::OK,
        "a competency may keep its own name"
    );
}

#[tokio::test]
async fn a_blank_level_is_reported_on_that_level_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let mut input = competency("Filing", "Archiviazione");
    input["levels"][3]["it"] = json!("   ");
    input["name_en"] = json!("x".repeat(121));
    let answer = hr.call("create_competency", json!({"input": input})).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.field_error("levels.3.it").as_deref(),
        Some("required")
    );
    assert_eq!(answer.field_error("name_en").as_deref(), Some("too_long"));
    assert_eq!(answer.body["Invalid"]["name_en"]["param"], 120);
    let list = hr.call("list_competencies", json!({})).await.body;
    assert_eq!(list.as_array().unwrap().len(), 18);
}

#[tokio::test]
async fn a_competency_without_exactly_five_levels_is_a_bad_request() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let mut input = competency("Filing", "Archiviazione");
    input["levels"].as_array_mut().unwrap().pop();
    let answer = hr.call("create_competency", json!({"input": input})).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_competency_in_use_can_be_retired_and_restored_but_not_deleted() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let id = id_of(&hr, "Teamwork").await;
    let refused = hr.call("delete_competency", json!({"id": id})).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.body["Conflict"], "competency_in_use");

    assert_eq!(
        hr.call("set_competency_retired", json!({"id": id, "retired": true}))
            .await
            .status,
        StatusCode::OK
    );
    let detail = hr.call("get_competency", json!({"id": id})).await.body;
    assert_eq!(detail["retired"], true);
    assert!(detail["profiles_using"].as_u64().unwrap() > 0);
    hr.call(
        "set_competency_retired",
        json!({"id": id, "retired": false}),
    )
    .await;
    let detail = hr.call("get_competency", json!({"id": id})).await.body;
    assert_eq!(detail["retired"], false);
}

#[tokio::test]
async fn an_unused_competency_can_be_deleted() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let id = create(&hr, competency("Switchboard", "Centralino")).await;
    assert_eq!(
        hr.call("delete_competency", json!({"id": id})).await.status,
        StatusCode::OK
    );
    assert_eq!(
        hr.call("get_competency", json!({"id": id})).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        hr.call("delete_competency", json!({"id": id})).await.status,
        StatusCode::NOT_FOUND
    );
}
