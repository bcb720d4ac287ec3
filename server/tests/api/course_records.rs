//! Course records through the server functions and the plain forms: places on a session until
//! it is full and then the waiting list, requests decided by the manager, outcomes raising
//! competency levels, training logged with a certificate that counts once HR approve it, the
//! induction of a hire, and "My training" with its hours and recommended courses.

use app::model::Role;
use app::server::entities::{course, course_record, course_session, employee, employee_competency};
use chrono::{Datelike, TimeDelta, Utc};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};

use crate::documents::pdf;
use crate::helpers::{Answer, Browser, TestApp};

async fn record_of(app: &TestApp, who: &Browser) -> employee::Model {
    employee::Entity::find()
        .filter(employee::Column::UserId.eq(who.user_id.unwrap().0))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

async fn course_by_code(app: &TestApp, code: &str) -> course::Model {
    course::Entity::find()
        .filter(course::Column::Code.eq(code))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// A session of `course` in a week with `capacity` places.
async fn session(app: &TestApp, course: i32, capacity: i32) -> i32 {
    let starts = Utc::now() + TimeDelta::days(7);
    course_session::ActiveModel {
        course_id: Set(course),
        starts_at: Set(starts),
        ends_at: Set(starts + TimeDelta::hours(4)),
        place: Set("Aula 2".to_owned()),
        capacity: Set(capacity),
        trainer: Set("Paola Greco".to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

async fn enrol(who: &Browser, employee: i32, course: i32, session: Option<i32>) -> Answer {
    who.call(
        "enrol_employee",
        json!({"id": employee, "input": {"course_id": course.to_string(),
            "session_id": session.map(|s| s.to_string()).unwrap_or_default()}}),
    )
    .await
}

async fn status_of(app: &TestApp, employee: i32, course: i32) -> Vec<String> {
    let mut found: Vec<course_record::Model> = course_record::Entity::find()
        .filter(course_record::Column::EmployeeId.eq(employee))
        .filter(course_record::Column::CourseId.eq(course))
        .all(&app.db)
        .await
        .unwrap();
    found.sort_by_key(|r| r.id);
    found.into_iter().map(|r| r.status).collect()
}

async fn record_id(app: &TestApp, employee: i32, course: i32) -> i32 {
    course_record::Entity::find()
        .filter(course_record::Column::EmployeeId.eq(employee))
        .filter(course_record::Column::CourseId.eq(course))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn decide(who: &Browser, request: i64, decision: &str) -> Answer {
    who.call(
        "decide_request",
        json!({"id": request, "input": {"decision": decision, "reason": ""}}),
    )
    .await
}

fn outcome(status: &str, hours: &str, completed_on: &str) -> Value {
    json!({"status": status, "hours": hours, "score": "", "completed_on": completed_on})
}

#[tokio::test]
async fn a_full_session_puts_the_next_on_its_waiting_list_who_take_a_place_given_up() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let (first, second) = (
        app.signed_in(Role::Employee).await,
        app.signed_in(Role::Employee).await,
    );
    let (first, second) = (
        record_of(&app, &first).await.id,
        record_of(&app, &second).await.id,
    );
    let excel = course_by_code(&app, "excel-administration").await.id;
    let one_place = session(&app, excel, 1).await;

    let placed = enrol(&hr, first, excel, Some(one_place)).await;
    assert_eq!(
        (placed.status, placed.body.clone()),
        (StatusCode::OK, json!("enrolled"))
    );
    let full = enrol(&hr, second, excel, Some(one_place)).await;
    assert_eq!(full.body, "waiting", "past capacity: the waiting list");
    let again = enrol(&hr, first, excel, None).await;
    assert_eq!(
        again.field_error("course_id").as_deref(),
        Some("already_enrolled")
    );

    let cancelled = hr
        .call(
            "record_outcome",
            json!({"id": record_id(&app, first, excel).await, "input": outcome("cancelled", "", "")}),
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{cancelled:?}");
    assert_eq!(
        status_of(&app, second, excel).await,
        ["enrolled"],
        "promoted"
    );
    assert_eq!(status_of(&app, first, excel).await, ["cancelled"]);

    let planned = enrol(&hr, first, excel, None).await;
    assert_eq!(planned.body, "planned", "without a session, in the plan");
}

#[tokio::test]
async fn an_employee_asks_for_a_place_their_manager_grants_it_and_nobody_else_may() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let manager = app.signed_in(Role::Interviewer).await;
    let worker = app.signed_in(Role::Employee).await;
    let stranger = app.signed_in(Role::Employee).await;
    let (manager_id, worker_id) = (
        record_of(&app, &manager).await.id,
        record_of(&app, &worker).await.id,
    );
    let saved = hr
        .call(
            "update_employee",
            json!({"id": worker_id, "input": {"profile_id": "", "department": "", "location": "",
                "manager_id": manager_id.to_string(), "start_date": "", "status": "active"}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let writing = course_by_code(&app, "business-writing").await.id;
    let place = session(&app, writing, 10).await;

    // An employee may not give themselves a place, only ask for one.
    let own = enrol(&worker, worker_id, writing, Some(place)).await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    let asked = worker
        .call(
            "request_place",
            json!({"input": {"course_id": writing.to_string(), "session_id": place.to_string()}}),
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{asked:?}");
    let request = asked.body.as_i64().unwrap();
    let decisions = manager.call("training_decisions", json!({})).await;
    assert_eq!(decisions.body[1][0]["id"], request, "the manager sees it");
    let others = stranger.call("training_decisions", json!({})).await;
    assert!(others.body[1].as_array().unwrap().is_empty());

    assert_eq!(
        decide(&stranger, request, "approve").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        decide(&worker, request, "approve").await.status,
        StatusCode::FORBIDDEN,
        "not their own"
    );
    let no_reason = decide(&manager, request, "reject").await;
    assert_eq!(
        no_reason.field_error("reason").as_deref(),
        Some("reason_required")
    );
    let granted = decide(&manager, request, "approve").await;
    assert_eq!(granted.body, "enrolled", "{granted:?}");
    assert_eq!(
        decide(&manager, request, "approve")
            .await
            .field_error("form")
            .as_deref(),
        Some("not_requested")
    );
    // The manager reads the report's records; the stranger does not.
    let read = manager
        .call("employee_training", json!({"id": worker_id}))
        .await;
    assert_eq!(read.body[0]["status"], "enrolled");
    let refused = stranger
        .call("employee_training", json!({"id": worker_id}))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // Only HR record outcomes.
    let by_manager = manager
        .call(
            "record_outcome",
            json!({"id": request, "input": outcome("completed", "8", "2026-01-10")}),
        )
        .await;
    assert_eq!(by_manager.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn completing_a_course_raises_levels_up_to_the_courses_and_bad_outcomes_are_refused_by_field()
{
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let worker_id = record_of(&app, &worker).await.id;
    let crm = course_by_code(&app, "crm-ticketing").await;
    enrol(&hr, worker_id, crm.id, None).await;
    let record = record_id(&app, worker_id, crm.id).await;
    let today = Utc::now().date_naive();
    // Two days on: in the future in every time zone, whatever the hour in UTC.
    let later = (today + TimeDelta::days(2)).to_string();
    for (hours, day, field, code) in [
        ("0", today.to_string(), "hours", "hours_range"),
        ("-2", today.to_string(), "hours", "hours_range"),
        ("1001", today.to_string(), "hours", "hours_range"),
        ("8", later.clone(), "completed_on", "future_date"),
    ] {
        let refused = hr
            .call(
                "record_outcome",
                json!({"id": record, "input": outcome("completed", hours, &day)}),
            )
            .await;
        assert_eq!(
            refused.field_error(field).as_deref(),
            Some(code),
            "{hours} {day}"
        );
    }
    let done = hr
        .call(
            "record_outcome",
            json!({"id": record, "input": outcome("completed", "8", &today.to_string())}),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{done:?}");
    let ledger = hr
        .call(
            "training_ledger",
            json!({"query": {"year": today.year(), "period": "month", "rows": "employee", "department": null}}),
        )
        .await;
    let row = ledger.body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["employee"] == worker_id)
        .cloned()
        .expect("the worker's row");
    assert_eq!(row["total"], 8, "the ledger counts the completed course");
    assert_eq!(row["hours"][today.month0() as usize], 8);
    let levels = employee_competency::Entity::find()
        .filter(employee_competency::Column::EmployeeId.eq(worker_id))
        .all(&app.db)
        .await
        .unwrap();
    assert!(!levels.is_empty());
    for level in &levels {
        assert_eq!(level.source, "course");
        assert_eq!(level.source_id, Some(crm.id));
    }
    let again = hr
        .call(
            "record_outcome",
            json!({"id": record, "input": outcome("failed", "8", &today.to_string())}),
        )
        .await;
    assert_eq!(
        again.field_error("status").as_deref(),
        Some("record_closed")
    );
    let mine = worker.call("my_training", json!({})).await;
    assert_eq!(mine.body["hours_this_year"], 8);
    assert_eq!(mine.body["done"][0]["status"], "completed");
}

/// Posts "Log training" as the plain form does, with `certificate` as the file.
async fn log_training(
    who: &Browser,
    app: &TestApp,
    fields: Vec<(&'static str, String)>,
    certificate: Option<(&str, Vec<u8>)>,
) -> (StatusCode, String, String) {
    let mut form = Form::new();
    for (name, value) in fields {
        form = form.text(name, value);
    }
    if let Some((name, bytes)) = certificate {
        form = form.part("certificate", Part::bytes(bytes).file_name(name.to_owned()));
    }
    let response = who
        .client
        .post(app.url("/training/log"))
        .header("accept", "text/html")
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn logged_training_with_its_certificate_counts_once_hr_approve_it() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let stranger = app.signed_in(Role::Employee).await;
    let day = (Utc::now() - TimeDelta::days(3)).date_naive().to_string();
    let fields = |hours: &'static str, on: String| -> Vec<(&'static str, String)> {
        vec![
            ("title", "Seminario sul GDPR".into()),
            ("provider", "Ordine dei consulenti".into()),
            ("kind", "seminar".into()),
            ("hours", hours.into()),
            ("completed_on", on),
            ("course_id", String::new()),
        ]
    };
    let post = |f: Vec<(&'static str, String)>, file: Option<(&'static str, Vec<u8>)>| {
        log_training(&worker, &app, f, file)
    };
    // A picture of something else is refused by its bytes; what was typed is kept.
    let (status, _, page) = post(
        fields("4", day.clone()),
        Some(("attestato.pdf", b"GIF89a....".to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Seminario sul GDPR") && page.contains(r#"id="f-certificate-error""#));
    let (status, _, page) = post(
        fields("0", day.clone()),
        Some(("a.pdf", pdf(&["Attestato"]))),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(r#"id="f-log-hours-error""#));
    let future = (Utc::now() + TimeDelta::days(2)).date_naive().to_string();
    let (status, _, _) = post(fields("4", future), Some(("a.pdf", pdf(&["Attestato"])))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let big = vec![b'%'; app::model::MAX_UPLOAD_BYTES + 1];
    let (status, _, page) = post(fields("4", day.clone()), Some(("big.pdf", big))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(r#"id="f-certificate-error""#));
    assert_eq!(
        course_record::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        0,
        "nothing saved"
    );

    let (status, location, _) = post(
        fields("4", day.clone()),
        Some(("Attestato GDPR.pdf", pdf(&["Attestato"]))),
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/training?logged=1")
    );
    let logged = course_record::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (logged.status.as_str(), logged.review.as_str()),
        ("completed", "pending")
    );
    let before = worker.call("my_training", json!({})).await;
    let year_now = Utc::now().year();
    let counted_before = before.body["hours_this_year"].as_u64().unwrap();
    assert_eq!(counted_before, 0, "pending hours do not count");
    let logged_year = (Utc::now() - TimeDelta::days(3)).year();
    let in_ledger = || async {
        let ledger = hr
            .call(
                "training_ledger",
                json!({"query": {"year": logged_year, "period": "year", "rows": "employee", "department": null}}),
            )
            .await;
        ledger.body["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["employee"] == logged.employee_id)
            .map_or(0, |r| r["total"].as_u64().unwrap())
    };
    assert_eq!(in_ledger().await, 0, "nor in the ledger");

    let certificate = format!("/training/records/{}/certificate", logged.id);
    let (status, _, bytes) = worker.download(&certificate).await;
    assert_eq!(status, StatusCode::OK);
    assert!(bytes.starts_with(b"%PDF-"));
    let (status, _, _) = stranger.download(&certificate).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = app.anonymous().download(&certificate).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Only HR review it.
    let by_self = worker
        .call(
            "review_training",
            json!({"id": logged.id, "input": {"decision": "approve", "reason": ""}}),
        )
        .await;
    assert_eq!(by_self.status, StatusCode::FORBIDDEN);
    let response = hr
        .client
        .post(app.url("/training/decisions"))
        .header("accept", "text/html")
        .form(&[
            ("intent", "review"),
            ("record_id", &logged.id.to_string()),
            ("decision", "approve"),
            ("reason", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let after = worker.call("my_training", json!({})).await;
    let expected = if (Utc::now() - TimeDelta::days(3)).year() == year_now {
        4
    } else {
        0
    };
    assert_eq!(
        after.body["hours_this_year"], expected,
        "approved hours count"
    );
    assert_eq!(in_ledger().await, 4, "and the ledger counts them");
}

#[tokio::test]
async fn hr_reject_logged_training_with_a_reason_the_employee_reads() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let day = Utc::now().date_naive().to_string();
    let (status, _, _) = log_training(
        &worker,
        &app,
        vec![
            ("title", "Corso online".into()),
            ("provider", "Web".into()),
            ("kind", "elearning".into()),
            ("hours", "2".into()),
            ("completed_on", day.clone()),
            ("course_id", String::new()),
        ],
        Some(("cert.png", b"\x89PNG\r\n\x1a\nrest".to_vec())),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let logged = course_record::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let waiting = hr.call("training_decisions", json!({})).await;
    assert_eq!(waiting.body[0][0]["id"], logged.id);
    let no_reason = hr
        .call(
            "review_training",
            json!({"id": logged.id, "input": {"decision": "reject", "reason": " "}}),
        )
        .await;
    assert_eq!(
        no_reason.field_error("reason").as_deref(),
        Some("reason_required")
    );
    let rejected = hr
        .call("review_training", json!({"id": logged.id, "input": {"decision": "reject", "reason": "Manca la firma dell'ente."}}))
        .await;
    assert_eq!(rejected.status, StatusCode::OK);
    let mine = worker.call("my_training", json!({})).await;
    assert_eq!(mine.body["done"][0]["review"], "rejected");
    assert_eq!(
        mine.body["done"][0]["review_reason"],
        "Manca la firma dell'ente."
    );
    assert_eq!(mine.body["hours_this_year"], 0);
    let (status, page) = worker.page("/training").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Manca la firma dell&#x27;ente.")
            || page.contains("Manca la firma dell'ente.")
    );
}

#[tokio::test]
async fn my_training_recommends_catalogue_courses_that_close_a_gap_with_their_sessions() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    let worker_id = record_of(&app, &worker).await.id;
    let profiles = hr.call("list_profiles", json!({})).await.body;
    let teller = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title_en"] == "Bank teller")
        .unwrap()["id"]
        .clone();
    let saved = hr
        .call(
            "update_employee",
            json!({"id": worker_id, "input": {"profile_id": teller.to_string(), "department": "",
                "location": "", "manager_id": "", "start_date": "", "status": "active"}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let mine = worker.call("my_training", json!({})).await;
    assert_eq!(mine.status, StatusCode::OK, "{mine:?}");
    assert_eq!(mine.body["profile"][1], "Bank teller");
    assert_eq!(mine.body["target_hours"], 24);
    let recommended = mine.body["recommended"].as_array().unwrap().clone();
    assert!(!recommended.is_empty(), "a new teller has gaps");
    for r in &recommended {
        assert!(!r["closes"].as_array().unwrap().is_empty());
    }
    // A session planned for a recommended course shows on its card.
    let course = recommended[0]["course"]["id"].as_i64().unwrap() as i32;
    let soon = session(&app, course, 12).await;
    let mine = worker.call("my_training", json!({})).await;
    let card = mine.body["recommended"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["course"]["id"] == course)
        .unwrap()
        .clone();
    assert_eq!(card["sessions"][0]["id"], soon);
    let recommended = mine.body["recommended"].as_array().unwrap().clone();
    // The request from the card's plain form.
    let first = recommended[0]["course"]["id"].as_i64().unwrap().to_string();
    let response = worker
        .client
        .post(app.url("/training"))
        .header("accept", "text/html")
        .form(&[
            ("intent", "request"),
            ("course_id", first.as_str()),
            ("session_id", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let after = worker.call("my_training", json!({})).await;
    assert_eq!(after.body["current"][0]["status"], "requested");
    assert!(
        after.body["recommended"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["asked"] == true)
    );
}

#[tokio::test]
async fn the_ledger_sums_counted_hours_by_period_and_department_against_the_targets_hr_set() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let (ada, bea) = (
        app.signed_in(Role::Employee).await,
        app.signed_in(Role::Employee).await,
    );
    let (ada_id, bea_id) = (
        record_of(&app, &ada).await.id,
        record_of(&app, &bea).await.id,
    );
    let profiles = hr.call("list_profiles", json!({})).await.body;
    let clerk = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title_en"] == "Accounting clerk")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    for id in [ada_id, bea_id] {
        let saved = hr
            .call(
                "update_employee",
                json!({"id": id, "input": {"profile_id": clerk.to_string(), "department": "Contabilità",
                    "location": "", "manager_id": "", "start_date": "", "status": "active"}}),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK);
    }
    // HR set the clerks' target; a target out of range is refused on its field.
    let bad = hr
        .call(
            "set_training_target",
            json!({"profile": clerk, "hours": "1001"}),
        )
        .await;
    assert_eq!(bad.field_error("hours").as_deref(), Some("target_range"));
    let set = hr
        .call(
            "set_training_target",
            json!({"profile": clerk, "hours": "30"}),
        )
        .await;
    assert_eq!(set.status, StatusCode::OK);
    let by_employee = |e: i32| e;
    let year = 2025;
    let done =
        |employee: i32, month: u32, hours: i32, review: &'static str| course_record::ActiveModel {
            employee_id: Set(by_employee(employee)),
            course_id: Set(None),
            session_id: Set(None),
            title: Set("Corso".to_owned()),
            provider: Set("Ente".to_owned()),
            kind: Set("external".to_owned()),
            hours: Set(hours),
            status: Set("completed".to_owned()),
            review: Set(review.to_owned()),
            induction: Set(false),
            completed_on: Set(chrono::NaiveDate::from_ymd_opt(year, month, 10)),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
    for record in [
        done(ada_id, 1, 4, "none"),
        done(ada_id, 5, 6, "approved"),
        done(ada_id, 5, 50, "pending"),
        done(bea_id, 11, 8, "none"),
        done(bea_id, 12, 9, "rejected"),
    ] {
        record.insert(&app.db).await.unwrap();
    }
    // Written straight to the table: recounted as the app's own writes do.
    for id in [ada_id, bea_id] {
        app::server::training::ledger::recount(&app.db, app::model::EmployeeId(id))
            .await
            .unwrap();
    }
    let ledger = |query: Value| {
        let hr = &hr;
        async move { hr.call("training_ledger", json!({"query": query})).await }
    };
    let quarters = ledger(
        json!({"year": year, "period": "quarter", "rows": "employee", "department": "Contabilità"}),
    )
    .await;
    assert_eq!(quarters.status, StatusCode::OK, "{quarters:?}");
    let rows = quarters.body["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let row_of = |id: i32| rows.iter().find(|r| r["employee"] == id).unwrap().clone();
    assert_eq!(
        row_of(ada_id)["hours"],
        json!([4, 6, 0, 0]),
        "pending hours do not count"
    );
    assert_eq!(row_of(ada_id)["total"], 10);
    assert_eq!(row_of(ada_id)["target"], 30);
    assert_eq!(
        row_of(bea_id)["hours"],
        json!([0, 0, 0, 8]),
        "rejected hours do not count"
    );

    let departments =
        ledger(json!({"year": year, "period": "year", "rows": "department", "department": null}))
            .await;
    let accounting = departments.body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == "Contabilità")
        .unwrap()
        .clone();
    assert_eq!(accounting["total"], 18);
    assert_eq!(accounting["target"], 60);

    let (status, headers, bytes) = hr
        .download(&format!("/training/hours.csv?year={year}&period=month&rows=department&department=Contabilit%C3%A0"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(
        lines[0].starts_with("\"department\",\"2025-01\""),
        "{}",
        lines[0]
    );
    assert!(lines[1].ends_with("\"18\",\"60\",\"30\""), "{}", lines[1]);
    let (status, page) = hr
        .page(&format!("/training/hours?year={year}&rows=department"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"id="hours-chart""#) && page.contains("Contabilità"));

    let (status, _, _) = ada.download("/training/hours.csv").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(ada.call("training_ledger", json!({"query": {"year": null, "period": "year", "rows": "employee", "department": null}})).await.status, StatusCode::FORBIDDEN);
}

/// Posts `fields` to employee `id`'s page, as its training forms do.
async fn post_employee(
    who: &Browser,
    app: &TestApp,
    id: i32,
    fields: &[(&str, &str)],
) -> StatusCode {
    who.client
        .post(app.url(&format!("/employees/{id}")))
        .header("accept", "text/html")
        .form(fields)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn on_the_employee_page_a_manager_gives_places_but_not_outcomes_and_nobody_decides_their_own()
{
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let manager = app.signed_in(Role::Employee).await;
    let worker = app.signed_in(Role::Employee).await;
    let (manager_id, worker_id) = (
        record_of(&app, &manager).await.id,
        record_of(&app, &worker).await.id,
    );
    let saved = hr
        .call(
            "update_employee",
            json!({"id": worker_id, "input": {"profile_id": "", "department": "", "location": "",
                "manager_id": manager_id.to_string(), "start_date": "", "status": "active"}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let writing = course_by_code(&app, "business-writing")
        .await
        .id
        .to_string();
    // The employee may not give themselves a place through their page's form.
    let own = post_employee(
        &worker,
        &app,
        worker_id,
        &[("intent", "enrol"), ("place", &writing)],
    )
    .await;
    assert_eq!(own, StatusCode::FORBIDDEN);
    // Their manager may.
    let given = post_employee(
        &manager,
        &app,
        worker_id,
        &[("intent", "enrol"), ("place", &writing)],
    )
    .await;
    assert_eq!(given, StatusCode::SEE_OTHER);
    let record = record_id(&app, worker_id, writing.parse().unwrap())
        .await
        .to_string();
    // But not record how it went.
    let outcome = post_employee(
        &manager,
        &app,
        worker_id,
        &[
            ("intent", "outcome"),
            ("record_id", &record),
            ("status", "cancelled"),
        ],
    )
    .await;
    assert_eq!(outcome, StatusCode::FORBIDDEN);
    // A record of someone else, through this page's address: not found.
    let elsewhere = post_employee(
        &hr,
        &app,
        manager_id,
        &[
            ("intent", "outcome"),
            ("record_id", &record),
            ("status", "cancelled"),
        ],
    )
    .await;
    assert_eq!(elsewhere, StatusCode::NOT_FOUND);

    // HR log training of their own: another HR colleague reviews it, not them.
    let day = Utc::now().date_naive().to_string();
    let (status, _, _) = log_training(
        &hr,
        &app,
        vec![
            ("title", "Corso HR".into()),
            ("provider", "Ente".into()),
            ("kind", "external".into()),
            ("hours", "3".into()),
            ("completed_on", day),
            ("course_id", String::new()),
        ],
        Some(("c.jpg", vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let own_record = course_record::Entity::find()
        .filter(course_record::Column::Review.eq("pending"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let refused = hr
        .call(
            "review_training",
            json!({"id": own_record.id, "input": {"decision": "approve", "reason": ""}}),
        )
        .await;
    assert_eq!(refused.field_error("form").as_deref(), Some("own_record"));
    let colleague = app.signed_in(Role::Hr).await;
    let approved = colleague
        .call(
            "review_training",
            json!({"id": own_record.id, "input": {"decision": "approve", "reason": ""}}),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK);
}

#[tokio::test]
async fn a_manager_downloads_their_reports_certificate_and_a_waiting_place_can_only_be_cancelled_once()
 {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let manager = app.signed_in(Role::Interviewer).await;
    let worker = app.signed_in(Role::Employee).await;
    let other = app.signed_in(Role::Employee).await;
    let (manager_id, worker_id, other_id) = (
        record_of(&app, &manager).await.id,
        record_of(&app, &worker).await.id,
        record_of(&app, &other).await.id,
    );
    hr.call(
        "update_employee",
        json!({"id": worker_id, "input": {"profile_id": "", "department": "", "location": "",
            "manager_id": manager_id.to_string(), "start_date": "", "status": "active"}}),
    )
    .await;
    let day = Utc::now().date_naive().to_string();
    let (status, _, _) = log_training(
        &worker,
        &app,
        vec![
            ("title", "Corso".into()),
            ("provider", "Ente".into()),
            ("kind", "external".into()),
            ("hours", "3".into()),
            ("completed_on", day),
            ("course_id", String::new()),
        ],
        Some(("c.pdf", pdf(&["Attestato"]))),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let logged = course_record::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let (status, _, _) = manager
        .download(&format!("/training/records/{}/certificate", logged.id))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the manager reads their team's files"
    );
    let (status, _, _) = hr.download("/training/records/999999/certificate").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A full session: the second is waiting; waiting cannot be in progress, only cancelled.
    let excel = course_by_code(&app, "excel-administration").await.id;
    let one_place = session(&app, excel, 1).await;
    enrol(&hr, worker_id, excel, Some(one_place)).await;
    assert_eq!(
        enrol(&hr, other_id, excel, Some(one_place)).await.body,
        "waiting"
    );
    let waiting = record_id(&app, other_id, excel).await;
    let started = hr
        .call(
            "record_outcome",
            json!({"id": waiting, "input": outcome("in_progress", "", "")}),
        )
        .await;
    assert_eq!(
        started.field_error("status").as_deref(),
        Some("still_waiting")
    );
    let cancel = json!({"id": record_id(&app, worker_id, excel).await, "input": outcome("cancelled", "", "")});
    assert_eq!(
        hr.call("record_outcome", cancel.clone()).await.status,
        StatusCode::OK
    );
    let twice = hr.call("record_outcome", cancel).await;
    assert_eq!(
        twice.field_error("status").as_deref(),
        Some("record_closed")
    );
    assert_eq!(
        status_of(&app, other_id, excel).await,
        ["enrolled"],
        "one promoted, once"
    );
}
