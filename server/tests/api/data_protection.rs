//! Data protection: privacy notice versions, the retention policy, and the job that
//! anonymises rejected candidates once their time is up.

use app::model::Role;
use app::server::entities::{
    application, candidate, candidate_file, candidate_note, candidate_tag, retention_run,
    stage_event,
};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use reqwest::multipart::Form;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::careers::{file, public_opening, send};
use crate::documents::pdf;
use crate::helpers::{Browser, TestApp};
use crate::intake::{applications_of, apply_as, candidate_by_email, move_to, stored_files};

/// Makes every application of a candidate look last moved `days_ago`.
pub async fn backdate_candidate(app: &TestApp, candidate_id: i64, days_ago: i64) {
    application::Entity::update_many()
        .col_expr(
            application::Column::StageChangedAt,
            Expr::value(Utc::now() - Duration::days(days_ago)),
        )
        .filter(application::Column::CandidateId.eq(candidate_id as i32))
        .exec(&app.db)
        .await
        .unwrap();
}

/// Applies, moves the application to `stage`, and backdates it by `days_ago`.
pub async fn ended(
    app: &TestApp,
    hr: &Browser,
    opening: i64,
    email: &str,
    stage: &str,
    talent_pool: bool,
    days_ago: i64,
) -> i64 {
    let name = format!("Persona {}", email.split('@').next().unwrap());
    apply_as(app, opening, &name, email, "+39 333 000 1111", talent_pool).await;
    let id = candidate_by_email(app, email).await;
    let application = applications_of(app, id).await.last().unwrap().id;
    move_to(hr, application, stage).await;
    backdate_candidate(app, id, days_ago).await;
    id
}

async fn anonymised(app: &TestApp, id: i64) -> bool {
    candidate::Entity::find_by_id(id as i32)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .anonymised_at
        .is_some()
}

async fn overview(admin: &Browser) -> Value {
    let answer = admin.call("data_protection", json!({})).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body
}

async fn run(admin: &Browser) -> Value {
    let answer = admin.call("run_retention", json!({})).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body
}

const SEVEN_MONTHS: i64 = 7 * 31;
const TWENTY_FIVE_MONTHS: i64 = 25 * 31;

#[tokio::test]
async fn publishing_a_notice_makes_it_current_and_the_next_application_records_its_version() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    let admin = app.signed_in(Role::Admin).await;
    assert_eq!(overview(&admin).await["notice"]["version"], 1);
    let published = admin
        .call(
            "publish_notice",
            json!({"input": {"text_it": "Informativa nuova", "text_en": "New notice"}}),
        )
        .await;
    assert_eq!(published.status, StatusCode::OK, "{published:?}");
    assert_eq!(published.body, 2);

    let visitor = app.anonymous();
    let notice = visitor.call("privacy_notice", json!({})).await.body;
    assert_eq!(notice["version"], 2);
    assert_eq!(notice["text_it"], "Informativa nuova");
    assert_eq!(notice["text_en"], "New notice");
    let settings = overview(&admin).await;
    assert_eq!(settings["notice"]["version"], 2);
    assert_eq!(settings["notice"]["text_en"], "New notice");

    let shown = notice["version"].to_string();
    let form = Form::new()
        .text("opening_id", opening.to_string())
        .text("notice_version", shown)
        .text("name", "Anna Bianchi")
        .text("email", "anna@example.it")
        .text("phone", "+39 333 111 2222")
        .text("website", "")
        .part("cv", file("cv.pdf", pdf(&["cv"])));
    let answer = send(&visitor, &app, form).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let person =
        candidate::Entity::find_by_id(candidate_by_email(&app, "anna@example.it").await as i32)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
    assert_eq!(person.consent_notice_version, Some(2));

    let blank = admin
        .call(
            "publish_notice",
            json!({"input": {"text_it": " ", "text_en": "x"}}),
        )
        .await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(blank.field_error("text_it").as_deref(), Some("required"));
    assert_eq!(overview(&admin).await["notice"]["version"], 2);
}

#[tokio::test]
async fn the_retention_policy_is_between_one_and_one_hundred_and_twenty_months() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let policy = overview(&admin).await["policy"].clone();
    assert_eq!(
        policy,
        json!({"months_without_consent": 6, "months_with_consent": 24})
    );
    for (without, with) in [(0, 24), (6, 121)] {
        let answer = admin
            .call(
                "save_retention",
                json!({"policy": {"months_without_consent": without, "months_with_consent": with}}),
            )
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{answer:?}"
        );
        let field = if without == 0 {
            "months_without_consent"
        } else {
            "months_with_consent"
        };
        assert_eq!(answer.field_error(field).as_deref(), Some("months_range"));
    }
    let saved = admin
        .call(
            "save_retention",
            json!({"policy": {"months_without_consent": 1, "months_with_consent": 120}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    assert_eq!(
        overview(&admin).await["policy"],
        json!({"months_without_consent": 1, "months_with_consent": 120})
    );
}

#[tokio::test]
async fn retention_anonymises_only_candidates_whose_every_application_ended_before_the_policy() {
    let app = TestApp::spawn().await;
    let bank = public_opening(&app, "Bank teller").await;
    let hotel = public_opening(&app, "Hotel receptionist").await;
    let hr = app.signed_in(Role::Hr).await;
    let admin = app.signed_in(Role::Admin).await;
    let old = ended(
        &app,
        &hr,
        bank,
        "old@example.it",
        "rejected",
        false,
        SEVEN_MONTHS,
    )
    .await;
    let gone = ended(
        &app,
        &hr,
        bank,
        "gone@example.it",
        "withdrawn",
        false,
        SEVEN_MONTHS,
    )
    .await;
    let recent = ended(&app, &hr, bank, "recent@example.it", "rejected", false, 30).await;
    let active = ended(
        &app,
        &hr,
        bank,
        "active@example.it",
        "interview",
        false,
        SEVEN_MONTHS,
    )
    .await;
    let pool_kept = ended(
        &app,
        &hr,
        bank,
        "pool@example.it",
        "rejected",
        true,
        SEVEN_MONTHS,
    )
    .await;
    let pool_due = ended(
        &app,
        &hr,
        bank,
        "pool-old@example.it",
        "rejected",
        true,
        TWENTY_FIVE_MONTHS,
    )
    .await;
    // Rejected long ago for one opening, still in the running for another.
    let mixed = ended(
        &app,
        &hr,
        bank,
        "mixed@example.it",
        "rejected",
        false,
        SEVEN_MONTHS,
    )
    .await;
    apply_as(
        &app,
        hotel,
        "Persona mixed",
        "mixed@example.it",
        "+39 333 000 1111",
        false,
    )
    .await;
    move_to(&hr, applications_of(&app, mixed).await[1].id, "screening").await;
    backdate_candidate(&app, mixed, SEVEN_MONTHS).await;

    assert_eq!(overview(&admin).await["due_now"], 3);
    let result = run(&admin).await;
    assert_eq!(result["anonymised"], 3);
    assert_eq!(result["files_deleted"], 3);
    for (id, expected) in [
        (old, true),
        (gone, true),
        (pool_due, true),
        (recent, false),
        (active, false),
        (pool_kept, false),
        (mixed, false),
    ] {
        assert_eq!(anonymised(&app, id).await, expected, "candidate {id}");
    }
    assert_eq!(overview(&admin).await["due_now"], 0);
    assert_eq!(run(&admin).await["anonymised"], 0, "nothing twice");
}

#[tokio::test]
async fn a_shorter_policy_makes_more_candidates_due() {
    let app = TestApp::spawn().await;
    let bank = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let admin = app.signed_in(Role::Admin).await;
    let pool = ended(
        &app,
        &hr,
        bank,
        "pool@example.it",
        "rejected",
        true,
        SEVEN_MONTHS,
    )
    .await;
    let plain = ended(&app, &hr, bank, "plain@example.it", "rejected", false, 40).await;
    assert_eq!(overview(&admin).await["due_now"], 0);
    let saved = admin
        .call(
            "save_retention",
            json!({"policy": {"months_without_consent": 1, "months_with_consent": 6}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    assert_eq!(overview(&admin).await["due_now"], 2);
    assert_eq!(run(&admin).await["anonymised"], 2);
    assert!(anonymised(&app, pool).await);
    assert!(anonymised(&app, plain).await);
}

#[tokio::test]
async fn an_anonymised_candidate_loses_personal_data_files_notes_tags_and_search_but_not_the_figures()
 {
    let app = TestApp::spawn().await;
    let bank = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let admin = app.signed_in(Role::Admin).await;
    let id = ended(
        &app,
        &hr,
        bank,
        "old@example.it",
        "rejected",
        false,
        SEVEN_MONTHS,
    )
    .await;
    hr.call(
        "add_note",
        json!({"id": id, "input": {"body": "Riservato"}}),
    )
    .await;
    hr.call("set_tags", json!({"id": id, "tags": ["sap"]}))
        .await;
    assert_eq!(stored_files(&app).len(), 1);
    let found = hr
        .call(
            "list_candidates",
            json!({"filter": {"q": "zibellino"}, "page": 0}),
        )
        .await;
    assert_eq!(found.body["total"]["exactly"], 1);

    assert_eq!(run(&admin).await["files_deleted"], 1);

    let person = candidate::Entity::find_by_id(id as i32)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(person.name, "");
    assert_eq!((person.email, person.email_key), (None, None));
    assert_eq!((person.phone, person.phone_key), (None, None));
    assert_eq!(person.education, "");
    assert_eq!(person.experience, "");
    assert!(person.anonymised_at.is_some());
    assert!(stored_files(&app).is_empty(), "the CV is deleted from disk");
    assert_eq!(
        candidate_file::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    assert_eq!(
        candidate_note::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    assert_eq!(
        candidate_tag::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    let applications = applications_of(&app, id).await;
    assert_eq!(
        applications.len(),
        1,
        "the application stays for the figures"
    );
    assert_eq!(applications[0].stage, "rejected");
    assert_eq!(applications[0].source, "careers");
    assert_eq!(applications[0].cover_letter, "");
    assert_eq!(applications[0].stage_reason, None);
    let history = stage_event::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(history.len(), 2);
    assert!(history.iter().all(|e| e.reason.is_none()));

    for filter in [json!({"q": "zibellino"}), json!({"q": "old"}), json!({})] {
        let listed = hr
            .call("list_candidates", json!({"filter": filter, "page": 0}))
            .await;
        assert_eq!(listed.body["total"]["exactly"], 0, "{filter}: {listed:?}");
    }
    let detail = hr.call("get_candidate", json!({"id": id})).await;
    assert_eq!(detail.status, StatusCode::NOT_FOUND);
    let sources = hr.call("source_breakdown", json!({"opening": bank})).await;
    assert_eq!(sources.body[0]["applications"], 1);
    let funnel = hr.call("opening_funnel", json!({"id": bank})).await;
    assert_eq!(funnel.body["rejected"], 1);

    apply_as(
        &app,
        bank,
        "Persona old",
        "old@example.it",
        "+39 333 000 1111",
        false,
    )
    .await;
    let again = candidate_by_email(&app, "old@example.it").await;
    assert_ne!(again, id, "a new application is a new person");
}

#[tokio::test]
async fn each_retention_run_is_logged_and_shown_newest_first() {
    let app = TestApp::spawn().await;
    let bank = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let admin = app.signed_in(Role::Admin).await;
    assert_eq!(overview(&admin).await["runs"], json!([]));
    ended(
        &app,
        &hr,
        bank,
        "old@example.it",
        "rejected",
        false,
        SEVEN_MONTHS,
    )
    .await;
    let first = run(&admin).await;
    assert_eq!(first["actor_name"], "Test admin");
    run(&admin).await;
    assert_eq!(
        retention_run::Entity::find().count(&app.db).await.unwrap(),
        2
    );
    let runs = overview(&admin).await["runs"].clone();
    let runs = runs.as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["anonymised"], 0, "newest first");
    assert_eq!(runs[1]["anonymised"], 1);
    assert_eq!(runs[1]["files_deleted"], 1);
    assert_eq!(runs[1]["actor_name"], "Test admin");
    let logged = retention_run::Entity::find()
        .filter(retention_run::Column::Anonymised.eq(1))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(Some(logged.actor_id.unwrap()), admin.user_id.map(|u| u.0));
}

#[tokio::test]
async fn hr_cannot_see_or_change_data_protection_settings() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    for (endpoint, body) in [
        ("data_protection", json!({})),
        (
            "publish_notice",
            json!({"input": {"text_it": "x", "text_en": "x"}}),
        ),
        (
            "save_retention",
            json!({"policy": {"months_without_consent": 1, "months_with_consent": 1}}),
        ),
        ("run_retention", json!({})),
    ] {
        let answer = hr.call(endpoint, body).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "{endpoint}: {answer:?}"
        );
    }
    assert_eq!(
        retention_run::Entity::find().count(&app.db).await.unwrap(),
        0
    );
    let notice = hr.call("privacy_notice", json!({})).await.body;
    assert_eq!(notice["version"], 1);
}

/// The columns of `table`, as the database lists them.
async fn columns(app: &TestApp, table: &str) -> Vec<String> {
    use sea_orm::ConnectionTrait;
    let (sql, values): (&str, Vec<sea_orm::Value>) = if crate::helpers::on_postgres() {
        (
            "SELECT column_name AS name FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1",
            vec![table.into()],
        )
    } else {
        ("SELECT name FROM pragma_table_info(?)", vec![table.into()])
    };
    let backend = app.db.get_database_backend();
    app.db
        .query_all_raw(sea_orm::Statement::from_sql_and_values(
            backend, sql, values,
        ))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect()
}

#[tokio::test]
async fn every_column_naming_a_stored_file_is_one_the_sweep_keeps_files_for() {
    let app = TestApp::spawn().await;
    let mut naming = Vec::new();
    for (table, _) in app::server::personal_data::TABLES {
        for column in columns(&app, table).await {
            if column == "stored_name" || column.ends_with("_stored") {
                naming.push((table.to_string(), column));
            }
        }
    }
    let mut kept: Vec<(String, String)> = app::server::files::STORED_FILE_COLUMNS
        .iter()
        .map(|(t, c)| ((*t).to_owned(), (*c).to_owned()))
        .collect();
    naming.sort();
    kept.sort();
    assert_eq!(
        naming, kept,
        "files::STORED_FILE_COLUMNS must name every such column"
    );
}

#[tokio::test]
async fn retention_deletes_old_files_no_row_names_and_spares_the_others() {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    apply_as(
        &app,
        opening,
        "Elena Neri",
        "elena@example.it",
        "+39 347 555 0199",
        false,
    )
    .await;
    let kept = stored_files(&app);
    assert_eq!(kept.len(), 1, "the CV");
    // What a crash between a file and its row leaves: an old file, and a half-written one.
    let store = app.data_dir().join("files");
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 60 * 60);
    for name in ["0a1b2c3d.pdf", "4e5f6a7b.pdf.part"] {
        let file = std::fs::File::create(store.join(name)).unwrap();
        file.set_modified(two_hours_ago).unwrap();
    }
    // An upload another instance is finishing: written a moment ago, no row yet.
    std::fs::write(store.join("8c9d0e1f.pdf"), b"%PDF-1.7").unwrap();
    // The CV, old as well, but named by its row.
    std::fs::File::options()
        .write(true)
        .open(store.join(&kept[0]))
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();

    let admin = app.signed_in(Role::Admin).await;
    let outcome = run(&admin).await;
    assert_eq!(outcome["files_deleted"], 2, "{outcome}");
    let mut left = vec![kept[0].clone(), "8c9d0e1f.pdf".to_owned()];
    left.sort();
    assert_eq!(stored_files(&app), left);
}
