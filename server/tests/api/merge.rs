//! Merging two records of one person: nothing of either is lost.

use app::model::Role;
use app::server::entities::{audit_event, candidate, candidate_file, stage_event};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::careers::public_opening;
use crate::documents::pdf;
use crate::helpers::TestApp;
use crate::intake::{
    added, applications_of, apply_as, candidate_by_email, input, move_to, uploaded,
};

#[tokio::test]
async fn merging_keeps_every_application_file_history_entry_note_and_tag_of_both() {
    let app = TestApp::spawn().await;
    let hotel = public_opening(&app, "Hotel receptionist").await;
    let bank = public_opening(&app, "Bank teller").await;
    apply_as(
        &app,
        hotel,
        "Nicolò Rossi",
        "nicolo@example.it",
        "+39 347 555 0101",
        true,
    )
    .await;
    let duplicate = candidate_by_email(&app, "nicolo@example.it").await;
    let hr = app.signed_in(Role::Hr).await;
    move_to(
        &hr,
        applications_of(&app, duplicate).await[0].id,
        "screening",
    )
    .await;

    let upload = uploaded(&hr, "rossi.pdf", pdf(&["Nicolo Rossi", "Magazzino"])).await;
    let keep = added(
        &hr,
        input(
            "Nicolo Rossi",
            json!({"opening_id": bank, "source": "referral", "source_detail": "Marta",
                "upload_id": upload}),
        ),
    )
    .await;
    for (id, body, tags) in [
        (duplicate, "Parla bene inglese", json!(["inglese", "sap"])),
        (keep, "Segnalato da Marta", json!(["sap", "excel"])),
    ] {
        let note = hr
            .call("add_note", json!({"id": id, "input": {"body": body}}))
            .await;
        assert_eq!(note.status, StatusCode::OK, "{note:?}");
        let tagged = hr.call("set_tags", json!({"id": id, "tags": tags})).await;
        assert_eq!(tagged.status, StatusCode::OK, "{tagged:?}");
    }
    let files_before = candidate_file::Entity::find().count(&app.db).await.unwrap();
    let events_before = stage_event::Entity::find().count(&app.db).await.unwrap();
    assert_eq!((files_before, events_before), (2, 3));

    let merged = hr
        .call(
            "merge_candidates",
            json!({"keep": keep, "duplicate": duplicate}),
        )
        .await;
    assert_eq!(merged.status, StatusCode::OK, "{merged:?}");

    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 1);
    let gone = hr.call("get_candidate", json!({"id": duplicate})).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let detail = hr.call("get_candidate", json!({"id": keep})).await.body;
    assert_eq!(
        detail["name"], "Nicolo Rossi",
        "the kept record's name stays"
    );
    assert_eq!(
        detail["email"], "nicolo@example.it",
        "blank email filled from the duplicate"
    );
    assert_eq!(detail["phone"], "+39 347 555 0101");
    assert_eq!(detail["education"], "Diploma");
    assert_eq!(detail["experience"], "Due anni in ufficio");
    assert_eq!(detail["talent_pool"], true);
    assert_eq!(detail["consent_notice_version"], 1);

    let mut openings: Vec<i64> = detail["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["opening_id"].as_i64().unwrap())
        .collect();
    openings.sort();
    assert_eq!(openings, vec![hotel, bank]);
    assert_eq!(detail["files"].as_array().unwrap().len(), 2);
    assert_eq!(
        candidate_file::Entity::find()
            .filter(candidate_file::Column::CandidateId.eq(keep as i32))
            .count(&app.db)
            .await
            .unwrap(),
        2
    );
    assert_eq!(detail["timeline"].as_array().unwrap().len(), 3);
    assert_eq!(
        stage_event::Entity::find().count(&app.db).await.unwrap(),
        events_before
    );
    let notes: Vec<&str> = detail["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["body"].as_str().unwrap())
        .collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes.contains(&"Parla bene inglese"));
    assert!(notes.contains(&"Segnalato da Marta"));
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with(&format!("Merged with candidate #{duplicate}"))),
        "{notes:?}"
    );
    assert_eq!(detail["tags"], json!(["excel", "inglese", "sap"]));
    assert_eq!(detail["possible_duplicates"], json!([]));

    let audit = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("candidates_merged"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(i64::from(audit[0].subject_id), keep);
    assert_eq!(audit[0].actor_id, hr.user_id.map(|id| id.0));

    let found = hr
        .call(
            "list_candidates",
            json!({"filter": {"q": "zibellino"}, "page": 0}),
        )
        .await
        .body;
    assert_eq!(
        found["total"]["exactly"], 1,
        "the duplicate's CV text is searchable"
    );
    assert_eq!(found["items"][0]["id"], keep);
}

#[tokio::test]
async fn a_candidate_cannot_be_merged_with_itself_or_with_someone_missing() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let one = added(&hr, input("Anna Bianchi", json!({}))).await;
    let same = hr
        .call("merge_candidates", json!({"keep": one, "duplicate": one}))
        .await;
    assert_eq!(same.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        same.field_error("duplicate_id").as_deref(),
        Some("merge_same")
    );
    let missing = hr
        .call(
            "merge_candidates",
            json!({"keep": one, "duplicate": 999_999}),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let missing = hr
        .call(
            "merge_candidates",
            json!({"keep": 999_999, "duplicate": one}),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 1);
}
