//! Integration tests through the real router over HTTP, each on a fresh database: SQLite by
//! default, PostgreSQL when `PERCORSO_TEST_DATABASE=postgres`.
#![recursion_limit = "256"]

mod authorization;
mod candidates;
mod careers;
mod cli;
mod documents;
mod framework;
mod helpers;
mod http;
mod list_queries;
mod openings;
mod pipeline;
mod profiles;
mod search;
mod sessions;
mod users;
