//! The assessment of applications through the server functions and the page: interview
//! ratings and graded practical tests combined per competency, the weighted fit worked out by
//! hand, competencies not yet assessed keeping the score partial, and an opening's candidates
//! compared, sorted and charted on the server.

use app::model::Role;
use app::server::entities::{
    application, competency, practical_template, practical_test_criterion,
};
use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::careers::public_opening;
use crate::helpers::{Browser, TestApp};
use crate::intake::{apply_as, candidate_by_email, move_to};

async fn application_of(app: &TestApp, email: &str) -> i64 {
    let candidate = candidate_by_email(app, email).await;
    application::Entity::find()
        .filter(application::Column::CandidateId.eq(candidate as i32))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .into()
}

pub async fn competency_id(app: &TestApp, code: &str) -> i64 {
    competency::Entity::find()
        .filter(competency::Column::Code.eq(code))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .into()
}

fn id(who: &Browser) -> i64 {
    who.user_id.unwrap().0.into()
}

/// A wall-clock time in Rome `days` from today at `hour`.
fn rome(days: i64, hour: u32) -> String {
    let day = (Utc::now() + TimeDelta::days(days))
        .with_timezone(&chrono_tz::Europe::Rome)
        .date_naive();
    format!("{day}T{hour:02}:00")
}

/// An interview yesterday with `interviewer`, whose submitted scorecard gives `ratings`;
/// answers the interview's id.
pub async fn rated(
    hr: &Browser,
    interviewer: &Browser,
    application: i64,
    ratings: &[(i64, u8)],
) -> i64 {
    let scheduled = hr
        .call(
            "schedule_interview",
            json!({"input": {"application_id": application, "kind": "hr_interview",
                "starts_at": rome(-1, 10), "ends_at": rome(-1, 11), "time_zone": "Europe/Rome",
                "location": "", "video_link": "", "interviewer_ids": [id(interviewer)]}}),
        )
        .await;
    assert_eq!(scheduled.status, StatusCode::OK, "{scheduled:?}");
    let card = json!({
        "ratings": ratings.iter().map(|(c, r)| json!({"competency_id": c, "rating": r, "evidence": ""})).collect::<Vec<_>>(),
        "recommendation": "yes", "summary": "",
    });
    let submitted = interviewer
        .call(
            "submit_scorecard",
            json!({"id": scheduled.body["id"], "input": card}),
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK, "{submitted:?}");
    scheduled.body["id"].as_i64().unwrap()
}

/// The complaint role-play given to `application` and graded with `points`, in rubric order.
pub async fn role_play(
    app: &TestApp,
    hr: &Browser,
    grader: &Browser,
    application: i64,
    points: &[i64],
) {
    let template = practical_template::Entity::find()
        .filter(practical_template::Column::TitleEn.eq("Handling a complaint (role-play)"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let due_on = (Utc::now() + TimeDelta::days(1)).date_naive().to_string();
    let assigned = hr
        .call(
            "assign_practical_test",
            json!({"input": {"application_id": application, "template_id": template.id,
                "grader_id": id(grader), "due_on": due_on}}),
        )
        .await;
    assert_eq!(assigned.status, StatusCode::OK, "{assigned:?}");
    let test = assigned.body["id"].as_i64().unwrap();
    let criteria = practical_test_criterion::Entity::find()
        .filter(practical_test_criterion::Column::TestId.eq(test as i32))
        .order_by_asc(practical_test_criterion::Column::Position)
        .all(&app.db)
        .await
        .unwrap();
    let scores: Vec<Value> = criteria
        .iter()
        .zip(points)
        .map(|(c, p)| json!({"criterion_id": c.id, "points": p, "notes": ""}))
        .collect();
    let graded = grader
        .call(
            "grade_practical_test",
            json!({"id": test, "input": {"scores": scores, "notes": ""}}),
        )
        .await;
    assert_eq!(graded.status, StatusCode::OK, "{graded:?}");
}

fn competency_of(assessment: &Value, id: i64) -> &Value {
    assessment["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
}

struct Fixture {
    app: TestApp,
    hr: Browser,
    opening: i64,
    /// Rated in an interview and graded in the role-play.
    anna: i64,
    /// Applied, nothing assessed.
    bruno: i64,
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    for (name, email) in [
        ("Anna Bianchi", "anna@example.it"),
        ("Bruno Verdi", "bruno@example.it"),
        ("Carla Neri", "carla@example.it"),
    ] {
        apply_as(&app, opening, name, email, "+39 333 111 2222", false).await;
    }
    let hr = app.signed_in(Role::Hr).await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    let anna = application_of(&app, "anna@example.it").await;
    let bruno = application_of(&app, "bruno@example.it").await;
    let carla = application_of(&app, "carla@example.it").await;
    move_to(&hr, carla as i32, "rejected").await;
    let verbal = competency_id(&app, "verbal-communication").await;
    let products = competency_id(&app, "products-services-knowledge").await;
    rated(&hr, &interviewer, anna, &[(verbal, 4), (products, 2)]).await;
    // Welcoming 5/5 (not a bank teller's competency), verbal 3/5, requests 4/5, products 0/5.
    role_play(&app, &hr, &interviewer, anna, &[5, 3, 4, 0]).await;
    Fixture {
        app,
        hr,
        opening,
        anna,
        bruno,
    }
}

#[tokio::test]
async fn ratings_and_test_levels_combine_per_competency_into_a_partial_weighted_fit() {
    let f = fixture().await;
    let answer =
        f.hr.call("application_assessment", json!({"id": f.anna}))
            .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let a = &answer.body["assessment"];
    let verbal = competency_of(a, competency_id(&f.app, "verbal-communication").await);
    // Rating 4 and the role-play's 3/5 → level 1 + 4 × 3 ÷ 5 = 3.4 → 3: (4 + 3) ÷ 2 = 3.5.
    assert_eq!(verbal["ratings"], json!([4]));
    assert_eq!(verbal["tests"][0]["level"], 3);
    assert_eq!(verbal["level_tenths"], 35);
    let requests = competency_of(a, competency_id(&f.app, "request-handling").await);
    // 4/5 → 1 + 3.2 = 4.2 → 4.
    assert_eq!(requests["level_tenths"], 40);
    let products = competency_of(
        a,
        competency_id(&f.app, "products-services-knowledge").await,
    );
    // Rating 2 and 0/5 → level 1: 1.5.
    assert_eq!(products["level_tenths"], 15);
    assert_eq!(products["rating_mean_tenths"], 20);
    // Bank teller: verbal (required 3, weight 3), requests (3, 3), products (4, 5).
    // 100 × (3 × 1 + 3 × 1 + 5 × 1.5 ÷ 4) ÷ 11 = 71.6 → 72.
    assert_eq!(a["fit"]["percent"], 72);
    assert_eq!(a["fit"]["assessed_weight"], 11);
    assert_eq!(a["fit"]["total_weight"], 27);
    let not_assessed = a["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["level_tenths"].is_null())
        .count();
    assert_eq!(not_assessed, 4);

    let (status, html) =
        f.hr.page(&format!("/applications/{}/assessment", f.anna))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("72%"), "{html}");
    assert!(html.contains("id=\"not-assessed\""));
    assert!(html.contains("Σ"), "the formula is written on the page");
}

#[tokio::test]
async fn an_openings_candidates_compare_sorted_by_fit_or_a_competency_with_a_chart_drawn_on_the_server()
 {
    let f = fixture().await;
    let answer =
        f.hr.call("opening_assessment", json!({"id": f.opening}))
            .await;
    assert_eq!(answer.status, StatusCode::OK);
    let names: Vec<&str> = answer.body["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["candidate_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Anna Bianchi", "Bruno Verdi"],
        "the rejected are left out"
    );
    assert!(answer.body["candidates"][1]["fit"]["percent"].is_null());

    let (status, html) =
        f.hr.page(&format!("/openings/{}/assessment?sort=fit", f.opening))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<svg"), "{html}");
    assert!(html.contains("id=\"fit-chart\""));
    let anna = html.find("Anna Bianchi").unwrap();
    let bruno = html.find("Bruno Verdi").unwrap();
    assert!(anna < bruno, "the assessed candidate first");
    assert!(!html.contains("Carla Neri"));
    assert!(
        !html.contains("type=\"module\""),
        "no bundle: it works without JavaScript"
    );
    let verbal = competency_id(&f.app, "verbal-communication").await;
    let (_, sorted) =
        f.hr.page(&format!("/openings/{}/assessment?sort={verbal}", f.opening))
            .await;
    assert!(sorted.contains("aria-sort=\"descending\""));

    let interviewer = f.app.signed_in(Role::Interviewer).await;
    let refused = interviewer
        .call("application_assessment", json!({"id": f.bruno}))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}
