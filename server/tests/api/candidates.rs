//! A candidate's page and file downloads.

use app::model::Role;
use app::server::entities::audit_event;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

use crate::careers::{file, form, public_opening, send};
use crate::documents::pdf;
use crate::helpers::{Browser, TestApp};

/// Applies once and returns (the HR browser, the candidate id, the application id).
async fn applied(app: &TestApp) -> (Browser, i64, serde_json::Value) {
    let opening = public_opening(app, "Administrative assistant").await;
    let answer = send(
        &app.anonymous(),
        app,
        form(opening, "luisa@example.it").part("cv", file("Luisa CV.pdf", pdf(&["Luisa"]))),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let hr = app.signed_in(Role::Hr).await;
    let board = hr.call("opening_board", json!({"id": opening})).await.body;
    let card = board["cards"][0].clone();
    (
        hr,
        card["candidate_id"].as_i64().unwrap(),
        card["application_id"].clone(),
    )
}

/// The audit log's file downloads.
async fn downloads(app: &TestApp) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("file_downloaded"))
        .all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn hr_see_a_candidates_files_applications_and_history() {
    let app = TestApp::spawn().await;
    let (hr, candidate, application) = applied(&app).await;
    hr.call(
        "move_application",
        json!({"id": application, "input": {"to": "screening", "reason": ""}}),
    )
    .await;
    let detail = hr.call("get_candidate", json!({"id": candidate})).await;
    assert_eq!(detail.status, StatusCode::OK, "{detail:?}");
    let detail = detail.body;
    assert_eq!(detail["email"], "luisa@example.it");
    assert_eq!(detail["consent_notice_version"], 1);
    assert_eq!(detail["files"][0]["name"], "Luisa CV.pdf");
    assert_eq!(detail["files"][0]["kind"], "cv");
    assert_eq!(
        detail["applications"][0]["title_en"],
        "Administrative assistant"
    );
    assert_eq!(detail["applications"][0]["stage"], "screening");
    assert_eq!(detail["applications"][0]["source"], "careers");
    let timeline = detail["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 2);
    assert_eq!(timeline[0]["to"], "screening", "newest first");
    assert_eq!(timeline[0]["actor_name"], "Test hr");
    assert_eq!(timeline[1]["from"], serde_json::Value::Null);

    let (status, html) = hr.page(&format!("/candidates/{candidate}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("luisa@example.it"));
}

#[tokio::test]
async fn a_cv_downloads_as_an_attachment_and_the_download_is_audited() {
    let app = TestApp::spawn().await;
    let (hr, candidate, _) = applied(&app).await;
    let detail = hr
        .call("get_candidate", json!({"id": candidate}))
        .await
        .body;
    let file_id = detail["files"][0]["id"].as_i64().unwrap();
    let response = hr
        .client
        .get(app.url(&format!("/files/{file_id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(response.bytes().await.unwrap().to_vec(), pdf(&["Luisa"]));

    let audit = downloads(&app).await;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor_id, hr.user_id.map(|id| id.0));
    assert_eq!(audit[0].subject_id as i64, file_id);
}

#[tokio::test]
async fn only_hr_admins_and_the_hiring_team_download_candidate_files() {
    let app = TestApp::spawn().await;
    let (hr, candidate, _) = applied(&app).await;
    let detail = hr
        .call("get_candidate", json!({"id": candidate}))
        .await
        .body;
    let url = app.url(&format!("/files/{}", detail["files"][0]["id"]));
    let visitor = app.anonymous();
    assert_eq!(
        visitor.client.get(&url).send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    for role in [Role::Interviewer, Role::Employee] {
        let browser = app.signed_in(role).await;
        assert_eq!(
            browser.client.get(&url).send().await.unwrap().status(),
            StatusCode::FORBIDDEN
        );
    }
    let missing = hr
        .client
        .get(app.url("/files/999999"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(
        downloads(&app).await.is_empty(),
        "refused downloads are not recorded"
    );
    let admin = app.signed_in(Role::Admin).await;
    assert_eq!(
        admin.client.get(&url).send().await.unwrap().status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_interviewer_reads_only_the_candidates_of_their_hiring_teams() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    let profiles = hr.call("list_profiles", json!({})).await.body;
    let profile = profiles[0]["id"].clone();
    let mut opening_ids = Vec::new();
    for team in [vec![interviewer.user_id], vec![]] {
        let created = hr
            .call(
                "create_opening",
                json!({"input": {
                    "profile_id": profile, "location": "Como", "positions": 1, "status": "open",
                    "published": true, "hr_owner_id": hr.user_id, "interviewer_ids": team,
                    "description_it": "", "description_en": ""}}),
            )
            .await;
        opening_ids.push(created.body.as_i64().unwrap());
    }
    let (mine, theirs) = (opening_ids[0], opening_ids[1]);
    for (opening, email) in [
        (mine, "mine@example.it"),
        (theirs, "theirs@example.it"),
        (theirs, "mine@example.it"),
    ] {
        let answer = send(
            &app.anonymous(),
            &app,
            form(opening, email).part("cv", file("cv.pdf", pdf(&[email]))),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK);
    }
    let card = |board: &serde_json::Value| board["cards"][0]["candidate_id"].as_i64().unwrap();
    let assigned = card(&hr.call("opening_board", json!({"id": mine})).await.body);
    let board = hr.call("opening_board", json!({"id": theirs})).await.body;
    let other = board["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["candidate_id"].as_i64().unwrap())
        .find(|id| *id != assigned)
        .unwrap();

    let seen = interviewer
        .call("get_candidate", json!({"id": assigned}))
        .await;
    assert_eq!(seen.status, StatusCode::OK, "{seen:?}");
    let applications = seen.body["applications"].as_array().unwrap();
    assert_eq!(
        applications.len(),
        1,
        "only the application they are assigned to"
    );
    assert_eq!(applications[0]["opening_id"], mine);
    let files = seen.body["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    let own_file = files[0]["id"].as_i64().unwrap();
    let download = interviewer
        .client
        .get(app.url(&format!("/files/{own_file}")))
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), StatusCode::OK);

    let refused = interviewer
        .call("get_candidate", json!({"id": other}))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let team = interviewer.call("team_candidates", json!({})).await.body;
    let team: Vec<(i64, i64)> = team
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["candidate_id"].as_i64().unwrap(),
                r["opening_id"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        team,
        vec![(assigned, mine)],
        "their team's candidates, and only those"
    );
    let hr_view = hr.call("get_candidate", json!({"id": assigned})).await.body;
    let other_file = hr_view["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_i64().unwrap())
        .find(|id| *id != own_file)
        .unwrap();
    let download = interviewer
        .client
        .get(app.url(&format!("/files/{other_file}")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        download.status(),
        StatusCode::FORBIDDEN,
        "a file of an application on another team"
    );
    assert_eq!(
        interviewer
            .call(
                "move_application",
                json!({"id": 1, "input": {"to": "offer", "reason": ""}})
            )
            .await
            .status,
        StatusCode::FORBIDDEN,
        "read-only"
    );
}

#[tokio::test]
async fn viewing_a_candidate_is_recorded_in_the_audit_log() {
    let app = TestApp::spawn().await;
    let (hr, candidate, _) = applied(&app).await;
    let detail = hr.call("get_candidate", json!({"id": candidate})).await;
    assert_eq!(detail.status, StatusCode::OK, "{detail:?}");
    let viewed = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("candidate_viewed"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(viewed.len(), 1);
    assert_eq!(viewed[0].actor_id, hr.user_id.map(|id| id.0));
    assert_eq!(viewed[0].subject_type, "candidate");
    assert_eq!(i64::from(viewed[0].subject_id), candidate);

    let missing = hr.call("get_candidate", json!({"id": 999_999})).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let interviewer = app.signed_in(Role::Interviewer).await;
    let refused = interviewer
        .call("get_candidate", json!({"id": candidate}))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let viewed = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("candidate_viewed"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(viewed.len(), 1, "refused or missing views are not recorded");
}
