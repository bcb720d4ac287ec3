//! Practical tests through the server functions: the starter templates, HR's template editor
//! and its refusals, assigning a test (the rubric copied, the grader added to the hiring team),
//! who may read and grade it, grading with its refusals and nothing half-saved, the pass mark,
//! what a graded test says per competency, and the candidate's data export.

use app::model::Role;
use app::server::entities::{
    application, opening_interviewer, practical_template, practical_test, practical_test_criterion,
};
use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::careers::public_opening;
use crate::helpers::{Browser, TestApp};
use crate::intake::{apply_as, candidate_by_email, move_to};

pub(crate) const ROLE_PLAY: &str = "Handling a complaint (role-play)";

/// A candidate's application to a bank teller opening, HR, its grader and another interviewer.
pub(crate) struct Fixture {
    pub app: TestApp,
    pub hr: Browser,
    pub grader: Browser,
    pub other: Browser,
    pub application: i64,
    pub candidate: i64,
}

pub(crate) async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    apply_as(
        &app,
        opening,
        "Anna Bianchi",
        "anna@example.it",
        "+39 333 111 2222",
        false,
    )
    .await;
    let candidate = candidate_by_email(&app, "anna@example.it").await;
    let application = application::Entity::find()
        .filter(application::Column::CandidateId.eq(candidate as i32))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .into();
    let hr = app.signed_in(Role::Hr).await;
    let grader = app.signed_in(Role::Interviewer).await;
    let other = app.signed_in(Role::Interviewer).await;
    Fixture {
        app,
        hr,
        grader,
        other,
        application,
        candidate,
    }
}

fn id(who: &Browser) -> i64 {
    who.user_id.unwrap().0.into()
}

fn in_days(days: i64) -> String {
    (Utc::now() + TimeDelta::days(days))
        .date_naive()
        .to_string()
}

pub(crate) async fn template_id(app: &TestApp, title_en: &str) -> i64 {
    practical_template::Entity::find()
        .filter(practical_template::Column::TitleEn.eq(title_en))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .into()
}

async fn assign(
    f: &Fixture,
    template: i64,
    grader: &Browser,
    due_on: &str,
) -> crate::helpers::Answer {
    f.hr.call(
        "assign_practical_test",
        json!({"input": {"application_id": f.application, "template_id": template,
            "grader_id": id(grader), "due_on": due_on}}),
    )
    .await
}

/// A role-play test given to the fixture's application, graded by its grader.
pub(crate) async fn assigned(f: &Fixture) -> i64 {
    let template = template_id(&f.app, ROLE_PLAY).await;
    let answer = assign(f, template, &f.grader, &in_days(3)).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body["id"].as_i64().unwrap()
}

/// Scores for every criterion of test `test`, in order.
pub(crate) async fn scores(f: &Fixture, test: i64, points: &[i64]) -> Value {
    let criteria = practical_test_criterion::Entity::find()
        .filter(practical_test_criterion::Column::TestId.eq(test as i32))
        .order_by_asc(practical_test_criterion::Column::Position)
        .all(&f.app.db)
        .await
        .unwrap();
    assert_eq!(criteria.len(), points.len());
    json!(
        criteria
            .iter()
            .zip(points)
            .map(|(c, p)| json!({"criterion_id": c.id, "points": p, "notes": "Bene"}))
            .collect::<Vec<_>>()
    )
}

fn template_input(profile: &Value, competency: &Value, pass_mark: i64, points: &[i64]) -> Value {
    json!({
        "title_it": "Prova di cassa", "title_en": "Till test",
        "instructions_it": "Conta la cassa.", "instructions_en": "Count the till.",
        "time_limit_minutes": 20, "pass_mark": pass_mark, "active": true,
        "profile_ids": [profile],
        "criteria": points.iter().map(|p| json!({"competency_id": competency, "max_points": p,
            "description_it": "Precisione", "description_en": "Accuracy"})).collect::<Vec<_>>(),
    })
}

#[tokio::test]
async fn the_starter_templates_cover_the_domains_tasks_in_both_languages() {
    let f = fixture().await;
    let templates = f.hr.call("practical_templates", json!({})).await;
    assert_eq!(templates.status, StatusCode::OK);
    let list = templates.body.as_array().unwrap();
    assert_eq!(list.len(), 5, "{list:?}");
    for t in list {
        assert!(t["criteria"].as_u64().unwrap() >= 3, "{t}");
        assert!(t["pass_mark"].as_u64() <= t["total"].as_u64());
        assert!(!t["profiles"].as_array().unwrap().is_empty());
        assert_ne!(t["title_it"], t["title_en"]);
    }
    let offered =
        f.hr.call("templates_for_application", json!({"id": f.application}))
            .await
            .body;
    let titles: Vec<&str> = offered
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name_en"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&ROLE_PLAY), "{titles:?}");
    assert!(titles.contains(&"Reconciling an invoice against an order"));
    assert!(!titles.contains(&"Minutes from meeting notes"));
}

#[tokio::test]
async fn a_template_without_criteria_or_passing_above_its_total_is_refused_and_nothing_saved() {
    let f = fixture().await;
    let editor =
        f.hr.call("practical_template_editor", json!({"id": null}))
            .await
            .body;
    let profile = editor["profiles"][0]["id"].clone();
    let competency = editor["competencies"][0]["id"].clone();
    let before = practical_template::Entity::find()
        .count(&f.app.db)
        .await
        .unwrap();

    let none = template_input(&profile, &competency, 0, &[]);
    let answer =
        f.hr.call(
            "save_practical_template",
            json!({"id": null, "input": none}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.field_error("criteria").as_deref(),
        Some("no_criteria")
    );

    let above = template_input(&profile, &competency, 11, &[5, 5]);
    let answer =
        f.hr.call(
            "save_practical_template",
            json!({"id": null, "input": above}),
        )
        .await;
    assert_eq!(
        answer.field_error("pass_mark").as_deref(),
        Some("above_total")
    );
    assert_eq!(answer.body["Invalid"]["pass_mark"]["param"], 10);

    let zero = template_input(&profile, &competency, 1, &[0]);
    let answer =
        f.hr.call(
            "save_practical_template",
            json!({"id": null, "input": zero}),
        )
        .await;
    assert_eq!(
        answer.field_error("criteria.0.max_points").as_deref(),
        Some("points_range")
    );
    assert_eq!(
        practical_template::Entity::find()
            .count(&f.app.db)
            .await
            .unwrap(),
        before
    );

    let good = template_input(&profile, &competency, 10, &[5, 5]);
    let saved =
        f.hr.call(
            "save_practical_template",
            json!({"id": null, "input": good.clone()}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let read =
        f.hr.call("practical_template_editor", json!({"id": saved.body}))
            .await
            .body;
    assert_eq!(read["template"], good);
}

#[tokio::test]
async fn an_assigned_test_copies_the_rubric_and_puts_its_grader_on_the_hiring_team() {
    let f = fixture().await;
    let test = assigned(&f).await;
    let found = practical_test::Entity::find_by_id(test as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.title_en, ROLE_PLAY);
    assert_eq!(found.status, "assigned");
    let team = opening_interviewer::Entity::find()
        .filter(opening_interviewer::Column::UserId.eq(f.grader.user_id.unwrap().0))
        .count(&f.app.db)
        .await
        .unwrap();
    assert_eq!(team, 1, "the grader can read the candidate");

    // Changing the template later does not change the test already given.
    let template = template_id(&f.app, ROLE_PLAY).await;
    let mut edited =
        f.hr.call("practical_template_editor", json!({"id": template}))
            .await
            .body["template"]
            .clone();
    edited["criteria"] = json!([edited["criteria"][0].clone()]);
    edited["pass_mark"] = json!(1);
    let saved =
        f.hr.call(
            "save_practical_template",
            json!({"id": template, "input": edited}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let detail = f
        .grader
        .call("get_practical_test", json!({"id": test}))
        .await;
    assert_eq!(detail.status, StatusCode::OK);
    assert_eq!(detail.body["criteria"].as_array().unwrap().len(), 4);
    assert_eq!(detail.body["pass_mark"], 12);
    assert_eq!(detail.body["can_grade"], true);

    let mine = f.grader.call("my_tests", json!({})).await.body;
    assert_eq!(mine["to_grade"][0]["id"], test);
    assert!(mine["waiting"].is_null(), "only HR see every test");
    let all = f.hr.call("my_tests", json!({})).await.body;
    assert_eq!(all["waiting"][0]["id"], test);
    let candidate =
        f.hr.call("get_candidate", json!({"id": f.candidate}))
            .await
            .body;
    assert_eq!(candidate["practical_tests"][0]["id"], test);
}

#[tokio::test]
async fn assigning_refuses_a_past_date_a_template_of_another_profile_a_non_grader_and_a_closed_application()
 {
    let f = fixture().await;
    let role_play = template_id(&f.app, ROLE_PLAY).await;
    let answer = assign(&f, role_play, &f.grader, &in_days(-1)).await;
    assert_eq!(answer.field_error("due_on").as_deref(), Some("past_date"));
    let answer = assign(&f, role_play, &f.grader, "31/12/2030").await;
    assert_eq!(answer.field_error("due_on").as_deref(), Some("date"));

    let minutes = template_id(&f.app, "Minutes from meeting notes").await;
    let answer = assign(&f, minutes, &f.grader, &in_days(1)).await;
    assert_eq!(
        answer.field_error("template_id").as_deref(),
        Some("not_offered")
    );

    let employee = f.app.signed_in(Role::Employee).await;
    let answer = assign(&f, role_play, &employee, &in_days(1)).await;
    assert_eq!(
        answer.field_error("grader_id").as_deref(),
        Some("not_staff")
    );

    move_to(&f.hr, f.application as i32, "rejected").await;
    let answer = assign(&f, role_play, &f.grader, &in_days(1)).await;
    assert_eq!(
        answer.field_error("application_id").as_deref(),
        Some("application_finished")
    );
    assert_eq!(
        practical_test::Entity::find()
            .count(&f.app.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn only_the_grader_grades_and_nobody_else_but_hr_reads_the_test() {
    let f = fixture().await;
    let test = assigned(&f).await;
    let read = f
        .other
        .call("get_practical_test", json!({"id": test}))
        .await;
    assert_eq!(read.status, StatusCode::FORBIDDEN);
    let mine = f.other.call("my_tests", json!({})).await.body;
    assert_eq!(mine["to_grade"], json!([]));

    let body = json!({"id": test, "input": {"scores": scores(&f, test, &[5, 5, 5, 5]).await, "notes": ""}});
    let graded = f.other.call("grade_practical_test", body.clone()).await;
    assert_eq!(graded.status, StatusCode::FORBIDDEN);
    // HR read every test, but grading is the grader's.
    let hr_read = f.hr.call("get_practical_test", json!({"id": test})).await;
    assert_eq!(hr_read.status, StatusCode::OK);
    assert_eq!(hr_read.body["can_grade"], false);
    let graded = f.hr.call("grade_practical_test", body).await;
    assert_eq!(graded.status, StatusCode::FORBIDDEN);
    let found = practical_test::Entity::find_by_id(test as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.status, "assigned");
}

#[tokio::test]
async fn points_outside_zero_to_the_maximum_or_missing_are_refused_with_nothing_saved() {
    let f = fixture().await;
    let test = assigned(&f).await;
    let mut over = scores(&f, test, &[5, 6, 5, 5]).await;
    let answer = f
        .grader
        .call(
            "grade_practical_test",
            json!({"id": test, "input": {"scores": over.clone(), "notes": "x"}}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.field_error("scores.1.points").as_deref(),
        Some("points_above_max")
    );
    assert_eq!(answer.body["Invalid"]["scores.1.points"]["param"], 5);

    over[1]["points"] = json!(-1);
    let answer = f
        .grader
        .call(
            "grade_practical_test",
            json!({"id": test, "input": {"scores": over.clone(), "notes": "x"}}),
        )
        .await;
    assert_eq!(
        answer.status,
        StatusCode::BAD_REQUEST,
        "not a number the form sends"
    );

    over[1]["points"] = Value::Null;
    let answer = f
        .grader
        .call(
            "grade_practical_test",
            json!({"id": test, "input": {"scores": over, "notes": "x"}}),
        )
        .await;
    assert_eq!(
        answer.field_error("scores.1.points").as_deref(),
        Some("required")
    );

    let untouched = practical_test_criterion::Entity::find()
        .filter(practical_test_criterion::Column::TestId.eq(test as i32))
        .filter(practical_test_criterion::Column::Points.is_not_null())
        .count(&f.app.db)
        .await
        .unwrap();
    assert_eq!(untouched, 0, "nothing half-saved");
}

#[tokio::test]
async fn a_graded_test_passes_at_its_pass_mark_and_shows_a_level_per_competency() {
    let f = fixture().await;
    let test = assigned(&f).await;
    // The role-play: four criteria of 5 points, 12 to pass.
    let answer = f
        .grader
        .call(
            "grade_practical_test",
            json!({"id": test, "input": {"scores": scores(&f, test, &[5, 3, 4, 0]).await,
                    "notes": "Calma e cortese."}}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    assert_eq!(answer.body, true);

    let detail =
        f.hr.call("get_practical_test", json!({"id": test}))
            .await
            .body;
    assert_eq!(detail["summary"]["points"], 12);
    assert_eq!(detail["summary"]["max_points"], 20);
    assert_eq!(detail["summary"]["passed"], true);
    assert_eq!(detail["notes"], "Calma e cortese.");
    let levels: Vec<(i64, i64, i64)> = detail["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["points"].as_i64().unwrap(),
                c["max_points"].as_i64().unwrap(),
                c["level"].as_i64().unwrap(),
            )
        })
        .collect();
    // 1 + 4 × points ÷ 5, to the nearest level: 5 → 5, 3 → 3.4 → 3, 4 → 4.2 → 4, 0 → 1.
    assert_eq!(levels, vec![(5, 5, 5), (3, 5, 3), (4, 5, 4), (0, 5, 1)]);

    let again = f
        .grader
        .call(
            "grade_practical_test",
            json!({"id": test, "input": {"scores": scores(&f, test, &[0, 0, 0, 0]).await,
                    "notes": ""}}),
        )
        .await;
    assert_eq!(again.field_error("form").as_deref(), Some("test_graded"));
    let mine = f.grader.call("my_tests", json!({})).await.body;
    assert_eq!(mine["to_grade"], json!([]));
    assert_eq!(mine["graded"][0]["passed"], true);
}

#[tokio::test]
async fn one_point_below_the_pass_mark_fails() {
    let f = fixture().await;
    let test = assigned(&f).await;
    let answer = f
        .grader
        .call(
            "grade_practical_test",
            json!({"id": test, "input": {"scores": scores(&f, test, &[5, 3, 3, 0]).await,
                    "notes": ""}}),
        )
        .await;
    assert_eq!(answer.body, false);
}

#[tokio::test]
async fn the_candidates_data_export_holds_their_graded_tests() {
    let f = fixture().await;
    let test = assigned(&f).await;
    f.grader
        .call(
            "grade_practical_test",
            json!({"id": test, "input": {"scores": scores(&f, test, &[5, 5, 5, 5]).await,
                "notes": "Ottima gestione del cliente."}}),
        )
        .await;
    let (status, _, bytes) =
        f.hr.download(&format!("/candidates/{}/export.zip", f.candidate))
            .await;
    assert_eq!(status, StatusCode::OK);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut person = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("person.json").unwrap(), &mut person).unwrap();
    let person: Value = serde_json::from_str(&person).unwrap();
    assert_eq!(
        person["practical_tests"][0]["notes"],
        "Ottima gestione del cliente."
    );
    assert_eq!(person["practical_tests"][0]["criteria"][0]["points"], 5);
}

#[tokio::test]
async fn the_candidates_page_gives_each_of_its_forms_fields_an_id_of_its_own() {
    let f = fixture().await;
    let (status, html) = f.hr.page(&format!("/candidates/{}", f.candidate)).await;
    assert_eq!(status, StatusCode::OK);
    // The scheduling, practical test and online test forms all have an opening and a grader
    // or a panel: a label must name its own form's field.
    let mut seen = std::collections::BTreeSet::new();
    for part in html.split(" id=\"").skip(1) {
        let id = part.split('"').next().unwrap_or_default();
        assert!(seen.insert(id.to_owned()), "the id {id} is used twice");
    }
    assert!(seen.contains("f-assign-template_id"), "{seen:?}");
    assert!(seen.contains("f-send-template_id"));
}
