//! Where personal data lives: every table of the schema, whose data it holds (a candidate's,
//! an employee's, or nobody's) and which export carries it; and the zip both exports are
//! written as. A test compares this inventory with the schema, so a new table cannot hold
//! personal data without a decision here.

use std::io::Write;

use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, FromQueryResult, JsonValue};

use crate::model::AppError;

/// How an employee's rows of a table are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The column holds their employee id.
    Employee,
    /// The column holds their user (account) id.
    User,
    /// The column holds their email address.
    Email,
    /// The row is about an employee (`subject_type` is `employee`) and the column holds
    /// their employee id.
    Subject,
}

/// Who an employee is, in the columns that name them.
#[derive(Debug, Clone)]
pub struct Identity {
    pub employee: i32,
    pub user: i32,
    pub email: String,
}

impl Identity {
    /// The conditions that pick this employee's rows, `column` holding their `key`.
    pub fn filter(&self, column: &'static str, key: Key) -> Vec<(&'static str, sea_orm::Value)> {
        match key {
            Key::Employee => vec![(column, self.employee.into())],
            Key::User => vec![(column, self.user.into())],
            Key::Email => vec![(column, self.email.clone().into())],
            Key::Subject => vec![
                ("subject_type", "employee".into()),
                (column, self.employee.into()),
            ],
        }
    }
}

/// Whose personal data a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// A candidate's: their export (`recruitment::person_data::export`) carries it under this
    /// key of `person.json`.
    Candidate(&'static str),
    /// An employee's: their export (`employees::export`) carries the rows whose `column` holds
    /// their `key`, without the columns `hidden` (secrets, and copies of files the zip holds).
    Employee {
        column: &'static str,
        key: Key,
        hidden: &'static [&'static str],
    },
    /// Both a candidate's and an employee's (messages to their address, the audit log).
    Both(&'static str, &'static str, Key, &'static [&'static str]),
    /// Personal data kept for a purpose that ends on its own, with that purpose and its end.
    Transient(&'static str),
    /// No personal data, and why.
    Nobody(&'static str),
}

const CATALOGUE: &str = "the catalogue and framework: no person's data";
const TEMPLATE: &str = "test templates and banks: no person's data";
const INDEX: &str =
    "the search index, derived from the candidate's record and files; rebuilt or removed with them";
const SCORES: &str = "figures derived from an application's scorecards and graded tests (which the \
     candidate's export carries) for sorting the comparison; worked out again as they change, \
     removed with the application";

/// What an export leaves out of a message: its text (a copy of what was sent, with links that
/// may still open something) and the sender's bookkeeping.
pub const MESSAGE_HIDDEN: &[&str] = &[
    "body",
    "html_body",
    "attachment",
    "claimed_by",
    "claimed_until",
];

/// Every table of the schema (without the database's own), and what it holds.
pub const TABLES: &[(&str, Holds)] = &[
    (
        "account_invitations",
        Holds::Employee {
            column: "user_id",
            key: Key::User,
            hidden: &["token_hash"],
        },
    ),
    ("application_levels", Holds::Nobody(SCORES)),
    ("application_scores", Holds::Nobody(SCORES)),
    ("applications", Holds::Candidate("applications")),
    (
        "audit_events",
        Holds::Both("access_log", "actor_id", Key::User, &[]),
    ),
    (
        "candidate_certifications",
        Holds::Candidate("certifications"),
    ),
    ("candidate_files", Holds::Candidate("files")),
    ("candidate_notes", Holds::Candidate("notes")),
    ("candidate_search", Holds::Transient(INDEX)),
    ("candidate_search_config", Holds::Transient(INDEX)),
    ("candidate_search_content", Holds::Transient(INDEX)),
    ("candidate_search_data", Holds::Transient(INDEX)),
    ("candidate_search_docsize", Holds::Transient(INDEX)),
    ("candidate_search_idx", Holds::Transient(INDEX)),
    ("candidate_tags", Holds::Candidate("candidate")),
    ("candidates", Holds::Candidate("candidate")),
    ("certification_competencies", Holds::Nobody(CATALOGUE)),
    ("certification_profiles", Holds::Nobody(CATALOGUE)),
    ("certifications", Holds::Nobody(CATALOGUE)),
    ("competencies", Holds::Nobody(CATALOGUE)),
    ("competency_levels", Holds::Nobody(CATALOGUE)),
    (
        "compliance_cells",
        Holds::Employee {
            column: "employee_id",
            key: Key::Employee,
            hidden: &[],
        },
    ),
    (
        "compliance_summaries",
        Holds::Employee {
            column: "employee_id",
            key: Key::Employee,
            hidden: &[],
        },
    ),
    ("course_competencies", Holds::Nobody(CATALOGUE)),
    ("course_profiles", Holds::Nobody(CATALOGUE)),
    (
        "course_records",
        Holds::Employee {
            column: "employee_id",
            key: Key::Employee,
            hidden: &["certificate_stored"],
        },
    ),
    (
        "course_sessions",
        Holds::Nobody(
            "sessions of courses: dates, places and the trainer's name as published in the catalogue",
        ),
    ),
    ("courses", Holds::Nobody(CATALOGUE)),
    (
        "employee_certifications",
        Holds::Employee {
            column: "employee_id",
            key: Key::Employee,
            hidden: &["document_stored"],
        },
    ),
    (
        "employee_competencies",
        Holds::Employee {
            column: "employee_id",
            key: Key::Employee,
            hidden: &[],
        },
    ),
    (
        "employees",
        Holds::Employee {
            column: "id",
            key: Key::Employee,
            hidden: &[],
        },
    ),
    (
        "intake_uploads",
        Holds::Transient(
            "CVs in an HR person's intake tray, until they become a candidate's files (then in that export) or are thrown away",
        ),
    ),
    ("interview_events", Holds::Candidate("interviews")),
    ("interview_interviewers", Holds::Candidate("interviews")),
    ("interviews", Holds::Candidate("interviews")),
    ("job_profiles", Holds::Nobody(CATALOGUE)),
    (
        "job_runs",
        Holds::Nobody("which server instance ran a background job on which day"),
    ),
    (
        "known_devices",
        Holds::Employee {
            column: "user_id",
            key: Key::User,
            hidden: &["token_hash"],
        },
    ),
    (
        "login_attempts",
        Holds::Employee {
            column: "email",
            key: Key::Email,
            hidden: &[],
        },
    ),
    (
        "notifications",
        Holds::Employee {
            column: "user_id",
            key: Key::User,
            hidden: &[],
        },
    ),
    ("online_questions", Holds::Nobody(TEMPLATE)),
    ("online_template_profiles", Holds::Nobody(TEMPLATE)),
    ("online_templates", Holds::Nobody(TEMPLATE)),
    ("online_test_items", Holds::Candidate("online_tests")),
    ("online_tests", Holds::Candidate("online_tests")),
    (
        "opening_interviewers",
        Holds::Nobody("which staff members interview for an opening: work assignments"),
    ),
    (
        "openings",
        Holds::Nobody("job openings: the HR owner is a work assignment"),
    ),
    (
        "outbox",
        Holds::Both("messages", "to_address", Key::Email, MESSAGE_HIDDEN),
    ),
    (
        "password_resets",
        Holds::Employee {
            column: "user_id",
            key: Key::User,
            hidden: &["token_hash"],
        },
    ),
    ("practical_material_contents", Holds::Nobody(TEMPLATE)),
    ("practical_materials", Holds::Nobody(TEMPLATE)),
    ("practical_template_criteria", Holds::Nobody(TEMPLATE)),
    ("practical_template_materials", Holds::Nobody(TEMPLATE)),
    ("practical_template_profiles", Holds::Nobody(TEMPLATE)),
    ("practical_templates", Holds::Nobody(TEMPLATE)),
    (
        "practical_test_criteria",
        Holds::Candidate("practical_tests"),
    ),
    (
        "practical_test_materials",
        Holds::Candidate("practical_tests"),
    ),
    ("practical_tests", Holds::Candidate("practical_tests")),
    (
        "privacy_notices",
        Holds::Nobody("the published privacy notices"),
    ),
    ("profile_questions", Holds::Nobody(CATALOGUE)),
    ("profile_requirements", Holds::Nobody(CATALOGUE)),
    (
        "rate_events",
        Holds::Transient(
            "the addresses that sent applications or asked for password reset links, and the accounts sent such links, counted for an hour against abuse and then deleted",
        ),
    ),
    (
        "recovery_codes",
        Holds::Employee {
            column: "user_id",
            key: Key::User,
            hidden: &["code_hash"],
        },
    ),
    (
        "reminders",
        Holds::Employee {
            column: "employee_id",
            key: Key::Employee,
            hidden: &[],
        },
    ),
    (
        "retention_runs",
        Holds::Nobody("when the retention job ran and how many it anonymised"),
    ),
    ("retention_settings", Holds::Nobody("the retention periods")),
    (
        "second_factors",
        Holds::Employee {
            column: "user_id",
            key: Key::User,
            hidden: &["secret"],
        },
    ),
    ("scorecard_amendments", Holds::Candidate("interviews")),
    ("scorecard_ratings", Holds::Candidate("interviews")),
    ("scorecards", Holds::Candidate("interviews")),
    (
        "sessions",
        Holds::Employee {
            column: "user_id",
            key: Key::User,
            hidden: &["token_hash"],
        },
    ),
    (
        "sign_in_challenges",
        Holds::Employee {
            column: "user_id",
            key: Key::User,
            hidden: &["token_hash"],
        },
    ),
    ("stage_events", Holds::Candidate("history")),
    (
        "training_hours",
        Holds::Employee {
            column: "employee_id",
            key: Key::Employee,
            hidden: &[],
        },
    ),
    (
        "two_factor_roles",
        Holds::Nobody("which roles must sign in with a second factor"),
    ),
    (
        "users",
        Holds::Employee {
            column: "id",
            key: Key::User,
            hidden: &["password_hash"],
        },
    ),
];

/// The tables of the database that are its own bookkeeping, not the product's.
pub const SYSTEM_TABLES: &[&str] = &["pending_rebuilds", "seaql_migrations", "sqlite_sequence"];

/// The rows of `table` that meet every condition of `filter` (a column equal to a value), as
/// JSON objects by column name, without the columns `hidden`. `table` and the columns come
/// from [`TABLES`] and the exports, never from a request.
pub async fn rows_of(
    db: &impl ConnectionTrait,
    table: &'static str,
    filter: &[(&'static str, sea_orm::Value)],
    hidden: &[&str],
) -> Result<Vec<JsonValue>, AppError> {
    let mut query = Query::select();
    query.column(Asterisk).from(Alias::new(table));
    for (column, value) in filter {
        query.and_where(Expr::col(Alias::new(*column)).eq(value.clone()));
    }
    let statement = db.get_database_backend().build(&query);
    let mut rows = JsonValue::find_by_statement(statement).all(db).await?;
    for row in &mut rows {
        if let Some(columns) = row.as_object_mut() {
            for name in hidden {
                columns.remove(*name);
            }
        }
    }
    Ok(rows)
}

/// A zip of `person.json` (the records, pretty-printed) and `files`, each at its path.
pub fn write_zip(
    document: &serde_json::Value,
    files: Vec<(String, Vec<u8>)>,
) -> Result<Vec<u8>, AppError> {
    let failed = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "cannot write the export zip");
        AppError::Internal
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("person.json", options)
        .map_err(|e| failed(&e))?;
    let json = serde_json::to_vec_pretty(document).map_err(|e| failed(&e))?;
    zip.write_all(&json).map_err(|e| failed(&e))?;
    for (path, bytes) in files {
        zip.start_file(path, options).map_err(|e| failed(&e))?;
        zip.write_all(&bytes).map_err(|e| failed(&e))?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}
