//! What HR see first: the openings list with its counts, and the worklist on the home page.

use app::model::Role;
use app::server::entities::{application, opening};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Value, json};

use crate::careers::public_opening;
use crate::documents::pdf;
use crate::helpers::{Browser, TestApp};
use crate::intake::{apply_as, candidate_by_email, move_to, uploaded};

/// The application of the candidate with `email`.
async fn application_of(app: &TestApp, email: &str) -> application::Model {
    let candidate = candidate_by_email(app, email).await;
    application::Entity::find()
        .filter(application::Column::CandidateId.eq(candidate as i32))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// Moves `application`'s dates `days` into the past.
async fn age(app: &TestApp, application: application::Model, days: i64) {
    let then = Utc::now() - Duration::days(days);
    let mut model = application.into_active_model();
    model.created_at = Set(then);
    model.stage_changed_at = Set(then);
    model.update(&app.db).await.unwrap();
}

async fn overview_of(hr: &Browser, opening: i64) -> Value {
    let answer = hr.call("opening_overview", json!({})).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["opening"]["id"] == opening)
        .cloned()
        .unwrap()
}

async fn worklist(hr: &Browser) -> Value {
    let answer = hr.call("hr_worklist", json!({})).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body
}

fn names(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_openings_list_counts_each_openings_applications_by_stage_and_the_new_ones() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Contact-centre agent").await;
    let other = public_opening(&app, "Bank teller").await;
    for (name, email) in [
        ("Anna Neri", "anna@example.it"),
        ("Bruno Sala", "bruno@example.it"),
    ] {
        apply_as(&app, opening, name, email, "+39 347 555 0101", false).await;
    }
    apply_as(
        &app,
        other,
        "Carla Riva",
        "carla@example.it",
        "+39 347 555 0102",
        false,
    )
    .await;
    let hr = app.signed_in(Role::Hr).await;
    move_to(
        &hr,
        application_of(&app, "bruno@example.it").await.id,
        "screening",
    )
    .await;

    let row = overview_of(&hr, opening).await;
    assert_eq!(row["stages"], json!([1, 1, 0, 0, 0, 0, 0, 0]));
    assert_eq!(row["new_applications"], 2);
    assert_eq!(
        overview_of(&hr, other).await["stages"],
        json!([1, 0, 0, 0, 0, 0, 0, 0])
    );

    // An application older than a week still counts in its stage, no longer as new.
    age(&app, application_of(&app, "anna@example.it").await, 10).await;
    let row = overview_of(&hr, opening).await;
    assert_eq!(row["stages"], json!([1, 1, 0, 0, 0, 0, 0, 0]));
    assert_eq!(row["new_applications"], 1);
}

#[tokio::test]
async fn the_worklist_shows_new_applications_until_marked_seen_those_waiting_too_long_and_the_tray()
{
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Hotel receptionist").await;
    apply_as(
        &app,
        opening,
        "Dario Fo",
        "dario@example.it",
        "+39 347 555 0103",
        false,
    )
    .await;
    let hr = app.signed_in(Role::Hr).await;

    let list = worklist(&hr).await;
    assert_eq!(list["seen_at"], Value::Null);
    assert_eq!(list["new_total"], 1);
    assert_eq!(names(&list["new_applications"]), ["Dario Fo"]);
    assert_eq!(
        list["new_applications"][0]["title_en"],
        "Hotel receptionist"
    );
    assert_eq!(list["waiting_total"], 0);
    assert_eq!(list["uploads"], 0);

    // Marked as seen up to the newest one shown (a plain form, which goes back home): one that
    // arrived while the list was read stays new.
    let shown = list["new_applications"][0]["since"]
        .as_str()
        .unwrap()
        .to_owned();
    apply_as(
        &app,
        opening,
        "Elsa Moro",
        "elsa@example.it",
        "+39 347 555 0104",
        false,
    )
    .await;
    let marked = hr
        .post_fields("mark_worklist_seen", &[("until", &shown)], true)
        .await;
    assert!(marked.status.is_redirection(), "{marked:?}");
    let list = worklist(&hr).await;
    assert!(list["seen_at"].is_string());
    assert_eq!(list["new_total"], 1);
    assert_eq!(names(&list["new_applications"]), ["Elsa Moro"]);

    // Eight days in the same open stage: waiting too long, the longest first. A closed stage
    // never waits.
    age(&app, application_of(&app, "dario@example.it").await, 8).await;
    let list = worklist(&hr).await;
    assert_eq!(list["waiting_total"], 1);
    assert_eq!(names(&list["waiting"]), ["Dario Fo"]);
    assert_eq!(list["waiting"][0]["days"], 8);
    move_to(
        &hr,
        application_of(&app, "dario@example.it").await.id,
        "rejected",
    )
    .await;
    assert_eq!(worklist(&hr).await["waiting_total"], 0);
    // An opening put on hold waits on purpose: its applications are not pointed out.
    age(&app, application_of(&app, "elsa@example.it").await, 9).await;
    assert_eq!(names(&worklist(&hr).await["waiting"]), ["Elsa Moro"]);
    let mut held = opening::Entity::find_by_id(opening as i32)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    held.status = Set("on_hold".to_owned());
    held.update(&app.db).await.unwrap();
    assert_eq!(worklist(&hr).await["waiting_total"], 0);

    // The CVs in the caller's own intake tray.
    uploaded(&hr, "cv.pdf", pdf(&["Fabio Gallo"])).await;
    assert_eq!(worklist(&hr).await["uploads"], 1);
    let colleague = app.signed_in(Role::Hr).await;
    assert_eq!(worklist(&colleague).await["uploads"], 0);
}
