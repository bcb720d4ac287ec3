//! Notes and tags on candidates, the tag filter, and what an interviewer does not see of them.

use app::model::Role;
use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Browser, TestApp};
use crate::intake::{added, apply_as, candidate_by_email, input};

async fn names(hr: &Browser, filter: Value) -> Vec<String> {
    let answer = hr
        .call("list_candidates", json!({"filter": filter, "page": 0}))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let mut names: Vec<String> = answer.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn notes_show_their_author_and_time_newest_first() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let id = added(&hr, input("Anna Bianchi", json!({}))).await;
    let before = Utc::now() - chrono::Duration::seconds(5);
    for body in ["Prima telefonata", "  Disponibile da marzo  "] {
        let answer = hr
            .call("add_note", json!({"id": id, "input": {"body": body}}))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    }
    let detail = hr.call("get_candidate", json!({"id": id})).await.body;
    let notes = detail["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(
        notes[0]["body"], "Disponibile da marzo",
        "newest first, trimmed"
    );
    assert_eq!(notes[1]["body"], "Prima telefonata");
    for note in notes {
        assert_eq!(note["author_name"], "Test hr");
        let at: DateTime<Utc> = serde_json::from_value(note["at"].clone()).unwrap();
        assert!(at >= before && at <= Utc::now(), "{at}");
    }
}

#[tokio::test]
async fn a_blank_note_or_a_note_on_a_missing_candidate_is_refused() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let id = added(&hr, input("Anna Bianchi", json!({}))).await;
    let blank = hr
        .call("add_note", json!({"id": id, "input": {"body": "   "}}))
        .await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(blank.field_error("body").as_deref(), Some("required"));
    let missing = hr
        .call(
            "add_note",
            json!({"id": 999_999, "input": {"body": "Ciao"}}),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let detail = hr.call("get_candidate", json!({"id": id})).await.body;
    assert_eq!(detail["notes"], json!([]));
}

#[tokio::test]
async fn tags_are_saved_lower_cased_sorted_and_without_repeats() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let anna = added(&hr, input("Anna Bianchi", json!({}))).await;
    let bruno = added(&hr, input("Bruno Verdi", json!({}))).await;
    let saved = hr
        .call(
            "set_tags",
            json!({"id": anna, "tags": ["SAP", " Inglese C1 ", "excel", "sap"]}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    assert_eq!(saved.body, json!(["excel", "inglese c1", "sap"]));
    let detail = hr.call("get_candidate", json!({"id": anna})).await.body;
    assert_eq!(detail["tags"], json!(["excel", "inglese c1", "sap"]));

    hr.call("set_tags", json!({"id": bruno, "tags": ["sap"]}))
        .await;
    let all = hr.call("list_tags", json!({})).await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(
        all.body,
        json!(["sap", "excel", "inglese c1"]),
        "most used first"
    );

    let replaced = hr
        .call("set_tags", json!({"id": anna, "tags": ["contabilità"]}))
        .await;
    assert_eq!(replaced.body, json!(["contabilità"]));
    let detail = hr.call("get_candidate", json!({"id": anna})).await.body;
    assert_eq!(detail["tags"], json!(["contabilità"]), "tags are replaced");
}

#[tokio::test]
async fn more_than_twenty_tags_or_tags_with_symbols_are_refused() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let id = added(&hr, input("Anna Bianchi", json!({}))).await;
    hr.call("set_tags", json!({"id": id, "tags": ["sap"]}))
        .await;
    let many: Vec<String> = (0..21).map(|n| format!("tag{n}")).collect();
    let answer = hr.call("set_tags", json!({"id": id, "tags": many})).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.field_error("tags").as_deref(), Some("too_many_tags"));
    assert_eq!(answer.body["Invalid"]["tags"]["param"], 20);
    let twenty: Vec<String> = (0..20).map(|n| format!("tag{n}")).collect();
    let answer = hr.call("set_tags", json!({"id": id, "tags": twenty})).await;
    assert_eq!(answer.status, StatusCode::OK, "twenty is allowed");
    for bad in ["<script>", "a,b", "50%", "   "] {
        let answer = hr.call("set_tags", json!({"id": id, "tags": [bad]})).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}: {answer:?}"
        );
        assert_eq!(answer.field_error("tags").as_deref(), Some("tag_chars"));
    }
    let long = "a".repeat(41);
    let answer = hr.call("set_tags", json!({"id": id, "tags": [long]})).await;
    assert_eq!(answer.field_error("tags").as_deref(), Some("too_long"));
    let detail = hr.call("get_candidate", json!({"id": id})).await.body;
    assert_eq!(detail["tags"].as_array().unwrap().len(), 20, "unchanged");
    let missing = hr
        .call("set_tags", json!({"id": 999_999, "tags": ["sap"]}))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_tag_filter_lists_only_tagged_candidates_and_rows_carry_their_tags() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    for (name, tags) in [
        ("Anna Bianchi", json!(["sap", "excel"])),
        ("Bruno Verdi", json!(["sap"])),
        ("Carla Neri", json!(["excel"])),
        ("Dario Gallo", json!([])),
    ] {
        let id = added(&hr, input(name, json!({}))).await;
        hr.call("set_tags", json!({"id": id, "tags": tags})).await;
    }
    assert_eq!(
        names(&hr, json!({"tag": "sap"})).await,
        vec!["Anna Bianchi", "Bruno Verdi"]
    );
    assert_eq!(
        names(&hr, json!({"tag": "excel", "q": "anna"})).await,
        vec!["Anna Bianchi"]
    );
    assert!(names(&hr, json!({"tag": "nessuno"})).await.is_empty());
    assert_eq!(names(&hr, json!({})).await.len(), 4);
    let rows = hr
        .call(
            "list_candidates",
            json!({"filter": {"sort": "name"}, "page": 0}),
        )
        .await
        .body;
    assert_eq!(rows["items"][0]["tags"], json!(["excel", "sap"]));
    assert_eq!(rows["items"][3]["tags"], json!([]));

    let (status, _, csv) = hr.download("/candidates.csv?tag=SAP&sort=name").await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].ends_with(",\"tags\""), "{}", lines[0]);
    assert!(lines[1].contains("\"Anna Bianchi\""));
    assert!(lines[1].ends_with(",\"excel, sap\""), "{}", lines[1]);
    assert!(lines[2].contains("\"Bruno Verdi\""));
}

#[tokio::test]
async fn an_interviewer_reads_a_team_candidate_without_notes_tags_or_duplicates() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    let profiles = hr.call("list_profiles", json!({})).await.body;
    let opening = hr
        .call(
            "create_opening",
            json!({"input": {
                "profile_id": profiles[0]["id"], "location": "Como", "positions": 1,
                "status": "open", "published": true, "hr_owner_id": hr.user_id,
                "interviewer_ids": [interviewer.user_id],
                "description_it": "", "description_en": ""}}),
        )
        .await
        .body
        .as_i64()
        .unwrap();
    apply_as(
        &app,
        opening,
        "Nicolò Rossi",
        "nicolo@example.it",
        "+39 347 555 0101",
        false,
    )
    .await;
    let id = candidate_by_email(&app, "nicolo@example.it").await;
    let other = added(&hr, input("Rossi Nicolo", json!({}))).await;
    hr.call(
        "add_note",
        json!({"id": id, "input": {"body": "Riservato"}}),
    )
    .await;
    hr.call("set_tags", json!({"id": id, "tags": ["sap"]}))
        .await;
    let hr_view = hr.call("get_candidate", json!({"id": id})).await.body;
    assert_eq!(hr_view["editable"], true);
    assert_eq!(hr_view["notes"].as_array().unwrap().len(), 1);
    assert_eq!(hr_view["tags"], json!(["sap"]));
    assert_eq!(hr_view["possible_duplicates"][0]["id"], other);

    let seen = interviewer.call("get_candidate", json!({"id": id})).await;
    assert_eq!(seen.status, StatusCode::OK, "{seen:?}");
    assert_eq!(seen.body["name"], "Nicolò Rossi");
    assert_eq!(seen.body["editable"], false);
    assert_eq!(seen.body["notes"], json!([]));
    assert_eq!(seen.body["tags"], json!([]));
    assert_eq!(seen.body["possible_duplicates"], json!([]));

    for (endpoint, body) in [
        ("add_note", json!({"id": id, "input": {"body": "Mio"}})),
        ("set_tags", json!({"id": id, "tags": []})),
        ("list_tags", json!({})),
        ("merge_candidates", json!({"keep": id, "duplicate": other})),
        (
            "erase_candidate",
            json!({"id": id, "confirm": "Nicolò Rossi"}),
        ),
        (
            "list_candidates",
            json!({"filter": {"tag": "sap"}, "page": 0}),
        ),
    ] {
        let answer = interviewer.call(endpoint, body).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "{endpoint}: {answer:?}"
        );
    }
    let after = hr.call("get_candidate", json!({"id": id})).await.body;
    assert_eq!(after["notes"].as_array().unwrap().len(), 1);
    assert_eq!(after["tags"], json!(["sap"]));
}
