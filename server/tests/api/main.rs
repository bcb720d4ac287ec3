//! Integration tests through the real router over HTTP, each on a fresh database: SQLite by
//! default, PostgreSQL when `PERCORSO_TEST_DATABASE=postgres`.
#![recursion_limit = "256"]

mod assessment;
mod authorization;
mod backup;
mod candidates;
mod careers;
mod certifications;
mod cli;
mod course_records;
mod courses;
mod data_protection;
mod demo;
mod documents;
mod employees;
mod framework;
mod helpers;
mod http;
mod import;
mod intake;
mod interviews;
mod jobs;
mod list_queries;
mod mail;
mod merge;
mod metrics;
mod notes;
mod online_tests;
mod openings;
mod pagination;
mod person_data;
mod pipeline;
mod plain_forms;
mod practical_tests;
mod profiles;
mod reminders;
mod reports;
mod search;
mod serving;
mod sessions;
mod smtp;
mod test_materials;
mod users;
mod worklist;
