//! Practical tests' materials: the starter templates' files, HR adding and removing one with
//! plain forms (and the refusals, each on its field), who may download them, a test keeping the
//! materials it was given, and the start: the candidate's private link, in their language,
//! open until the time limit and its grace are over or the test is graded.

use app::model::{MaterialId, MaterialsLink};
use app::server::assessments::candidate_link;
use app::server::entities::{candidate, outbox, practical_material, practical_test};
use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryOrder, Set};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::helpers::{Browser, TestApp};
use crate::practical_tests::{Fixture, ROLE_PLAY, assigned, fixture, scores, template_id};

/// The materials of template `id`, as HR's page reads them.
async fn materials_of(hr: &Browser, id: i64) -> Vec<Value> {
    let answer = hr
        .call("practical_template_materials", json!({"id": id}))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body["materials"].as_array().unwrap().clone()
}

/// Posts a file (and a language) to template `id`'s materials page, as its plain form does.
async fn upload(
    who: &Browser,
    app: &TestApp,
    id: i64,
    name: &str,
    bytes: &[u8],
    lang: &str,
) -> (StatusCode, String, String) {
    let form = Form::new()
        .part(
            "file",
            Part::bytes(bytes.to_vec()).file_name(name.to_owned()),
        )
        .text("lang", lang.to_owned());
    let response = who
        .client
        .post(app.url(&format!("/tests/templates/{id}/materials")))
        .header("accept", "text/html")
        .multipart(form)
        .send()
        .await
        .expect("request sent");
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, response.text().await.unwrap_or_default())
}

/// A minimal Excel workbook (a zip holding `xl/workbook.xml`), with macros or without.
fn workbook(macros: bool) -> Vec<u8> {
    use std::io::Write;
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut bytes);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    if macros {
        zip.start_file("xl/vbaProject.bin", options).unwrap();
        zip.write_all(b"Attribute VB_Name").unwrap();
    }
    zip.finish().unwrap();
    bytes.into_inner()
}

/// Posts an empty plain form to `path`; answers the status and where it redirects.
async fn post(who: &Browser, app: &TestApp, path: &str) -> (StatusCode, String, String) {
    let response = who
        .client
        .post(app.url(path))
        .header("accept", "text/html")
        .form(&[("go", "1")])
        .send()
        .await
        .expect("request sent");
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, response.text().await.unwrap_or_default())
}

/// Sets the fixture's candidate's language.
async fn speaks(f: &Fixture, lang: &str) {
    let person = candidate::Entity::find_by_id(f.candidate as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    let mut person = person.into_active_model();
    person.lang = Set(lang.to_owned());
    person.update(&f.app.db).await.unwrap();
}

/// Starts test `test` as `who`, and answers the link's token read from the candidate's email.
async fn start(f: &Fixture, who: &Browser, test: i64) -> String {
    outbox::Entity::delete_many().exec(&f.app.db).await.unwrap();
    let (status, location, _) = post(who, &f.app, &format!("/tests/{test}/start")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/tests/{test}?started=sent"));
    let mail = outbox::Entity::find()
        .order_by_desc(outbox::Column::Id)
        .one(&f.app.db)
        .await
        .unwrap()
        .expect("the link is mailed");
    assert_eq!(mail.to_address, "anna@example.it");
    let at = mail.body.find("/p/").expect("a link") + 3;
    let token: String = mail.body[at..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64, "256 random bits");
    token
}

#[tokio::test]
async fn every_starter_template_hands_out_its_material_in_italian_and_in_english() {
    let f = fixture().await;
    let role_play = template_id(&f.app, ROLE_PLAY).await;
    let materials = materials_of(&f.hr, role_play).await;
    let langs: Vec<&str> = materials
        .iter()
        .filter_map(|m| m["lang"].as_str())
        .collect();
    assert_eq!(langs, ["it", "en"]);
    let first = materials[0]["id"].as_i64().unwrap();
    let (status, headers, bytes) =
        f.hr.download(&format!("/tests/templates/{role_play}/materials/{first}"))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"scheda-servizio.txt\"")
    );
    assert_eq!(headers["cache-control"], "private, no-store");
    let stored = practical_material::Entity::find_by_id(first as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.sha256, hex::encode(Sha256::digest(&bytes)));
    assert!(String::from_utf8(bytes).unwrap().contains("Check-in"));
    let templates = f.hr.call("practical_templates", json!({})).await.body;
    for template in templates.as_array().unwrap() {
        let id = template["id"].as_i64().unwrap();
        assert_eq!(materials_of(&f.hr, id).await.len(), 2, "{template}");
    }
}

#[tokio::test]
async fn hr_add_a_material_with_the_plain_form_and_remove_it() {
    let f = fixture().await;
    let id = template_id(&f.app, ROLE_PLAY).await;
    let csv = "codice;descrizione;quantità\nA1;Carta A4;10\n";
    let (status, location, _) =
        upload(&f.hr, &f.app, id, "listino.csv", csv.as_bytes(), "en").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/tests/templates/{id}/materials?added=1"));
    let materials = materials_of(&f.hr, id).await;
    let added = materials.last().unwrap();
    assert_eq!(added["name"], "listino.csv");
    assert_eq!(added["lang"], "en");
    let material = added["id"].as_i64().unwrap();
    let (status, headers, bytes) =
        f.hr.download(&format!("/tests/templates/{id}/materials/{material}"))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(bytes, csv.as_bytes());

    let (status, page) =
        f.hr.page(&format!("/tests/templates/{id}/materials?added=1"))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("listino.csv") && page.contains(r#"id="materials-notice""#));

    let (status, location, _) = post(
        &f.hr,
        &f.app,
        &format!("/tests/templates/{id}/materials/{material}/remove"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location,
        format!("/tests/templates/{id}/materials?removed=1")
    );
    assert_eq!(materials_of(&f.hr, id).await.len(), 2);
    assert!(
        practical_material::Entity::find_by_id(material as i32)
            .one(&f.app.db)
            .await
            .unwrap()
            .is_none(),
        "nothing links to it any more, so it is gone"
    );
    let (status, _, _) = post(
        &f.hr,
        &f.app,
        &format!("/tests/templates/{id}/materials/{material}/remove"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_refused_material_is_explained_on_its_field_and_the_language_chosen_is_kept() {
    let f = fixture().await;
    let id = template_id(&f.app, ROLE_PLAY).await;
    let before = practical_material::Entity::find()
        .count(&f.app.db)
        .await
        .unwrap();

    let (status, _, page) = upload(
        &f.hr,
        &f.app,
        id,
        "setup.txt",
        b"MZ\x90\x00\x03\x00\x00",
        "en",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("a PNG or JPEG picture") || page.contains("un'immagine PNG o JPEG"));
    assert!(
        page.contains(r#"<option value="en" selected"#),
        "the language is kept"
    );

    let (status, _, page) = upload(&f.hr, &f.app, id, "", b"", "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("Choose the file to add.") || page.contains("Scegli il file da aggiungere.")
    );

    let (status, _, _) = upload(&f.hr, &f.app, id, "note.txt", b"Appunti", "de").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // The browser sends the file before the language: a file over the limit keeps it too.
    let too_large = vec![b'a'; app::model::MAX_UPLOAD_BYTES + 1];
    let (status, _, page) = upload(&f.hr, &f.app, id, "big.txt", &too_large, "it").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("10 MB"), "the limit is named");
    assert!(
        page.contains(r#"<option value="it" selected"#),
        "the language is kept"
    );

    // A workbook with macros is not handed out, whatever it is called.
    let (status, _, _) = upload(&f.hr, &f.app, id, "prezzi.xlsx", &workbook(true), "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _, _) = upload(&f.hr, &f.app, id, "prezzi.xlsx", &workbook(false), "").await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Ten at most: the starter two, the workbook and seven more, then a refusal.
    for n in 0..7 {
        let (status, _, _) = upload(&f.hr, &f.app, id, &format!("n{n}.txt"), b"testo", "").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    let (status, _, page) = upload(&f.hr, &f.app, id, "eleventh.txt", b"testo", "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("At most 10 files") || page.contains("Al massimo 10 file"));
    assert_eq!(
        practical_material::Entity::find()
            .count(&f.app.db)
            .await
            .unwrap(),
        before + 8,
        "nothing refused was kept"
    );
}

#[tokio::test]
async fn only_hr_manage_materials_and_only_a_tests_grader_downloads_its_own() {
    let f = fixture().await;
    let id = template_id(&f.app, ROLE_PLAY).await;
    let (status, _, _) = upload(&f.grader, &f.app, id, "a.txt", b"testo", "").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, location, _) = upload(&f.app.anonymous(), &f.app, id, "a.txt", b"x", "").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/login?next="));
    let first = materials_of(&f.hr, id).await[0]["id"].as_i64().unwrap();
    let (status, _, _) = post(
        &f.grader,
        &f.app,
        &format!("/tests/templates/{id}/materials/{first}/remove"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(materials_of(&f.hr, id).await.len(), 2);

    let test = assigned(&f).await;
    let path = format!("/tests/{test}/materials/{first}");
    assert_eq!(f.grader.download(&path).await.0, StatusCode::OK);
    assert_eq!(f.hr.download(&path).await.0, StatusCode::OK);
    assert_eq!(f.other.download(&path).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        f.app.anonymous().download(&path).await.0,
        StatusCode::UNAUTHORIZED
    );
    // A material the test was not given.
    let (_, _, _) = upload(&f.hr, &f.app, id, "later.txt", b"dopo", "").await;
    let later = materials_of(&f.hr, id).await[2]["id"].as_i64().unwrap();
    assert_eq!(
        f.grader
            .download(&format!("/tests/{test}/materials/{later}"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_test_keeps_the_materials_it_was_given_when_the_template_changes() {
    let f = fixture().await;
    let id = template_id(&f.app, ROLE_PLAY).await;
    let test = assigned(&f).await;
    let first = materials_of(&f.hr, id).await[0]["id"].as_i64().unwrap();
    post(
        &f.hr,
        &f.app,
        &format!("/tests/templates/{id}/materials/{first}/remove"),
    )
    .await;
    assert_eq!(materials_of(&f.hr, id).await.len(), 1);
    let detail = f
        .grader
        .call("get_practical_test", json!({"id": test}))
        .await;
    assert_eq!(detail.body["materials"].as_array().unwrap().len(), 2);
    let (status, _, bytes) = f
        .grader
        .download(&format!("/tests/{test}/materials/{first}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!bytes.is_empty());
    let (_, page) = f.grader.page(&format!("/tests/{test}")).await;
    assert!(page.contains(r#"id="test-materials""#) && page.contains("scheda-servizio.txt"));
}

#[tokio::test]
async fn the_grader_starts_the_test_and_the_candidate_gets_the_materials_in_their_language() {
    let f = fixture().await;
    speaks(&f, "en").await;
    let test = assigned(&f).await;
    let (_, page) = f.grader.page(&format!("/tests/{test}")).await;
    assert!(page.contains(r#"id="start-test""#));
    let token = start(&f, &f.grader, test).await;
    let stored = practical_test::Entity::find_by_id(test as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.started_at.is_some());
    assert_ne!(stored.link_token_hash.as_deref(), Some(token.as_str()));

    let visitor = f.app.anonymous();
    let (status, page) = visitor.page(&format!("/p/{token}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("service-sheet.txt"), "the English material");
    assert!(!page.contains("scheda-servizio.txt"), "not the Italian one");
    assert!(page.contains(r#"id="time-left""#));
    let materials = visitor
        .call("practical_test_link", json!({"token": token}))
        .await
        .body;
    let offered = materials["Open"]["materials"].as_array().unwrap();
    assert_eq!(offered.len(), 1);
    let english = offered[0]["id"].as_i64().unwrap();
    let (status, headers, _) = visitor
        .download(&format!("/p/{token}/materials/{english}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("service-sheet.txt")
    );
    let all = f
        .grader
        .call("get_practical_test", json!({"id": test}))
        .await;
    let italian = all.body["materials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["lang"] == "it")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        visitor
            .download(&format!("/p/{token}/materials/{italian}"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let (_, page) = f.grader.page(&format!("/tests/{test}?started=sent")).await;
    assert!(page.contains(r#"id="test-start-notice""#));
    assert!(!page.contains(r#"id="start-test""#), "started once");
}

#[tokio::test]
async fn a_test_starts_once_and_only_by_its_grader_or_hr() {
    let f = fixture().await;
    let test = assigned(&f).await;
    let path = format!("/tests/{test}/start");
    let (status, _, _) = post(&f.other, &f.app, &path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, location, _) = post(&f.app.anonymous(), &f.app, &path).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/login?next="));
    start(&f, &f.hr, test).await;
    let (status, _, page) = post(&f.grader, &f.app, &path).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("already been started") || page.contains("già stata avviata"));
    assert_eq!(
        outbox::Entity::find().count(&f.app.db).await.unwrap(),
        1,
        "one link mailed"
    );
    let (status, _) = f
        .app
        .anonymous()
        .page(&format!("/p/{}", "ab".repeat(32)))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = f
        .app
        .anonymous()
        .download(&format!("/p/{}/materials/1", "ab".repeat(32)))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_test_without_materials_for_the_candidate_starts_without_mailing_a_link() {
    let f = fixture().await;
    let id = template_id(&f.app, ROLE_PLAY).await;
    for material in materials_of(&f.hr, id).await {
        let material = material["id"].as_i64().unwrap();
        post(
            &f.hr,
            &f.app,
            &format!("/tests/templates/{id}/materials/{material}/remove"),
        )
        .await;
    }
    let test = assigned(&f).await;
    outbox::Entity::delete_many().exec(&f.app.db).await.unwrap();
    let (status, location, _) = post(&f.grader, &f.app, &format!("/tests/{test}/start")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/tests/{test}?started=none"));
    assert_eq!(outbox::Entity::find().count(&f.app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn the_link_closes_when_the_time_and_its_grace_are_over_or_the_test_is_graded() {
    let f = fixture().await;
    let test = assigned(&f).await;
    let token = start(&f, &f.grader, test).await;
    let started = practical_test::Entity::find_by_id(test as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap()
        .started_at
        .unwrap();
    // The role-play's limit is 20 minutes, and the grace 30 seconds.
    let at = |seconds: i64| started + TimeDelta::seconds(seconds);
    let open = candidate_link::open(&f.app.db, &token, at(20 * 60 + 30))
        .await
        .unwrap();
    assert!(
        matches!(
            open,
            MaterialsLink::Open {
                seconds_left: 0,
                ..
            }
        ),
        "{open:?}"
    );
    let over = candidate_link::open(&f.app.db, &token, at(20 * 60 + 31))
        .await
        .unwrap();
    assert!(matches!(over, MaterialsLink::Over { .. }), "{over:?}");
    let material = MaterialId(1);
    assert!(matches!(
        candidate_link::file(&f.app.db, &token, material, at(20 * 60 + 31))
            .await
            .unwrap(),
        candidate_link::LinkFile::Over
    ));

    // Graded within the time: closed at once.
    let graded = f
        .grader
        .call(
            "grade_practical_test",
            json!({"id": test, "input": {"scores": scores(&f, test, &[4, 4, 4, 4]).await,
                "notes": ""}}),
        )
        .await;
    assert_eq!(graded.status, StatusCode::OK, "{graded:?}");
    assert!(Utc::now() < at(20 * 60));
    let (status, page) = f.app.anonymous().page(&format!("/p/{token}")).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(page.contains(r#"id="link-state""#));
    let (status, headers, _) = f
        .app
        .anonymous()
        .download(&format!("/p/{token}/materials/1"))
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], format!("/p/{token}"));
}

#[tokio::test]
async fn erasing_the_candidate_kills_the_link_and_deletes_materials_nothing_else_hands_out() {
    let f = fixture().await;
    let id = template_id(&f.app, ROLE_PLAY).await;
    let (status, _, _) = upload(&f.hr, &f.app, id, "solo.txt", b"solo per questa prova", "").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let only = materials_of(&f.hr, id).await[2]["id"].as_i64().unwrap();
    let test = assigned(&f).await;
    let token = start(&f, &f.grader, test).await;
    post(
        &f.hr,
        &f.app,
        &format!("/tests/templates/{id}/materials/{only}/remove"),
    )
    .await;
    assert!(
        practical_material::Entity::find_by_id(only as i32)
            .one(&f.app.db)
            .await
            .unwrap()
            .is_some(),
        "the test still hands it out"
    );
    let erased =
        f.hr.call(
            "erase_candidate",
            json!({"id": f.candidate, "confirm": "Anna Bianchi"}),
        )
        .await;
    assert_eq!(erased.status, StatusCode::OK, "{erased:?}");
    assert!(
        practical_material::Entity::find_by_id(only as i32)
            .one(&f.app.db)
            .await
            .unwrap()
            .is_none(),
        "nothing hands it out any more"
    );
    assert_eq!(
        materials_of(&f.hr, id).await.len(),
        2,
        "the template's own stay"
    );
    let (status, _) = f.app.anonymous().page(&format!("/p/{token}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn anonymising_the_candidate_kills_the_link() {
    let f = fixture().await;
    let test = assigned(&f).await;
    let token = start(&f, &f.grader, test).await;
    app::server::assessments::practical::forget(&f.app.db, &[f.application as i32])
        .await
        .unwrap();
    let (status, _) = f.app.anonymous().page(&format!("/p/{token}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = f
        .app
        .anonymous()
        .download(&format!("/p/{token}/materials/1"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
