//! Employees through the server functions, the plain forms and the pages: a record for every
//! account, HR's list (search, filters, pages, CSV read back by a parser of our own), who may
//! read whose record, HR's changes refused field by field, the hire from an application (the
//! employee, the closed applications, the first competency levels, the welcome mail) and the
//! welcome link that sets the password once.

use app::model::Role;
use app::server::accounts::sessions::hash_token;
use app::server::entities::{
    account_invitation, application, course_profile, course_record, employee, employee_competency,
    outbox, user,
};
use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::{Value, json};

use crate::assessment::{competency_id, rated};
use crate::careers::public_opening;
use crate::helpers::{Browser, TestApp};
use crate::intake::{apply_as, candidate_by_email, move_to};

/// Employee record of account `browser`.
async fn record_of(app: &TestApp, browser: &Browser) -> employee::Model {
    employee::Entity::find()
        .filter(employee::Column::UserId.eq(browser.user_id.unwrap().0))
        .one(&app.db)
        .await
        .unwrap()
        .expect("every account has an employee record")
}

fn record_input(fields: Value) -> Value {
    let mut input = json!({"profile_id": "", "department": "", "location": "",
        "manager_id": "", "start_date": "", "status": "active"});
    for (k, v) in fields.as_object().unwrap() {
        input[k] = v.clone();
    }
    input
}

async fn update(hr: &Browser, id: i32, fields: Value) -> crate::helpers::Answer {
    hr.call(
        "update_employee",
        json!({"id": id, "input": record_input(fields)}),
    )
    .await
}

/// Posts `fields` to `path` as a plain form: the status, the redirect and the page.
async fn post(
    who: &Browser,
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, String) {
    let response = who
        .client
        .post(app.url(path))
        .header("accept", "text/html")
        .form(fields)
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

async fn read(who: &Browser, id: i32) -> StatusCode {
    who.call("get_employee", json!({"id": id})).await.status
}

/// Reads CSV as RFC 4180 says (quoted fields, doubled quotes, CRLF), independently of the
/// writer the server uses.
pub(crate) fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[tokio::test]
async fn every_account_comes_with_an_employee_record_that_hr_search_filter_and_page() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let mut staff = Vec::new();
    for _ in 0..3 {
        staff.push(app.signed_in(Role::Employee).await);
    }
    let manager = record_of(&app, &hr).await;
    for (n, who) in staff.iter().enumerate() {
        let record = record_of(&app, who).await;
        assert_eq!(record.status, "active");
        let department = if n < 2 { "Front office" } else { "Archivio" };
        let saved = update(
            &hr,
            record.id,
            json!({"department": department, "location": "Treviso",
                "manager_id": manager.id.to_string(), "start_date": "2025-01-13",
                "status": if n == 1 { "on_leave" } else { "active" }}),
        )
        .await;
        assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    }
    let list = |filter: Value| {
        let hr = &hr;
        async move {
            let mut f = json!({"q": "", "department": null, "profile": null, "manager": null, "status": null});
            for (k, v) in filter.as_object().unwrap() {
                f[k] = v.clone();
            }
            let answer = hr
                .call("list_employees", json!({"filter": f, "page": 0}))
                .await;
            assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
            answer.body
        }
    };
    assert_eq!(
        list(json!({"department": "Front office"})).await["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        list(json!({"status": "on_leave"})).await["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        list(json!({"manager": manager.id})).await["items"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let found = list(json!({"q": staff[2].email.to_uppercase()})).await;
    let items = found["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{found}");
    assert_eq!(items[0]["department"], "Archivio");
    assert_eq!(items[0]["manager"]["name"], "Test hr");
    let everyone = list(json!({})).await;
    assert_eq!(
        everyone["items"].as_array().unwrap().len(),
        4,
        "HR are on the staff too"
    );

    let past = hr
        .call(
            "list_employees",
            json!({"filter": {"q": "", "department": null, "profile": null, "manager": null, "status": null}, "page": 9}),
        )
        .await;
    assert_eq!(past.status, StatusCode::OK, "a page past the end is empty");
    assert!(past.body["items"].as_array().unwrap().is_empty());
    assert_eq!(past.body["more"], false);

    let (status, page) = hr.page("/employees?department=Front+office").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"id="employees""#));
    assert!(page.contains(&staff[0].email) && !page.contains(&staff[2].email));
}

#[tokio::test]
async fn hr_export_the_filtered_employees_as_csv_with_formulas_defused() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let who = app.signed_in(Role::Employee).await;
    let record = record_of(&app, &who).await;
    let saved = update(
        &hr,
        record.id,
        json!({"department": "=SUM(A1:A9)", "location": "Venezia, Mestre", "start_date": "2024-06-03"}),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let (status, headers, bytes) = hr
        .download("/employees.csv?department=%3DSUM(A1%3AA9)")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let rows = read_csv(&String::from_utf8(bytes).unwrap());
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0],
        [
            "id",
            "name",
            "email",
            "profile",
            "department",
            "location",
            "manager",
            "start_date",
            "status"
        ]
    );
    assert_eq!(rows[1][2], who.email);
    assert_eq!(rows[1][4], "'=SUM(A1:A9)", "a formula is kept as text");
    assert_eq!(rows[1][5], "Venezia, Mestre");
    assert_eq!(rows[1][7], "2024-06-03");
    assert_eq!(rows[1][8], "active");
}

#[tokio::test]
async fn an_employee_reads_their_own_record_a_manager_their_teams_and_nobody_else_theirs() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let manager = app.signed_in(Role::Interviewer).await;
    let report = app.signed_in(Role::Employee).await;
    let other = app.signed_in(Role::Employee).await;
    let (manager_record, report_record, other_record) = (
        record_of(&app, &manager).await,
        record_of(&app, &report).await,
        record_of(&app, &other).await,
    );
    let saved = update(
        &hr,
        report_record.id,
        json!({"manager_id": manager_record.id.to_string()}),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");

    assert_eq!(read(&report, report_record.id).await, StatusCode::OK);
    assert_eq!(read(&manager, report_record.id).await, StatusCode::OK);
    assert_eq!(read(&hr, other_record.id).await, StatusCode::OK);
    assert_eq!(read(&report, other_record.id).await, StatusCode::FORBIDDEN);
    assert_eq!(
        read(&report, manager_record.id).await,
        StatusCode::FORBIDDEN,
        "not upwards"
    );
    assert_eq!(read(&manager, other_record.id).await, StatusCode::FORBIDDEN);
    assert_eq!(read(&report, 999_999).await, StatusCode::NOT_FOUND);

    let mine = report.call("my_employee_record", json!({})).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert_eq!(mine.body["row"]["id"], report_record.id);
    assert_eq!(mine.body["editable"], false);
    let team = manager.call("my_employee_record", json!({})).await;
    assert_eq!(team.body["reports"][0]["id"], report_record.id);

    // By its address, as a page.
    let (status, _) = report
        .page(&format!("/employees/{}", other_record.id))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, page) = report.page("/me").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&report.email) && !page.contains(r#"id="edit-employee""#));
    let (status, _) = report.page("/employees").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let updated = update(&report, report_record.id, json!({"department": "Mio"})).await;
    assert_eq!(updated.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn hr_change_a_record_with_each_bad_field_refused_on_its_field_and_what_was_typed_kept() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let boss = app.signed_in(Role::Employee).await;
    let report = app.signed_in(Role::Employee).await;
    let (boss_record, report_record) =
        (record_of(&app, &boss).await, record_of(&app, &report).await);
    let path = format!("/employees/{}", report_record.id);
    let manager = boss_record.id.to_string();
    let (status, location, _) = post(
        &hr,
        &app,
        &path,
        &[
            ("intent", "update"),
            ("department", "Contabilità"),
            ("location", "Padova"),
            ("manager_id", &manager),
            ("start_date", "2023-09-01"),
            ("status", "active"),
            ("profile_id", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("{path}?saved=1"));
    let stored = record_of(&app, &report).await;
    assert_eq!(
        (stored.department.as_str(), stored.manager_id),
        ("Contabilità", Some(boss_record.id))
    );

    // A bad date: the page again, 422, with the reason on the field and the rest as typed.
    let (status, _, page) = post(
        &hr,
        &app,
        &path,
        &[
            ("intent", "update"),
            ("department", "Archivio storico"),
            ("location", "Padova"),
            ("manager_id", &manager),
            ("start_date", "primo settembre"),
            ("status", "active"),
            ("profile_id", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Archivio storico"), "what was typed is kept");
    assert!(
        page.contains(r#"id="f-employee-start_date-error""#),
        "{page}"
    );
    assert_eq!(
        record_of(&app, &report).await.department,
        "Contabilità",
        "nothing saved"
    );

    // A circle: the boss cannot report to their own report.
    let circle = update(
        &hr,
        boss_record.id,
        json!({"manager_id": report_record.id.to_string()}),
    )
    .await;
    assert_eq!(circle.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        circle.field_error("manager_id").as_deref(),
        Some("manager_circle")
    );
    let own = update(
        &hr,
        boss_record.id,
        json!({"manager_id": boss_record.id.to_string()}),
    )
    .await;
    assert_eq!(
        own.field_error("manager_id").as_deref(),
        Some("manager_circle")
    );
    let missing = update(
        &hr,
        boss_record.id,
        json!({"manager_id": "999999", "profile_id": "999999"}),
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    let long = update(
        &hr,
        boss_record.id,
        json!({"department": "x".repeat(121), "status": "retired"}),
    )
    .await;
    assert_eq!(long.field_error("department").as_deref(), Some("too_long"));
    assert_eq!(long.field_error("status").as_deref(), Some("unknown"));
}

/// A candidate who applied to two openings, rated in an interview on the first.
struct Hire {
    app: TestApp,
    hr: Browser,
    application: i64,
    other_application: i64,
    verbal: i64,
}

async fn hire_fixture() -> Hire {
    let app = TestApp::spawn().await;
    let bank = public_opening(&app, "Bank teller").await;
    let hotel = public_opening(&app, "Hotel receptionist").await;
    apply_as(
        &app,
        bank,
        "Anna Bianchi",
        "anna@example.it",
        "+39 333 111 2222",
        false,
    )
    .await;
    apply_as(
        &app,
        hotel,
        "Anna Bianchi",
        "anna@example.it",
        "+39 333 111 2222",
        false,
    )
    .await;
    let hr = app.signed_in(Role::Hr).await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    let candidate = candidate_by_email(&app, "anna@example.it").await;
    let applications = application::Entity::find()
        .filter(application::Column::CandidateId.eq(candidate as i32))
        .order_by_asc(application::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(applications.len(), 2, "one person, two applications");
    let verbal = competency_id(&app, "verbal-communication").await;
    let application = i64::from(applications[0].id);
    rated(&hr, &interviewer, application, &[(verbal, 4)]).await;
    Hire {
        app,
        hr,
        application,
        other_application: applications[1].id.into(),
        verbal,
    }
}

fn hire_fields<'a>(email: &'a str, manager: &'a str, start: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("email", email),
        ("department", "Sportello"),
        ("location", ""),
        ("manager_id", manager),
        ("start_date", start),
    ]
}

#[tokio::test]
async fn hiring_makes_the_candidate_an_employee_closes_their_other_applications_and_mails_a_welcome_link()
 {
    let f = hire_fixture().await;
    let manager = record_of(&f.app, &f.hr).await.id.to_string();
    let start = (Utc::now() + TimeDelta::days(14)).date_naive().to_string();
    let path = format!("/applications/{}/hire", f.application);
    let (status, page) = f.hr.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("anna@example.it") && page.contains(r#"id="hire""#));

    let (status, location, _) = post(
        &f.hr,
        &f.app,
        &path,
        &hire_fields("anna@example.it", &manager, &start),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let hired = employee::Entity::find()
        .filter(
            employee::Column::CandidateId
                .eq(candidate_by_email(&f.app, "anna@example.it").await as i32),
        )
        .one(&f.app.db)
        .await
        .unwrap()
        .expect("the candidate is an employee");
    assert_eq!(location, format!("/employees/{}?hired=1", hired.id));
    assert_eq!(hired.department, "Sportello");
    assert_eq!(
        hired.location, "Padova",
        "the opening's, when none is typed"
    );
    assert_eq!(hired.manager_id.map(|m| m.to_string()), Some(manager));
    assert_eq!(hired.start_date.map(|d| d.to_string()), Some(start));
    let account = user::Entity::find_by_id(hired.user_id)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (account.email.as_str(), account.role.as_str()),
        ("anna@example.it", "employee")
    );
    assert!(
        account.password_hash.is_empty(),
        "no password until they choose one"
    );

    let stages: Vec<(i32, String, Option<String>)> = application::Entity::find()
        .order_by_asc(application::Column::Id)
        .all(&f.app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.stage, a.stage_reason))
        .collect();
    assert_eq!(stages[0].1, "hired");
    assert_eq!(
        stages[1].1, "withdrawn",
        "the other open application is closed"
    );
    let reason = stages[1].2.clone().unwrap_or_default();
    assert!(reason.starts_with("Assunto come "), "{reason}");
    assert_eq!(i64::from(stages[1].0), f.other_application);

    let levels = employee_competency::Entity::find()
        .filter(employee_competency::Column::EmployeeId.eq(hired.id))
        .all(&f.app.db)
        .await
        .unwrap();
    let verbal = levels
        .iter()
        .find(|l| i64::from(l.competency_id) == f.verbal)
        .expect("assessed");
    assert_eq!((verbal.level, verbal.source.as_str()), (4, "assessment"));
    assert_eq!(verbal.source_id.map(i64::from), Some(f.application));

    let mail = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq("anna@example.it"))
        .filter(outbox::Column::Body.contains("/welcome/"))
        .one(&f.app.db)
        .await
        .unwrap()
        .expect("a welcome mail");
    assert_eq!(mail.lang, "it", "in the language she applied in");
    let invitation = account_invitation::Entity::find()
        .filter(account_invitation::Column::UserId.eq(hired.user_id))
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    let token = welcome_token(&mail.body);
    assert_eq!(token.len(), 64, "256 random bits");
    assert_eq!(
        invitation.token_hash,
        hash_token(&token),
        "only the hash is kept"
    );

    let days = (invitation.expires_at - invitation.created_at).num_days();
    assert_eq!(days, 7);

    // The induction: a place on each course the profile makes mandatory.
    let mandatory = course_profile::Entity::find()
        .filter(course_profile::Column::ProfileId.eq(hired.profile_id.unwrap()))
        .all(&f.app.db)
        .await
        .unwrap()
        .len();
    let inducted = course_record::Entity::find()
        .filter(course_record::Column::EmployeeId.eq(hired.id))
        .filter(course_record::Column::Induction.eq(true))
        .all(&f.app.db)
        .await
        .unwrap();
    assert!(mandatory >= 2, "privacy and safety at least");
    assert_eq!(inducted.len(), mandatory);
    assert!(
        inducted
            .iter()
            .all(|r| r.status == "planned" || r.status == "enrolled")
    );
    // The page: the hire on the timeline, the level with its source.
    let (status, page) = f.hr.page(&format!("/employees/{}", hired.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"id="timeline""#) && page.contains(r#"id="invitation""#));
    // The same application cannot be hired twice.
    let again =
        f.hr.call(
            "hire",
            json!({"id": f.application, "input": {"email": "anna@example.it", "department": "",
                "location": "", "manager_id": "", "start_date": "2027-01-04"}}),
        )
        .await;
    assert_eq!(again.field_error("form").as_deref(), Some("hire_closed"));
}

fn welcome_token(body: &str) -> String {
    let at = body.find("/welcome/").expect("a link") + "/welcome/".len();
    body[at..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}

#[tokio::test]
async fn a_hire_with_bad_input_is_refused_on_each_field_and_keeps_what_was_typed() {
    let f = hire_fixture().await;
    let path = format!("/applications/{}/hire", f.application);
    let (status, _, page) = post(
        &f.hr,
        &f.app,
        &path,
        &hire_fields("anna at example", "", ""),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("anna at example"), "what was typed is kept");
    assert!(
        page.contains(r#"id="f-hire-email-error""#)
            && page.contains(r#"id="f-hire-start_date-error""#)
    );
    let stage = application::Entity::find_by_id(f.application as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap()
        .stage;
    assert_ne!(stage, "hired", "nothing happened");
    // The board's move to Hired is sent to the hire form.
    let moved =
        f.hr.call(
            "move_application",
            json!({"id": f.application, "input": {"to": "hired", "reason": ""}}),
        )
        .await;
    assert_eq!(moved.field_error("to").as_deref(), Some("hire_on_form"));
    let interviewer = f.app.signed_in(Role::Interviewer).await;
    let (status, _, _) = post(
        &interviewer,
        &f.app,
        &path,
        &hire_fields("anna@example.it", "", "2027-01-04"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn hiring_someone_already_on_the_staff_updates_their_record_once_hr_confirm_it_is_them() {
    let app = TestApp::spawn().await;
    let bank = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let colleague = app.signed_in(Role::Employee).await;
    apply_as(
        &app,
        bank,
        "Internal Move",
        &colleague.email,
        "+39 333 111 9999",
        false,
    )
    .await;
    let candidate = candidate_by_email(&app, &colleague.email).await;
    let application = application::Entity::find()
        .filter(application::Column::CandidateId.eq(candidate as i32))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let record = record_of(&app, &colleague).await;
    let form = hr
        .call("get_hire_form", json!({"id": application.id}))
        .await;
    assert_eq!(form.body["existing"]["id"], record.id);
    let records_before = employee::Entity::find().all(&app.db).await.unwrap().len();
    let hire = |link_to: String| {
        json!({"id": application.id, "input": {"email": colleague.email, "department": "Sportello",
            "location": "", "manager_id": "", "start_date": "2027-01-04", "link_to": link_to}})
    };
    // An address on the staff is not taken over unless HR say it is the same person.
    let refused = hr.call("hire", hire(String::new())).await;
    assert_eq!(
        refused.field_error("email").as_deref(),
        Some("email_on_staff")
    );
    let linked = hr.call("hire", hire(record.id.to_string())).await;
    assert_eq!(linked.status, StatusCode::OK, "{linked:?}");
    assert_eq!(linked.body, record.id);
    let updated = record_of(&app, &colleague).await;
    assert_eq!(updated.candidate_id, Some(candidate as i32));
    assert_eq!(updated.department, "Sportello");
    assert!(updated.profile_id.is_some(), "the opening's profile");
    assert_eq!(
        employee::Entity::find().all(&app.db).await.unwrap().len(),
        records_before,
        "no second record"
    );
    let welcome = outbox::Entity::find()
        .filter(outbox::Column::Body.contains("/welcome/"))
        .one(&app.db)
        .await
        .unwrap();
    assert!(welcome.is_none(), "their account has a password already");
}

#[tokio::test]
async fn the_welcome_link_sets_the_password_once_signs_in_and_hr_can_send_another() {
    let f = hire_fixture().await;
    move_to(&f.hr, f.application as i32, "hired").await;
    let address = format!("hired-{}@example.it", f.application);
    let mail = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq(address.as_str()))
        .one(&f.app.db)
        .await
        .unwrap()
        .expect("a welcome mail");
    let token = welcome_token(&mail.body);
    let visitor = f.app.anonymous();
    let path = format!("/welcome/{token}");
    let (status, page) = visitor.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"id="welcome""#) && !page.contains(".wasm"),
        "a plain page"
    );

    let (status, _, page) = post(
        &visitor,
        &f.app,
        &path,
        &[
            ("password", "una frase lunga e sicura"),
            ("confirm", "un'altra frase"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(r#"id="f-welcome-confirm-error""#));
    let (status, _, _) = post(
        &visitor,
        &f.app,
        &path,
        &[("password", "corta"), ("confirm", "corta")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let (status, location, _) = post(
        &visitor,
        &f.app,
        &path,
        &[
            ("password", "una frase lunga e sicura"),
            ("confirm", "una frase lunga e sicura"),
        ],
    )
    .await;
    assert_eq!((status, location.as_str()), (StatusCode::SEE_OTHER, "/me"));
    let (status, page) = visitor.page("/me").await;
    assert_eq!(status, StatusCode::OK, "signed in");
    assert!(page.contains(&address));

    // Used: the link says so, and a second post is refused.
    let (status, page) = f.app.anonymous().page(&path).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(page.contains(r#"id="welcome-over""#));
    let (status, _, _) = post(
        &f.app.anonymous(),
        &f.app,
        &path,
        &[
            ("password", "un'altra frase lunga"),
            ("confirm", "un'altra frase lunga"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::GONE);
    let again = f.app.anonymous();
    let refused = again
        .call(
            "login",
            json!({"input": {"email": address, "password": "un'altra frase lunga"}}),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the password did not change"
    );
    let hired = employee::Entity::find()
        .filter(employee::Column::CandidateId.is_not_null())
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    let refused = f.hr.call("invite_employee", json!({"id": hired.id})).await;
    assert_eq!(
        refused.field_error("form").as_deref(),
        Some("invitation_accepted")
    );
    let (status, _) = f
        .app
        .anonymous()
        .page(&format!("/welcome/{}", "ab".repeat(32)))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_expired_welcome_link_is_refused_and_a_new_one_replaces_it() {
    let f = hire_fixture().await;
    move_to(&f.hr, f.application as i32, "hired").await;
    let hired = employee::Entity::find()
        .filter(employee::Column::CandidateId.is_not_null())
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    let first = outbox::Entity::find()
        .filter(outbox::Column::Body.contains("/welcome/"))
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    let old_token = welcome_token(&first.body);
    let invitation = account_invitation::Entity::find()
        .filter(account_invitation::Column::UserId.eq(hired.user_id))
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    let mut expired: account_invitation::ActiveModel = invitation.into();
    expired.expires_at = Set(Utc::now() - TimeDelta::minutes(1));
    expired.update(&f.app.db).await.unwrap();
    let (status, _) = f
        .app
        .anonymous()
        .page(&format!("/welcome/{old_token}"))
        .await;
    assert_eq!(status, StatusCode::GONE);
    let (_, page) = f.hr.page(&format!("/employees/{}", hired.id)).await;
    assert!(
        page.contains(r#"name="intent" value="invite""#),
        "HR can send another"
    );

    let (status, location, _) = post(
        &f.hr,
        &f.app,
        &format!("/employees/{}", hired.id),
        &[("intent", "invite")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("?invited=1"));
    let mails = outbox::Entity::find()
        .filter(outbox::Column::Body.contains("/welcome/"))
        .order_by_asc(outbox::Column::Id)
        .all(&f.app.db)
        .await
        .unwrap();
    assert_eq!(mails.len(), 2);
    let new_token = welcome_token(&mails[1].body);
    assert_ne!(new_token, old_token);
    let (status, _) = f
        .app
        .anonymous()
        .page(&format!("/welcome/{new_token}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = f
        .app
        .anonymous()
        .page(&format!("/welcome/{old_token}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the old link is gone");
}

#[tokio::test]
async fn merging_away_the_candidate_someone_was_hired_as_keeps_their_history_with_the_person() {
    let f = hire_fixture().await;
    move_to(&f.hr, f.application as i32, "hired").await;
    let bank = public_opening(&f.app, "Bank teller").await;
    apply_as(
        &f.app,
        bank,
        "Anna Bianchi",
        "anna.bianchi@example.com",
        "+39 333 555 0000",
        false,
    )
    .await;
    let hired_as = candidate_by_email(&f.app, "anna@example.it").await;
    let kept = candidate_by_email(&f.app, "anna.bianchi@example.com").await;
    let merged =
        f.hr.call(
            "merge_candidates",
            json!({"keep": kept, "duplicate": hired_as}),
        )
        .await;
    assert_eq!(merged.status, StatusCode::OK, "{merged:?}");
    let hired = employee::Entity::find()
        .filter(employee::Column::CandidateId.is_not_null())
        .one(&f.app.db)
        .await
        .unwrap()
        .expect("still linked");
    assert_eq!(hired.candidate_id, Some(kept as i32));
}
