//! The authorisation matrix: every server function, called as a visitor and as each role.
//!
//! The table must name every registered server function, so a new one cannot ship without
//! saying who may call it.

use std::collections::BTreeSet;

use app::model::Role;
use reqwest::StatusCode;
use reqwest::multipart::Form;
use serde_json::{Value, json};

use crate::careers::{file, public_opening};
use crate::documents::pdf;
use crate::helpers::{Answer, Browser, TestApp};
use crate::intake::{add, apply_as, candidate_by_email, input, uploaded};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    Visitor,
    As(Role),
}

const EVERYONE: &[Who] = &[
    Who::Visitor,
    Who::As(Role::Admin),
    Who::As(Role::Hr),
    Who::As(Role::Interviewer),
    Who::As(Role::Employee),
];
const SIGNED_IN: &[Who] = &[
    Who::As(Role::Admin),
    Who::As(Role::Hr),
    Who::As(Role::Interviewer),
    Who::As(Role::Employee),
];
const ADMIN: &[Who] = &[Who::As(Role::Admin)];
const HR_AND_ADMIN: &[Who] = &[Who::As(Role::Admin), Who::As(Role::Hr)];
const CANDIDATE_READERS: &[Who] = &[
    Who::As(Role::Admin),
    Who::As(Role::Hr),
    Who::As(Role::Interviewer),
];

/// Records the calls need: a bystander user, a competency, a profile, an opening and a
/// candidate.
pub(crate) struct Fixture {
    bystander: i64,
    competency: i64,
    profile: i64,
    owner: i64,
    opening: i64,
    candidate: i64,
}

/// A request body: JSON, or a multipart form for the functions that take files.
pub(crate) enum Body {
    Json(Value),
    Form(Form),
    /// URL-encoded fields, as a plain HTML form posts them.
    Fields(&'static [(&'static str, &'static str)]),
}

impl From<Value> for Body {
    fn from(value: Value) -> Self {
        Body::Json(value)
    }
}

impl Browser {
    async fn send(&self, endpoint: &str, body: Body) -> Answer {
        match body {
            Body::Json(value) => self.call(endpoint, value).await,
            Body::Form(form) => self.send_form(endpoint, form).await,
            Body::Fields(fields) => self.post_fields(endpoint, fields, false).await,
        }
    }
}

fn competency(suffix: &str) -> Value {
    json!({
        "area": "transversal",
        "name_it": format!("Competenza {suffix}"),
        "name_en": format!("Competency {suffix}"),
        "description_it": "Descrizione.",
        "description_en": "Description.",
        "levels": (1..=5).map(|n| json!({"it": format!("L{n}"), "en": format!("L{n}")})).collect::<Vec<_>>(),
    })
}

fn profile(suffix: &str) -> Value {
    json!({
        "title_it": format!("Profilo {suffix}"),
        "title_en": format!("Profile {suffix}"),
        "area": "back_office",
        "sector": "services",
        "description_it": "",
        "description_en": "",
        "requirements": [],
    })
}

fn opening(f: &Fixture) -> Value {
    json!({
        "profile_id": f.profile,
        "location": "Milano",
        "positions": 1,
        "status": "draft",
        "published": false,
        "hr_owner_id": f.owner,
        "interviewer_ids": [],
        "description_it": "",
        "description_en": "",
    })
}

/// Every server function: its endpoint, who may call it, and a well-formed body for it.
pub(crate) fn table(f: &Fixture, caller: &str) -> Vec<(&'static str, &'static [Who], Body)> {
    let json_table: Vec<(&'static str, &'static [Who], Value)> = vec![
        ("session", EVERYONE, json!({})),
        (
            "login",
            EVERYONE,
            json!({"input": {"email": "nobody@example.it", "password": "wrong"}}),
        ),
        (
            "change_password",
            SIGNED_IN,
            json!({"input": {"current_password": "not my password", "new_password": "una frase lunga e nuova"}}),
        ),
        ("list_users", ADMIN, json!({"page": 0})),
        (
            "create_user",
            ADMIN,
            json!({"input": {"email": format!("{caller}@example.it"), "name": "New", "role": "employee",
                "password": "una frase lunga e sicura"}}),
        ),
        (
            "set_user_active",
            ADMIN,
            json!({"id": f.bystander, "active": true}),
        ),
        (
            "set_user_role",
            ADMIN,
            json!({"id": f.bystander, "role": "employee"}),
        ),
        (
            "reset_user_password",
            ADMIN,
            json!({"id": f.bystander, "input": {"password": "una frase lunga e sicura"}}),
        ),
        ("reset_user_two_factor", ADMIN, json!({"id": f.bystander})),
        ("required_two_factor_roles", ADMIN, json!({})),
        (
            "set_two_factor_roles",
            ADMIN,
            json!({"input": {"roles": []}}),
        ),
        ("my_two_factor", SIGNED_IN, json!({})),
        ("my_two_factor_setup", SIGNED_IN, json!({})),
        ("sign_in_setup", EVERYONE, json!({})),
        ("list_competencies", SIGNED_IN, json!({})),
        ("get_competency", SIGNED_IN, json!({"id": f.competency})),
        (
            "create_competency",
            HR_AND_ADMIN,
            json!({"input": competency(caller)}),
        ),
        (
            "update_competency",
            HR_AND_ADMIN,
            json!({"id": f.competency, "input": competency("fixture")}),
        ),
        (
            "set_competency_retired",
            HR_AND_ADMIN,
            json!({"id": f.competency, "retired": false}),
        ),
        ("delete_competency", HR_AND_ADMIN, json!({"id": 999_999})),
        ("list_profiles", SIGNED_IN, json!({})),
        ("get_profile", SIGNED_IN, json!({"id": f.profile})),
        (
            "create_profile",
            HR_AND_ADMIN,
            json!({"input": profile(caller)}),
        ),
        (
            "update_profile",
            HR_AND_ADMIN,
            json!({"id": f.profile, "input": profile("fixture")}),
        ),
        ("delete_profile", HR_AND_ADMIN, json!({"id": 999_999})),
        ("list_openings", HR_AND_ADMIN, json!({})),
        ("get_opening", HR_AND_ADMIN, json!({"id": f.opening})),
        ("create_opening", HR_AND_ADMIN, json!({"input": opening(f)})),
        (
            "update_opening",
            HR_AND_ADMIN,
            json!({"id": f.opening, "input": opening(f)}),
        ),
        ("list_staff", HR_AND_ADMIN, json!({})),
        ("opening_board", HR_AND_ADMIN, json!({"id": f.opening})),
        ("opening_overview", HR_AND_ADMIN, json!({})),
        ("hr_worklist", HR_AND_ADMIN, json!({})),
        // An interviewer reads only their hiring teams' candidates (see `candidates.rs` and
        // `record_level_rules_hold_on_other_peoples_records`); someone else's record is
        // refused like any denial.
        ("get_candidate", HR_AND_ADMIN, json!({"id": f.candidate})),
        // The fixture's candidate applied to an opening without a hiring team: HR's only.
        (
            "stated_certifications",
            HR_AND_ADMIN,
            json!({"id": f.candidate}),
        ),
        (
            "list_candidates",
            HR_AND_ADMIN,
            json!({"filter": {"q": "x"}, "page": 0}),
        ),
        (
            "move_application",
            HR_AND_ADMIN,
            json!({"id": 999_999, "input": {"to": "screening", "reason": ""}}),
        ),
        (
            "add_note",
            HR_AND_ADMIN,
            json!({"id": f.candidate, "input": {"body": "Nota"}}),
        ),
        (
            "set_tags",
            HR_AND_ADMIN,
            json!({"id": f.candidate, "tags": ["sap"]}),
        ),
        ("list_tags", HR_AND_ADMIN, json!({})),
        ("team_candidates", CANDIDATE_READERS, json!({})),
        (
            "merge_candidates",
            HR_AND_ADMIN,
            json!({"keep": 999_999, "duplicate": 999_998}),
        ),
        (
            "erase_candidate",
            HR_AND_ADMIN,
            json!({"id": 999_999, "confirm": "x"}),
        ),
        ("pending_uploads", HR_AND_ADMIN, json!({})),
        // Another user's upload is not found, like a missing one (see below).
        ("discard_upload", HR_AND_ADMIN, json!({"id": 999_999})),
        (
            "add_candidate",
            HR_AND_ADMIN,
            json!({"input": input(&format!("Nuovo {caller}"), json!({}))}),
        ),
        ("source_breakdown", HR_AND_ADMIN, json!({"opening": null})),
        ("opening_funnel", HR_AND_ADMIN, json!({"id": f.opening})),
        ("data_protection", ADMIN, json!({})),
        (
            "publish_notice",
            ADMIN,
            json!({"input": {"text_it": format!("Informativa {caller}"), "text_en": "Notice"}}),
        ),
        (
            "save_retention",
            ADMIN,
            json!({"policy": {"months_without_consent": 6, "months_with_consent": 24}}),
        ),
        ("run_retention", ADMIN, json!({})),
        ("mail_backlog", ADMIN, json!({})),
        // Interviews that do not exist: 404 (or a field error) for those allowed.
        (
            "schedule_interview",
            HR_AND_ADMIN,
            json!({"input": {"application_id": 999_999, "kind": "hr_interview",
                "starts_at": "2030-12-03T10:00", "ends_at": "2030-12-03T11:00",
                "time_zone": "Europe/Rome", "location": "", "video_link": "",
                "interviewer_ids": [f.owner]}}),
        ),
        (
            "reschedule_interview",
            HR_AND_ADMIN,
            json!({"id": 999_999, "input": {"application_id": 999_999, "kind": "hr_interview",
                "starts_at": "2030-12-03T10:00", "ends_at": "2030-12-03T11:00",
                "time_zone": "Europe/Rome", "location": "", "video_link": "",
                "interviewer_ids": [f.owner]}, "reason": {"reason": "x"}}),
        ),
        (
            "cancel_interview",
            HR_AND_ADMIN,
            json!({"id": 999_999, "reason": {"reason": "x"}}),
        ),
        ("my_interviews", CANDIDATE_READERS, json!({})),
        ("get_interview", CANDIDATE_READERS, json!({"id": 999_999})),
        ("opening_interviews", HR_AND_ADMIN, json!({"id": f.opening})),
        (
            "candidate_interviews",
            HR_AND_ADMIN,
            json!({"id": f.candidate}),
        ),
        (
            "save_scorecard_draft",
            CANDIDATE_READERS,
            json!({"id": 999_999, "input": {"ratings": [], "recommendation": null, "summary": ""}}),
        ),
        (
            "submit_scorecard",
            CANDIDATE_READERS,
            json!({"id": 999_999, "input": {"ratings": [], "recommendation": "yes", "summary": ""}}),
        ),
        (
            "amend_scorecard",
            CANDIDATE_READERS,
            json!({"id": 999_999, "input": {"scorecard": {"ratings": [], "recommendation": "yes", "summary": ""}, "reason": "x"}}),
        ),
        // An application that does not exist: 404 for those who may ask.
        (
            "application_comparison",
            CANDIDATE_READERS,
            json!({"id": 999_999}),
        ),
        ("profile_kit", HR_AND_ADMIN, json!({"id": f.profile})),
        (
            "save_profile_questions",
            HR_AND_ADMIN,
            json!({"id": f.profile, "input": {"questions": []}}),
        ),
        (
            "list_employees",
            HR_AND_ADMIN,
            json!({"filter": {"q": "", "department": null, "profile": null, "manager": null, "status": null}, "page": 0}),
        ),
        ("list_employee_choices", HR_AND_ADMIN, json!({})),
        ("employee_filter_choices", HR_AND_ADMIN, json!({})),
        // An employee who does not exist: 404 for everyone signed in (whose records each may
        // read is in `employees.rs`).
        ("get_employee", SIGNED_IN, json!({"id": 999_999})),
        ("my_employee_record", SIGNED_IN, json!({})),
        (
            "update_employee",
            HR_AND_ADMIN,
            json!({"id": 999_999, "input": {"profile_id": "", "department": "", "location": "",
                "manager_id": "", "start_date": "", "status": "active"}}),
        ),
        ("invite_employee", HR_AND_ADMIN, json!({"id": 999_999})),
        ("get_hire_form", HR_AND_ADMIN, json!({"id": 999_999})),
        (
            "hire",
            HR_AND_ADMIN,
            json!({"id": 999_999, "input": {"email": "new@example.it", "department": "",
                "location": "", "manager_id": "", "start_date": "2027-01-04"}}),
        ),
        // A welcome link is a new account's only key: a made-up one is not found.
        ("welcome_link", EVERYONE, json!({"token": "made-up"})),
        ("password_reset_link", EVERYONE, json!({"token": "made-up"})),
        (
            "training_ledger",
            HR_AND_ADMIN,
            json!({"query": {"year": null, "period": "quarter", "rows": "employee", "department": null}}),
        ),
        ("training_targets", HR_AND_ADMIN, json!({})),
        (
            "set_training_target",
            HR_AND_ADMIN,
            json!({"profile": 999_999, "hours": "20"}),
        ),
        ("course_places", SIGNED_IN, json!({})),
        ("my_training", SIGNED_IN, json!({})),
        ("training_decisions", SIGNED_IN, json!({})),
        // Records and employees that do not exist: 404 (or the field refused) for everyone
        // signed in; who may act on whose record is in `course_records.rs`.
        ("employee_training", SIGNED_IN, json!({"id": 999_999})),
        (
            "enrol_employee",
            SIGNED_IN,
            json!({"id": 999_999, "input": {"course_id": "1", "session_id": ""}}),
        ),
        (
            "request_place",
            SIGNED_IN,
            json!({"input": {"course_id": "999999", "session_id": ""}}),
        ),
        (
            "decide_request",
            SIGNED_IN,
            json!({"id": 999_999, "input": {"decision": "approve", "reason": ""}}),
        ),
        (
            "record_outcome",
            HR_AND_ADMIN,
            json!({"id": 999_999, "input": {"status": "cancelled", "hours": "", "score": "", "completed_on": ""}}),
        ),
        (
            "review_training",
            HR_AND_ADMIN,
            json!({"id": 999_999, "input": {"decision": "approve", "reason": ""}}),
        ),
        ("course_catalogue", SIGNED_IN, json!({})),
        ("certification_catalogue", SIGNED_IN, json!({})),
        ("certification_editor", HR_AND_ADMIN, json!({"id": null})),
        ("course_editor", HR_AND_ADMIN, json!({"id": null})),
        // One's own with no id; someone else's is refused record by record (see
        // `certifications.rs`).
        ("certifications_of", SIGNED_IN, json!({"id": null})),
        ("pending_certificates", HR_AND_ADMIN, json!({})),
        ("my_notifications", SIGNED_IN, json!({})),
        ("unread_notifications", SIGNED_IN, json!({})),
        ("profile_requirements", SIGNED_IN, json!({"id": f.profile})),
        (
            "compliance_report",
            HR_AND_ADMIN,
            json!({"query": {"department": null, "profile": null, "manager": null, "sort": "worst"}}),
        ),
        ("get_course", SIGNED_IN, json!({"id": 1})),
        ("practical_templates", HR_AND_ADMIN, json!({})),
        // The first starter template, with its materials.
        (
            "practical_template_materials",
            HR_AND_ADMIN,
            json!({"id": 1}),
        ),
        // The materials link is the candidate's only key: a made-up one is not found.
        ("practical_test_link", EVERYONE, json!({"token": "made-up"})),
        (
            "practical_template_editor",
            HR_AND_ADMIN,
            json!({"id": null}),
        ),
        // A template that does not exist: 404 for those allowed.
        (
            "save_practical_template",
            HR_AND_ADMIN,
            json!({"id": 999_999, "input": {"title_it": "Prova", "title_en": "Test",
                "instructions_it": "Istruzioni", "instructions_en": "Instructions",
                "time_limit_minutes": 30, "pass_mark": 1, "active": true,
                "profile_ids": [f.profile], "criteria": [{"competency_id": f.competency,
                "max_points": 5, "description_it": "D", "description_en": "D"}]}}),
        ),
        (
            "templates_for_application",
            HR_AND_ADMIN,
            json!({"id": 999_999}),
        ),
        (
            "assign_practical_test",
            HR_AND_ADMIN,
            json!({"input": {"application_id": 999_999, "template_id": 1,
                "grader_id": f.owner, "due_on": "2030-12-03"}}),
        ),
        ("my_tests", CANDIDATE_READERS, json!({})),
        (
            "online_templates_for_application",
            HR_AND_ADMIN,
            json!({"id": 999_999}),
        ),
        (
            "send_online_test",
            HR_AND_ADMIN,
            json!({"input": {"application_id": 999_999, "template_id": 1,
                "grader_id": f.owner, "link_days": 7}}),
        ),
        ("get_online_test", CANDIDATE_READERS, json!({"id": 999_999})),
        ("online_banks", HR_AND_ADMIN, json!({})),
        ("online_bank_editor", HR_AND_ADMIN, json!({"id": null})),
        // A bank that does not exist: 404 for those allowed.
        (
            "save_online_bank",
            HR_AND_ADMIN,
            json!({"id": 999_999, "input": {"title_it": "Prova", "title_en": "Test",
                "instructions_it": "Istruzioni", "instructions_en": "Instructions",
                "time_limit_minutes": 10, "pass_mark": 1, "active": true,
                "profile_ids": [f.profile], "questions": [{"competency_id": f.competency,
                "points": 2, "prompt_it": "D", "prompt_en": "Q",
                "body": {"kind": "short_text"}}]}}),
        ),
        (
            "grade_online_answers",
            CANDIDATE_READERS,
            json!({"id": 999_999, "input": {"scores": []}}),
        ),
        // The private link is the candidate's only key: a made-up one is not found, for anyone.
        ("online_test_view", EVERYONE, json!({"token": "made-up"})),
        (
            "save_online_answers",
            EVERYONE,
            json!({"token": "made-up", "answers": []}),
        ),
        (
            "application_assessment",
            HR_AND_ADMIN,
            json!({"id": 999_999}),
        ),
        ("opening_assessment", HR_AND_ADMIN, json!({"id": f.opening})),
        (
            "get_practical_test",
            CANDIDATE_READERS,
            json!({"id": 999_999}),
        ),
        (
            "grade_practical_test",
            CANDIDATE_READERS,
            json!({"id": 999_999, "input": {"scores": [], "notes": ""}}),
        ),
        // A message that does not exist: 404 for admins, refused for everyone else.
        ("send_message_again", ADMIN, json!({"id": 999_999})),
        ("list_public_openings", EVERYONE, json!({})),
        ("get_public_opening", EVERYONE, json!({"id": f.opening})),
        ("privacy_notice", EVERYONE, json!({})),
        // Multipart only: a JSON body is a 400, which still shows nobody is turned away.
        ("apply", EVERYONE, json!({})),
    ];
    let mut table: Vec<(&'static str, &'static [Who], Body)> = json_table
        .into_iter()
        .map(|(endpoint, who, body)| (endpoint, who, body.into()))
        .collect();
    // Multipart: a real form, since a JSON body is refused (400) before anyone is asked who
    // they are.
    table.push((
        "upload_cv",
        HR_AND_ADMIN,
        Body::Form(Form::new().part("file", file("cv.pdf", pdf(&[caller])))),
    ));
    table.push((
        "import_candidates",
        HR_AND_ADMIN,
        Body::Form(Form::new().part(
            "file",
            file("c.csv", format!("name\nImportato {caller}\n").into_bytes()),
        )),
    ));
    table.push(("set_language", EVERYONE, Body::Fields(&[("lang", "en")])));
    table.push((
        "set_time_zone",
        SIGNED_IN,
        Body::Fields(&[("time_zone", "Europe/London")]),
    ));
    table.push((
        "mark_worklist_seen",
        HR_AND_ADMIN,
        Body::Fields(&[("until", "2026-01-01T00:00:00Z")]),
    ));
    // Last: it ends the caller's session.
    table.push(("logout", EVERYONE, Body::Fields(&[])));
    table
}

/// The records the table's calls name, made by a new admin of `app`.
pub(crate) async fn fixture(app: &TestApp) -> Fixture {
    let admin = app.signed_in(Role::Admin).await;
    let bystander = app
        .signed_in(Role::Employee)
        .await
        .user_id
        .unwrap()
        .0
        .into();
    let competency = admin
        .call("create_competency", json!({"input": competency("fixture")}))
        .await
        .body
        .as_i64()
        .unwrap();
    let profile = admin
        .call("create_profile", json!({"input": profile("fixture")}))
        .await
        .body
        .as_i64()
        .unwrap();
    let owner = admin.user_id.unwrap().0.into();
    let mut fixture = Fixture {
        bystander,
        competency,
        profile,
        owner,
        opening: 0,
        candidate: 0,
    };
    fixture.opening = admin
        .call("create_opening", json!({"input": opening(&fixture)}))
        .await
        .body
        .as_i64()
        .unwrap();
    fixture.candidate = add(
        &admin,
        input("Candidato Fixture", json!({"opening_id": fixture.opening})),
    )
    .await
    .body["candidate_id"]
        .as_i64()
        .unwrap();
    fixture
}

#[tokio::test]
async fn every_server_function_allows_exactly_the_roles_in_the_table() {
    let app = TestApp::spawn().await;
    let fixture = fixture(&app).await;
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let listed: BTreeSet<String> = table(&fixture, "x")
        .iter()
        .map(|(endpoint, _, _)| (*endpoint).to_owned())
        .collect();
    assert_eq!(
        registered, listed,
        "every server function must be in the authorisation table, and only those"
    );

    let mut failures = Vec::new();
    for who in EVERYONE {
        let (browser, name): (Browser, String) = match who {
            Who::Visitor => (app.anonymous(), "visitor".into()),
            Who::As(role) => (app.signed_in(*role).await, role.as_str().into()),
        };
        for (endpoint, allowed, body) in table(&fixture, &name) {
            let answer = browser.send(endpoint, body).await;
            let status = answer.status;
            let expected_allowed = allowed.contains(who);
            let ok = match (expected_allowed, who) {
                (true, _) => !matches!(
                    status,
                    StatusCode::UNAUTHORIZED
                        | StatusCode::FORBIDDEN
                        | StatusCode::INTERNAL_SERVER_ERROR
                ),
                (false, Who::Visitor) => status == StatusCode::UNAUTHORIZED,
                (false, Who::As(_)) => status == StatusCode::FORBIDDEN,
            };
            if !ok {
                failures.push(format!(
                    "{endpoint} as {name}: expected {}, got {status} {}",
                    if expected_allowed {
                        "allowed"
                    } else {
                        "denied"
                    },
                    answer.body
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn every_download_allows_exactly_the_roles_in_the_table() {
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
    let admin = app.signed_in(Role::Admin).await;
    let file = admin
        .call("get_candidate", json!({"id": candidate}))
        .await
        .body["files"][0]["id"]
        .as_i64()
        .unwrap();
    let someone = app
        .employee_of(&app.signed_in(Role::Employee).await)
        .await
        .id;
    let table: [(String, &[Who]); 8] = [
        // The hiring team may too, record by record (see `candidates.rs`).
        (format!("/files/{file}"), HR_AND_ADMIN),
        ("/candidates.csv".into(), HR_AND_ADMIN),
        ("/employees.csv".into(), HR_AND_ADMIN),
        ("/training/hours.csv".into(), HR_AND_ADMIN),
        ("/compliance.csv".into(), HR_AND_ADMIN),
        (format!("/candidates/{candidate}/export.zip"), HR_AND_ADMIN),
        // Someone else's; one's own is allowed (see `personal_data_inventory.rs`).
        (format!("/employees/{someone}/export.zip"), HR_AND_ADMIN),
        // The first starter template's first material; a test's grader may download the
        // test's own (see `test_materials.rs`).
        ("/tests/templates/1/materials/1".into(), HR_AND_ADMIN),
    ];
    let mut failures = Vec::new();
    for who in EVERYONE {
        let browser = match who {
            Who::Visitor => app.anonymous(),
            Who::As(role) => app.signed_in(*role).await,
        };
        for (path, allowed) in &table {
            let (status, _, _) = browser.download(path).await;
            let expected = if allowed.contains(who) {
                StatusCode::OK
            } else if *who == Who::Visitor {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::FORBIDDEN
            };
            if status != expected {
                failures.push(format!(
                    "{path} as {who:?}: expected {expected}, got {status}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn record_level_rules_hold_on_other_peoples_records() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let colleague = app.signed_in(Role::Hr).await;
    let admin = app.signed_in(Role::Admin).await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    let profiles = hr.call("list_profiles", json!({})).await.body;
    let team = hr
        .call(
            "create_opening",
            json!({"input": {
                "profile_id": profiles[0]["id"], "location": "Como", "positions": 1,
                "status": "open", "published": true, "hr_owner_id": hr.user_id,
                "interviewer_ids": [interviewer.user_id],
                "description_it": "", "description_en": ""}}),
        )
        .await
        .body
        .as_i64()
        .unwrap();
    let elsewhere = public_opening(&app, "Bank teller").await;
    apply_as(
        &app,
        team,
        "Anna Bianchi",
        "anna@example.it",
        "+39 333 111 2222",
        false,
    )
    .await;
    apply_as(
        &app,
        elsewhere,
        "Bruno Verdi",
        "bruno@example.it",
        "+39 333 111 3333",
        false,
    )
    .await;
    let assigned = candidate_by_email(&app, "anna@example.it").await;
    let unassigned = candidate_by_email(&app, "bruno@example.it").await;

    // An upload belongs to the HR user who sent it.
    let upload = uploaded(&hr, "cv.pdf", pdf(&["Carla Neri"])).await;
    for other in [&colleague, &admin] {
        let discard = other.call("discard_upload", json!({"id": upload})).await;
        assert_eq!(discard.status, StatusCode::NOT_FOUND, "{discard:?}");
        let used = add(other, input("Carla Neri", json!({"upload_id": upload}))).await;
        assert_eq!(used.status, StatusCode::NOT_FOUND, "{used:?}");
        let pending = other.call("pending_uploads", json!({})).await;
        assert_eq!(pending.body, json!([]));
    }
    let pending = hr.call("pending_uploads", json!({})).await;
    assert_eq!(pending.body[0]["upload_id"], upload);

    // An interviewer reads their team's candidate, read-only, and nobody else's.
    let refused = interviewer
        .call("get_candidate", json!({"id": unassigned}))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let seen = interviewer
        .call("get_candidate", json!({"id": assigned}))
        .await;
    assert_eq!(seen.status, StatusCode::OK, "{seen:?}");
    assert_eq!(seen.body["editable"], false);
    for (endpoint, body) in [
        ("add_note", json!({"id": assigned, "input": {"body": "x"}})),
        ("set_tags", json!({"id": assigned, "tags": ["x"]})),
        (
            "merge_candidates",
            json!({"keep": assigned, "duplicate": unassigned}),
        ),
        (
            "erase_candidate",
            json!({"id": assigned, "confirm": "Anna Bianchi"}),
        ),
        (
            "add_candidate",
            json!({"input": input("X Y", json!({"opening_id": team}))}),
        ),
    ] {
        let answer = interviewer.call(endpoint, body).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "{endpoint}: {answer:?}"
        );
    }
    for id in [assigned, unassigned] {
        let (status, _, _) = interviewer
            .download(&format!("/candidates/{id}/export.zip"))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "export of {id}");
    }
    let still = hr.call("get_candidate", json!({"id": assigned})).await;
    assert_eq!(still.status, StatusCode::OK);
    assert_eq!(still.body["notes"], json!([]));
}
