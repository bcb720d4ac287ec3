//! The course catalogue through the server functions and its pages: the starter courses in
//! both languages with the competencies they develop and the profiles they are mandatory for,
//! a course's sessions to come in the reader's time zone, and who may read them.

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
