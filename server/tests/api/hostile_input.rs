//! Every server function called with what a careless or hostile client sends: bodies that are
//! not JSON, values of the wrong type, members left out, huge strings and ids that do not exist.
//! None may answer 5xx, and no answer may carry SQL, a database error or a stack trace.
//!
//! The calls start from the authorisation table's well-formed body for each function and change
//! one value at a time, as a caller the table allows (so the checks behind the door run too).

use app::model::Role;
use reqwest::StatusCode;
use reqwest::multipart::Form;
use serde_json::{Value, json};

use crate::authorization::{Body, Who, fixture, table};
use crate::helpers::{Answer, Browser, TestApp};

/// What an answer must never show: SQL, the database driver's or ORM's errors, a panic or a
/// backtrace, a source path.
const LEAKS: &[&str] = &[
    "SELECT ",
    "INSERT INTO",
    "UPDATE \"",
    "sqlx",
    "SqliteError",
    "PgDatabaseError",
    "DbErr",
    "RecordNotFound",
    "panicked at",
    "stack backtrace",
    "RUST_BACKTRACE",
    ".rs:",
];

/// A string far longer than any field allows, mixing scripts, quotes, markup and emoji (a NUL
/// is a case of its own: the server refuses it before anything else).
fn huge() -> String {
    "Zoë «Ω» <b>'\"\\ 💼 ".repeat(9_000)
}

/// The values that stand in for `value`: another type, and for numbers ids that do not exist
/// or do not fit, for strings one far too long.
fn replacements(value: &Value) -> Vec<Value> {
    let mut found = match value {
        Value::String(_) => vec![json!(7), json!("Anna\u{0}Rossi"), Value::String(huge())],
        Value::Number(_) => vec![
            json!("12"),
            json!(-1),
            json!(0),
            json!(2_147_483_648_i64),
            json!(i64::MAX),
            json!(u64::MAX),
            json!(1.5e300),
        ],
        Value::Bool(_) => vec![json!("yes"), json!(1)],
        Value::Null => vec![json!({"unexpected": true}), json!(-1)],
        Value::Array(_) => vec![json!("not a list"), json!([[[]]])],
        Value::Object(_) => vec![json!([1, 2]), json!("not an object")],
    };
    found.push(Value::Null);
    found
}

/// Each way to spoil `body`: every value replaced as [`replacements`] says, and every member
/// of an object left out, one at a time.
fn spoiled(body: &Value) -> Vec<Value> {
    let mut found = Vec::new();
    spoil_at(body, &mut |path, replacement| {
        found.push(replaced(body, path, replacement));
    });
    found
}

/// Calls `each` with the path of every value in `value` (members and elements, at any depth)
/// and each of its replacements; `None` stands for leaving an object's member out.
fn spoil_at(value: &Value, each: &mut dyn FnMut(&[PathStep], Option<Value>)) {
    fn walk(
        value: &Value,
        path: &mut Vec<PathStep>,
        each: &mut dyn FnMut(&[PathStep], Option<Value>),
    ) {
        if !path.is_empty() {
            for replacement in replacements(value) {
                each(path, Some(replacement));
            }
            if matches!(path.last(), Some(PathStep::Member(_))) {
                each(path, None);
            }
        }
        match value {
            Value::Object(members) => {
                for (key, member) in members {
                    path.push(PathStep::Member(key.clone()));
                    walk(member, path, each);
                    path.pop();
                }
            }
            Value::Array(elements) => {
                for (index, element) in elements.iter().enumerate() {
                    path.push(PathStep::Element(index));
                    walk(element, path, each);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    walk(value, &mut Vec::new(), each);
}

#[derive(Debug, Clone)]
enum PathStep {
    Member(String),
    Element(usize),
}

/// `body` with the value at `path` replaced, or left out when `replacement` is `None`.
fn replaced(body: &Value, path: &[PathStep], replacement: Option<Value>) -> Value {
    let mut body = body.clone();
    let (last, parents) = path.split_last().expect("a path inside the body");
    let mut parent = &mut body;
    for step in parents {
        parent = match step {
            PathStep::Member(key) => &mut parent[key.as_str()],
            PathStep::Element(index) => &mut parent[*index],
        };
    }
    match (last, replacement) {
        (PathStep::Member(key), Some(value)) => parent[key.as_str()] = value,
        (PathStep::Member(key), None) => {
            parent.as_object_mut().map(|o| o.remove(key));
        }
        (PathStep::Element(index), value) => parent[*index] = value.unwrap_or(Value::Null),
    }
    body
}

impl Browser {
    /// Posts `body` to server function `endpoint` as it is, with `content_type`.
    async fn post_raw(&self, endpoint: &str, content_type: &str, body: &'static str) -> Answer {
        let response = self
            .client
            .post(format!("{}/api/{endpoint}", self.address()))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("the server answers");
        Answer::read(response).await
    }
}

/// What is wrong with `answer`, if anything: a 5xx, or a leak.
pub(crate) fn fault(answer: &Answer) -> Option<String> {
    let text = answer.body.to_string();
    if answer.status.is_server_error() {
        return Some(format!(
            "{} {}",
            answer.status,
            text.chars().take(300).collect::<String>()
        ));
    }
    LEAKS.iter().find(|leak| text.contains(**leak)).map(|leak| {
        format!(
            "{} shows {leak:?}: {}",
            answer.status,
            text.chars().take(300).collect::<String>()
        )
    })
}

/// Bodies that are not what a server function reads at all.
const NOT_JSON: &[(&str, &str)] = &[
    ("application/json", "{\"input\": {"),
    ("application/json", "[]"),
    ("application/json", "null"),
    ("application/json", "\"input\""),
    ("application/json", "{\"input\": \"\\ud800\"}"),
    ("application/x-www-form-urlencoded", "input=%ZZ&&=="),
    (
        "multipart/form-data; boundary=x",
        "--y\r\nnot a part\r\n--y--",
    ),
    ("text/plain", "\u{0}\u{1}binary"),
    // A NUL escaped in JSON, under a type that does not say JSON.
    (
        "text/plain",
        "{\"input\": {\"email\": \"a\\u0000b@example.it\", \"password\": \"x\"}}",
    ),
    ("", "{\"filter\": {\"q\": \"\\u0000\"}, \"page\": 0}"),
];

#[tokio::test]
async fn no_server_function_fails_or_leaks_on_malformed_wrongly_typed_huge_or_unknown_input() {
    let app = TestApp::spawn().await;
    let fixture = fixture(&app).await;
    let mut callers = Vec::new();
    for role in [Role::Admin, Role::Hr, Role::Interviewer, Role::Employee] {
        callers.push((role, app.signed_in(role).await));
    }
    let caller_for = |allowed: &[Who]| {
        callers
            .iter()
            .find(|(role, _)| allowed.contains(&Who::As(*role)))
            .map(|(_, browser)| browser)
    };
    let mut faults = Vec::new();
    let mut calls = 0usize;
    for (endpoint, allowed, body) in table(&fixture, "hostile") {
        // Signing out would leave the rest of the calls without a session.
        if endpoint == "logout" {
            continue;
        }
        let Some(caller) = caller_for(allowed) else {
            continue;
        };
        for (content_type, raw) in NOT_JSON {
            calls += 1;
            let answer = caller.post_raw(endpoint, content_type, raw).await;
            if let Some(fault) = fault(&answer) {
                faults.push(format!("{endpoint} with {raw:?}: {fault}"));
            }
        }
        match body {
            Body::Json(valid) => {
                for spoilt in spoiled(&valid) {
                    calls += 1;
                    let answer = caller.call(endpoint, spoilt.clone()).await;
                    if let Some(fault) = fault(&answer) {
                        let shown: String = spoilt.to_string().chars().take(200).collect();
                        faults.push(format!("{endpoint} with {shown}: {fault}"));
                    }
                }
            }
            Body::Form(_) => {
                for form in [
                    Form::new().text("file", huge()),
                    Form::new().text("name", "Anna\u{0}Rossi"),
                    Form::new().text("unexpected", "value"),
                    Form::new(),
                ] {
                    calls += 1;
                    let answer = caller.send_form(endpoint, form).await;
                    if let Some(fault) = fault(&answer) {
                        faults.push(format!("{endpoint} with a spoilt form: {fault}"));
                    }
                }
            }
            Body::Fields(fields) => {
                let long = huge();
                let spoilt: Vec<(&str, &str)> =
                    fields.iter().map(|(k, _)| (*k, long.as_str())).collect();
                calls += 1;
                let answer = caller.post_fields(endpoint, &spoilt, false).await;
                if let Some(fault) = fault(&answer) {
                    faults.push(format!("{endpoint} with huge fields: {fault}"));
                }
            }
        }
    }
    eprintln!("{calls} hostile calls, {} faults", faults.len());
    // Pages read their filters from the address: a NUL, a huge value, a wrong type.
    let hr = caller_for(&[Who::As(Role::Hr)]).expect("HR");
    let long = "x".repeat(20_000);
    for page in [
        "/candidates",
        "/employees",
        "/compliance",
        "/training/hours",
        "/careers",
    ] {
        for query in [
            "q=%00".to_owned(),
            format!("q={long}"),
            "page=-1&department=%00&profile=abc&manager=99999999999&sort=%FF".to_owned(),
        ] {
            calls += 1;
            let (status, text) = hr.page(&format!("{page}?{query}")).await;
            let answer = Answer {
                status,
                body: Value::String(text),
                headers: Default::default(),
            };
            if let Some(fault) = fault(&answer) {
                faults.push(format!(
                    "{page}?{}: {fault}",
                    query.chars().take(80).collect::<String>()
                ));
            }
        }
    }
    assert!(calls > 1_000, "only {calls} calls");
    assert!(
        faults.is_empty(),
        "{} of {calls} calls failed:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn spoiling_a_body_replaces_each_value_and_leaves_out_each_member_once() {
    let body = json!({"id": 3, "input": {"name": "Anna", "tags": ["a"]}});
    let spoilt = spoiled(&body);
    // id: 8 replacements + left out; input: 3 + left out; name: 4 + left out; tags: 3 + left
    // out; the tag: 4.
    assert_eq!(spoilt.len(), 9 + 4 + 5 + 4 + 4);
    assert!(spoilt.contains(&json!({"input": {"name": "Anna", "tags": ["a"]}})));
    assert!(spoilt.contains(&json!({"id": 3, "input": {"name": 7, "tags": ["a"]}})));
    assert!(spoilt.contains(&json!({"id": 3, "input": {"name": "Anna", "tags": [null]}})));
    assert!(spoilt.contains(&json!({"id": u64::MAX, "input": {"name": "Anna", "tags": ["a"]}})));
}

#[test]
fn a_server_error_or_an_answer_showing_sql_or_a_panic_is_a_fault() {
    let answer = |status: StatusCode, body: Value| Answer {
        status,
        body,
        headers: Default::default(),
    };
    assert!(
        fault(&answer(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!("Internal")
        ))
        .is_some()
    );
    assert!(fault(&answer(StatusCode::BAD_GATEWAY, json!(null))).is_some());
    assert!(
        fault(&answer(
            StatusCode::BAD_REQUEST,
            json!({"ServerError": "error returned from database: SELECT \"id\" FROM users"})
        ))
        .is_some()
    );
    assert!(
        fault(&answer(
            StatusCode::OK,
            json!("thread 'main' panicked at src/main.rs:3:5")
        ))
        .is_some()
    );
    assert!(
        fault(&answer(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"Invalid": {"name": {"code": "too_long"}}})
        ))
        .is_none()
    );
}
