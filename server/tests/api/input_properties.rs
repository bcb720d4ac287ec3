//! Property tests (proptest) over the input every server function validates and over the CSV
//! import: random values (any Unicode, whitespace, lengths at and past the limits, numbers of
//! any size, other types) put into each function's well-formed body, and random CSV files.
//! Whatever comes in is refused with a 4xx or taken, never a 5xx or a leak; the import reads
//! or refuses any file without panicking.

use app::model::Role;
use app::server::recruitment::import::{MAX_ROWS, parse};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

use crate::authorization::{Body, Who, fixture, table};
use crate::helpers::TestApp;
use crate::hostile_input::fault;

/// A random value for any field: strings of any characters and of lengths around the usual
/// limits, numbers of any size, and other types.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => any::<String>().prop_map(Value::String),
        2 => "[ \\t\\n]{0,4}[\\p{L}\\p{N} .,'@+-]{0,40}[ \\t\\n]{0,4}".prop_map(Value::String),
        1 => (0usize..5, prop::sample::select(vec![20usize, 80, 120, 200, 201, 300, 1000, 1001, 4000, 4001, 10_000]))
            .prop_map(|(c, n)| Value::String(["a", "è", "😀", " ", "\u{200b}"][c].repeat(n))),
        2 => any::<i64>().prop_map(|n| json!(n)),
        1 => (-3i64..4).prop_map(|n| json!(n)),
        1 => any::<f64>().prop_map(|n| json!(n)),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
        1 => prop::collection::vec(any::<String>().prop_map(Value::String), 0..4).prop_map(Value::Array),
    ]
}

/// Every leaf path of `value` (members and elements at any depth), as JSON pointers.
fn pointers(value: &Value, at: String, found: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                pointers(
                    member,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    found,
                );
            }
        }
        Value::Array(elements) => {
            for (index, element) in elements.iter().enumerate() {
                pointers(element, format!("{at}/{index}"), found);
            }
        }
        _ => {}
    }
    if !at.is_empty() {
        found.push(at);
    }
}

/// `body` with one to three of its values replaced at random.
fn randomised(body: Value) -> impl Strategy<Value = Value> {
    let mut paths = Vec::new();
    pointers(&body, String::new(), &mut paths);
    let paths = if paths.is_empty() {
        vec![String::new()]
    } else {
        paths
    };
    prop::collection::vec((prop::sample::select(paths), any_value()), 1..4).prop_map(
        move |changes| {
            let mut body = body.clone();
            for (path, value) in changes {
                if path.is_empty() {
                    body = value;
                } else if let Some(slot) = body.pointer_mut(&path) {
                    *slot = value;
                }
            }
            body
        },
    )
}

/// How many random bodies each server function gets.
const BODIES_EACH: usize = 24;

#[tokio::test]
async fn every_server_function_refuses_or_takes_random_values_without_a_server_error() {
    let app = TestApp::spawn().await;
    let fixture = fixture(&app).await;
    let mut callers = Vec::new();
    for role in [Role::Admin, Role::Hr, Role::Interviewer, Role::Employee] {
        callers.push((role, app.signed_in(role).await));
    }
    let mut runner = TestRunner::new(Config {
        failure_persistence: None,
        ..Config::default()
    });
    let (mut calls, mut refused, mut faults) = (0usize, 0usize, Vec::new());
    for (endpoint, allowed, body) in table(&fixture, "random") {
        let (Body::Json(valid), false) = (body, endpoint == "logout") else {
            continue;
        };
        let Some((_, caller)) = callers
            .iter()
            .find(|(role, _)| allowed.contains(&Who::As(*role)))
        else {
            continue;
        };
        let strategy = randomised(valid);
        for _ in 0..BODIES_EACH {
            let body = strategy.new_tree(&mut runner).expect("a body").current();
            calls += 1;
            let answer = caller.call(endpoint, body.clone()).await;
            if answer.status.is_client_error() {
                refused += 1;
            }
            if let Some(fault) = fault(&answer) {
                let shown: String = body.to_string().chars().take(300).collect();
                faults.push(format!("{endpoint} with {shown}: {fault}"));
            }
        }
    }
    eprintln!(
        "{calls} random bodies, {refused} refused with a 4xx, {} faults",
        faults.len()
    );
    assert!(
        calls > 2_000 && refused > 0,
        "{calls} calls, {refused} refused"
    );
    assert!(
        faults.is_empty(),
        "{} of {calls} calls failed:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// A CSV cell: words, numbers, emails, quotes, separators, line breaks, any characters.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\p{L} ]{0,30}",
        "[a-z.]{1,12}@[a-z]{1,8}\\.it",
        "\\+?[0-9 ]{0,16}",
        "[0-9]{1,3}",
        Just("\"quoted, with a comma\"".to_owned()),
        Just("\"a \"\"quote\"\" inside\"".to_owned()),
        Just("\"line\nbreak\"".to_owned()),
        Just("\"unclosed".to_owned()),
        Just("=HYPERLINK(\"x\")".to_owned()),
        any::<String>(),
    ]
}

/// A CSV file: a header of known and unknown columns, a BOM or not, comma or semicolon, rows of
/// random length.
fn csv_file() -> impl Strategy<Value = Vec<u8>> {
    let column = prop::sample::select(vec![
        "name",
        "nome",
        "email",
        "phone",
        "telefono",
        "education",
        "experience",
        "opening",
        "tags",
        "etichette",
        "unknown",
        "",
    ]);
    (
        any::<bool>(),
        prop::sample::select(vec![",", ";"]),
        prop::collection::vec(column, 0..8),
        prop::collection::vec(prop::collection::vec(cell(), 0..10), 0..12),
    )
        .prop_map(|(bom, separator, header, rows)| {
            let mut text = if bom {
                "\u{feff}".to_owned()
            } else {
                String::new()
            };
            text.push_str(&header.join(separator));
            for row in rows {
                text.push('\n');
                text.push_str(&row.join(separator));
            }
            text.into_bytes()
        })
}

#[test]
fn the_csv_import_reads_or_refuses_ten_thousand_random_files_without_panicking() {
    let cases = crate::hostile_files::cases();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = prop_oneof![
        8 => csv_file(),
        1 => prop::collection::vec(any::<u8>(), 0..400),
    ];
    runner
        .run(&strategy, |bytes| {
            match parse(&bytes, &[1, 2, 3]) {
                Ok(rows) => prop_assert!(!rows.is_empty() && rows.len() <= MAX_ROWS),
                Err(app::model::AppError::Invalid(errors)) => prop_assert!(!errors.is_empty()),
                Err(other) => prop_assert!(false, "not a field error: {other:?}"),
            }
            Ok(())
        })
        .expect("any file is read or refused on its fields");
}
