//! The inventory of personal data (`app::server::personal_data::TABLES`) against the schema
//! and the two exports: every table of the database has a decision, a candidate's export has a
//! place for every table holding a candidate's data, and an employee's export holds every one
//! of their rows of every table holding an employee's data, with their documents and without
//! secrets.

use std::collections::BTreeSet;
use std::io::Read;

use app::model::Role;
use app::server::demo::{self, DEMO_LOGINS};
use app::server::entities::{
    audit_event, candidate_certification, certification, employee, session, user,
};
use app::server::personal_data::{Holds, Identity, SYSTEM_TABLES, TABLES};
use chrono::Utc;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::Value;

use crate::documents::pdf;
use crate::helpers::{TestApp, on_postgres};
use crate::person_data::known_candidate;

/// The product's tables, as the database lists them.
async fn schema_tables(app: &TestApp) -> BTreeSet<String> {
    let sql = if on_postgres() {
        "SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table'"
    };
    let backend = app.db.get_database_backend();
    app.db
        .query_all_raw(sea_orm::Statement::from_string(backend, sql))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .filter(|name| !SYSTEM_TABLES.contains(&name.as_str()))
        .collect()
}

#[tokio::test]
async fn every_table_of_the_schema_has_a_decision_in_the_personal_data_inventory() {
    let app = TestApp::spawn().await;
    let schema = schema_tables(&app).await;
    let listed: BTreeSet<String> = TABLES.iter().map(|(t, _)| (*t).to_owned()).collect();
    let undecided: Vec<&String> = schema.difference(&listed).collect();
    assert!(
        undecided.is_empty(),
        "tables missing from personal_data::TABLES: {undecided:?}"
    );
    // SQLite's full-text index is six tables; PostgreSQL keeps its index in one.
    let gone: Vec<&String> = listed
        .difference(&schema)
        .filter(|t| !(on_postgres() && t.starts_with("candidate_search_")))
        .collect();
    assert!(gone.is_empty(), "listed but not in the schema: {gone:?}");
}

/// The `person.json` of a zip.
fn person_json(bytes: Vec<u8>) -> (Value, zip::ZipArchive<std::io::Cursor<Vec<u8>>>) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name("person.json")
        .expect("person.json")
        .read_to_string(&mut text)
        .unwrap();
    (serde_json::from_str(&text).expect("JSON"), zip)
}

#[tokio::test]
async fn a_candidates_export_has_a_place_for_every_table_holding_a_candidates_data() {
    let app = TestApp::spawn().await;
    let (hr, id) = known_candidate(&app).await;
    let first_aid = certification::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("a starter certification");
    candidate_certification::ActiveModel {
        candidate_id: Set(id as i32),
        certification_id: Set(first_aid.id),
        credential_id: Set(Some("CRI-2291".to_owned())),
        issued_on: Set(Utc::now().date_naive()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let (status, _, bytes) = hr.download(&format!("/candidates/{id}/export.zip")).await;
    assert_eq!(status, StatusCode::OK);
    let (person, _) = person_json(bytes);
    for (table, holds) in TABLES {
        let key = match holds {
            Holds::Candidate(key) | Holds::Both(key, ..) => *key,
            _ => continue,
        };
        assert!(
            !Value::is_null(&person[key]),
            "{table} has no place ({key}) in the candidate's export"
        );
    }
    assert_eq!(person["certifications"][0]["credential_id"], "CRI-2291");
    let messages = person["messages"].as_array().unwrap();
    assert!(!messages.is_empty(), "the application's acknowledgement");
    assert!(
        messages
            .iter()
            .all(|m| m["to_address"] == "luisa@example.it")
    );
    assert!(
        messages.iter().all(|m| m.get("body").is_none()),
        "no message text"
    );
}

/// How many rows of `table` meet `filter`, counted apart from the export.
async fn count(
    app: &TestApp,
    table: &'static str,
    filter: &[(&'static str, sea_orm::Value)],
) -> usize {
    let mut query = Query::select();
    query.expr(Expr::cust("COUNT(*)")).from(Alias::new(table));
    for (column, value) in filter {
        query.and_where(Expr::col(Alias::new(*column)).eq(value.clone()));
    }
    let row = app.db.query_one(&query).await.unwrap().unwrap();
    usize::try_from(row.try_get_by_index::<i64>(0).unwrap()).unwrap()
}

#[tokio::test]
async fn an_employees_export_holds_every_row_of_theirs_with_their_documents_and_no_secret() {
    let app = TestApp::spawn().await;
    demo::seed_if_empty(&app.db).await.unwrap();
    let login = &DEMO_LOGINS[3];
    let mut worker = app.anonymous();
    worker.email = login.email.to_owned();
    worker.password = login.password.to_owned();
    assert_eq!(worker.sign_in().await.status, StatusCode::OK);
    let account = user::Entity::find()
        .filter(user::Column::Email.eq(login.email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let me = employee::Entity::find()
        .filter(employee::Column::UserId.eq(account.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    // A certificate with its document, uploaded as "My training" does.
    let document = pdf(&["Attestato di primo soccorso"]);
    let first_aid = certification::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let form = Form::new()
        .text("certification_id", first_aid.id.to_string())
        .text("credential_id", "PS-5512")
        .text("issued_on", Utc::now().date_naive().to_string())
        .text("expires_on", "")
        .part(
            "document",
            Part::bytes(document.clone()).file_name("primo-soccorso.pdf"),
        );
    let (status, _, _) = worker.send_page("/training/certificates", form).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the certificate is uploaded");

    let who = Identity {
        employee: me.id,
        user: account.id,
        email: account.email.clone(),
    };
    let path = format!("/employees/{}/export.zip", me.id);
    let (status, headers, bytes) = worker.download(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/zip");
    let (person, mut zip) = person_json(bytes);
    let tables = &person["tables"];
    for (table, holds) in TABLES {
        let (column, key, hidden) = match *holds {
            Holds::Employee {
                column,
                key,
                hidden,
            }
            | Holds::Both(_, column, key, hidden) => (column, key, hidden),
            _ => continue,
        };
        let filter = who.filter(column, key);
        let rows = tables[*table]
            .as_array()
            .unwrap_or_else(|| panic!("{table} in the export"));
        // The export itself is audited after its rows were read.
        let audited_since = usize::from(*table == "audit_events");
        let expected = count(&app, table, &filter).await - audited_since;
        assert_eq!(rows.len(), expected, "{table}");
        for row in rows {
            for secret in hidden {
                assert!(row.get(*secret).is_none(), "{table}.{secret} exported");
            }
        }
    }
    for table in [
        "users",
        "employees",
        "employee_competencies",
        "course_records",
        "employee_certifications",
        "sessions",
        "known_devices",
    ] {
        assert!(
            !tables[table].as_array().unwrap().is_empty(),
            "the demo employee has {table}"
        );
    }
    // What was done to the account by no one signed in: its sign-ins, failures, lockouts.
    let about = tables["audit_events_about_the_account"]
        .as_array()
        .expect("the events about the account");
    assert!(
        about.iter().any(|event| event["action"] == "signed_in"),
        "the account's sign-ins"
    );
    // No secret, wherever it might have gone: the password's hash, the sessions' tokens'.
    let exported = person.to_string();
    assert!(
        !exported.contains(&account.password_hash),
        "the password hash"
    );
    for session in session::Entity::find()
        .filter(session::Column::UserId.eq(account.id))
        .all(&app.db)
        .await
        .unwrap()
    {
        assert!(
            !exported.contains(&session.token_hash),
            "a session token hash"
        );
    }
    // Notifications and messages go out without what they say: for managers and HR it names
    // colleagues.
    for row in tables["notifications"].as_array().unwrap() {
        assert!(row.get("title_en").is_none() && row.get("title_it").is_none());
    }
    for row in tables["outbox"].as_array().unwrap() {
        assert!(row.get("subject").is_none() && row.get("body").is_none());
    }
    let inside = person["files"].as_array().unwrap();
    let certificate = inside
        .iter()
        .filter_map(Value::as_str)
        .find(|p| p.starts_with("files/certificates/") && p.ends_with("primo-soccorso.pdf"))
        .expect("the document in the zip");
    let mut bytes = Vec::new();
    zip.by_name(certificate)
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    assert_eq!(bytes, document);
    assert_eq!(
        audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("employee_exported"))
            .filter(audit_event::Column::SubjectId.eq(me.id))
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        1
    );

    // Only the employee and HR: not a colleague, not a visitor; and nobody's 404.
    let hr = app.signed_in(Role::Hr).await;
    assert_eq!(hr.download(&path).await.0, StatusCode::OK);
    let colleague = app.signed_in(Role::Interviewer).await;
    assert_eq!(colleague.download(&path).await.0, StatusCode::FORBIDDEN);
    // Not their manager either, who reads their training but not everything about them.
    let manager = app.employee_of(&colleague).await;
    let mut reporting: employee::ActiveModel = me.clone().into();
    reporting.manager_id = Set(Some(manager.id));
    reporting.update(&app.db).await.unwrap();
    assert_eq!(colleague.download(&path).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        app.anonymous().download(&path).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        hr.download("/employees/999999/export.zip").await.0,
        StatusCode::NOT_FOUND
    );
}
