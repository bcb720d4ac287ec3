//! Openings, their hiring teams, and the public careers page.

use app::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Browser, TestApp};

async fn profile_id(browser: &Browser, title_en: &str) -> i64 {
    let list = browser.call("list_profiles", json!({})).await.body;
    list.as_array()
        .unwrap()
        .iter()
        .find(|p| p["title_en"] == title_en)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

fn opening(profile: i64, owner: i64, team: Vec<i64>, status: &str, published: bool) -> Value {
    json!({
        "profile_id": profile,
        "location": "Venezia, San Marco",
        "positions": 2,
        "status": status,
        "published": published,
        "hr_owner_id": owner,
        "interviewer_ids": team,
        "description_it": "Turni su tre fasce orarie.",
        "description_en": "Shifts across three time slots.",
    })
}

#[tokio::test]
async fn hr_open_a_position_from_a_profile_with_a_hiring_team_and_read_it_back() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    let owner = hr.user_id.unwrap().0 as i64;
    let team = interviewer.user_id.unwrap().0 as i64;
    let profile = profile_id(&hr, "Hotel receptionist").await;
    let created = hr
        .call(
            "create_opening",
            json!({"input": opening(profile, owner, vec![team], "open", true)}),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{created:?}");
    let id = created.body.as_i64().unwrap();

    let detail = hr.call("get_opening", json!({"id": id})).await.body;
    assert_eq!(detail["input"]["location"], "Venezia, San Marco");
    assert_eq!(detail["input"]["interviewer_ids"], json!([team]));
    assert_eq!(detail["input"]["status"], "open");

    let mut changed = opening(profile, owner, vec![], "on_hold", true);
    changed["positions"] = json!(3);
    let updated = hr
        .call("update_opening", json!({"id": id, "input": changed}))
        .await;
    assert_eq!(updated.status, StatusCode::OK);
    let list = hr.call("list_openings", json!({})).await.body;
    let row = &list.as_array().unwrap()[0];
    assert_eq!(row["title_en"], "Hotel receptionist");
    assert_eq!(row["positions"], 3);
    assert_eq!(row["status"], "on_hold");
    assert_eq!(row["hr_owner_name"], "Test hr");
    let detail = hr.call("get_opening", json!({"id": id})).await.body;
    assert_eq!(detail["input"]["interviewer_ids"], json!([]));
}

#[tokio::test]
async fn the_owner_must_be_hr_and_the_team_active_staff() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let employee = app.signed_in(Role::Employee).await;
    let employee_id = employee.user_id.unwrap().0 as i64;
    let profile = profile_id(&hr, "Bank teller").await;
    let answer = hr
        .call(
            "create_opening",
            json!({"input": opening(profile, employee_id, vec![employee_id], "draft", false)}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.field_error("hr_owner_id").as_deref(),
        Some("unknown")
    );
    assert_eq!(
        answer.field_error("interviewer_ids").as_deref(),
        Some("unknown")
    );

    let mut bad = opening(
        999_999,
        hr.user_id.unwrap().0 as i64,
        vec![],
        "draft",
        false,
    );
    bad["positions"] = json!(0);
    bad["location"] = json!("");
    let answer = hr.call("create_opening", json!({"input": bad})).await;
    assert_eq!(
        answer.field_error("positions").as_deref(),
        Some("positions_range")
    );
    assert_eq!(answer.field_error("location").as_deref(), Some("required"));
}

#[tokio::test]
async fn only_open_published_openings_reach_the_careers_page() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let owner = hr.user_id.unwrap().0 as i64;
    let teller = profile_id(&hr, "Bank teller").await;
    let clerk = profile_id(&hr, "Accounting clerk").await;
    let public = hr
        .call(
            "create_opening",
            json!({"input": opening(teller, owner, vec![], "open", true)}),
        )
        .await
        .body;
    let draft = hr
        .call(
            "create_opening",
            json!({"input": opening(clerk, owner, vec![], "draft", true)}),
        )
        .await
        .body;
    let unpublished = hr
        .call(
            "create_opening",
            json!({"input": opening(clerk, owner, vec![], "open", false)}),
        )
        .await
        .body;

    let visitor = app.anonymous();
    let listed = visitor.call("list_public_openings", json!({})).await.body;
    let ids: Vec<_> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].clone())
        .collect();
    assert_eq!(ids, vec![public.clone()]);
    assert_eq!(listed[0]["title_it"], "Cassiere di banca (sportellista)");
    assert!(
        listed[0].get("hr_owner_id").is_none(),
        "no internal details on the public page"
    );

    for hidden in [draft, unpublished] {
        let answer = visitor
            .call("get_public_opening", json!({"id": hidden}))
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND);
    }
    let (status, html) = visitor.page(&format!("/careers/{public}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Venezia, San Marco"));

    hr.call(
        "update_opening",
        json!({"id": public, "input": opening(teller, owner, vec![], "closed", true)}),
    )
    .await;
    let listed = visitor.call("list_public_openings", json!({})).await.body;
    assert!(listed.as_array().unwrap().is_empty());
    assert_eq!(
        visitor.page(&format!("/careers/{public}")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_profile_that_openings_use_cannot_be_deleted() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let profile = profile_id(&hr, "Archivist / records clerk").await;
    hr.call(
        "create_opening",
        json!({"input": opening(profile, hr.user_id.unwrap().0 as i64, vec![], "draft", false)}),
    )
    .await;
    let answer = hr.call("delete_profile", json!({"id": profile})).await;
    assert_eq!(answer.status, StatusCode::CONFLICT);
    assert_eq!(answer.body["Conflict"], "profile_in_use");
}
