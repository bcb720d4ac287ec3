//! Importing candidates from a CSV file: all rows or none, every bad row reported.

use app::model::Role;
use app::server::entities::{application, candidate, stage_event};
use reqwest::StatusCode;
use reqwest::multipart::Form;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

use crate::careers::{file, public_opening};
use crate::helpers::{Answer, Browser, TestApp};
use crate::intake::{applications_of, apply_as, candidate_by_email};

async fn import(hr: &Browser, csv: &[u8]) -> Answer {
    hr.send_form(
        "import_candidates",
        Form::new().part("file", file("candidati.csv", csv.to_vec())),
    )
    .await
}

#[tokio::test]
async fn a_good_import_creates_candidates_with_source_import_and_their_tags() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    apply_as(
        &app,
        opening,
        "Chiara Lombardi",
        "chiara@example.it",
        "+39 347 555 0101",
        false,
    )
    .await;
    let hr = app.signed_in(Role::Hr).await;
    let csv = format!(
        "name,email,phone,opening,education,experience,tags\n\
         Anna Bianchi,anna@example.it,+39 333 111 2222,{opening},Laurea,Cassiera,SAP;Excel\n\
         \"Verdi, Bruno\",,,,,,\n\
         Chiara L.,CHIARA@example.it,,,,,inglese\n"
    );
    let answer = import(&hr, csv.as_bytes()).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.body, json!({"created": 2, "matched": 1}));
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 3);

    let anna = candidate_by_email(&app, "anna@example.it").await;
    let detail = hr.call("get_candidate", json!({"id": anna})).await.body;
    assert_eq!(detail["name"], "Anna Bianchi");
    assert_eq!(detail["phone"], "+39 333 111 2222");
    assert_eq!(detail["education"], "Laurea");
    assert_eq!(detail["experience"], "Cassiera");
    assert_eq!(detail["tags"], json!(["excel", "sap"]));
    assert_eq!(detail["applications"][0]["opening_id"], opening);
    assert_eq!(detail["applications"][0]["stage"], "applied");
    assert_eq!(detail["applications"][0]["source"], "import");
    assert_eq!(detail["timeline"][0]["actor_name"], "Test hr");

    let chiara = candidate_by_email(&app, "chiara@example.it").await;
    let detail = hr.call("get_candidate", json!({"id": chiara})).await.body;
    assert_eq!(detail["name"], "Chiara Lombardi", "matched by email");
    assert_eq!(detail["tags"], json!(["inglese"]));
    assert_eq!(applications_of(&app, chiara).await.len(), 1);

    let found = hr
        .call(
            "list_candidates",
            json!({"filter": {"q": "verdi", "source": null}, "page": 0}),
        )
        .await
        .body;
    assert_eq!(found["items"][0]["name"], "Verdi, Bruno", "searchable");
    let imported = hr
        .call(
            "list_candidates",
            json!({"filter": {"source": "import"}, "page": 0}),
        )
        .await
        .body;
    assert_eq!(imported["total"]["exactly"], 1);
    assert_eq!(imported["items"][0]["name"], "Anna Bianchi");
}

#[tokio::test]
async fn one_bad_row_means_nothing_is_written_and_every_bad_row_is_reported() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let csv = format!(
        "name,email,phone,opening,education,experience,tags\n\
         Anna Bianchi,anna@example.it,333 1112222,{opening},,,sap\n\
         Bruno Verdi,bruno@,12,999999,,,\n\
         ,carla@example.it,,,,,\n\
         Dario Gallo,,,,,,<script>\n\
         Elena Riva,elena@example.it,,,,,\n"
    );
    let answer = import(&hr, csv.as_bytes()).await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{answer:?}"
    );
    assert_eq!(answer.field_error("rows.3.email").as_deref(), Some("email"));
    assert_eq!(answer.field_error("rows.3.phone").as_deref(), Some("phone"));
    assert_eq!(
        answer.field_error("rows.3.opening").as_deref(),
        Some("unknown_opening")
    );
    assert_eq!(
        answer.field_error("rows.4.name").as_deref(),
        Some("required")
    );
    assert_eq!(
        answer.field_error("rows.5.tags").as_deref(),
        Some("tag_chars")
    );
    let reported: Vec<&String> = answer.body["Invalid"].as_object().unwrap().keys().collect();
    assert_eq!(reported.len(), 5, "only the bad cells: {reported:?}");
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(application::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(stage_event::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_file_without_a_name_column_empty_or_not_utf8_is_refused_as_a_whole() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    for (csv, code) in [
        (
            b"email,phone\nanna@example.it,333 1112222\n".to_vec(),
            "csv_header",
        ),
        (b"name,email\n".to_vec(), "csv_empty"),
        (b"name,email\n,\n , \n".to_vec(), "csv_empty"),
        (
            b"name,email\nNicol\xf2 Rossi,nicolo@example.it\n".to_vec(),
            "csv_encoding",
        ),
    ] {
        let answer = import(&hr, &csv).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{code}: {answer:?}"
        );
        assert_eq!(answer.field_error("file").as_deref(), Some(code));
    }
    let none = hr
        .send_form("import_candidates", Form::new().text("x", "y"))
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(none.field_error("file").as_deref(), Some("file_required"));
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_spreadsheet_csv_with_semicolons_and_a_byte_order_mark_imports() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = import(
        &hr,
        "\u{feff}Name;Email\r\nAnna Bianchi;anna@example.it\r\n".as_bytes(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.body["created"], 1);
    candidate_by_email(&app, "anna@example.it").await;
}
