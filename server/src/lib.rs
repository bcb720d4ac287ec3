//! The Percorso server process: configuration, the command line, the HTTP router and its
//! middleware, static assets, metrics, and start-up.
#![recursion_limit = "256"]

/// mimalloc for every process built on this crate (the server, its tests and benchmarks):
/// with many threads allocating small strings for rows and HTML, glibc's allocator spent
/// about a tenth of the list page's time in `malloc` and `free`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod assets;
pub mod backup;
pub mod cli;
pub mod client_address;
pub mod config;
pub mod downloads;
pub mod forms;
pub mod metrics;
pub mod middleware;
pub mod schema;
pub mod startup;
pub mod telemetry;
