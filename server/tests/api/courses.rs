//! The course catalogue through the server functions and its pages: the starter courses in
//! both languages with the competencies they develop and the profiles they are mandatory for,
//! a course's sessions to come in the reader's time zone, who may read them, HR planning and
//! removing sessions with the plain forms, and HR adding, changing and retiring courses, each
//! refusal on its field.

use app::model::Role;
use app::server::entities::{course, course_session};
use chrono::{SubsecRound, TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::helpers::TestApp;

async fn course_id(app: &TestApp, code: &str) -> i64 {
    course::Entity::find()
        .filter(course::Column::Code.eq(code))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("starter course {code}"))
        .id
        .into()
}

#[tokio::test]
async fn the_starter_catalogue_holds_the_courses_the_seed_calls_for_in_both_languages() {
    let app = TestApp::spawn().await;
    let employee = app.signed_in(Role::Employee).await;
    let answer = employee.call("course_catalogue", json!({})).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let courses = answer.body.as_array().unwrap();
    assert_eq!(courses.len(), 8);
    for c in courses {
        assert!(!c["title_it"].as_str().unwrap().is_empty(), "{c}");
        assert!(!c["title_en"].as_str().unwrap().is_empty(), "{c}");
        assert!(!c["develops"].as_array().unwrap().is_empty(), "{c}");
    }
    let safety_id = course_id(&app, "workplace-safety").await;
    let safety = courses
        .iter()
        .find(|c| c["id"].as_i64() == Some(safety_id))
        .unwrap();
    assert_eq!(safety["validity_months"], 12);
    assert_eq!(
        safety["mandatory_for"].as_array().unwrap().len(),
        9,
        "every job profile"
    );
    let (status, page) = employee.page("/courses").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"id="courses""#));
    assert!(
        page.contains(safety["title_en"].as_str().unwrap())
            || page.contains(safety["title_it"].as_str().unwrap())
    );
}

#[tokio::test]
async fn a_course_shows_its_sessions_to_come_in_the_readers_time_zone_and_not_those_over() {
    let app = TestApp::spawn().await;
    let id = course_id(&app, "business-writing").await;
    // Whole seconds: PostgreSQL keeps microseconds, not nanoseconds.
    let soon = (Utc::now() + TimeDelta::days(3)).trunc_subsecs(0);
    for (starts, trainer) in [
        (soon, "Giulia Ferraro"),
        (Utc::now() - TimeDelta::days(3), "Marco Zanin"),
    ] {
        course_session::ActiveModel {
            course_id: Set(id as i32),
            starts_at: Set(starts),
            ends_at: Set(starts + TimeDelta::hours(4)),
            place: Set("Sala Formazione".to_owned()),
            capacity: Set(12),
            trainer: Set(trainer.to_owned()),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let hr = app.signed_in(Role::Hr).await;
    let detail = hr.call("get_course", json!({"id": id})).await;
    assert_eq!(detail.status, StatusCode::OK, "{detail:?}");
    let sessions = detail.body["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1, "the session over is not offered");
    assert_eq!(sessions[0]["trainer"], "Giulia Ferraro");
    let rome = soon.with_timezone(&chrono_tz::Europe::Rome).naive_local();
    assert_eq!(
        sessions[0]["when"]["starts"],
        json!(rome),
        "in the reader's time zone"
    );
    let catalogue = hr.call("course_catalogue", json!({})).await.body;
    let listed = catalogue
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"].as_i64() == Some(id))
        .unwrap()
        .clone();
    assert_eq!(listed["next_session"]["starts"], json!(rome));
    let (status, page) = hr.page(&format!("/courses/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Giulia Ferraro") && !page.contains("Marco Zanin"));
}

#[tokio::test]
async fn a_course_that_does_not_exist_is_not_found_and_visitors_are_sent_to_sign_in() {
    let app = TestApp::spawn().await;
    let employee = app.signed_in(Role::Employee).await;
    let missing = employee.call("get_course", json!({"id": 999_999})).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let (status, _) = employee.page("/courses/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let visitor = app.anonymous();
    assert_eq!(
        visitor.call("course_catalogue", json!({})).await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// Posts `fields` to course `id`'s page, as its plain forms do.
async fn post_course(
    who: &crate::helpers::Browser,
    id: i64,
    fields: &[(&str, &str)],
) -> (StatusCode, String, String) {
    who.post_page(&format!("/courses/{id}"), fields).await
}

/// `days` from now at `time`, as a datetime-local field sends it.
fn local(days: i64, time: &str) -> String {
    format!(
        "{}T{time}",
        (Utc::now() + TimeDelta::days(days)).date_naive()
    )
}

#[tokio::test]
async fn hr_plan_a_session_in_their_own_time_zone_and_take_it_off_the_plan() {
    let app = TestApp::spawn().await;
    let id = course_id(&app, "excel-administration").await;
    let hr = app.signed_in(Role::Hr).await;
    let (starts, ends) = (local(10, "09:00"), local(10, "13:00"));
    let (status, location, _) = post_course(
        &hr,
        id,
        &[
            ("intent", "add"),
            ("starts_at", &starts),
            ("ends_at", &ends),
            ("place", "Aula 3, sede di Treviso"),
            ("capacity", "14"),
            ("trainer", "Paola Greco"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/courses/{id}?session=added"));
    let stored = course_session::Entity::find()
        .filter(course_session::Column::CourseId.eq(id as i32))
        .one(&app.db)
        .await
        .unwrap()
        .expect("planned");
    let typed = app::model::parse_local(&starts).unwrap();
    let rome = stored
        .starts_at
        .with_timezone(&chrono_tz::Europe::Rome)
        .naive_local();
    assert_eq!(rome, typed, "read in HR's time zone (Europe/Rome)");
    assert_eq!(stored.capacity, 14);
    let (_, page) = hr.page(&format!("/courses/{id}?session=added")).await;
    assert!(page.contains("Paola Greco") && page.contains(r#"id="session-notice""#));

    let session = stored.id.to_string();
    let (status, location, _) =
        post_course(&hr, id, &[("intent", "remove"), ("session_id", &session)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/courses/{id}?session=removed"));
    assert!(
        course_session::Entity::find_by_id(stored.id)
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    let (status, _, _) =
        post_course(&hr, id, &[("intent", "remove"), ("session_id", &session)]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_session_that_ends_before_it_starts_is_past_or_has_no_places_is_refused_on_its_field() {
    let app = TestApp::spawn().await;
    let id = course_id(&app, "excel-administration").await;
    let hr = app.signed_in(Role::Hr).await;
    // (start, end, places, the field refused, its message in English and in Italian)
    let cases: [(String, String, &str, &str, [&str; 2]); 4] = [
        (
            local(5, "13:00"),
            local(5, "09:00"),
            "14",
            "ends_at",
            ["after the start", "dopo l'inizio"],
        ),
        (
            local(-2, "09:00"),
            local(-2, "13:00"),
            "14",
            "starts_at",
            ["", ""],
        ),
        (
            local(5, "09:00"),
            local(5, "13:00"),
            "0",
            "capacity",
            ["From 1 to 500 places.", "Da 1 a 500 posti."],
        ),
        (
            "domani".to_owned(),
            local(5, "13:00"),
            "14",
            "starts_at",
            ["", ""],
        ),
    ];
    for (starts, ends, capacity, field, [en, it]) in cases {
        let (status, _, page) = post_course(
            &hr,
            id,
            &[
                ("intent", "add"),
                ("starts_at", &starts),
                ("ends_at", &ends),
                ("place", "Aula 3"),
                ("capacity", capacity),
                ("trainer", "Paola Greco"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(
            page.contains(&format!(r#"id="f-session-{field}-error""#)),
            "{field}"
        );
        assert!(page.contains(en) || page.contains(it), "{field}: {en}");
        assert!(
            page.contains(r#"value="Paola Greco""#),
            "what was typed is kept"
        );
    }
    let planned = course_session::Entity::find()
        .filter(course_session::Column::CourseId.eq(id as i32))
        .all(&app.db)
        .await
        .unwrap();
    assert!(planned.is_empty(), "nothing refused was saved");
}

#[tokio::test]
async fn only_hr_plan_sessions() {
    let app = TestApp::spawn().await;
    let id = course_id(&app, "excel-administration").await;
    let fields = [
        ("intent", "add"),
        ("starts_at", "2030-01-10T09:00"),
        ("ends_at", "2030-01-10T13:00"),
        ("place", "Aula 3"),
        ("capacity", "10"),
        ("trainer", "Paola Greco"),
    ];
    let employee = app.signed_in(Role::Employee).await;
    let (status, _, _) = post_course(&employee, id, &fields).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, location, _) = post_course(&app.anonymous(), id, &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/login?next="));
    let (_, page) = employee.page(&format!("/courses/{id}")).await;
    assert!(
        !page.contains(r#"id="add-session""#),
        "no form for an employee"
    );
    assert!(
        course_session::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .is_empty()
    );
}

/// The course form's fields for "Fire safety", with `hours` and `validity` as typed, a level
/// for `competency` and the profile `profile` ticked.
fn fire_safety<'a>(
    hours: &'a str,
    validity: &'a str,
    level_field: &'a str,
    profile: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title_it", "Sicurezza antincendio"),
        ("title_en", "Fire safety"),
        (
            "description_it",
            "Prove di evacuazione e uso degli estintori.",
        ),
        ("description_en", "Evacuation drills and extinguishers."),
        ("provider", "Vigili del fuoco"),
        ("kind", "external"),
        ("hours", hours),
        ("validity_months", validity),
        ("active", "on"),
        (level_field, "3"),
        ("profile", profile),
    ]
}

#[tokio::test]
async fn hr_add_a_course_with_what_it_develops_and_whom_it_is_mandatory_for() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let employee = app.signed_in(Role::Employee).await;
    let form = hr.call("course_editor", json!({"id": null})).await;
    assert_eq!(form.status, StatusCode::OK, "{form:?}");
    assert_eq!(form.body["input"]["kind"], "internal");
    assert_eq!(form.body["input"]["active"], true);
    let (status, page) = hr.page("/courses/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"id="course-form""#) && page.contains(r#"action="/courses/new""#));
    let (status, _) = employee.page("/courses/new").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let competency = form.body["competencies"][0][0].as_i64().unwrap();
    let profile = form.body["profiles"][0][0].as_i64().unwrap().to_string();
    let level_field = format!("level_{competency}");

    for (hours, validity, kind, field) in [
        ("0", "60", "external", "hours"),
        ("1001", "60", "external", "hours"),
        ("8", "601", "external", "validity_months"),
        ("8", "60", "webinar", "kind"),
    ] {
        let mut fields = fire_safety(hours, validity, &level_field, &profile);
        fields.retain(|(k, _)| *k != "kind");
        fields.push(("kind", kind));
        let (status, _, page) = hr.post_page("/courses/new", &fields).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(
            page.contains(&format!(r#"id="f-{field}-error""#)),
            "refused on {field}"
        );
        assert!(
            page.contains("Prove di evacuazione e uso degli estintori."),
            "what was typed is kept"
        );
    }
    assert_eq!(course::Entity::find().all(&app.db).await.unwrap().len(), 8);

    let fields = fire_safety("8", "60", &level_field, &profile);
    let (status, _, _) = employee.post_page("/courses/new", &fields).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, location, _) = app.anonymous().post_page("/courses/new", &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/login?next="));
    let (status, location, _) = hr.post_page("/courses/new", &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let saved = course::Entity::find()
        .filter(course::Column::Code.eq("fire-safety"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("filed under its English title");
    assert_eq!(location, format!("/courses/{}?saved=1", saved.id));
    let (status, page) = hr.page(&location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"id="course-notice""#) && page.contains(r#"id="edit-course""#));

    let listed = employee.call("course_catalogue", json!({})).await.body;
    let fire = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == saved.id)
        .expect("offered to employees");
    assert_eq!(fire["hours"], 8);
    assert_eq!(fire["validity_months"], 60);
    assert_eq!(fire["kind"], "external");
    assert_eq!(fire["develops"][0]["level"], 3);
    assert_eq!(fire["mandatory_for"].as_array().unwrap().len(), 1);

    let mut again = fire_safety("8", "60", &level_field, &profile);
    again[1] = ("title_en", "FIRE SAFETY");
    let (status, _, page) = hr.post_page("/courses/new", &again).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the same titles twice"
    );
    assert!(page.contains(r#"id="f-title_en-error""#));
    assert!(
        page.contains("A course with this title already exists.")
            || page.contains("Esiste già un corso con questo titolo.")
    );
    assert_eq!(course::Entity::find().all(&app.db).await.unwrap().len(), 9);
}

#[tokio::test]
async fn hr_change_a_course_and_one_retired_is_no_longer_offered_but_stays_in_hr_s_catalogue() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let employee = app.signed_in(Role::Employee).await;
    let id = course_id(&app, "business-writing").await;
    let form = hr.call("course_editor", json!({"id": id})).await.body;
    let input = &form["input"];
    assert!(
        input["title_en"]
            .as_str()
            .unwrap()
            .starts_with("Business writing")
    );
    assert!(!input["levels"].as_array().unwrap().is_empty());

    let levels: Vec<(String, String)> = input["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (format!("level_{}", l[0]), l[1].as_str().unwrap().to_owned()))
        .collect();
    let text = |key: &str| input[key].as_str().unwrap().to_owned();
    let mut fields: Vec<(String, String)> = [
        "title_it",
        "title_en",
        "description_it",
        "description_en",
        "provider",
        "kind",
        "validity_months",
    ]
    .iter()
    .map(|k| ((*k).to_owned(), text(k)))
    .chain(levels)
    .collect();
    fields.push(("hours".to_owned(), "12".to_owned()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    // "active" left unticked: the course is retired.
    let (status, location, _) = hr.post_page(&format!("/courses/{id}/edit"), &pairs).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/courses/{id}?saved=1"));
    let stored = course::Entity::find_by_id(id as i32)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((stored.hours, stored.active), (12, false));
    assert_eq!(stored.code, "business-writing", "the code stays");

    let offered = employee.call("course_catalogue", json!({})).await.body;
    assert_eq!(offered.as_array().unwrap().len(), 7);
    assert!(offered.as_array().unwrap().iter().all(|c| c["id"] != id));
    let kept = hr.call("course_catalogue", json!({})).await.body;
    let retired = kept
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .expect("HR still see it");
    assert_eq!(retired["active"], false);
    let places = employee.call("course_places", json!({})).await.body;
    assert!(
        places
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["course"]["id"] != id)
    );

    let (status, _, _) = hr.post_page("/courses/999999/edit", &pairs).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = hr.page("/courses/999999/edit").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = employee.page(&format!("/courses/{id}/edit")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
