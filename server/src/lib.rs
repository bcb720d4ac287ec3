//! The Percorso server process: configuration, the command line, the HTTP router and its
//! middleware, static assets, metrics, and start-up.
#![recursion_limit = "256"]

pub mod assets;
pub mod backup;
pub mod careers_form;
pub mod cli;
pub mod config;
pub mod downloads;
pub mod metrics;
pub mod middleware;
pub mod schema;
pub mod startup;
pub mod telemetry;
