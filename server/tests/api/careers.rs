//! Applying on the careers page: files, text extraction, one person across applications,
//! consent, spam protection, and hostile uploads.

use app::model::Role;
use app::server::entities::{application, candidate, candidate_file, outbox, stage_event};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::documents::{broken_pdf, docx, docx_bomb, pdf};
use crate::helpers::{Answer, Browser, TestApp};

/// Opens and publishes an opening for `profile_title` and returns its id.
pub async fn public_opening(app: &TestApp, profile_title: &str) -> i64 {
    let hr = app.signed_in(Role::Hr).await;
    let profiles = hr.call("list_profiles", json!({})).await.body;
    let profile = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title_en"] == profile_title)
        .unwrap()["id"]
        .clone();
    let answer = hr
        .call(
            "create_opening",
            json!({"input": {
                "profile_id": profile, "location": "Padova", "positions": 1, "status": "open",
                "published": true, "hr_owner_id": hr.user_id, "interviewer_ids": [],
                "description_it": "", "description_en": ""}}),
        )
        .await;
    answer.body.as_i64().unwrap()
}

pub fn form(opening: i64, email: &str) -> Form {
    Form::new()
        .text("opening_id", opening.to_string())
        .text("notice_version", "1")
        .text("name", "Chiara Lombardi")
        .text("email", email.to_owned())
        .text("phone", "+39 347 555 0101")
        .text("education", "Diploma di ragioneria")
        .text("experience", "Tre anni di front office alberghiero")
        .text("cover_letter", "Vorrei unirmi al vostro team.")
        .text("website", "")
}

pub fn file(name: &str, bytes: Vec<u8>) -> Part {
    Part::bytes(bytes).file_name(name.to_owned())
}

pub async fn send(browser: &Browser, app: &TestApp, form: Form) -> Answer {
    let response = browser
        .client
        .post(app.url("/api/apply"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    Answer::read(response).await
}

#[tokio::test]
async fn a_candidate_applies_with_a_pdf_cv_whose_text_is_stored_and_searchable() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Hotel receptionist").await;
    let visitor = app.anonymous();
    let cv = pdf(&[
        "Chiara Lombardi",
        "Esperienza: portierato notturno",
        "Parola rara: zibellino",
    ]);
    let answer = send(
        &visitor,
        &app,
        form(opening, "chiara@example.it").part("cv", file("cv.pdf", cv)),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");

    let person = candidate::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(person.email_key.as_deref(), Some("chiara@example.it"));
    assert_eq!(person.consent_notice_version, Some(1));
    assert!(person.consent_at.is_some());
    assert!(
        !person.talent_pool,
        "talent-pool consent is separate and was not given"
    );
    let applied = application::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(applied.stage, "applied");
    assert_eq!(applied.source, "careers");
    assert_eq!(stage_event::Entity::find().count(&app.db).await.unwrap(), 1);

    let stored = candidate_file::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.text_extracted);
    assert!(
        stored.text.as_deref().unwrap().contains("zibellino"),
        "{:?}",
        stored.text
    );
    assert_eq!(stored.content_type, "application/pdf");
    assert_ne!(
        stored.stored_name, "cv.pdf",
        "stored under a generated name"
    );

    let mail = outbox::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(mail.to_address, "chiara@example.it");
    assert!(mail.sent_at.is_none(), "queued for a later sender");
}

#[tokio::test]
async fn a_second_application_with_the_same_email_attaches_to_the_same_person() {
    let app = TestApp::spawn().await;
    let hotel = public_opening(&app, "Hotel receptionist").await;
    let bank = public_opening(&app, "Bank teller").await;
    let visitor = app.anonymous();
    for (opening, email) in [
        (hotel, "chiara@example.it"),
        (bank, "Chiara@Example.IT"),
        (bank, "chiara@example.it"),
    ] {
        let answer = send(
            &visitor,
            &app,
            form(opening, email).text("talent_pool", "on").part(
                "cv",
                file("cv.docx", docx(&["Chiara Lombardi", "Contabilità"])),
            ),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    }
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(application::Entity::find().count(&app.db).await.unwrap(), 2);
    assert_eq!(
        candidate_file::Entity::find().count(&app.db).await.unwrap(),
        3,
        "every file is kept"
    );
    let person = candidate::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(person.talent_pool);
    let docx_file = candidate_file::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(docx_file.text.unwrap().contains("Contabilità"));
}

#[tokio::test]
async fn a_broken_pdf_is_kept_and_flagged_as_text_not_extracted() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let answer = send(
        &app.anonymous(),
        &app,
        form(opening, "rotto@example.it").part("cv", file("rotto.pdf", broken_pdf())),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let stored = candidate_file::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(!stored.text_extracted);
    assert!(stored.text.is_none());
    let on_disk = app.data_dir().join("files").join(&stored.stored_name);
    assert_eq!(
        std::fs::read(on_disk).unwrap(),
        broken_pdf(),
        "the upload is never lost"
    );
}

#[tokio::test]
async fn a_zip_bomb_docx_is_stored_without_inflating_it() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let bomb = docx_bomb();
    assert!(bomb.len() < 1024 * 1024, "small on the wire");
    let answer = send(
        &app.anonymous(),
        &app,
        form(opening, "bomba@example.it").part("cv", file("cv.docx", bomb)),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let stored = candidate_file::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(!stored.text_extracted);
}

#[tokio::test]
async fn a_file_that_is_not_a_pdf_or_docx_is_refused_whatever_its_name() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let answer = send(
        &app.anonymous(),
        &app,
        form(opening, "exe@example.it")
            .part("cv", file("cv.pdf", b"MZ\x90\x00 not a pdf".to_vec())),
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.field_error("cv").as_deref(), Some("file_type"));
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_file_over_ten_megabytes_is_refused_with_the_limit_named() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let mut big = pdf(&["big"]);
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let answer = send(
        &app.anonymous(),
        &app,
        form(opening, "big@example.it").part("cv", file("big.pdf", big)),
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{answer:?}"
    );
    assert_eq!(answer.field_error("cv").as_deref(), Some("file_too_large"));
    assert_eq!(answer.body["Invalid"]["cv"]["param"], 10);
}

#[tokio::test]
async fn a_file_name_that_climbs_out_of_its_folder_is_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let answer = send(
        &app.anonymous(),
        &app,
        form(opening, "path@example.it").part("cv", file("../../etc/passwd.pdf", pdf(&["ok"]))),
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{answer:?}"
    );
    assert_eq!(answer.field_error("cv").as_deref(), Some("file_name"));
    assert_eq!(
        candidate_file::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    assert!(
        !app.data_dir().join("files").exists()
            || std::fs::read_dir(app.data_dir().join("files"))
                .unwrap()
                .next()
                .is_none()
    );
}

#[tokio::test]
async fn a_folder_in_the_file_name_is_dropped() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let answer = send(
        &app.anonymous(),
        &app,
        form(opening, "path@example.it").part("cv", file("C:\\Users\\anna\\cv.pdf", pdf(&["ok"]))),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let stored = candidate_file::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.original_name, "cv.pdf");
}

#[tokio::test]
async fn missing_and_malformed_fields_are_reported_one_by_one() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let bad = Form::new()
        .text("opening_id", opening.to_string())
        .text("name", " ")
        .text("email", "not-an-email")
        .text("phone", "call me");
    let answer = send(&app.anonymous(), &app, bad).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.field_error("name").as_deref(), Some("required"));
    assert_eq!(answer.field_error("email").as_deref(), Some("email"));
    assert_eq!(answer.field_error("phone").as_deref(), Some("phone"));
    assert_eq!(answer.field_error("cv").as_deref(), Some("file_required"));
}

#[tokio::test]
async fn a_filled_in_honeypot_is_thanked_and_dropped() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let answer = send(
        &app.anonymous(),
        &app,
        form(opening, "bot@example.it")
            .text("website", "http://spam.example")
            .part("cv", file("cv.pdf", pdf(&["spam"]))),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(candidate::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn one_address_may_apply_ten_times_an_hour() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let visitor = app.anonymous();
    for n in 0..10 {
        let answer = send(
            &visitor,
            &app,
            form(opening, &format!("c{n}@example.it")).part("cv", file("cv.pdf", pdf(&["cv"]))),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{n}: {answer:?}");
    }
    let answer = send(
        &visitor,
        &app,
        form(opening, "c10@example.it").part("cv", file("cv.pdf", pdf(&["cv"]))),
    )
    .await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn an_opening_that_is_not_public_takes_no_applications() {
    let app = TestApp::spawn().await;
    let answer = send(
        &app.anonymous(),
        &app,
        form(999_999, "x@example.it").part("cv", file("cv.pdf", pdf(&["cv"]))),
    )
    .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_request_that_is_not_multipart_is_a_400_not_a_crash() {
    let app = TestApp::spawn().await;
    let visitor = app.anonymous();
    let answer = visitor.call("apply", json!({"name": "x"})).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let (status, _) = visitor.page("/healthz").await;
    assert_eq!(status, StatusCode::OK, "the server is still up");
}

#[tokio::test]
async fn the_application_form_shows_the_current_privacy_notice() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Clinic front desk").await;
    let visitor = app.anonymous();
    let notice = visitor.call("privacy_notice", json!({})).await.body;
    assert_eq!(notice["version"], 1);
    let (status, html) = visitor.page(&format!("/careers/{opening}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("GDPR"));
    assert!(
        html.contains(r#"name="website""#),
        "the honeypot is in the form"
    );
}

/// Posts `form` to the opening's own page, as the plain form does without JavaScript.
async fn post_page_form(browser: &Browser, app: &TestApp, opening: i64, form: Form) -> Answer {
    let response = browser
        .client
        .post(app.url(&format!("/careers/{opening}")))
        .header("accept", "text/html")
        .header("accept-language", "en-GB")
        .multipart(form)
        .send()
        .await
        .unwrap();
    Answer {
        status: response.status(),
        headers: response.headers().clone(),
        body: Value::String(response.text().await.unwrap_or_default()),
    }
}

#[tokio::test]
async fn the_careers_pages_are_plain_html_that_load_no_script() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let visitor = app.anonymous();
    for path in [
        "/careers".to_owned(),
        format!("/careers/{opening}"),
        "/careers/applied".into(),
    ] {
        let page = visitor.client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        let html = page.text().await.unwrap();
        // Leptos's few bytes of inline bookkeeping may stay; no script or wasm file is loaded.
        assert!(!html.contains("modulepreload"), "{path} preloads a script");
        assert!(!html.contains(r#"type="module""#), "{path} loads a script");
        assert!(!html.contains(".wasm"), "{path} loads wasm");
        assert!(
            !html.contains("__RESOLVED_RESOURCES["),
            "{path} carries hydration data"
        );
    }
    let form_page = visitor
        .client
        .get(app.url(&format!("/careers/{opening}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form_page.contains(&format!(r#"action="/careers/{opening}""#)));
    assert!(form_page.contains(r#"method="post""#));
    assert!(form_page.contains(r#"enctype="multipart/form-data""#));
}

#[tokio::test]
async fn the_plain_application_form_lands_on_the_confirmation_page() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Hotel receptionist").await;
    let visitor = app.anonymous();
    let form = form(opening, "chiara.plain@example.it")
        .part("cv", file("cv.pdf", pdf(&["Chiara Lombardi", "Reception"])));
    let answer = post_page_form(&visitor, &app, opening, form).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(answer.headers["location"], "/careers/applied");
    assert_eq!(application::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(
        candidate_file::Entity::find().count(&app.db).await.unwrap(),
        1
    );
}

#[tokio::test]
async fn a_refused_plain_application_comes_back_with_its_errors_and_everything_typed() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Hotel receptionist").await;
    let visitor = app.anonymous();
    // No CV, and an email without a domain.
    let form = form(opening, "chiara.lombardi@");
    let answer = post_page_form(&visitor, &app, opening, form).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = answer.body.as_str().unwrap();
    assert!(
        html.contains("Attach your CV (PDF or DOCX)."),
        "the CV's error is shown"
    );
    assert!(html.contains(r#"id="f-email-error""#));
    assert!(
        html.contains(r#"value="Chiara Lombardi""#),
        "the name is kept"
    );
    assert!(
        html.contains(r#"value="chiara.lombardi@""#),
        "the email is kept"
    );
    assert!(
        html.contains("Tre anni di front office alberghiero"),
        "the experience is kept"
    );
    assert!(
        html.contains("Vorrei unirmi al vostro team."),
        "the cover letter is kept"
    );
    assert!(!html.contains(".wasm"));
    assert_eq!(application::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_plain_application_to_an_unpublished_opening_is_not_found() {
    let app = TestApp::spawn().await;
    let visitor = app.anonymous();
    let answer = post_page_form(&visitor, &app, 999_999, form(999_999, "x@example.it")).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}
