//! Configuration from environment variables (or the matching flags), with documented defaults.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use app::server::SessionPolicy;
use clap::{Args, ValueEnum};

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines with key=value fields.
    Text,
    /// One JSON object a line, for log collectors.
    Json,
}

/// `site/` beside the running binary if it exists (as `./dev dist` lays it out), else the
/// development build's `target/site`.
fn default_site_root() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join("site")))
        .filter(|site| site.is_dir())
        .unwrap_or_else(|| PathBuf::from("target/site"))
}

/// Settings shared by every command.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Database to use. Defaults to an SQLite file in the data directory.
    /// PostgreSQL: postgres://user:password@host:5432/database
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,

    /// Address and port to serve on.
    #[arg(
        long,
        env = "PERCORSO_BIND",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub bind: SocketAddr,

    /// Directory for the embedded database and, later, stored files.
    #[arg(long, env = "PERCORSO_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,

    /// Directory holding the built browser bundle and stylesheet (in pkg/). Defaults to the
    /// `site/` beside the binary when there is one (the production build), else `target/site`.
    #[arg(
        long,
        env = "PERCORSO_SITE_ROOT",
        default_value_os_t = default_site_root(),
        global = true
    )]
    pub site_root: PathBuf,

    /// Log filter, in tracing's EnvFilter syntax (e.g. "info" or "info,sqlx=warn").
    #[arg(
        long,
        env = "PERCORSO_LOG",
        default_value = "info,sqlx=warn",
        global = true
    )]
    pub log: String,

    /// Log line format.
    #[arg(
        long,
        env = "PERCORSO_LOG_FORMAT",
        value_enum,
        default_value = "text",
        global = true
    )]
    pub log_format: LogFormat,

    /// Minutes of inactivity after which a session ends.
    #[arg(
        long,
        env = "PERCORSO_SESSION_IDLE_MINUTES",
        default_value_t = 60,
        global = true
    )]
    pub session_idle_minutes: u64,

    /// Hours after sign-in after which a session ends, however active.
    #[arg(
        long,
        env = "PERCORSO_SESSION_MAX_HOURS",
        default_value_t = 12,
        global = true
    )]
    pub session_max_hours: u64,

    /// Mark the session cookie Secure: set this when serving over HTTPS.
    #[arg(
        long,
        env = "PERCORSO_SECURE_COOKIES",
        default_value_t = false,
        global = true
    )]
    pub secure_cookies: bool,
}

impl Config {
    /// The database URL: the configured one, or the embedded SQLite file.
    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("percorso.db").display()
            )
        })
    }

    pub fn session_policy(&self) -> SessionPolicy {
        SessionPolicy {
            idle: Duration::from_secs(self.session_idle_minutes * 60),
            absolute: Duration::from_secs(self.session_max_hours * 60 * 60),
            secure_cookie: self.secure_cookies,
        }
    }
}
