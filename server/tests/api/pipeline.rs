//! The pipeline: an opening's board and moving applications between stages.

use app::model::Role;
use app::server::entities::stage_event;
use reqwest::StatusCode;
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::json;

use crate::careers::{file, form, public_opening, send};
use crate::documents::pdf;
use crate::helpers::{Browser, TestApp};

async fn apply(app: &TestApp, opening: i64, email: &str) {
    let answer = send(
        &app.anonymous(),
        app,
        form(opening, email).part("cv", file("cv.pdf", pdf(&["cv"]))),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
}

async fn card(hr: &Browser, opening: i64, index: usize) -> serde_json::Value {
    let board = hr.call("opening_board", json!({"id": opening})).await;
    assert_eq!(board.status, StatusCode::OK, "{board:?}");
    board.body["cards"][index].clone()
}

#[tokio::test]
async fn hr_move_an_application_along_the_pipeline_and_every_move_is_recorded() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Contact-centre agent").await;
    apply(&app, opening, "marta@example.it").await;
    let hr = app.signed_in(Role::Hr).await;
    let first = card(&hr, opening, 0).await;
    assert_eq!(first["stage"], "applied");
    assert_eq!(first["name"], "Chiara Lombardi");

    for stage in ["screening", "interview"] {
        let moved = hr
            .call(
                "move_application",
                json!({"id": first["application_id"], "input": {"to": stage, "reason": ""}}),
            )
            .await;
        assert_eq!(moved.status, StatusCode::OK, "{moved:?}");
    }
    assert_eq!(card(&hr, opening, 0).await["stage"], "interview");
    let history = stage_event::Entity::find()
        .order_by_asc(stage_event::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    let moves: Vec<_> = history
        .iter()
        .map(|e| (e.from_stage.clone(), e.to_stage.clone(), e.actor_id))
        .collect();
    let hr_id = hr.user_id.map(|id| id.0);
    assert_eq!(
        moves,
        vec![
            (None, "applied".to_owned(), None),
            (Some("applied".to_owned()), "screening".to_owned(), hr_id),
            (Some("screening".to_owned()), "interview".to_owned(), hr_id),
        ]
    );
}

#[tokio::test]
async fn rejecting_needs_a_reason_which_stays_with_the_application() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Clinic front desk").await;
    apply(&app, opening, "paolo@example.it").await;
    let hr = app.signed_in(Role::Hr).await;
    let id = card(&hr, opening, 0).await["application_id"].clone();
    let refused = hr
        .call(
            "move_application",
            json!({"id": id, "input": {"to": "rejected", "reason": " "}}),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.field_error("reason").as_deref(),
        Some("reason_required")
    );
    let rejected = hr
        .call(
            "move_application",
            json!({"id": id, "input": {"to": "rejected", "reason": "Nessuna esperienza di sportello"}}),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK);
    let after = card(&hr, opening, 0).await;
    assert_eq!(after["stage"], "rejected");
    assert_eq!(after["reason"], "Nessuna esperienza di sportello");
}

#[tokio::test]
async fn moving_an_application_that_does_not_exist_is_a_404() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let answer = hr
        .call(
            "move_application",
            json!({"id": 999_999, "input": {"to": "screening", "reason": ""}}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let board = hr.call("opening_board", json!({"id": 999_999})).await;
    assert_eq!(board.status, StatusCode::NOT_FOUND);
}
