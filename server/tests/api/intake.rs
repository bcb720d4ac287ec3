//! HR's intake: CV uploads that prefill the candidate form, the tray of uploads not yet used,
//! candidates added by hand, one person per email, and possible duplicates.

use app::model::Role;
use app::server::entities::{application, candidate, candidate_file, intake_upload, stage_event};
use reqwest::StatusCode;
use reqwest::multipart::Form;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::careers::{file, public_opening, send};
use crate::documents::{broken_pdf, docx, pdf};
use crate::helpers::{Answer, Browser, TestApp};

/// Applies on the careers page as `name`, with a one-line PDF CV; `talent_pool` gives that
/// consent too.
pub async fn apply_as(
    app: &TestApp,
    opening: i64,
    name: &str,
    email: &str,
    phone: &str,
    talent_pool: bool,
) {
    let mut form = Form::new()
        .text("opening_id", opening.to_string())
        .text("notice_version", "1")
        .text("name", name.to_owned())
        .text("email", email.to_owned())
        .text("phone", phone.to_owned())
        .text("education", "Diploma")
        .text("experience", "Due anni in ufficio")
        .text("cover_letter", "Lettera di presentazione")
        .text("website", "")
        .part("cv", file("cv.pdf", pdf(&[name, "Parola: zibellino"])));
    if talent_pool {
        form = form.text("talent_pool", "on");
    }
    let answer = send(&app.anonymous(), app, form).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
}

/// The id of the candidate with this email.
pub async fn candidate_by_email(app: &TestApp, email: &str) -> i64 {
    candidate::Entity::find()
        .filter(candidate::Column::EmailKey.eq(email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no candidate {email}"))
        .id
        .into()
}

/// The applications of a candidate, oldest first.
pub async fn applications_of(app: &TestApp, candidate_id: i64) -> Vec<application::Model> {
    let mut found = application::Entity::find()
        .filter(application::Column::CandidateId.eq(candidate_id as i32))
        .all(&app.db)
        .await
        .unwrap();
    found.sort_by_key(|a| a.id);
    found
}

/// Moves an application to `stage` as HR do (with a reason, which rejecting needs); Hired goes
/// through the hire, with a first day today and an account address made up for it.
pub async fn move_to(hr: &Browser, application_id: i32, stage: &str) {
    if stage == "hired" {
        let hired = hr
            .call(
                "hire",
                json!({"id": application_id, "input": {
                    "email": format!("hired-{application_id}@example.it"),
                    "department": "", "location": "", "manager_id": "",
                    "start_date": chrono::Utc::now().date_naive().to_string(),
                }}),
            )
            .await;
        assert_eq!(hired.status, StatusCode::OK, "{hired:?}");
        return;
    }
    let moved = hr
        .call(
            "move_application",
            json!({"id": application_id, "input": {"to": stage, "reason": "Motivo di prova"}}),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{moved:?}");
}

/// A candidate form as HR fill it in by hand: just the name, source "manual", and `fields`.
pub fn input(name: &str, fields: Value) -> Value {
    let mut input = json!({
        "name": name, "email": "", "phone": "", "education": "", "experience": "",
        "opening_id": null, "source": "manual", "source_detail": "", "upload_id": null,
    });
    for (key, value) in fields.as_object().unwrap() {
        input[key] = value.clone();
    }
    input
}

/// Adds a candidate through `add_candidate`.
pub async fn add(hr: &Browser, input: Value) -> Answer {
    hr.call("add_candidate", json!({"input": input})).await
}

/// Adds a candidate and returns their id.
pub async fn added(hr: &Browser, input: Value) -> i64 {
    let answer = add(hr, input).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body["candidate_id"].as_i64().unwrap()
}

/// Uploads one CV through `upload_cv`.
pub async fn upload(hr: &Browser, name: &str, bytes: Vec<u8>) -> Answer {
    hr.send_form("upload_cv", Form::new().part("file", file(name, bytes)))
        .await
}

/// Uploads one CV and returns its upload id.
pub async fn uploaded(hr: &Browser, name: &str, bytes: Vec<u8>) -> i64 {
    let answer = upload(hr, name, bytes).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body["upload_id"].as_i64().unwrap()
}

/// The names of the files in the file store.
pub fn stored_files(app: &TestApp) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(app.data_dir().join("files"))
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

async fn stored_name_of_upload(app: &TestApp, id: i64) -> String {
    intake_upload::Entity::find_by_id(id as i32)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .stored_name
}

fn pending_ids(answer: &Answer) -> Vec<i64> {
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["upload_id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_cv_uploaded_by_hr_prefills_name_email_and_phone_from_its_text() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let cv = pdf(&[
        "Giulia Neri",
        "Via Roma 1, Venezia",
        "Tel. +39 347 123 4567",
        "Email: Giulia.Neri@Example.it",
    ]);
    let answer = upload(&hr, "documento.pdf", cv.clone()).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let draft = answer.body;
    assert_eq!(draft["name"], "Giulia Neri");
    assert_eq!(draft["email"], "giulia.neri@example.it");
    assert_eq!(draft["phone"], "+39 347 123 4567");
    assert_eq!(draft["text_extracted"], true);
    assert_eq!(draft["file_name"], "documento.pdf");
    assert_eq!(draft["size_bytes"], cv.len());

    let row = intake_upload::Entity::find_by_id(draft["upload_id"].as_i64().unwrap() as i32)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(Some(row.uploader_id), hr.user_id.map(|id| id.0));
    assert_ne!(
        row.stored_name, "documento.pdf",
        "stored under a generated name"
    );
    assert_eq!(
        std::fs::read(app.data_dir().join("files").join(&row.stored_name)).unwrap(),
        cv
    );
    assert_eq!(
        candidate::Entity::find().count(&app.db).await.unwrap(),
        0,
        "an upload is not a candidate yet"
    );
}

#[tokio::test]
async fn a_docx_cv_prefills_too() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = upload(
        &hr,
        "cv.docx",
        docx(&["Luca Ferri", "luca.ferri@example.it", "333 1234567"]),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.body["name"], "Luca Ferri");
    assert_eq!(answer.body["email"], "luca.ferri@example.it");
    assert_eq!(answer.body["phone"], "333 1234567");
}

#[tokio::test]
async fn a_broken_pdf_upload_is_kept_flagged_and_can_still_become_a_candidate() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = upload(&hr, "CV_mario-rossi_2026.pdf", broken_pdf()).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.body["text_extracted"], false);
    assert_eq!(
        answer.body["name"], "Mario Rossi",
        "guessed from the file name"
    );
    assert_eq!(answer.body["email"], "");
    let upload_id = answer.body["upload_id"].as_i64().unwrap();

    let candidate = added(&hr, input("Mario Rossi", json!({"upload_id": upload_id}))).await;
    let detail = hr
        .call("get_candidate", json!({"id": candidate}))
        .await
        .body;
    assert_eq!(detail["name"], "Mario Rossi");
    assert_eq!(detail["files"][0]["name"], "CV_mario-rossi_2026.pdf");
    assert_eq!(detail["files"][0]["kind"], "cv");
    assert_eq!(detail["files"][0]["text_extracted"], false);
    let stored = candidate_file::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        std::fs::read(app.data_dir().join("files").join(&stored.stored_name)).unwrap(),
        broken_pdf(),
        "the upload is never lost"
    );
    assert!(
        pending_ids(&hr.call("pending_uploads", json!({})).await).is_empty(),
        "a used upload leaves the tray"
    );
}

#[tokio::test]
async fn an_upload_that_is_not_a_pdf_or_docx_is_refused_on_file() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    for (name, bytes) in [
        ("cv.pdf", b"MZ\x90\x00 not a pdf".to_vec()),
        ("cv.docx", b"PK\x03\x04 a zip but not a document".to_vec()),
        ("cv.txt", b"just text".to_vec()),
    ] {
        let answer = upload(&hr, name, bytes).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}: {answer:?}"
        );
        assert_eq!(answer.field_error("file").as_deref(), Some("file_type"));
    }
    let empty = upload(&hr, "cv.pdf", Vec::new()).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.field_error("file").as_deref(), Some("file_empty"));
    let none = hr
        .send_form("upload_cv", Form::new().text("note", "no file"))
        .await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY, "{none:?}");
    assert_eq!(none.field_error("file").as_deref(), Some("file_required"));
    assert_eq!(
        intake_upload::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    assert!(stored_files(&app).is_empty(), "nothing written to disk");
}

#[tokio::test]
async fn an_upload_over_ten_megabytes_is_refused_with_the_limit_named() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let mut big = pdf(&["big"]);
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let answer = upload(&hr, "big.pdf", big).await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{answer:?}"
    );
    assert_eq!(
        answer.field_error("file").as_deref(),
        Some("file_too_large")
    );
    assert_eq!(answer.body["Invalid"]["file"]["param"], 10);
    assert_eq!(
        intake_upload::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    assert!(stored_files(&app).is_empty());
}

#[tokio::test]
async fn an_uploaded_file_name_that_climbs_out_of_its_folder_is_refused() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = upload(&hr, "../../etc/passwd.pdf", pdf(&["ok"])).await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{answer:?}"
    );
    assert_eq!(answer.field_error("file").as_deref(), Some("file_name"));
    assert!(stored_files(&app).is_empty());
    assert!(!app.data_dir().join("etc").exists());
}

#[tokio::test]
async fn pending_uploads_lists_only_my_uploads_not_yet_used() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let colleague = app.signed_in(Role::Hr).await;
    let first = uploaded(&hr, "a.pdf", pdf(&["Anna Bianchi"])).await;
    let second = uploaded(&hr, "b.pdf", pdf(&["Bruno Verdi"])).await;
    let theirs = uploaded(&colleague, "c.pdf", pdf(&["Carla Neri"])).await;

    let mine = hr.call("pending_uploads", json!({})).await;
    assert_eq!(pending_ids(&mine), vec![first, second]);
    assert_eq!(mine.body[0]["name"], "Anna Bianchi");
    assert_eq!(
        pending_ids(&colleague.call("pending_uploads", json!({})).await),
        vec![theirs]
    );

    added(&hr, input("Anna Bianchi", json!({"upload_id": first}))).await;
    assert_eq!(
        pending_ids(&hr.call("pending_uploads", json!({})).await),
        vec![second]
    );
}

#[tokio::test]
async fn discarding_an_upload_removes_it_and_its_file() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let id = uploaded(&hr, "a.pdf", pdf(&["Anna Bianchi"])).await;
    assert_eq!(stored_files(&app).len(), 1);
    let answer = hr.call("discard_upload", json!({"id": id})).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert!(pending_ids(&hr.call("pending_uploads", json!({})).await).is_empty());
    assert!(
        stored_files(&app).is_empty(),
        "the file is deleted from disk"
    );
    let again = hr.call("discard_upload", json!({"id": id})).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_upload_of_another_hr_user_cannot_be_used_or_discarded() {
    let app = TestApp::spawn().await;
    let owner = app.signed_in(Role::Hr).await;
    let id = uploaded(&owner, "a.pdf", pdf(&["Anna Bianchi"])).await;
    let stored = stored_name_of_upload(&app, id).await;
    for other in [
        app.signed_in(Role::Hr).await,
        app.signed_in(Role::Admin).await,
    ] {
        let discard = other.call("discard_upload", json!({"id": id})).await;
        assert_eq!(discard.status, StatusCode::NOT_FOUND, "{discard:?}");
        let used = add(&other, input("Anna Bianchi", json!({"upload_id": id}))).await;
        assert_eq!(used.status, StatusCode::NOT_FOUND, "{used:?}");
        assert!(pending_ids(&other.call("pending_uploads", json!({})).await).is_empty());
    }
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(stored_files(&app), vec![stored]);
    assert_eq!(
        pending_ids(&owner.call("pending_uploads", json!({})).await),
        vec![id]
    );
}

#[tokio::test]
async fn hr_add_a_candidate_by_hand_to_an_opening_at_applied_with_its_source() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = add(
        &hr,
        input(
            "Giulia Neri",
            json!({"email": "giulia@example.it", "phone": "+39 333 111 2222",
                "education": "Laurea in economia", "opening_id": opening,
                "source": "job_board", "source_detail": "InfoJobs"}),
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.body["matched_existing"], false);
    assert_eq!(answer.body["possible_duplicates"], json!([]));
    let id = answer.body["candidate_id"].as_i64().unwrap();
    let detail = hr.call("get_candidate", json!({"id": id})).await.body;
    assert_eq!(detail["email"], "giulia@example.it");
    assert_eq!(detail["education"], "Laurea in economia");
    assert_eq!(detail["applications"][0]["opening_id"], opening);
    assert_eq!(detail["applications"][0]["stage"], "applied");
    assert_eq!(detail["applications"][0]["source"], "job_board");
    assert_eq!(detail["applications"][0]["source_detail"], "InfoJobs");
    assert_eq!(detail["timeline"][0]["to"], "applied");
    assert_eq!(detail["timeline"][0]["actor_name"], "Test hr");

    let without_opening = added(&hr, input("Paolo Conti", json!({}))).await;
    assert!(applications_of(&app, without_opening).await.is_empty());
}

#[tokio::test]
async fn a_candidate_form_with_a_missing_source_detail_or_bad_contacts_is_refused() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let referral = add(
        &hr,
        input(
            "Giulia Neri",
            json!({"source": "referral", "source_detail": " ", "email": "not-an-email",
                "phone": "call me"}),
        ),
    )
    .await;
    assert_eq!(referral.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        referral.field_error("source_detail").as_deref(),
        Some("required")
    );
    assert_eq!(referral.field_error("email").as_deref(), Some("email"));
    assert_eq!(referral.field_error("phone").as_deref(), Some("phone"));
    let careers = add(&hr, input("Giulia Neri", json!({"source": "careers"}))).await;
    assert_eq!(careers.field_error("source").as_deref(), Some("required"));
    let nameless = add(&hr, input(" ", json!({}))).await;
    assert_eq!(nameless.field_error("name").as_deref(), Some("required"));
    let unknown = add(&hr, input("Giulia Neri", json!({"opening_id": 999_999}))).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        unknown.field_error("opening_id").as_deref(),
        Some("required")
    );
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn adding_a_candidate_with_an_email_already_known_attaches_to_that_person() {
    let app = TestApp::spawn().await;
    let hotel = public_opening(&app, "Hotel receptionist").await;
    let bank = public_opening(&app, "Bank teller").await;
    apply_as(
        &app,
        hotel,
        "Chiara Lombardi",
        "chiara@example.it",
        "+39 347 555 0101",
        false,
    )
    .await;
    let known = candidate_by_email(&app, "chiara@example.it").await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = add(
        &hr,
        input(
            "C. Lombardi",
            json!({"email": " Chiara@Example.IT ", "opening_id": bank,
                "source": "referral", "source_detail": "Marco Bianchi"}),
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.body["matched_existing"], true);
    assert_eq!(answer.body["candidate_id"], known);
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 1);

    let detail = hr.call("get_candidate", json!({"id": known})).await.body;
    assert_eq!(
        detail["name"], "Chiara Lombardi",
        "the person's record stands"
    );
    let applications = detail["applications"].as_array().unwrap();
    assert_eq!(applications.len(), 2);
    let referral = applications
        .iter()
        .find(|a| a["opening_id"] == bank)
        .unwrap();
    assert_eq!(referral["source"], "referral");
    assert_eq!(referral["source_detail"], "Marco Bianchi");

    let again = add(
        &hr,
        input(
            "Chiara Lombardi",
            json!({"email": "chiara@example.it", "opening_id": bank}),
        ),
    )
    .await;
    assert_eq!(again.body["matched_existing"], true);
    assert_eq!(
        applications_of(&app, known).await.len(),
        2,
        "no second application to the same opening"
    );
}

#[tokio::test]
async fn a_same_phone_or_a_similar_name_is_reported_as_a_possible_duplicate_and_not_merged() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    apply_as(
        &app,
        opening,
        "Nicolò Rossi",
        "nicolo@example.it",
        "+39 347 555 0101",
        false,
    )
    .await;
    let known = candidate_by_email(&app, "nicolo@example.it").await;
    let hr = app.signed_in(Role::Hr).await;

    let by_name = add(&hr, input("rossi nicolo", json!({}))).await;
    assert_eq!(by_name.status, StatusCode::OK, "{by_name:?}");
    assert_eq!(by_name.body["matched_existing"], false);
    assert_ne!(by_name.body["candidate_id"], known);
    let duplicates = by_name.body["possible_duplicates"].as_array().unwrap();
    assert_eq!(duplicates.len(), 1, "{duplicates:?}");
    assert_eq!(duplicates[0]["id"], known);
    assert_eq!(duplicates[0]["reason"], "name");
    assert_eq!(duplicates[0]["name"], "Nicolò Rossi");
    assert_eq!(duplicates[0]["email"], "nicolo@example.it");
    assert_eq!(duplicates[0]["applications"], 1);

    let by_phone = add(
        &hr,
        input(
            "Marco Verdi",
            json!({"phone": "347 555 0101", "email": "marco@example.it"}),
        ),
    )
    .await;
    assert_eq!(by_phone.status, StatusCode::OK, "{by_phone:?}");
    assert_eq!(by_phone.body["matched_existing"], false);
    let duplicates = by_phone.body["possible_duplicates"].as_array().unwrap();
    assert_eq!(duplicates.len(), 1, "{duplicates:?}");
    assert_eq!(duplicates[0]["id"], known);
    assert_eq!(duplicates[0]["reason"], "phone");

    let unrelated = add(&hr, input("Anna Bo", json!({}))).await;
    assert_eq!(unrelated.body["possible_duplicates"], json!([]));

    assert_eq!(
        candidate::Entity::find().count(&app.db).await.unwrap(),
        4,
        "nothing merged by itself"
    );
    let detail = hr.call("get_candidate", json!({"id": known})).await.body;
    let mut seen: Vec<(i64, String)> = detail["possible_duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_i64().unwrap(),
                d["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![
            (
                by_name.body["candidate_id"].as_i64().unwrap(),
                "name".into()
            ),
            (
                by_phone.body["candidate_id"].as_i64().unwrap(),
                "phone".into()
            ),
        ]
    );
    assert_eq!(
        stage_event::Entity::find().count(&app.db).await.unwrap(),
        1,
        "only the careers application"
    );
}

#[tokio::test]
async fn many_candidates_saved_at_once_are_all_kept() {
    // "Save all" sends every form of the tray together: on SQLite, transactions that read
    // then write must wait for each other rather than fail with "database is locked".
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let names: Vec<String> = (0..12).map(|i| format!("Persona Numero{i}")).collect();
    let answers = futures::future::join_all(names.iter().map(|name| {
        add(
            &hr,
            input(
                name,
                json!({"email": format!("{}@example.it", name.replace(' ', "."))}),
            ),
        )
    }))
    .await;
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    }
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 12);
}
