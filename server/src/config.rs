//! Configuration from environment variables (or the matching flags), with documented defaults.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use app::server::SessionPolicy;
use app::server::mail::{Security, SmtpSettings, Transport};
use clap::{Args, ValueEnum};
use ipnet::IpNet;
use lettre::message::Mailbox;

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

    /// The address people reach the site at, for the links in emails (an online test's
    /// private link), such as https://careers.example.it. Defaults to http://<bind>.
    #[arg(long, env = "PERCORSO_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// Mark the session cookie Secure: set this when serving over HTTPS.
    #[arg(
        long,
        env = "PERCORSO_SECURE_COOKIES",
        default_value_t = false,
        global = true
    )]
    pub secure_cookies: bool,

    /// Addresses that may read /metrics: comma-separated IP addresses or CIDR ranges (empty for
    /// none). Judged by the connecting address, so behind a proxy it is the proxy's.
    #[arg(
        long,
        env = "PERCORSO_METRICS_ALLOW",
        default_value = "127.0.0.1,::1",
        value_parser = AddressList::parse,
        global = true
    )]
    pub metrics_allow: AddressList,

    /// Reverse proxies in front of the server whose `X-Forwarded-For` names the client:
    /// comma-separated IP addresses or CIDR ranges (empty for none, the default: the client is
    /// the connecting address). Per-address limits then count each visitor, not the proxy.
    #[arg(
        long,
        env = "PERCORSO_TRUSTED_PROXIES",
        default_value = "",
        value_parser = AddressList::parse,
        global = true
    )]
    pub trusted_proxies: AddressList,

    /// A token that lets a scraper read /metrics from any address, sent as
    /// `Authorization: Bearer <token>`.
    #[arg(
        long,
        env = "PERCORSO_METRICS_TOKEN",
        hide_env_values = true,
        global = true
    )]
    pub metrics_token: Option<String>,

    /// Move the clock that expiries and reminders go by this many days forward: for a
    /// rehearsal or an end-to-end test, never in production (sessions keep the real time).
    #[arg(
        long,
        env = "PERCORSO_CLOCK_SHIFT_DAYS",
        default_value_t = 0,
        global = true
    )]
    pub clock_shift_days: i64,

    /// At start, stored files no row names that were written longer ago than this many
    /// minutes are deleted: what a crash between an upload's file and its row left. With
    /// several instances on one file store, keep it longer than an upload takes.
    #[arg(
        long,
        env = "PERCORSO_ORPHAN_GRACE_MINUTES",
        default_value_t = 60,
        global = true
    )]
    pub orphan_grace_minutes: u64,

    /// The most database connections this process holds at once: by default 8 on SQLite
    /// (each connection keeps its own prepared statements and sort memory: 16 of them took
    /// the server over 150 MB under load for 8% more throughput) and 16 on PostgreSQL (keep
    /// instances × this under the server's `max_connections`).
    #[arg(
        long,
        env = "PERCORSO_DB_CONNECTIONS",
        value_parser = clap::value_parser!(u32).range(1..=256),
        global = true
    )]
    pub db_connections: Option<u32>,

    /// Where email goes.
    #[command(flatten)]
    pub mail: MailConfig,
}

/// How the SMTP connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SmtpSecurity {
    /// STARTTLS, required (port 587 unless set).
    Starttls,
    /// TLS from the start (port 465 unless set).
    Tls,
    /// No encryption: only for a relay on this host or a trusted network (port 25 unless set).
    None,
}

/// The outgoing mail server. With no host, messages are written as `.eml` files under the data
/// directory's `mail/` folder instead, so nothing is lost and a person can open them.
#[derive(Debug, Clone, Args)]
pub struct MailConfig {
    /// The SMTP server's host name. Unset: write `.eml` files instead of sending.
    #[arg(long, env = "PERCORSO_SMTP_HOST", global = true)]
    pub smtp_host: Option<String>,

    /// The SMTP server's port; by default 587, 465 or 25 by the security chosen.
    #[arg(long, env = "PERCORSO_SMTP_PORT", global = true)]
    pub smtp_port: Option<u16>,

    /// How the connection is secured.
    #[arg(
        long,
        env = "PERCORSO_SMTP_SECURITY",
        value_enum,
        default_value = "starttls",
        global = true
    )]
    pub smtp_security: SmtpSecurity,

    /// The user to sign in to the SMTP server as, if it asks for one.
    #[arg(long, env = "PERCORSO_SMTP_USER", global = true)]
    pub smtp_user: Option<String>,

    /// That user's password.
    #[arg(
        long,
        env = "PERCORSO_SMTP_PASSWORD",
        hide_env_values = true,
        global = true
    )]
    pub smtp_password: Option<String>,

    /// The sender of every message, as `Name <address>` or an address.
    #[arg(
        long,
        env = "PERCORSO_MAIL_FROM",
        default_value = "Percorso <percorso@localhost>",
        global = true
    )]
    pub mail_from: String,

    /// Seconds between the sender's looks at the outbox.
    #[arg(
        long,
        env = "PERCORSO_MAIL_POLL_SECONDS",
        default_value_t = 5,
        global = true
    )]
    pub mail_poll_seconds: u64,
}

impl Default for MailConfig {
    fn default() -> Self {
        Self {
            smtp_host: None,
            smtp_port: None,
            smtp_security: SmtpSecurity::Starttls,
            smtp_user: None,
            smtp_password: None,
            mail_from: "Percorso <percorso@localhost>".into(),
            mail_poll_seconds: 5,
        }
    }
}

impl MailConfig {
    /// Where messages go: the SMTP server if one is set, else `.eml` files in `eml_dir`.
    pub fn transport(&self, eml_dir: PathBuf) -> Result<Transport, String> {
        let Some(host) = self.smtp_host.as_ref().filter(|h| !h.trim().is_empty()) else {
            return Ok(Transport::Files(eml_dir));
        };
        let security = match self.smtp_security {
            SmtpSecurity::Starttls => Security::StartTls,
            SmtpSecurity::Tls => Security::Tls,
            SmtpSecurity::None => Security::None,
        };
        let login = match (&self.smtp_user, &self.smtp_password) {
            (Some(user), Some(password)) => Some((user.clone(), password.clone())),
            (None, None) => None,
            _ => {
                return Err(
                    "set both PERCORSO_SMTP_USER and PERCORSO_SMTP_PASSWORD, or neither".into(),
                );
            }
        };
        Transport::smtp(&SmtpSettings {
            host: host.trim().to_owned(),
            port: self.smtp_port.unwrap_or(security.default_port()),
            security,
            login,
            timeout: Duration::from_secs(30),
        })
    }

    /// The sender's address.
    pub fn from(&self) -> Result<Mailbox, String> {
        self.mail_from
            .parse()
            .map_err(|error| format!("PERCORSO_MAIL_FROM {:?}: {error}", self.mail_from))
    }
}

/// A list of IP addresses and CIDR ranges, such as `127.0.0.1,::1,10.0.0.0/8`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressList(Vec<IpNet>);

impl AddressList {
    /// Parses comma-separated addresses and ranges; a bare address is a range of one.
    pub fn parse(value: &str) -> Result<Self, String> {
        value
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{item:?} is neither an IP address nor a CIDR range"))
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// Whether `address` is in the list. An IPv4 address seen through an IPv6 socket
    /// (`::ffff:127.0.0.1`) counts as the IPv4 address.
    pub fn contains(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.0.iter().any(|net| net.contains(&address))
    }
}

impl Config {
    /// The pool's size: the setting, or the database's default.
    pub fn pool_size(&self) -> u32 {
        self.db_connections
            .unwrap_or(if self.database_url().starts_with("sqlite:") {
                8
            } else {
                16
            })
    }

    /// Where people reach the site, without a trailing slash: `PERCORSO_PUBLIC_URL`, or the
    /// bound address (`localhost` for a wildcard one, which no browser could reach).
    pub fn public_url(&self) -> String {
        let url = self.public_url.clone().unwrap_or_else(|| {
            if self.bind.ip().is_unspecified() {
                format!("http://localhost:{}", self.bind.port())
            } else {
                format!("http://{}", self.bind)
            }
        });
        url.trim_end_matches('/').to_owned()
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("an address")
    }

    #[test]
    fn an_address_list_takes_addresses_and_ranges_of_both_families() {
        let list = AddressList::parse(" 127.0.0.1, ::1 ,10.1.0.0/16,fd00::/8").expect("valid");
        for allowed in [
            "127.0.0.1",
            "::1",
            "10.1.200.3",
            "fd00::5",
            "::ffff:127.0.0.1",
        ] {
            assert!(list.contains(ip(allowed)), "{allowed}");
        }
        for refused in ["127.0.0.2", "10.2.0.1", "::2", "192.168.1.1"] {
            assert!(!list.contains(ip(refused)), "{refused}");
        }
    }

    #[test]
    fn an_empty_address_list_allows_no_one_and_a_bad_entry_is_refused() {
        assert!(
            !AddressList::parse("")
                .expect("valid")
                .contains(ip("127.0.0.1"))
        );
        let error = AddressList::parse("127.0.0.1,localhost").expect_err("invalid");
        assert!(error.contains("localhost"), "{error}");
    }
}
