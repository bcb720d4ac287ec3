//! Certifications through the plain forms, the server functions and the services: the
//! catalogue HR keep, certificates employees upload and HR verify or reject (the competencies
//! rising with a verified one), renewals kept as history, who reaches whose, and the
//! compliance matrix on a chosen day with its CSV.

use app::model::{
    CellState, ComplianceQuery, ComplianceSort, CourseId, EmployeeChange, EmployeeId,
    EmployeeStatus, JobProfileId, Role,
};
use app::server::certifications::compliance;
use app::server::employees::records;
use app::server::entities::{
    certification, compliance_cell, course, course_record, employee, employee_certification,
    employee_competency, job_profile,
};
use app::server::training::course_editor;
use chrono::{NaiveDate, TimeDelta, Utc};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::json;

use crate::documents::pdf;
use crate::employees::read_csv;
use crate::helpers::{Browser, TestApp, assert_compliance_agrees, assert_compliance_agrees_on};

async fn employee_of(app: &TestApp, who: &Browser) -> employee::Model {
    app.employee_of(who).await
}

async fn certification_by_code(app: &TestApp, code: &str) -> certification::Model {
    certification::Entity::find()
        .filter(certification::Column::Code.eq(code))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

async fn profile_titled(app: &TestApp, title: &str) -> i32 {
    job_profile::Entity::find()
        .filter(job_profile::Column::TitleEn.eq(title))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Gives `who` job profile `title`, department `department` and `manager`.
async fn place(
    app: &TestApp,
    who: &Browser,
    title: &str,
    department: &str,
    manager: Option<i32>,
) -> i32 {
    let id = employee_of(app, who).await.id;
    let change = EmployeeChange {
        profile: Some(JobProfileId(profile_titled(app, title).await)),
        department: department.to_owned(),
        location: "Treviso".to_owned(),
        manager: manager.map(EmployeeId),
        start_date: None,
        status: EmployeeStatus::Active,
    };
    records::update(&app.db, EmployeeId(id), change)
        .await
        .unwrap();
    id
}

/// Posts `fields` to page `path` without JavaScript: (status, redirect, page).
async fn post_page(
    who: &Browser,
    path: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, String) {
    who.post_page(path, fields).await
}

/// Uploads a certificate on "My training": (status, redirect, page).
async fn upload(
    who: &Browser,
    certification: i32,
    credential: &str,
    issued_on: &str,
    expires_on: &str,
    document: Option<(&str, Vec<u8>)>,
) -> (StatusCode, String, String) {
    let mut form = Form::new()
        .text("certification_id", certification.to_string())
        .text("credential_id", credential.to_owned())
        .text("issued_on", issued_on.to_owned())
        .text("expires_on", expires_on.to_owned());
    if let Some((name, bytes)) = document {
        form = form.part("document", Part::bytes(bytes).file_name(name.to_owned()));
    }
    who.send_page("/training/certificates", form).await
}

fn scan() -> Option<(&'static str, Vec<u8>)> {
    Some(("attestato.pdf", pdf(&["Attestato antiriciclaggio"])))
}

async fn holdings_of(app: &TestApp, employee: i32) -> Vec<employee_certification::Model> {
    let mut found = employee_certification::Entity::find()
        .filter(employee_certification::Column::EmployeeId.eq(employee))
        .all(&app.db)
        .await
        .unwrap();
    found.sort_by_key(|h| h.id);
    found
}

fn days_ago(days: i64) -> String {
    (Utc::now() - TimeDelta::days(days))
        .date_naive()
        .to_string()
}

#[tokio::test]
async fn an_uploaded_certificate_waits_for_hr_with_its_expiry_computed_from_the_validity() {
    let app = TestApp::spawn().await;
    let worker = app.signed_in(Role::Employee).await;
    let me = employee_of(&app, &worker).await.id;
    let aml = certification_by_code(&app, "anti-money-laundering").await;
    assert_eq!(aml.validity_months, Some(12));

    let (status, location, _) =
        upload(&worker, aml.id, "AML-2026-0001", "2026-03-15", "", scan()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        location.starts_with("/training?certificate=1"),
        "{location}"
    );
    let held = holdings_of(&app, me).await;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].status, "pending");
    assert_eq!(held[0].expires_on, NaiveDate::from_ymd_opt(2027, 3, 15));
    assert_eq!(held[0].credential_id.as_deref(), Some("AML-2026-0001"));

    let (status, page) = worker.page("/training").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("AML-2026-0001"), "the certificate is listed");
    assert!(page.contains("Pending verification") || page.contains("Da verificare"));

    let mine = worker.call("certifications_of", json!({"id": null})).await;
    assert_eq!(mine.status, StatusCode::OK, "{mine:?}");
    assert_eq!(
        mine.body["person"]["held"][0]["current"]["standing"],
        "pending"
    );
    let requirement = &mine.body["compliance"]["items"];
    assert_eq!(requirement, &json!([]), "no profile: nothing required");
}

#[tokio::test]
async fn an_upload_refused_shows_why_beside_each_field_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let worker = app.signed_in(Role::Employee).await;
    let other = app.signed_in(Role::Employee).await;
    let aml = certification_by_code(&app, "anti-money-laundering")
        .await
        .id;
    let tomorrow = (Utc::now() + TimeDelta::days(2)).date_naive().to_string();

    let (status, _, page) = upload(&worker, aml, "AML-TYPED-77", &tomorrow, "", scan()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("AML-TYPED-77"),
        "the credential typed is kept"
    );
    assert!(page.contains("future") || page.contains("futuro"), "{page}");

    let (status, _, page) = upload(&worker, aml, "", "2026-05-10", "2026-01-01", scan()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("2026-01-01"), "the expiry typed is kept");

    let (status, _, _) = upload(&worker, aml, "", "2026-05-10", "", None).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the document is required"
    );
    let (status, _, _) = upload(
        &worker,
        aml,
        "",
        "2026-05-10",
        "",
        Some(("virus.exe", b"MZ\x90\x00not a document".to_vec())),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "only PDF or pictures"
    );

    let (status, _, _) = upload(&worker, aml, "AML-42", "2026-05-10", "", scan()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, page) = upload(&other, aml, " aml-42 ", "2026-05-11", "", scan()).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a credential names one certificate"
    );
    assert!(
        page.contains("already recorded") || page.contains("già registrato"),
        "the reason is on the page"
    );
    let (status, _, _) = upload(&worker, 999_999, "", "2026-05-10", "", scan()).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an unknown certification"
    );
    assert_eq!(
        holdings_of(&app, employee_of(&app, &other).await.id)
            .await
            .len(),
        0,
        "nothing refused was kept"
    );
}

#[tokio::test]
async fn hr_verify_a_certificate_once_and_the_competencies_it_proves_rise_with_it_as_evidence() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let me = employee_of(&app, &worker).await.id;
    let archivist = certification_by_code(&app, "certified-archivist").await;
    upload(&worker, archivist.id, "ANAI-1", &days_ago(30), "", scan()).await;
    let holding = holdings_of(&app, me).await[0].id;
    let path = format!("/certificates/{holding}");

    let (status, _, _) = post_page(&worker, &path, &[("decision", "approve")]).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "an employee verifies nothing"
    );
    let waiting = hr.call("pending_certificates", json!({})).await;
    assert_eq!(waiting.body[0]["holding"]["id"], holding, "{waiting:?}");

    let back = format!("/employees/{me}");
    let (status, location, _) =
        post_page(&hr, &path, &[("decision", "approve"), ("back", &back)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        location.starts_with(&format!("{back}?verdict=1")),
        "{location}"
    );
    let level = employee_competency::Entity::find()
        .filter(employee_competency::Column::EmployeeId.eq(me))
        .one(&app.db)
        .await
        .unwrap()
        .expect("a level from the certificate");
    assert_eq!(
        (level.level, level.source.as_str(), level.source_id),
        (4, "certification", Some(holding))
    );

    let (status, _, page) =
        post_page(&hr, &path, &[("decision", "reject"), ("reason", "Tardi")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "decided once");
    assert!(
        page.contains("already been verified") || page.contains("già stato verificato"),
        "the page says why"
    );
    assert_eq!(holdings_of(&app, me).await[0].status, "verified");
    assert!(
        hr.call("pending_certificates", json!({}))
            .await
            .body
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_rejection_needs_a_reason_and_hr_never_verify_their_own() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let colleague = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let english = certification_by_code(&app, "english-b2").await.id;
    upload(&worker, english, "", &days_ago(10), "", scan()).await;
    let theirs = holdings_of(&app, employee_of(&app, &worker).await.id).await[0].id;
    let path = format!("/certificates/{theirs}");
    let (status, _, _) = post_page(&hr, &path, &[("decision", "reject"), ("reason", " ")]).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a rejection says why"
    );
    let (status, _, _) = post_page(
        &hr,
        &path,
        &[
            ("decision", "reject"),
            ("reason", "La scansione è illeggibile"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let rejected = &holdings_of(&app, employee_of(&app, &worker).await.id).await[0];
    assert_eq!(rejected.status, "rejected");
    assert_eq!(
        rejected.reason.as_deref(),
        Some("La scansione è illeggibile")
    );

    upload(&hr, english, "", &days_ago(10), "", scan()).await;
    let own = holdings_of(&app, employee_of(&app, &hr).await.id).await[0].id;
    let (status, _, _) = post_page(
        &hr,
        &format!("/certificates/{own}"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not one's own");
    let (status, _, _) = post_page(
        &colleague,
        &format!("/certificates/{own}"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "a colleague may");
}

#[tokio::test]
async fn a_rejected_upload_frees_its_credential_and_a_lapsed_one_verified_raises_nothing() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let me = employee_of(&app, &worker).await.id;
    let archivist = certification_by_code(&app, "certified-archivist").await.id;
    upload(&worker, archivist, "ANAI-77", &days_ago(2000), "", scan()).await;
    let first = holdings_of(&app, me).await[0].id;
    let (status, _, _) = post_page(
        &hr,
        &format!("/certificates/{first}"),
        &[("decision", "reject"), ("reason", "Illeggibile")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = upload(&worker, archivist, "anai-77", &days_ago(2000), "", scan()).await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "the same credential, readable this time"
    );
    let second = holdings_of(&app, me).await[1].id;
    let (status, _, _) = post_page(
        &hr,
        &format!("/certificates/{second}"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let levels = employee_competency::Entity::find()
        .filter(employee_competency::Column::EmployeeId.eq(me))
        .all(&app.db)
        .await
        .unwrap();
    assert!(
        levels.is_empty(),
        "lapsed years ago: history, no evidence now"
    );
}

#[tokio::test]
async fn a_renewal_becomes_the_certificate_that_counts_and_the_earlier_one_its_history() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let me = employee_of(&app, &worker).await.id;
    let aid = certification_by_code(&app, "first-aid").await.id;
    upload(&worker, aid, "PS-1", &days_ago(1200), "", scan()).await;
    upload(&worker, aid, "PS-2", &days_ago(5), "", scan()).await;
    for h in holdings_of(&app, me).await {
        post_page(
            &hr,
            &format!("/certificates/{}", h.id),
            &[("decision", "approve")],
        )
        .await;
    }
    let seen = hr.call("certifications_of", json!({"id": me})).await;
    assert_eq!(seen.status, StatusCode::OK, "{seen:?}");
    let held = &seen.body["person"]["held"];
    assert_eq!(held.as_array().unwrap().len(), 1, "one certification");
    assert_eq!(held[0]["current"]["credential_id"], "PS-2");
    assert_eq!(held[0]["current"]["standing"], "valid");
    assert_eq!(held[0]["history"][0]["credential_id"], "PS-1");
    assert_eq!(held[0]["history"][0]["standing"], "expired");
    assert_eq!(seen.body["person"]["verifies"], true);
}

#[tokio::test]
async fn certificates_are_read_by_their_holder_their_manager_and_hr_and_nobody_else() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let manager = app.signed_in(Role::Interviewer).await;
    let worker = app.signed_in(Role::Employee).await;
    let stranger = app.signed_in(Role::Employee).await;
    let boss = employee_of(&app, &manager).await.id;
    let me = place(&app, &worker, "Bank teller", "Sportello", Some(boss)).await;
    let aml = certification_by_code(&app, "anti-money-laundering")
        .await
        .id;
    upload(&worker, aml, "AML-7", &days_ago(20), "", scan()).await;
    let holding = holdings_of(&app, me).await[0].id;
    let document = format!("/certificates/{holding}/document");

    for (who, expected) in [
        (&worker, StatusCode::OK),
        (&manager, StatusCode::OK),
        (&hr, StatusCode::OK),
        (&stranger, StatusCode::FORBIDDEN),
    ] {
        let (status, headers, bytes) = who.download(&document).await;
        assert_eq!(status, expected, "{}", who.email);
        if status == StatusCode::OK {
            assert!(bytes.starts_with(b"%PDF"));
            assert!(
                headers["content-disposition"]
                    .to_str()
                    .unwrap()
                    .starts_with("attachment")
            );
        }
        let seen = who.call("certifications_of", json!({"id": me})).await;
        assert_eq!(seen.status, expected, "{}: {seen:?}", who.email);
    }
    let (status, _, _) = app.anonymous().download(&document).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let by_manager = manager.call("certifications_of", json!({"id": me})).await;
    assert_eq!(
        by_manager.body["person"]["verifies"], false,
        "only HR verify"
    );
    let (status, _, _) = post_page(
        &manager,
        &format!("/certificates/{holding}"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = post_page(
        &app.anonymous(),
        &format!("/certificates/{holding}"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "a visitor is sent to sign in"
    );
    let (status, _) = stranger.page(&format!("/employees/{me}")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn hr_add_a_certification_to_the_catalogue_with_what_it_proves_and_who_needs_it() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let teller = profile_titled(&app, "Bank teller").await.to_string();
    let form = hr
        .call("certification_editor", json!({"id": null}))
        .await
        .body;
    let competency = form["competencies"][0][0].as_i64().unwrap().to_string();
    let level_field = format!("level_{competency}");
    let fields = |validity: &'static str| {
        vec![
            ("name_it", "Gestione del contante".to_owned()),
            ("name_en", "Cash handling".to_owned()),
            ("issuer", "Banca d'Italia".to_owned()),
            ("validity_months", validity.to_owned()),
            ("active", "on".to_owned()),
            (level_field.as_str(), "3".to_owned()),
            ("profile", teller.clone()),
        ]
    };
    let as_pairs = |fields: &[(&str, String)]| -> Vec<(String, String)> {
        fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    };
    let post = |who: &Browser, fields: Vec<(String, String)>| {
        let request = who
            .client
            .post(format!("{}/certifications/new", who.address()))
            .header("accept", "text/html")
            .form(&fields);
        async move {
            let response = request.send().await.unwrap();
            (response.status(), response.text().await.unwrap_or_default())
        }
    };
    for refused in ["0", "601", "tre"] {
        let (status, page) = post(&hr, as_pairs(&fields(refused))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(
            page.contains("Gestione del contante"),
            "what was typed is kept"
        );
    }
    let (status, _) = post(&worker, as_pairs(&fields("24"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = post(&hr, as_pairs(&fields("24"))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, page) = post(&hr, as_pairs(&fields("24"))).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the same name twice"
    );
    assert!(page.contains("already") || page.contains("già"));

    let listed = worker.call("certification_catalogue", json!({})).await.body;
    let cash = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name_en"] == "Cash handling")
        .expect("in the catalogue");
    assert_eq!(cash["validity_months"], 24);
    assert_eq!(cash["proves"][0]["level"], 3);
    assert_eq!(cash["required_for"][0][1], "Bank teller");

    let required = worker
        .call(
            "profile_requirements",
            json!({"id": teller.parse::<i64>().unwrap()}),
        )
        .await
        .body;
    let names: Vec<&str> = required
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name_en"].as_str().unwrap())
        .collect();
    assert_eq!(
        &names[..2],
        [
            "Anti-money laundering (Legislative Decree 231/2007)",
            "Cash handling"
        ],
        "the certifications first: {names:?}"
    );
    assert!(
        required.as_array().unwrap()[2..]
            .iter()
            .all(|r| r["requirement"]["kind"] == "course"),
        "then the mandatory courses: {required}"
    );
    let (status, page) = worker.page(&format!("/profiles/{teller}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("profile-requirements"),
        "the profile lists what it requires"
    );
    assert!(page.contains("Gestione del contante") || page.contains("Cash handling"));
}

/// A certificate straight in the database, as HR left it.
async fn holding(
    app: &TestApp,
    employee: i32,
    certification: i32,
    status: &str,
    issued_on: NaiveDate,
    expires_on: Option<NaiveDate>,
) {
    employee_certification::ActiveModel {
        employee_id: Set(employee),
        certification_id: Set(certification),
        issued_on: Set(issued_on),
        expires_on: Set(expires_on),
        status: Set(status.to_owned()),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    compliance::refresh(&app.db, &[EmployeeId(employee)])
        .await
        .unwrap();
}

fn on(day: &str) -> NaiveDate {
    day.parse().unwrap()
}

#[tokio::test]
async fn the_compliance_matrix_states_each_requirement_on_a_day_with_the_worst_rows_first() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let manager = app.signed_in(Role::Interviewer).await;
    let boss = employee_of(&app, &manager).await.id;
    let (ada, bea, cleo) = (
        app.signed_in(Role::Employee).await,
        app.signed_in(Role::Employee).await,
        app.signed_in(Role::Employee).await,
    );
    let ada = place(&app, &ada, "Hotel receptionist", "Ricevimento", Some(boss)).await;
    let bea = place(&app, &bea, "Hotel receptionist", "Ricevimento", None).await;
    let cleo = place(&app, &cleo, "Bank teller", "Sportello", Some(boss)).await;
    let aid = certification_by_code(&app, "first-aid").await.id;
    let fire = certification_by_code(&app, "fire-warden").await.id;
    let english = certification_by_code(&app, "english-b2").await.id;
    let aml = certification_by_code(&app, "anti-money-laundering")
        .await
        .id;
    let today = on("2027-01-10");
    holding(
        &app,
        ada,
        aid,
        "verified",
        on("2024-02-01"),
        Some(on("2027-02-01")),
    )
    .await;
    holding(
        &app,
        ada,
        fire,
        "verified",
        on("2025-01-01"),
        Some(on("2030-01-01")),
    )
    .await;
    holding(&app, ada, english, "pending", on("2026-12-01"), None).await;
    holding(
        &app,
        bea,
        aid,
        "verified",
        on("2023-01-01"),
        Some(on("2026-01-01")),
    )
    .await;
    holding(
        &app,
        cleo,
        aml,
        "verified",
        on("2026-06-01"),
        Some(on("2027-06-01")),
    )
    .await;

    let matrix = compliance::matrix(&app.db, &ComplianceQuery::default(), today)
        .await
        .unwrap();
    let column = |name: &str| {
        matrix
            .columns
            .iter()
            .position(|c| c.name_en == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let row = |id: i32| matrix.rows.iter().find(|r| r.employee.0 == id).unwrap();
    let cell = |id: i32, name: &str| row(id).cells[column(name)].map(|c| (c.state, c.date));
    assert_eq!(
        cell(ada, "Workplace first aider"),
        Some((CellState::Expiring, Some(on("2027-02-01"))))
    );
    assert_eq!(
        cell(ada, "Fire warden (medium risk)").unwrap().0,
        CellState::Ok
    );
    assert_eq!(
        cell(ada, "English, level B2 (CEFR)").unwrap().0,
        CellState::Pending
    );
    assert_eq!(
        cell(bea, "Workplace first aider").unwrap().0,
        CellState::Expired
    );
    assert_eq!(
        cell(bea, "Fire warden (medium risk)").unwrap().0,
        CellState::Missing
    );
    assert_eq!(
        cell(cleo, "Workplace first aider"),
        None,
        "a teller needs no first aid"
    );
    assert_eq!(
        cell(cleo, "Anti-money laundering (Legislative Decree 231/2007)")
            .unwrap()
            .0,
        CellState::Ok
    );
    assert_eq!(matrix.rows[0].employee.0, bea, "an expired cell first");
    assert!(
        matrix.counts.expired >= 1 && matrix.counts.pending == 1 && matrix.counts.expiring == 1
    );

    let filtered = ComplianceQuery {
        manager: Some(EmployeeId(boss)),
        sort: ComplianceSort::Name,
        ..ComplianceQuery::default()
    };
    let team = compliance::matrix(&app.db, &filtered, today).await.unwrap();
    let ids: Vec<i32> = team.rows.iter().map(|r| r.employee.0).collect();
    assert!(ids.contains(&ada) && ids.contains(&cleo) && !ids.contains(&bea));
    let tellers = ComplianceQuery {
        profile: Some(profile_titled(&app, "Bank teller").await),
        ..ComplianceQuery::default()
    };
    let tellers = compliance::matrix(&app.db, &tellers, today).await.unwrap();
    assert_eq!(tellers.rows.len(), 1);
    assert!(
        tellers
            .columns
            .iter()
            .all(|c| c.name_en != "Workplace first aider"),
        "only the columns the rows need"
    );

    // Around the first aid certificate's warning and expiry: ok the day before the 90 days,
    // expiring from the first of them through its last day, expired the day after.
    for (day, state) in [
        ("2026-11-02", CellState::Ok),
        ("2026-11-03", CellState::Expiring),
        ("2027-02-01", CellState::Expiring),
        ("2027-02-02", CellState::Expired),
    ] {
        let matrix = compliance::matrix(&app.db, &ComplianceQuery::default(), on(day))
            .await
            .unwrap();
        let at = matrix
            .columns
            .iter()
            .position(|c| c.name_en == "Workplace first aider")
            .unwrap();
        let row = matrix.rows.iter().find(|r| r.employee.0 == ada).unwrap();
        assert_eq!(row.cells[at].unwrap().state, state, "on {day}");
        assert_compliance_agrees_on(&app.db, on(day)).await;
    }
    let far = ComplianceQuery {
        page: u64::MAX / 2,
        ..ComplianceQuery::default()
    };
    let last = hr.call("compliance_report", json!({ "query": far })).await;
    assert_eq!(last.status, StatusCode::OK, "a page past the end: {last:?}");
    assert_eq!(last.body["page"], 0, "is the last page");
    assert_eq!(last.body["rows"].as_array().unwrap().len(), 3);
    let (status, page) = hr.page("/compliance?department=Ricevimento").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("compliance-counts") && page.contains("data-state=\"missing\""));
}

#[tokio::test]
async fn a_mandatory_course_completed_counts_until_its_validity_runs_out() {
    let app = TestApp::spawn().await;
    let worker = app.signed_in(Role::Employee).await;
    let me = place(
        &app,
        &worker,
        "Contact-centre agent",
        "Contact centre",
        None,
    )
    .await;
    let crm = course::Entity::find()
        .filter(course::Column::Code.eq("crm-ticketing"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let column = crm.title_en.clone();
    let state = |matrix: &app::model::ComplianceMatrix| {
        let at = matrix
            .columns
            .iter()
            .position(|c| c.name_en == column)
            .unwrap();
        matrix
            .rows
            .iter()
            .find(|r| r.employee.0 == me)
            .unwrap()
            .cells[at]
            .unwrap()
            .state
    };
    let today = Utc::now().date_naive();
    let before = compliance::matrix(&app.db, &ComplianceQuery::default(), today)
        .await
        .unwrap();
    assert_eq!(state(&before), CellState::Missing);
    course_record::ActiveModel {
        employee_id: Set(me),
        course_id: Set(Some(crm.id)),
        title: Set(String::new()),
        provider: Set(crm.provider.clone()),
        kind: Set(crm.kind.clone()),
        hours: Set(crm.hours),
        status: Set("completed".to_owned()),
        review: Set("none".to_owned()),
        induction: Set(false),
        completed_on: Set(Some(today - TimeDelta::days(10))),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    compliance::refresh(&app.db, &[EmployeeId(me)])
        .await
        .unwrap();
    let after = compliance::matrix(&app.db, &ComplianceQuery::default(), today)
        .await
        .unwrap();
    assert_eq!(state(&after), CellState::Ok);
}

#[tokio::test]
async fn the_compliance_csv_has_a_row_per_person_and_a_column_per_requirement() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let me = place(&app, &worker, "Bank teller", "=Sportello", None).await;
    let aml = certification_by_code(&app, "anti-money-laundering")
        .await
        .id;
    let issued = Utc::now().date_naive() - TimeDelta::days(350);
    holding(
        &app,
        me,
        aml,
        "verified",
        issued,
        Some(issued + TimeDelta::days(365)),
    )
    .await;
    let (status, headers, bytes) = hr.download("/compliance.csv?department=%3DSportello").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let rows = read_csv(&String::from_utf8(bytes).unwrap());
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        &rows[0][..5],
        ["employee_id", "employee", "department", "profile", "worst"]
    );
    let aml_column = rows[0]
        .iter()
        .position(|h| h.starts_with("Anti-money laundering"))
        .expect("the certification's column");
    assert_eq!(rows[1][0], me.to_string());
    assert_eq!(rows[1][2], "'=Sportello", "a formula is defused");
    assert!(
        rows[1][aml_column].starts_with("expiring "),
        "{:?}",
        rows[1]
    );
    let (status, _, _) = worker.download("/compliance.csv").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn certifications_a_candidate_states_become_certificates_to_verify_when_they_are_hired() {
    use app::model::{ApplicationId, HireInput};
    use app::server::accounts::auth::CurrentUser;
    use app::server::entities::{application, candidate};

    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    let opening = crate::careers::public_opening(&app, "Bank teller").await;
    crate::intake::apply_as(
        &app,
        opening,
        "Irene Gallo",
        "irene@example.it",
        "+39 333 000 1111",
        false,
    )
    .await;
    let person = candidate::Entity::find()
        .filter(candidate::Column::Email.eq("irene@example.it"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let aml = certification_by_code(&app, "anti-money-laundering")
        .await
        .id
        .to_string();
    let path = format!("/candidates/{}/certifications", person.id);

    let (status, _, page) = post_page(
        &hr,
        &path,
        &[
            ("intent", "add"),
            ("certification_id", &aml),
            ("credential_id", "AML-IRENE"),
            ("issued_on", "2099-01-01"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("AML-IRENE"), "what was typed is kept");
    let (status, location, _) = post_page(
        &hr,
        &path,
        &[
            ("intent", "add"),
            ("certification_id", &aml),
            ("credential_id", "AML-IRENE"),
            ("issued_on", &days_ago(40)),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let (status, _, _) = post_page(
        &interviewer,
        &path,
        &[
            ("intent", "add"),
            ("certification_id", &aml),
            ("issued_on", &days_ago(40)),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only HR record them");
    let stated = hr
        .call("stated_certifications", json!({"id": person.id}))
        .await;
    assert_eq!(
        stated.body["items"][0]["credential_id"], "AML-IRENE",
        "{stated:?}"
    );
    assert!(
        stated.body["items"][0]["expires_on"].is_string(),
        "computed from the validity"
    );
    let outsider = interviewer
        .call("stated_certifications", json!({"id": person.id}))
        .await;
    assert_eq!(
        outsider.status,
        StatusCode::FORBIDDEN,
        "not on the hiring team"
    );

    let found = application::Entity::find()
        .filter(application::Column::CandidateId.eq(person.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    for stage in ["screening", "interview", "offer"] {
        let moved = hr
            .call(
                "move_application",
                json!({"id": found.id, "input": {"to": stage, "reason": ""}}),
            )
            .await;
        assert_eq!(moved.status, StatusCode::OK, "{moved:?}");
    }
    let me = CurrentUser {
        id: hr.user_id.unwrap(),
        name: "HR".into(),
        email: hr.email.clone(),
        role: Role::Hr,
        language: None,
        time_zone: "Europe/Rome".into(),
        session_id: 0,
    };
    let hired = app::server::employees::hiring::hire(
        &app.db,
        &me,
        ApplicationId(found.id),
        HireInput {
            email: "irene.gallo@percorso.test".into(),
            department: "Sportello".into(),
            location: String::new(),
            manager_id: String::new(),
            start_date: (Utc::now().date_naive() + TimeDelta::days(14)).to_string(),
            link_to: String::new(),
        },
        app::i18n::Lang::It,
        "http://127.0.0.1",
        Utc::now(),
    )
    .await
    .unwrap();
    let carried = holdings_of(&app, hired.0).await;
    assert_eq!(carried.len(), 1);
    assert_eq!(carried[0].status, "pending", "nothing proves it yet");
    assert_eq!(carried[0].credential_id.as_deref(), Some("AML-IRENE"));
    let waiting = hr.call("pending_certificates", json!({})).await;
    assert_eq!(
        waiting.body[0]["employee_name"], "Irene Gallo",
        "{waiting:?}"
    );
}

/// The state of `employee`'s cell `column` in the matrix today (none when not required).
async fn cell_today(app: &TestApp, employee: i32, column: &str) -> Option<CellState> {
    let today = Utc::now().date_naive();
    let matrix = compliance::matrix(&app.db, &ComplianceQuery::default(), today)
        .await
        .unwrap();
    let at = matrix.columns.iter().position(|c| c.name_en == column)?;
    matrix.rows.iter().find(|r| r.employee.0 == employee)?.cells[at].map(|c| c.state)
}

#[tokio::test]
async fn someone_whose_profile_asks_for_nothing_is_a_row_of_the_matrix_in_name_order() {
    let app = TestApp::spawn().await;
    let (first, second) = (
        app.signed_in(Role::Employee).await,
        app.signed_in(Role::Employee).await,
    );
    let now = Utc::now();
    let bare = job_profile::ActiveModel {
        code: Set("filing-assistant".to_owned()),
        title_it: Set("Addetto all'archivio".to_owned()),
        title_en: Set("Filing assistant".to_owned()),
        area: Set("back_office".to_owned()),
        sector: Set("services".to_owned()),
        description_it: Set(String::new()),
        description_en: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        yearly_training_hours: Set(0),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let first_id = place(&app, &first, "Filing assistant", "Archivio", None).await;
    let second_id = place(&app, &second, "Bank teller", "Sportello", None).await;

    let query = ComplianceQuery {
        sort: ComplianceSort::Name,
        ..ComplianceQuery::default()
    };
    let matrix = compliance::matrix(&app.db, &query, Utc::now().date_naive())
        .await
        .unwrap();
    let rows: Vec<(i32, &str)> = matrix
        .rows
        .iter()
        .map(|r| (r.employee.0, r.name.as_str()))
        .collect();
    assert_eq!(matrix.total_rows, 2, "{rows:?}");
    let bare_row = matrix
        .rows
        .iter()
        .find(|r| r.employee.0 == first_id)
        .expect("the filing assistant is listed");
    assert_eq!(bare_row.profile_en, bare.title_en);
    assert!(
        bare_row.cells.iter().all(Option::is_none),
        "nothing to hold"
    );
    assert!(rows.iter().any(|(id, _)| *id == second_id));
    assert!(
        rows.windows(2).all(|w| w[0].1 <= w[1].1),
        "by name: {rows:?}"
    );
    assert_compliance_agrees(&app.db).await;
}

#[tokio::test]
async fn the_matrix_follows_profiles_uploads_verdicts_completions_and_the_catalogue() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let (agent, teller) = (
        app.signed_in(Role::Employee).await,
        app.signed_in(Role::Employee).await,
    );
    let agent_id = place(&app, &agent, "Contact-centre agent", "Contact centre", None).await;
    let teller_id = place(&app, &teller, "Bank teller", "Sportello", None).await;
    let crm = course::Entity::find()
        .filter(course::Column::Code.eq("crm-ticketing"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let aml = certification_by_code(&app, "anti-money-laundering").await;
    assert_eq!(
        cell_today(&app, agent_id, &crm.title_en).await,
        Some(CellState::Missing),
        "a new profile's requirements are missing at first"
    );
    assert_compliance_agrees(&app.db).await;

    let enrolled = hr
        .call(
            "enrol_employee",
            json!({"id": agent_id, "input": {"course_id": crm.id.to_string(), "session_id": ""}}),
        )
        .await;
    assert_eq!(enrolled.status, StatusCode::OK, "{enrolled:?}");
    let record = course_record::Entity::find()
        .filter(course_record::Column::EmployeeId.eq(agent_id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let done = hr
        .call(
            "record_outcome",
            json!({"id": record.id, "input": {"status": "completed", "hours": "8", "score": "",
                "completed_on": days_ago(2)}}),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{done:?}");
    assert_eq!(
        cell_today(&app, agent_id, &crm.title_en).await,
        Some(CellState::Ok),
        "a completion counts at once"
    );

    upload(&teller, aml.id, "AML-7", &days_ago(10), "", scan()).await;
    assert_eq!(
        cell_today(&app, teller_id, &aml.name_en).await,
        Some(CellState::Pending),
        "an upload waits for HR"
    );
    let holding = holdings_of(&app, teller_id).await[0].id;
    let (status, _, _) = post_page(
        &hr,
        &format!("/certificates/{holding}"),
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        cell_today(&app, teller_id, &aml.name_en).await,
        Some(CellState::Ok),
        "verified, it counts"
    );
    assert_compliance_agrees(&app.db).await;

    // HR make the course lapse after a month: the completion two days ago still counts, and
    // the teller's profile now requires it too.
    let teller_profile = profile_titled(&app, "Bank teller").await;
    let mut input = course_editor::form(&app.db, Some(CourseId(crm.id)))
        .await
        .unwrap()
        .input;
    input.validity_months = "1".to_owned();
    input.profiles.push(teller_profile);
    course_editor::save(&app.db, hr.user_id.unwrap(), Some(CourseId(crm.id)), &input)
        .await
        .unwrap();
    assert_eq!(
        cell_today(&app, teller_id, &crm.title_en).await,
        Some(CellState::Missing),
        "a profile newly requiring a course shows it missing"
    );
    assert_eq!(
        cell_today(&app, agent_id, &crm.title_en).await,
        Some(CellState::Expiring),
        "a month's validity: expiring within 90 days"
    );
    assert_compliance_agrees(&app.db).await;

    // Another profile, other requirements: nothing kept of the teller's.
    let agent_profile = profile_titled(&app, "Contact-centre agent").await;
    records::update(
        &app.db,
        EmployeeId(teller_id),
        EmployeeChange {
            profile: Some(JobProfileId(agent_profile)),
            department: "Sportello".to_owned(),
            location: "Treviso".to_owned(),
            manager: None,
            start_date: None,
            status: EmployeeStatus::Active,
        },
    )
    .await
    .unwrap();
    assert_eq!(cell_today(&app, teller_id, &aml.name_en).await, None);
    let kept = compliance_cell::Entity::find()
        .filter(compliance_cell::Column::EmployeeId.eq(teller_id))
        .filter(compliance_cell::Column::Kind.eq("certification"))
        .filter(compliance_cell::Column::RequirementId.eq(aml.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(
        kept, 0,
        "the teller's old requirement is gone from the cells"
    );
    assert_eq!(
        cell_today(&app, teller_id, &crm.title_en).await,
        Some(CellState::Missing),
        "the agent's course is theirs now"
    );
    assert_compliance_agrees(&app.db).await;

    // Gone from the company, gone from the matrix and its counts.
    let before = compliance::matrix(
        &app.db,
        &ComplianceQuery::default(),
        Utc::now().date_naive(),
    )
    .await
    .unwrap()
    .counts;
    records::update(
        &app.db,
        EmployeeId(agent_id),
        EmployeeChange {
            profile: Some(JobProfileId(agent_profile)),
            department: "Contact centre".to_owned(),
            location: "Treviso".to_owned(),
            manager: None,
            start_date: None,
            status: EmployeeStatus::Left,
        },
    )
    .await
    .unwrap();
    let after = compliance::matrix(
        &app.db,
        &ComplianceQuery::default(),
        Utc::now().date_naive(),
    )
    .await
    .unwrap();
    assert!(after.rows.iter().all(|r| r.employee.0 != agent_id));
    assert!(
        after.counts.expiring < before.expiring,
        "{before:?} → {:?}",
        after.counts
    );
    assert_compliance_agrees(&app.db).await;
}
