//! A candidate's rights over their data: everything about them as one zip, and erasure.

use std::io::Read;

use app::model::Role;
use app::server::entities::{
    application, audit_event, candidate, candidate_file, candidate_note, candidate_tag, stage_event,
};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::careers::public_opening;
use crate::documents::pdf;
use crate::helpers::{Browser, TestApp};
use crate::intake::{
    added, applications_of, apply_as, candidate_by_email, input, move_to, stored_files, uploaded,
};

/// A candidate with a careers application (moved to screening), a CV uploaded by HR, a note
/// and tags. Answers HR's browser and the candidate's id.
pub(crate) async fn known_candidate(app: &TestApp) -> (Browser, i64) {
    let opening = public_opening(app, "Bank teller").await;
    apply_as(
        app,
        opening,
        "Luisa Ferri",
        "luisa@example.it",
        "+39 347 555 0101",
        false,
    )
    .await;
    let id = candidate_by_email(app, "luisa@example.it").await;
    let hr = app.signed_in(Role::Hr).await;
    move_to(&hr, applications_of(app, id).await[0].id, "screening").await;
    let upload = uploaded(
        &hr,
        "Luisa aggiornato.pdf",
        pdf(&["Luisa Ferri", "Contabilita"]),
    )
    .await;
    let same = added(
        &hr,
        input(
            "Luisa Ferri",
            json!({"email": "luisa@example.it", "upload_id": upload}),
        ),
    )
    .await;
    assert_eq!(same, id);
    hr.call(
        "add_note",
        json!({"id": id, "input": {"body": "Colloquio ottimo"}}),
    )
    .await;
    hr.call("set_tags", json!({"id": id, "tags": ["sap"]}))
        .await;
    (hr, id)
}

async fn audited(app: &TestApp, action: &str) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn hr_export_everything_about_a_candidate_as_a_zip() {
    let app = TestApp::spawn().await;
    let (hr, id) = known_candidate(&app).await;
    let detail = hr.call("get_candidate", json!({"id": id})).await.body;
    let file_id = detail["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "cv.pdf")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let (status, _, _) = hr.download(&format!("/files/{file_id}")).await;
    assert_eq!(status, StatusCode::OK);

    let (status, headers, bytes) = hr.download(&format!("/candidates/{id}/export.zip")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/zip");
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with(&format!("attachment; filename=\"candidate-{id}.zip\"")),
        "{disposition}"
    );

    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    names.sort();
    let files = candidate_file::Entity::find()
        .filter(candidate_file::Column::CandidateId.eq(id as i32))
        .all(&app.db)
        .await
        .unwrap();
    let mut expected: Vec<String> = files
        .iter()
        .map(|f| format!("files/{}-{}", f.id, f.original_name))
        .collect();
    expected.push("person.json".into());
    expected.sort();
    assert_eq!(names, expected);
    for stored in &files {
        let mut inside = Vec::new();
        zip.by_name(&format!("files/{}-{}", stored.id, stored.original_name))
            .unwrap()
            .read_to_end(&mut inside)
            .unwrap();
        let on_disk =
            std::fs::read(app.data_dir().join("files").join(&stored.stored_name)).unwrap();
        assert_eq!(inside, on_disk);
    }

    let mut text = String::new();
    zip.by_name("person.json")
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    let person: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(person["candidate"]["id"], id);
    assert_eq!(person["candidate"]["name"], "Luisa Ferri");
    assert_eq!(person["candidate"]["email"], "luisa@example.it");
    assert_eq!(person["candidate"]["phone"], "+39 347 555 0101");
    assert_eq!(person["candidate"]["consent_notice_version"], 1);
    assert_eq!(person["candidate"]["tags"], json!(["sap"]));
    assert_eq!(person["applications"].as_array().unwrap().len(), 1);
    assert_eq!(person["applications"][0]["stage"], "screening");
    assert_eq!(person["history"].as_array().unwrap().len(), 2);
    assert_eq!(person["notes"][0]["body"], "Colloquio ottimo");
    let exported_files = person["files"].as_array().unwrap();
    assert_eq!(exported_files.len(), 2);
    assert!(
        exported_files.iter().any(|f| f["extracted_text"]
            .as_str()
            .is_some_and(|t| t.contains("zibellino"))),
        "{exported_files:?}"
    );
    assert!(exported_files.iter().any(|f| {
        f["extracted_text"]
            .as_str()
            .is_some_and(|t| t.contains("Contabilita"))
    }));
    let actions: Vec<&str> = person["access_log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"candidate_viewed"), "{actions:?}");
    assert!(actions.contains(&"file_downloaded"), "{actions:?}");

    let exported = audited(&app, "candidate_exported").await;
    assert_eq!(exported.len(), 1);
    assert_eq!(i64::from(exported[0].subject_id), id);
    assert_eq!(exported[0].actor_id, hr.user_id.map(|u| u.0));
}

#[tokio::test]
async fn only_hr_and_admins_export_a_candidate() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let id = added(&hr, input("Anna Bianchi", json!({}))).await;
    let path = format!("/candidates/{id}/export.zip");
    let (status, _, _) = app.anonymous().download(&path).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for role in [Role::Interviewer, Role::Employee] {
        let (status, _, _) = app.signed_in(role).await.download(&path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{role:?}");
    }
    let (status, _, _) = hr.download("/candidates/999999/export.zip").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(audited(&app, "candidate_exported").await.is_empty());
    let (status, headers, _) = app.signed_in(Role::Admin).await.download(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/zip");
}

#[tokio::test]
async fn erasing_with_a_confirmation_other_than_the_name_is_refused() {
    let app = TestApp::spawn().await;
    let (hr, id) = known_candidate(&app).await;
    for confirm in ["", "Luisa", "Luisa Ferri Rossi"] {
        let answer = hr
            .call("erase_candidate", json!({"id": id, "confirm": confirm}))
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{confirm}: {answer:?}"
        );
        assert_eq!(
            answer.field_error("confirm").as_deref(),
            Some("confirm_name")
        );
    }
    let detail = hr.call("get_candidate", json!({"id": id})).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert_eq!(stored_files(&app).len(), 2);
    assert!(audited(&app, "candidate_erased").await.is_empty());
    let missing = hr
        .call("erase_candidate", json!({"id": 999_999, "confirm": "x"}))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn erasing_with_the_name_removes_the_candidate_their_records_and_their_stored_files() {
    let app = TestApp::spawn().await;
    let (hr, id) = known_candidate(&app).await;
    let bystander = added(&hr, input("Paolo Conti", json!({}))).await;
    assert_eq!(stored_files(&app).len(), 2);

    let answer = hr
        .call(
            "erase_candidate",
            json!({"id": id, "confirm": "  luisa FERRI "}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");

    assert!(
        candidate::Entity::find_by_id(id as i32)
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(application::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(stage_event::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(
        candidate_file::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    assert_eq!(
        candidate_note::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    assert_eq!(
        candidate_tag::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    assert!(
        stored_files(&app).is_empty(),
        "the files are deleted from disk"
    );
    let gone = hr.call("get_candidate", json!({"id": id})).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let listed = hr
        .call(
            "list_candidates",
            json!({"filter": {"q": "zibellino"}, "page": 0}),
        )
        .await;
    assert_eq!(listed.body["total"]["exactly"], 0);
    let everyone = hr
        .call("list_candidates", json!({"filter": {}, "page": 0}))
        .await;
    assert_eq!(everyone.body["total"]["exactly"], 1);
    assert_eq!(everyone.body["items"][0]["id"], bystander);

    let erased = audited(&app, "candidate_erased").await;
    assert_eq!(erased.len(), 1);
    assert_eq!(i64::from(erased[0].subject_id), id);
    assert_eq!(erased[0].actor_id, hr.user_id.map(|u| u.0));
}
