//! The candidate list over HTTP: the real server, started in this process on a loopback port
//! against the benchmark's database, asked for the HTML page and for the JSON server function
//! as an HR user would, one request at a time; and, when `wrk` is installed, both under load.

use std::process::Command;
use std::time::{Duration, Instant};

use app::model::CandidateFilter;
use sea_orm::DatabaseConnection;
use server::config::Config;

use crate::served::Served;

/// A running server and an HR user's session on it.
pub struct Http {
    served: Served,
    base: String,
    cookie: String,
    client: reqwest::Client,
}

impl Http {
    /// Starts the server on a free loopback port and signs in the first active HR user (the
    /// one `seed-bench` made the openings' owner).
    pub async fn start(config: &Config, db: &DatabaseConnection) -> Self {
        let served = Served::start(config).await;
        let cookie = served
            .cookie_for(db, crate::served::hr_user(db).await)
            .await;
        Self {
            base: served.base.clone(),
            client: served.client.clone(),
            cookie,
            served,
        }
    }

    /// The statements the server ran since the last call.
    pub fn statements_run(&self) -> usize {
        self.served.statements_run()
    }

    /// The address of the list page for `filter` at `page`.
    pub fn page_url(&self, filter: &CandidateFilter, page: u64) -> String {
        let mut query = filter.to_query();
        if page > 0 {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&format!("page={page}"));
        }
        format!("{}/candidates?{query}", self.base)
    }

    /// The address of the list's server function.
    pub fn function_url(&self) -> String {
        format!("{}/api/list_candidates", self.base)
    }

    /// The JSON the server function takes for `filter` at `page`.
    pub fn function_body(filter: &CandidateFilter, page: u64) -> String {
        serde_json::json!({ "filter": filter, "page": page }).to_string()
    }

    /// Times one GET of the HTML page, reading the whole body; its size in bytes.
    pub async fn html(&self, filter: &CandidateFilter, page: u64) -> (Duration, usize) {
        let url = self.page_url(filter, page);
        self.served.get(&url[self.base.len()..], &self.cookie).await
    }

    /// Times one call of the JSON server function, reading the whole body; its size in bytes.
    pub async fn json(&self, filter: &CandidateFilter, page: u64) -> (Duration, usize) {
        let started = Instant::now();
        let response = self
            .client
            .post(self.function_url())
            .header("cookie", &self.cookie)
            .header("content-type", "application/json")
            .body(Self::function_body(filter, page))
            .send()
            .await
            .expect("the function answers");
        assert!(response.status().is_success(), "{}", response.status());
        let body = response.bytes().await.expect("the function's body");
        (started.elapsed(), body.len())
    }

    /// Requests per second and latencies from `wrk` (2 threads, 8 connections, 10 s) for the
    /// HTML page and for the server function with the same filter, or `None` without `wrk`.
    pub fn load(&self, filter: &CandidateFilter) -> Option<(WrkFigures, WrkFigures)> {
        Command::new("wrk").arg("--version").output().ok()?;
        let html = self.wrk(&self.page_url(filter, 0), None)?;
        let script = std::env::temp_dir().join(format!("percorso-wrk-{}.lua", std::process::id()));
        let body = Self::function_body(filter, 0);
        std::fs::write(
            &script,
            format!(
                "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = {}\n",
                lua_string(&body)
            ),
        )
        .ok()?;
        let json = self.wrk(&self.function_url(), Some(&script));
        let _ = std::fs::remove_file(&script);
        Some((html, json?))
    }

    fn wrk(&self, url: &str, script: Option<&std::path::Path>) -> Option<WrkFigures> {
        let mut command = Command::new("wrk");
        command
            .args(["-t2", "-c8", "-d10s", "--latency", "-H"])
            .arg(format!("Cookie: {}", self.cookie));
        if let Some(script) = script {
            command.arg("-s").arg(script);
        }
        let output = command.arg(url).output().ok()?;
        WrkFigures::parse(&String::from_utf8_lossy(&output.stdout))
    }
}

/// A Lua string literal holding `text`.
fn lua_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// What `wrk --latency` reports that the benchmark prints.
#[derive(Debug, Clone, PartialEq)]
pub struct WrkFigures {
    pub requests_per_second: f64,
    pub p50: String,
    pub p99: String,
    /// Answers that were not 2xx or 3xx.
    pub failed: u64,
}

impl WrkFigures {
    /// Reads `wrk --latency`'s report.
    pub fn parse(report: &str) -> Option<Self> {
        let after = |prefix: &str| {
            report
                .lines()
                .map(str::trim)
                .find_map(|line| line.strip_prefix(prefix).map(|rest| rest.trim().to_owned()))
        };
        Some(Self {
            requests_per_second: after("Requests/sec:")?.parse().ok()?,
            p50: after("50%")?,
            p99: after("99%")?,
            failed: after("Non-2xx or 3xx responses:")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0),
        })
    }
}
