//! The authorisation matrix: every server function, called as a visitor and as each role.
//!
//! The table must name every registered server function, so a new one cannot ship without
//! saying who may call it.

use std::collections::BTreeSet;

use app::model::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Browser, TestApp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
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

/// Records the calls need: a bystander user, a competency and a profile.
struct Fixture {
    bystander: i64,
    competency: i64,
    profile: i64,
    owner: i64,
    opening: i64,
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
fn table(f: &Fixture, caller: &str) -> Vec<(&'static str, &'static [Who], Value)> {
    vec![
        ("session", EVERYONE, json!({})),
        (
            "login",
            EVERYONE,
            json!({"input": {"email": "nobody@example.it", "password": "wrong"}}),
        ),
        ("set_language", EVERYONE, json!({"lang": "en"})),
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
        // An interviewer reads only their hiring teams' candidates (see `candidates.rs`);
        // someone else's record is refused like any denial.
        ("get_candidate", HR_AND_ADMIN, json!({"id": 999_999})),
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
        ("list_public_openings", EVERYONE, json!({})),
        ("get_public_opening", EVERYONE, json!({"id": f.opening})),
        ("privacy_notice", EVERYONE, json!({})),
        // Multipart only: a JSON body is a 400, which still shows nobody is turned away.
        ("apply", EVERYONE, json!({})),
        // Last: it ends the caller's session.
        ("logout", EVERYONE, json!({})),
    ]
}

#[tokio::test]
async fn every_server_function_allows_exactly_the_roles_in_the_table() {
    let app = TestApp::spawn().await;
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
    };
    fixture.opening = admin
        .call("create_opening", json!({"input": opening(&fixture)}))
        .await
        .body
        .as_i64()
        .unwrap();

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
            let answer = browser.call(endpoint, body).await;
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
