//! Online tests through the server functions, the private link's page and its plain form:
//! sending (a private link by email, only its hash kept), the candidate's page without
//! JavaScript (start, answers saved and shown again on reload, the typing test, handing in),
//! a used, expired or made-up link, the time limit with a chosen clock, the typing arithmetic
//! on the server's timing, scoring, the grader's short answers, and who may read what.

use app::model::{Answer, OnlineItemId, Role};
use app::server::assessments::online::take::{self, Saved};
use app::server::entities::{application, online_template, online_test, online_test_item, outbox};
use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::json;

use crate::careers::public_opening;
use crate::helpers::{Browser, TestApp};
use crate::intake::{apply_as, candidate_by_email};

struct Fixture {
    app: TestApp,
    hr: Browser,
    grader: Browser,
    application: i64,
}

async fn fixture(profile: &str) -> Fixture {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, profile).await;
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
    outbox::Entity::delete_many().exec(&app.db).await.unwrap();
    Fixture {
        app,
        hr,
        grader,
        application,
    }
}

async fn bank(app: &TestApp, title_en: &str) -> i64 {
    online_template::Entity::find()
        .filter(online_template::Column::TitleEn.eq(title_en))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .into()
}

/// Sends `title_en` to the fixture's candidate; answers the test's id and the link's token,
/// read from the email.
async fn send(f: &Fixture, title_en: &str) -> (i64, String) {
    let template = bank(&f.app, title_en).await;
    let sent =
        f.hr.call(
            "send_online_test",
            json!({"input": {"application_id": f.application, "template_id": template,
                "grader_id": f.grader.user_id, "link_days": 7}}),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{sent:?}");
    let mail = outbox::Entity::find()
        .order_by_desc(outbox::Column::Id)
        .one(&f.app.db)
        .await
        .unwrap()
        .expect("the link is mailed");
    assert_eq!(mail.to_address, "anna@example.it");
    let at = mail.body.find("/t/").expect("a link") + 3;
    let token: String = mail.body[at..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64, "256 random bits");
    (sent.body["id"].as_i64().unwrap(), token)
}

async fn items(app: &TestApp, test: i64) -> Vec<online_test_item::Model> {
    online_test_item::Entity::find()
        .filter(online_test_item::Column::TestId.eq(test as i32))
        .order_by_asc(online_test_item::Column::Position)
        .all(&app.db)
        .await
        .unwrap()
}

/// The right options of choice question `item`, in its own (shuffled) order.
fn right(item: &online_test_item::Model) -> Vec<usize> {
    let body: serde_json::Value = serde_json::from_str(&item.body).unwrap();
    body["options"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(_, o)| o["correct"] == true)
        .map(|(i, _)| i)
        .collect()
}

async fn post_form(who: &Browser, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let response = who
        .client
        .post(format!("{}{path}", who.address()))
        .header("origin", who.address())
        .form(fields)
        .send()
        .await
        .unwrap();
    let location = response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (response.status(), location)
}

#[tokio::test]
async fn the_link_is_mailed_and_only_its_hash_is_kept() {
    let f = fixture("Bank teller").await;
    let (id, token) = send(&f, "Knowledge of banking services").await;
    let stored = online_test::Entity::find_by_id(id as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(stored.token_hash, token);
    assert_eq!(stored.token_hash.len(), 64);
    assert_eq!(stored.status, "sent");
    assert_eq!(
        items(&f.app, id).await.len(),
        4,
        "the bank's questions copied"
    );
}

#[tokio::test]
async fn sending_refuses_a_bank_of_another_profile_and_a_grader_who_is_not_staff() {
    let f = fixture("Bank teller").await;
    let hotel = bank(&f.app, "Knowledge of hotel services").await;
    let refused =
        f.hr.call(
            "send_online_test",
            json!({"input": {"application_id": f.application, "template_id": hotel,
                "grader_id": f.grader.user_id, "link_days": 7}}),
        )
        .await;
    assert_eq!(
        refused.field_error("template_id").as_deref(),
        Some("not_offered")
    );
    let employee = f.app.signed_in(Role::Employee).await;
    let banking = bank(&f.app, "Knowledge of banking services").await;
    let refused =
        f.hr.call(
            "send_online_test",
            json!({"input": {"application_id": f.application, "template_id": banking,
                "grader_id": employee.user_id, "link_days": 7}}),
        )
        .await;
    assert_eq!(
        refused.field_error("grader_id").as_deref(),
        Some("not_staff")
    );
    let refused =
        f.hr.call(
            "send_online_test",
            json!({"input": {"application_id": f.application, "template_id": banking,
                "grader_id": f.grader.user_id, "link_days": 0}}),
        )
        .await;
    assert_eq!(
        refused.field_error("link_days").as_deref(),
        Some("days_range")
    );
    assert_eq!(
        online_test::Entity::find().count(&f.app.db).await.unwrap(),
        0
    );
    assert_eq!(outbox::Entity::find().count(&f.app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn the_candidate_takes_the_test_without_javascript_and_a_reload_loses_nothing() {
    let f = fixture("Bank teller").await;
    let (id, token) = send(&f, "Knowledge of banking services").await;
    let candidate = f.app.anonymous();
    let page = format!("/t/{token}");
    let (status, html) = candidate.page(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Knowledge of banking services")
            || html.contains("Conoscenza dei servizi bancari")
    );
    assert!(html.contains("value=\"start\""), "{html}");
    assert!(
        !html.contains("type=\"radio\""),
        "no question before the start"
    );

    let (status, location) = post_form(&candidate, &page, &[("intent", "start")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with(&page));
    let questions = items(&f.app, id).await;
    let (first, second) = (questions[0].id.to_string(), questions[1].id.to_string());
    let (q1, q2) = (format!("q{first}"), format!("q{second}"));
    // The first question has one right option; the second, two.
    let one = right(&questions[0])[0].to_string();
    let two: Vec<String> = right(&questions[1]).iter().map(usize::to_string).collect();
    let (status, location) = post_form(
        &candidate,
        &page,
        &[
            ("shown", &first),
            (&q1, &one),
            ("shown", &second),
            (&q2, &two[0]),
            (&q2, &two[1]),
            ("intent", "save"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("?saved=1"), "{location}");
    let (_, html) = candidate.page(&page).await;
    assert!(html.contains("id=\"test-saved\"") || html.contains("type=\"radio\""));
    assert_eq!(
        html.matches("checked").count(),
        3,
        "the saved answers come back on reload"
    );

    let (status, _) = post_form(&candidate, &page, &[("intent", "submit")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let done = online_test::Entity::find_by_id(id as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    // No short answer in this bank: scored at once. 2 + 2 of 8 points, 6 to pass.
    assert_eq!(done.status, "graded");
    assert_eq!(done.passed, Some(false));
    let scored = items(&f.app, id).await;
    assert_eq!(scored[0].awarded, Some(2));
    assert_eq!(scored[1].awarded, Some(2));
    assert_eq!(scored[2].awarded, Some(0), "unanswered");

    // A second use of the link is refused with a clear page.
    let (status, _) = post_form(&candidate, &page, &[("intent", "start")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, html) = candidate.page(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"test-state\""));
    assert!(!html.contains("type=\"radio\""));
    let (status, _) = candidate.page("/t/00000000made-up").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_unused_link_expires_and_says_so() {
    let f = fixture("Bank teller").await;
    let (id, token) = send(&f, "Knowledge of banking services").await;
    let later = Utc::now() + TimeDelta::days(8);
    assert!(take::start(&f.app.db, &token, later).await.is_err());
    let view = take::view(&f.app.db, &token, later).await.unwrap();
    assert_eq!(view.state, app::model::CandidateState::Expired);
    online_test::Entity::update_many()
        .col_expr(
            online_test::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(Utc::now() - TimeDelta::hours(1)),
        )
        .filter(online_test::Column::Id.eq(id as i32))
        .exec(&f.app.db)
        .await
        .unwrap();
    let (status, html) = f.app.anonymous().page(&format!("/t/{token}")).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(html.contains("id=\"test-state\""));
}

#[tokio::test]
async fn answers_after_the_limit_and_its_grace_do_not_count_and_the_test_closes() {
    let f = fixture("Bank teller").await;
    let (id, token) = send(&f, "Knowledge of banking services").await;
    let questions = items(&f.app, id).await;
    let start = Utc::now();
    take::start(&f.app.db, &token, start).await.unwrap();
    // 15 minutes, and 30 seconds' grace.
    let in_grace = start + TimeDelta::minutes(15) + TimeDelta::seconds(20);
    let first = vec![(OnlineItemId(questions[0].id), Answer::Choice(vec![0]))];
    assert_eq!(
        take::save(&f.app.db, &token, first, in_grace)
            .await
            .unwrap(),
        Saved::Saved
    );
    let too_late = start + TimeDelta::minutes(15) + TimeDelta::seconds(31);
    let second = vec![(OnlineItemId(questions[1].id), Answer::Choice(vec![0, 1]))];
    assert_eq!(
        take::save(&f.app.db, &token, second, too_late)
            .await
            .unwrap(),
        Saved::TooLate
    );
    let after = items(&f.app, id).await;
    assert!(after[0].answer.is_some());
    assert!(after[1].answer.is_none(), "the late answer was not saved");
    let closed = online_test::Entity::find_by_id(id as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(closed.status, "graded", "closed by the clock and scored");
    assert_eq!(closed.submitted_at, closed.deadline_at);
    let view = take::view(&f.app.db, &token, too_late).await.unwrap();
    assert!(matches!(
        view.state,
        app::model::CandidateState::Submitted { .. }
    ));
}

#[tokio::test]
async fn the_typing_test_is_timed_by_the_server_and_data_entry_scored_per_field() {
    let f = fixture("Bank teller").await;
    let (id, token) = send(&f, "Typing and data entry").await;
    let questions = items(&f.app, id).await;
    let (typing, table) = (OnlineItemId(questions[0].id), OnlineItemId(questions[1].id));
    let start = Utc::now();
    take::start(&f.app.db, &token, start).await.unwrap();
    // Typed text before the typing test starts is not taken.
    let early = vec![(typing, Answer::Typed("Gentile".into()))];
    take::save(&f.app.db, &token, early, start).await.unwrap();
    assert!(items(&f.app, id).await[0].answer.is_none());

    let shown = start + TimeDelta::seconds(10);
    take::start_typing(&f.app.db, &token, typing, shown)
        .await
        .unwrap();
    // Half the text so far, saved as the candidate goes.
    let text = "Gentile cliente, la ringraziamo per la sua richiesta. La pratica è stata \
                registrata con il numero 2026/418 e sarà evasa entro dieci giorni lavorativi. \
                Per qualsiasi informazione può rivolgersi al nostro ufficio dal lunedì al \
                venerdì, dalle 9 alle 13.";
    assert_eq!(text.chars().count(), 250);
    let half: String = text.chars().take(125).collect();
    take::save(
        &f.app.db,
        &token,
        vec![(typing, Answer::Typed(half))],
        shown + TimeDelta::seconds(30),
    )
    .await
    .unwrap();
    // The whole text without a mistake, finished 60 seconds after it showed: 250 characters
    // a minute, 50 words a minute.
    let done = shown + TimeDelta::seconds(60);
    take::finish_typing(
        &f.app.db,
        &token,
        typing,
        vec![(typing, Answer::Typed(text.to_owned()))],
        done,
    )
    .await
    .unwrap();
    // Later saves change neither the text nor its time.
    take::save(
        &f.app.db,
        &token,
        vec![(typing, Answer::Typed("x".into()))],
        done + TimeDelta::seconds(100),
    )
    .await
    .unwrap();
    let copied = vec![
        vec![
            "Cartoleria Rossi srl".into(),
            "FT-1043".into(),
            "03/11/2026".into(),
            "245,80".into(),
        ],
        vec![
            "Bianchi Forniture spa".into(),
            "2026/887".into(),
            "07/11/2026".into(),
            "1320,00".into(),
        ],
    ];
    take::submit(
        &f.app.db,
        &token,
        vec![(table, Answer::Table(copied))],
        done,
    )
    .await
    .unwrap();
    let scored = items(&f.app, id).await;
    let result: serde_json::Value =
        serde_json::from_str(scored[0].result.as_deref().unwrap()).unwrap();
    assert_eq!(result["wpm_tenths"], 500);
    assert_eq!(result["accuracy_tenths"], 1000);
    assert_eq!(result["completion_tenths"], 1000);
    // 50 wpm, over the 35 target, and the whole text: all 10 points.
    assert_eq!(scored[0].awarded, Some(10));
    // Seven of eight fields right: 8 × 7 ÷ 8 = 7 points.
    assert_eq!(scored[1].result.as_deref(), Some("[7,8]"));
    assert_eq!(scored[1].awarded, Some(7));
}

#[tokio::test]
async fn the_grader_scores_the_short_answers_and_nobody_else_can() {
    let f = fixture("Hotel receptionist").await;
    let (id, token) = send(&f, "Knowledge of hotel services").await;
    let questions = items(&f.app, id).await;
    let short = questions[2].id;
    let early = f
        .grader
        .call(
            "grade_online_answers",
            json!({"id": id, "input": {"scores": [{"item_id": short, "points": 3, "notes": ""}]}}),
        )
        .await;
    assert_eq!(
        early.field_error("form").as_deref(),
        Some("test_not_submitted")
    );

    let now = Utc::now();
    take::start(&f.app.db, &token, now).await.unwrap();
    let answers = vec![
        (
            OnlineItemId(questions[0].id),
            Answer::Choice(right(&questions[0])),
        ),
        (
            OnlineItemId(questions[1].id),
            Answer::Choice(right(&questions[1])),
        ),
        (
            OnlineItemId(short),
            Answer::Text("Le offro un caffè e custodiamo i bagagli.".into()),
        ),
    ];
    take::submit(&f.app.db, &token, answers, now).await.unwrap();
    let waiting = f.grader.call("get_online_test", json!({"id": id})).await;
    assert_eq!(waiting.status, StatusCode::OK);
    assert_eq!(waiting.body["summary"]["status"], "submitted");
    assert_eq!(waiting.body["summary"]["to_grade"], 1);
    assert_eq!(waiting.body["can_grade"], true);

    let other = f.app.signed_in(Role::Interviewer).await;
    let refused = other.call("get_online_test", json!({"id": id})).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let by_hr =
        f.hr.call(
            "grade_online_answers",
            json!({"id": id, "input": {"scores": [{"item_id": short, "points": 3, "notes": ""}]}}),
        )
        .await;
    assert_eq!(by_hr.status, StatusCode::FORBIDDEN);

    let over = f
        .grader
        .call(
            "grade_online_answers",
            json!({"id": id, "input": {"scores": [{"item_id": short, "points": 4, "notes": ""}]}}),
        )
        .await;
    assert_eq!(
        over.field_error("scores.0.points").as_deref(),
        Some("points_above_max")
    );
    let graded = f
        .grader
        .call(
            "grade_online_answers",
            json!({"id": id, "input": {"scores": [{"item_id": short, "points": 2, "notes": "Cortese."}]}}),
        )
        .await;
    assert_eq!(graded.status, StatusCode::OK, "{graded:?}");
    // 2 + 2 + 2 of 7, 5 to pass.
    assert_eq!(graded.body, true);
    let read = f.hr.call("get_online_test", json!({"id": id})).await.body;
    assert_eq!(read["summary"]["status"], "graded");
    assert_eq!(read["summary"]["points"], 6);
    assert!(!read["contributions"].as_array().unwrap().is_empty());
    let again = f
        .grader
        .call(
            "grade_online_answers",
            json!({"id": id, "input": {"scores": [{"item_id": short, "points": 0, "notes": ""}]}}),
        )
        .await;
    assert_eq!(again.field_error("form").as_deref(), Some("test_graded"));
}

#[tokio::test]
async fn erasing_the_candidate_deletes_the_message_with_the_link_and_the_link_stops_working() {
    let f = fixture("Bank teller").await;
    let (_, token) = send(&f, "Knowledge of banking services").await;
    let candidate = candidate_by_email(&f.app, "anna@example.it").await;
    let erased =
        f.hr.call(
            "erase_candidate",
            json!({"id": candidate, "confirm": "Anna Bianchi"}),
        )
        .await;
    assert_eq!(erased.status, StatusCode::OK, "{erased:?}");
    let left = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq("anna@example.it"))
        .count(&f.app.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
    let (status, _) = f.app.anonymous().page(&format!("/t/{token}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn hr_write_a_bank_refused_for_a_question_without_a_right_option_then_send_it() {
    let f = fixture("Bank teller").await;
    let editor =
        f.hr.call("online_bank_editor", json!({"id": null}))
            .await
            .body;
    let bank_teller = editor["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name_en"] == "Bank teller")
        .unwrap()["id"]
        .clone();
    let competency = editor["competencies"][0]["id"].clone();
    let question = |right: bool| {
        json!({"competency_id": competency, "points": 3,
            "prompt_it": "Che cos'è un IBAN?", "prompt_en": "What is an IBAN?",
            "body": {"kind": "single_choice", "options": [
                {"text_it": "Il codice di un conto", "text_en": "An account's code", "correct": right},
                {"text_it": "Una carta", "text_en": "A card", "correct": false}]}})
    };
    let bank = |right: bool| {
        json!({"title_it": "Conti correnti", "title_en": "Current accounts",
            "instructions_it": "Rispondi.", "instructions_en": "Answer.",
            "time_limit_minutes": 5, "pass_mark": 3, "active": true,
            "profile_ids": [bank_teller],
            "questions": [question(true), question(right)]})
    };
    let before = online_template::Entity::find()
        .count(&f.app.db)
        .await
        .unwrap();
    let refused =
        f.hr.call(
            "save_online_bank",
            json!({"id": null, "input": bank(false)}),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.field_error("questions.1.body").as_deref(),
        Some("no_correct_option")
    );
    assert_eq!(
        online_template::Entity::find()
            .count(&f.app.db)
            .await
            .unwrap(),
        before,
        "nothing saved"
    );
    let saved =
        f.hr.call("save_online_bank", json!({"id": null, "input": bank(true)}))
            .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let read =
        f.hr.call("online_bank_editor", json!({"id": saved.body}))
            .await
            .body;
    assert_eq!(read["template"], bank(true));
    let list = f.hr.call("online_banks", json!({})).await.body;
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|b| b["title_en"] == "Current accounts" && b["total"] == 6)
    );
    let (id, _) = send(&f, "Current accounts").await;
    assert_eq!(items(&f.app, id).await.len(), 2);
}

#[tokio::test]
async fn the_autosave_answers_no_content_while_the_test_runs_and_conflict_once_it_is_over() {
    let f = fixture("Bank teller").await;
    let (id, token) = send(&f, "Knowledge of banking services").await;
    let candidate = f.app.anonymous();
    let page = format!("/t/{token}");
    post_form(&candidate, &page, &[("intent", "start")]).await;
    let first = items(&f.app, id).await[0].id.to_string();
    let field = format!("q{first}");
    let autosave = |fields: Vec<(String, String)>| {
        candidate
            .client
            .post(format!("{}{page}", candidate.address()))
            .header("origin", candidate.address())
            .header("x-autosave", "1")
            .form(&fields)
            .send()
    };
    let fields = vec![
        ("shown".to_owned(), first.clone()),
        (field.clone(), "1".to_owned()),
        ("intent".to_owned(), "save".to_owned()),
    ];
    let saved = autosave(fields.clone()).await.unwrap();
    assert_eq!(saved.status(), StatusCode::NO_CONTENT);
    assert!(items(&f.app, id).await[0].answer.is_some());
    // The time runs out (the deadline moved back, as the clock would have).
    online_test::Entity::update_many()
        .col_expr(
            online_test::Column::DeadlineAt,
            sea_orm::sea_query::Expr::value(Utc::now() - TimeDelta::minutes(5)),
        )
        .filter(online_test::Column::Id.eq(id as i32))
        .exec(&f.app.db)
        .await
        .unwrap();
    let late = autosave(fields).await.unwrap();
    assert_eq!(late.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_banks_typing_text_is_kept_on_one_line_and_its_competency_cannot_be_deleted() {
    let f = fixture("Bank teller").await;
    let competency = f
        .hr
        .call(
            "create_competency",
            json!({"input": {"area": "back_office", "name_it": "Dattilografia",
                "name_en": "Typing", "description_it": "Scrive veloce.",
                "description_en": "Types fast.",
                "levels": (1..=5).map(|n| json!({"it": format!("L{n}"), "en": format!("L{n}")})).collect::<Vec<_>>()}}),
        )
        .await;
    assert_eq!(competency.status, StatusCode::OK, "{competency:?}");
    let editor =
        f.hr.call("online_bank_editor", json!({"id": null}))
            .await
            .body;
    let bank = json!({"title_it": "Battitura", "title_en": "Typing only",
        "instructions_it": "Ricopia.", "instructions_en": "Copy.",
        "time_limit_minutes": 5, "pass_mark": 1, "active": true,
        "profile_ids": [editor["profiles"][0]["id"]],
        "questions": [{"competency_id": competency.body, "points": 4,
            "prompt_it": "Ricopia", "prompt_en": "Copy",
            "body": {"kind": "typing", "text": "Gentile cliente,\r\n  la ringraziamo. \n", "target_wpm": 30}}]});
    let saved =
        f.hr.call("save_online_bank", json!({"id": null, "input": bank}))
            .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let read =
        f.hr.call("online_bank_editor", json!({"id": saved.body}))
            .await
            .body;
    assert_eq!(
        read["template"]["questions"][0]["body"]["text"],
        "Gentile cliente, la ringraziamo."
    );
    let deleted =
        f.hr.call("delete_competency", json!({"id": competency.body}))
            .await;
    assert_eq!(deleted.status, StatusCode::CONFLICT, "{deleted:?}");
}
