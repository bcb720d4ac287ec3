//! Recruitment figures: applications and hires per source, and an opening's funnel.

use app::model::Role;
use app::server::entities::stage_event;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use reqwest::multipart::Form;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::{Value, json};

use crate::careers::{file, public_opening};
use crate::helpers::{Browser, TestApp};
use crate::intake::{added, applications_of, apply_as, candidate_by_email, input, move_to};

/// Adds a candidate to `opening` and returns their application's id.
async fn application(app: &TestApp, hr: &Browser, name: &str, opening: i64, source: Value) -> i32 {
    let mut fields = json!({"opening_id": opening});
    for (key, value) in source.as_object().unwrap() {
        fields[key] = value.clone();
    }
    let id = added(hr, input(name, fields)).await;
    applications_of(app, id).await[0].id
}

fn rows(answer: &crate::helpers::Answer) -> Vec<(String, String, u64, u64)> {
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap().to_owned(),
                r["detail"].as_str().unwrap().to_owned(),
                r["applications"].as_u64().unwrap(),
                r["hired"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn row(source: &str, detail: &str, applications: u64, hired: u64) -> (String, String, u64, u64) {
    (source.into(), detail.into(), applications, hired)
}

#[tokio::test]
async fn the_source_breakdown_counts_applications_and_hires_per_source_and_detail() {
    let app = TestApp::spawn().await;
    let bank = public_opening(&app, "Bank teller").await;
    let hotel = public_opening(&app, "Hotel receptionist").await;
    let hr = app.signed_in(Role::Hr).await;
    for (name, email) in [
        ("Anna Bianchi", "anna@example.it"),
        ("Bruno Verdi", "bruno@example.it"),
    ] {
        apply_as(&app, bank, name, email, "+39 333 000 1111", false).await;
    }
    apply_as(
        &app,
        hotel,
        "Carla Neri",
        "carla@example.it",
        "+39 333 000 2222",
        false,
    )
    .await;
    let anna = candidate_by_email(&app, "anna@example.it").await;
    move_to(&hr, applications_of(&app, anna).await[0].id, "hired").await;

    let referral = json!({"source": "referral", "source_detail": "Marco Bianchi"});
    let indeed = json!({"source": "job_board", "source_detail": "Indeed"});
    application(&app, &hr, "Dario Gallo", bank, referral).await;
    let hired = application(&app, &hr, "Elena Riva", bank, indeed.clone()).await;
    move_to(&hr, hired, "hired").await;
    application(&app, &hr, "Fabio Sala", bank, indeed).await;
    application(
        &app,
        &hr,
        "Gina Serra",
        hotel,
        json!({"source": "job_board", "source_detail": "InfoJobs"}),
    )
    .await;
    let csv = format!("name,opening\nIvo Costa,{bank}\n");
    let imported = hr
        .send_form(
            "import_candidates",
            Form::new().part("file", file("i.csv", csv.into_bytes())),
        )
        .await;
    assert_eq!(imported.status, StatusCode::OK, "{imported:?}");

    let one = hr.call("source_breakdown", json!({"opening": bank})).await;
    assert_eq!(
        rows(&one),
        vec![
            row("careers", "", 2, 1),
            row("job_board", "Indeed", 2, 1),
            row("import", "", 1, 0),
            row("referral", "Marco Bianchi", 1, 0),
        ]
    );
    let all = hr.call("source_breakdown", json!({"opening": null})).await;
    assert_eq!(
        rows(&all),
        vec![
            row("careers", "", 3, 1),
            row("job_board", "Indeed", 2, 1),
            row("import", "", 1, 0),
            row("job_board", "InfoJobs", 1, 0),
            row("referral", "Marco Bianchi", 1, 0),
        ]
    );
    let empty = public_opening(&app, "Accounting clerk").await;
    let none = hr.call("source_breakdown", json!({"opening": empty})).await;
    assert!(rows(&none).is_empty());
}

/// Rewrites an application's history so its moves happened `days_ago` (in order).
async fn backdate(app: &TestApp, application_id: i32, moves: &[(&str, i64)]) {
    let events = stage_event::Entity::find()
        .filter(stage_event::Column::ApplicationId.eq(application_id))
        .order_by_asc(stage_event::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(events.len(), moves.len(), "{events:?}");
    let now = Utc::now();
    for (event, (stage, days_ago)) in events.into_iter().zip(moves) {
        assert_eq!(event.to_stage, *stage);
        let mut model: stage_event::ActiveModel = event.into();
        model.at = Set(now - Duration::days(*days_ago));
        model.update(&app.db).await.unwrap();
    }
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 0.01)
}

#[tokio::test]
async fn the_funnel_counts_who_reached_each_stage_the_conversion_and_the_median_days() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let manual = json!({});
    let hired = application(&app, &hr, "Anna Bianchi", opening, manual.clone()).await;
    let rejected = application(&app, &hr, "Bruno Verdi", opening, manual.clone()).await;
    let withdrawn = application(&app, &hr, "Carla Neri", opening, manual.clone()).await;
    let waiting = application(&app, &hr, "Dario Gallo", opening, manual).await;
    // Hired skips the practical test: it went past it, so it counts as having reached it.
    for stage in ["screening", "interview", "offer", "hired"] {
        move_to(&hr, hired, stage).await;
    }
    for stage in ["screening", "rejected"] {
        move_to(&hr, rejected, stage).await;
    }
    for stage in ["screening", "interview", "withdrawn"] {
        move_to(&hr, withdrawn, stage).await;
    }
    backdate(
        &app,
        hired,
        &[
            ("applied", 10),
            ("screening", 8),
            ("interview", 6),
            ("offer", 5),
            ("hired", 4),
        ],
    )
    .await;
    backdate(
        &app,
        rejected,
        &[("applied", 10), ("screening", 7), ("rejected", 6)],
    )
    .await;
    backdate(
        &app,
        withdrawn,
        &[
            ("applied", 10),
            ("screening", 9),
            ("interview", 5),
            ("withdrawn", 3),
        ],
    )
    .await;
    backdate(&app, waiting, &[("applied", 10)]).await;

    let answer = hr.call("opening_funnel", json!({"id": opening})).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let funnel = answer.body;
    assert_eq!(funnel["opening_id"], opening);
    assert_eq!(funnel["title_en"], "Bank teller");
    assert_eq!(funnel["rejected"], 1);
    assert_eq!(funnel["withdrawn"], 1);
    let steps = funnel["steps"].as_array().unwrap();
    let stages: Vec<&str> = steps.iter().map(|s| s["stage"].as_str().unwrap()).collect();
    assert_eq!(
        stages,
        vec![
            "applied",
            "screening",
            "interview",
            "practical_test",
            "offer",
            "hired"
        ]
    );
    let reached: Vec<u64> = steps
        .iter()
        .map(|s| s["reached"].as_u64().unwrap())
        .collect();
    assert_eq!(reached, vec![4, 3, 2, 1, 1, 1]);
    assert_eq!(steps[0]["conversion_pct"], Value::Null);
    for (step, pct) in [
        (1, 75.0),
        (2, 200.0 / 3.0),
        (3, 50.0),
        (4, 100.0),
        (5, 100.0),
    ] {
        assert!(
            close(&steps[step]["conversion_pct"], pct),
            "{}: {}",
            stages[step],
            steps[step]["conversion_pct"]
        );
    }
    // Days in each stage: applied 2, 3, 1 and 10 (still there); screening 2, 1, 4;
    // interview 1, 2; offer 1; hired 4 (still there).
    for (step, days) in [(0, 2.5), (1, 2.0), (2, 1.5), (4, 1.0), (5, 4.0)] {
        assert!(
            close(&steps[step]["median_days"], days),
            "{}: {}",
            stages[step],
            steps[step]["median_days"]
        );
    }
    assert_eq!(steps[3]["median_days"], Value::Null, "nobody stopped there");

    let missing = hr.call("opening_funnel", json!({"id": 999_999})).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_opening_without_applications_has_an_empty_funnel() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let funnel = hr.call("opening_funnel", json!({"id": opening})).await.body;
    let steps = funnel["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 6);
    assert!(
        steps.iter().all(|s| s["reached"] == 0
            && s["conversion_pct"].is_null()
            && s["median_days"].is_null())
    );
}
