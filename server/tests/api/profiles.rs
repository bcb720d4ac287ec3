//! Job profiles: the starter catalogue, and HR managing profiles and their requirements.

use app::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Browser, TestApp};

async fn competency_ids(browser: &Browser) -> Vec<(i64, String, bool)> {
    let list = browser.call("list_competencies", json!({})).await.body;
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().unwrap(),
                c["name_en"].as_str().unwrap().to_owned(),
                c["retired"].as_bool().unwrap(),
            )
        })
        .collect()
}

async fn competency_id(browser: &Browser, name_en: &str) -> i64 {
    competency_ids(browser)
        .await
        .into_iter()
        .find(|(_, name, _)| name == name_en)
        .unwrap()
        .0
}

async fn profile(browser: &Browser, title_en: &str) -> Value {
    let list = browser.call("list_profiles", json!({})).await.body;
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title_en"] == title_en)
        .unwrap_or_else(|| panic!("{title_en} exists"))["id"]
        .clone();
    browser.call("get_profile", json!({"id": id})).await.body
}

fn weight_of(profile: &Value, competency: i64) -> Option<i64> {
    profile["input"]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["competency_id"] == competency)
        .map(|r| r["weight"].as_i64().unwrap())
}

fn new_profile(requirements: Value) -> Value {
    json!({"input": {
        "title_it": "Addetto sportello anagrafe",
        "title_en": "Registry office clerk",
        "area": "front_office",
        "sector": "public_sector",
        "description_it": "Accoglie i cittadini allo sportello.",
        "description_en": "Serves citizens at the counter.",
        "requirements": requirements,
    }})
}

#[tokio::test]
async fn the_starter_profiles_weigh_the_same_competency_differently_by_sector() {
    let app = TestApp::spawn().await;
    let employee = app.signed_in(Role::Employee).await;
    let list = employee.call("list_profiles", json!({})).await.body;
    let titles: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title_en"].as_str().unwrap().to_owned())
        .collect();
    for expected in [
        "Hotel receptionist",
        "Bank teller",
        "Contact-centre agent",
        "Clinic front desk",
        "Accounting clerk",
        "Administrative assistant",
    ] {
        assert!(
            titles.iter().any(|t| t == expected),
            "{expected} in {titles:?}"
        );
    }
    let presentation = competency_id(
        &employee,
        "Personal presentation and care of the surroundings",
    )
    .await;
    let subject = competency_id(
        &employee,
        "Subject knowledge: law, economics, accounting, tax",
    )
    .await;
    let hotel = profile(&employee, "Hotel receptionist").await;
    let tax_title = titles
        .iter()
        .find(|t| t.to_lowercase().contains("tax"))
        .unwrap()
        .clone();
    let tax = profile(&employee, &tax_title).await;
    assert_eq!(weight_of(&hotel, presentation), Some(5));
    assert!(weight_of(&tax, presentation).unwrap_or(0) < 5);
    assert_eq!(weight_of(&tax, subject), Some(5));
    assert!(weight_of(&hotel, subject).unwrap_or(0) < 5);
}

#[tokio::test]
async fn hr_create_a_profile_with_requirements_then_replace_them() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let verbal = competency_id(&hr, "Verbal communication").await;
    let teamwork = competency_id(&hr, "Teamwork").await;
    let created = hr
        .call(
            "create_profile",
            new_profile(json!([
                {"competency_id": verbal, "required_level": 4, "weight": 5},
                {"competency_id": teamwork, "required_level": 3, "weight": 2},
            ])),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{created:?}");
    let id = created.body.as_i64().unwrap();
    let detail = hr.call("get_profile", json!({"id": id})).await.body;
    assert_eq!(detail["input"]["sector"], "public_sector");
    assert_eq!(weight_of(&detail, verbal), Some(5));
    assert_eq!(
        detail["input"]["requirements"][0]["competency_id"], verbal,
        "heaviest first"
    );

    let mut update =
        new_profile(json!([{"competency_id": teamwork, "required_level": 5, "weight": 4}]));
    update["id"] = json!(id);
    assert_eq!(
        hr.call("update_profile", update).await.status,
        StatusCode::OK
    );
    let detail = hr.call("get_profile", json!({"id": id})).await.body;
    assert_eq!(detail["input"]["requirements"].as_array().unwrap().len(), 1);
    assert_eq!(weight_of(&detail, teamwork), Some(4));
    let listed = hr.call("list_profiles", json!({})).await.body;
    let row = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(row["requirement_count"], 1);
}

#[tokio::test]
async fn a_competency_listed_twice_unknown_or_out_of_range_is_refused_on_its_row() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let verbal = competency_id(&hr, "Verbal communication").await;
    let answer = hr
        .call(
            "create_profile",
            new_profile(json!([
                {"competency_id": verbal, "required_level": 4, "weight": 5},
                {"competency_id": verbal, "required_level": 2, "weight": 1},
                {"competency_id": 999999, "required_level": 2, "weight": 1},
            ])),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer
            .field_error("requirements.1.competency_id")
            .as_deref(),
        Some("duplicate")
    );
    assert_eq!(
        answer
            .field_error("requirements.2.competency_id")
            .as_deref(),
        Some("unknown")
    );
    assert_eq!(answer.field_error("requirements.0.competency_id"), None);

    let range = hr
        .call(
            "create_profile",
            new_profile(json!([{"competency_id": verbal, "required_level": 6, "weight": 0}])),
        )
        .await;
    assert_eq!(
        range
            .field_error("requirements.0.required_level")
            .as_deref(),
        Some("level_range")
    );
    assert_eq!(
        range.field_error("requirements.0.weight").as_deref(),
        Some("weight_range")
    );
}

#[tokio::test]
async fn a_retired_competency_stays_on_its_profiles_but_cannot_be_added_to_others() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let presentation =
        competency_id(&hr, "Personal presentation and care of the surroundings").await;
    hr.call(
        "set_competency_retired",
        json!({"id": presentation, "retired": true}),
    )
    .await;

    let hotel = profile(&hr, "Hotel receptionist").await;
    let hotel_id = hotel["id"].clone();
    let keep = hr
        .call(
            "update_profile",
            json!({"id": hotel_id, "input": hotel["input"]}),
        )
        .await;
    assert_eq!(
        keep.status,
        StatusCode::OK,
        "a profile keeps a retired competency it had"
    );

    let added = hr
        .call(
            "create_profile",
            new_profile(json!([{"competency_id": presentation, "required_level": 3, "weight": 3}])),
        )
        .await;
    assert_eq!(
        added.field_error("requirements.0.competency_id").as_deref(),
        Some("retired")
    );
}

#[tokio::test]
async fn titles_are_unique_and_a_deleted_profile_is_gone() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let mut duplicate = new_profile(json!([]));
    duplicate["input"]["title_en"] = json!("hotel RECEPTIONIST");
    let answer = hr.call("create_profile", duplicate).await;
    assert_eq!(
        answer.field_error("title_en").as_deref(),
        Some("title_taken")
    );

    let id = hr.call("create_profile", new_profile(json!([]))).await.body;
    assert_eq!(
        hr.call("delete_profile", json!({"id": id})).await.status,
        StatusCode::OK
    );
    assert_eq!(
        hr.call("get_profile", json!({"id": id})).await.status,
        StatusCode::NOT_FOUND
    );
}
