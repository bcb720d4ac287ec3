//! The load test (not a test: a benchmark to run by hand on a database `percorso seed-bench`
//! made). It starts one or two real `percorso serve` processes on that database, finds the
//! peak with `wrk` (mixed traffic of pages and server functions as HR, an interviewer and an
//! employee), then runs the same traffic for 60 s at about half that rate, and reports
//! requests per second, answers other than 200, p50 and p99, and each server's RSS.
//!
//! ```text
//! PERCORSO_BIN=target/release/percorso DATABASE_URL=… PERCORSO_DATA_DIR=… \
//!     cargo bench -p server --bench load [-- --processes 2] [--seconds 60]
//! ```

#[path = "../common/served.rs"]
#[allow(dead_code)]
mod served;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use app::model::{CandidateFilter, EmployeeFilter, Role, UserId};
use app::server::SessionPolicy;
use app::server::accounts::sessions;
use app::server::entities::{application, employee, interview_interviewer, job_run, user};
use clap::Parser;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

/// Connections `wrk` keeps open (over two threads).
const CONNECTIONS: u32 = 16;

/// One request of the mix: method, path, JSON body (for a server function), and whose.
struct Request {
    method: &'static str,
    path: String,
    body: Option<String>,
    cookie: String,
}

/// A `percorso serve` process on a loopback port.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(binary: &str, port: u16) -> Self {
        let child = Command::new(binary)
            .arg("serve")
            .env("PERCORSO_BIND", format!("127.0.0.1:{port}"))
            .env("PERCORSO_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("the server starts (PERCORSO_BIN names the release `percorso`)");
        Self { child, port }
    }

    async fn wait_ready(&self) {
        let client = reqwest::Client::new();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(120) {
            if let Ok(answer) = client
                .get(format!("http://127.0.0.1:{}/healthz", self.port))
                .send()
                .await
                && answer.status().is_success()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("the server on port {} never became ready", self.port);
    }

    /// (current RSS, peak RSS) in MiB, from /proc.
    fn rss(&self) -> (f64, f64) {
        let status = proc_status(self.child.id());
        (mib(&status, "VmRSS:"), mib(&status, "VmHWM:"))
    }
}

/// Process `pid`'s `/proc/PID/status` (empty once it is gone).
fn proc_status(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default()
}

/// A field of a `/proc/PID/status` text in MiB (the kernel writes kB).
fn mib(status: &str, field: &str) -> f64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A Lua string literal holding `text`.
fn lua_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The `wrk` script: each thread goes through the mix in turn from its own starting point, the
/// threads spread over `ports`, a pause of `delay_ms` before each request (none for the
/// peak), and every answer other than 200 counted.
fn script(mix: &[Request], ports: &[u16], delay_ms: u32) -> String {
    let mut lua = String::from("local mix = {\n");
    for r in mix {
        lua.push_str(&format!(
            "  {{ {}, {}, {}, {} }},\n",
            lua_string(r.method),
            lua_string(&r.path),
            r.body.as_deref().map_or("nil".to_owned(), lua_string),
            lua_string(&r.cookie),
        ));
    }
    lua.push_str("}\n");
    lua.push_str(&format!(
        "local ports = {{ {} }}\nlocal pause = {delay_ms}\n",
        ports
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    lua.push_str(
        r#"local threads = {}
local count = 0
function setup(thread)
  local port = ports[(count % #ports) + 1]
  count = count + 1
  thread.addr = wrk.lookup("127.0.0.1", port)[1]
  thread:set("id", count)
  table.insert(threads, thread)
end
local requests = {}
local at = 0
bad = 0
function init(args)
  for i, r in ipairs(mix) do
    local headers = { ["Cookie"] = r[4] }
    if r[3] then headers["Content-Type"] = "application/json" end
    requests[i] = wrk.format(r[1], r[2], headers, r[3])
  end
  math.randomseed(id)
  at = math.random(#requests)
end
function request()
  at = (at % #requests) + 1
  return requests[at]
end
if pause > 0 then
  function delay()
    return pause
  end
end
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + t:get("bad") end
  local e = summary.errors
  io.write(string.format("LOAD requests=%d seconds=%.2f not200=%d socket=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration / 1e6, failed,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
"#,
    );
    lua
}

/// What one `wrk` run reports.
#[derive(Debug, Clone, Copy)]
struct Figures {
    requests: u64,
    seconds: f64,
    not_200: u64,
    socket_errors: u64,
    p50_ms: f64,
    p99_ms: f64,
}

impl Figures {
    fn parse(report: &str) -> Option<Self> {
        let line = report.lines().find(|l| l.starts_with("LOAD "))?;
        let field = |name: &str| -> Option<f64> {
            line.split_whitespace()
                .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))?
                .parse()
                .ok()
        };
        Some(Self {
            requests: field("requests")? as u64,
            seconds: field("seconds")?,
            not_200: field("not200")? as u64,
            socket_errors: field("socket")? as u64,
            p50_ms: field("p50_us")? / 1000.0,
            p99_ms: field("p99_us")? / 1000.0,
        })
    }

    fn per_second(&self) -> f64 {
        self.requests as f64 / self.seconds.max(0.001)
    }
}

/// Runs `wrk` with `threads` threads for `seconds` with `script` (which spreads the threads
/// over the servers).
fn wrk(script_text: &str, port: u16, threads: u16, seconds: u32) -> Figures {
    let path = std::env::temp_dir().join(format!("percorso-load-{}.lua", std::process::id()));
    std::fs::write(&path, script_text).expect("the script is written");
    let output = Command::new("wrk")
        .args([
            &format!("-t{threads}"),
            &format!("-c{CONNECTIONS}"),
            &format!("-d{seconds}s"),
        ])
        .arg("-s")
        .arg(&path)
        .arg(format!("http://127.0.0.1:{port}/"))
        .output()
        .expect("wrk runs (apt-get install wrk)");
    let _ = std::fs::remove_file(&path);
    let report = String::from_utf8_lossy(&output.stdout);
    Figures::parse(&report).unwrap_or_else(|| panic!("wrk's report: {report}"))
}

/// The first HR user, the busiest interviewer (most seats) and the first employee with an
/// account.
async fn people(db: &DatabaseConnection) -> (UserId, UserId, UserId) {
    let hr = served::hr_user(db).await;
    let interviewer: (i32, i64) = interview_interviewer::Entity::find()
        .select_only()
        .column(interview_interviewer::Column::UserId)
        .column_as(interview_interviewer::Column::UserId.count(), "n")
        .group_by(interview_interviewer::Column::UserId)
        .order_by_desc(interview_interviewer::Column::UserId.count())
        .into_tuple()
        .one(db)
        .await
        .expect("seats")
        .expect("an interviewer with seats (run seed-bench)");
    let worker = employee::Entity::find()
        .inner_join(user::Entity)
        .filter(user::Column::Role.eq(Role::Employee.as_str()))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(employee::Column::Id)
        .one(db)
        .await
        .expect("employees")
        .expect("an employee with an account");
    (hr, UserId(interviewer.0), UserId(worker.user_id))
}

/// The traffic: what HR, an interviewer and an employee open in a working day, as pages and
/// as the server functions the pages' islands call.
async fn mix(db: &DatabaseConnection) -> Vec<Request> {
    let (hr, interviewer, worker) = people(db).await;
    let policy = SessionPolicy::default();
    let cookie = |token: String| format!("{}={token}", sessions::COOKIE);
    let hr = cookie(sessions::start(db, &policy, hr).await.expect("a session"));
    let interviewer = cookie(
        sessions::start(db, &policy, interviewer)
            .await
            .expect("a session"),
    );
    let worker = cookie(
        sessions::start(db, &policy, worker)
            .await
            .expect("a session"),
    );
    let busiest_opening: (i32, i64) = application::Entity::find()
        .select_only()
        .column(application::Column::OpeningId)
        .column_as(application::Column::OpeningId.count(), "n")
        .group_by(application::Column::OpeningId)
        .order_by_desc(application::Column::OpeningId.count())
        .into_tuple()
        .one(db)
        .await
        .expect("applications")
        .expect("an opening");
    let get = |path: &str, cookie: &str| Request {
        method: "GET",
        path: path.to_owned(),
        body: None,
        cookie: cookie.to_owned(),
    };
    let call = |endpoint: &str, body: serde_json::Value, cookie: &str| Request {
        method: "POST",
        path: format!("/api/{endpoint}"),
        body: Some(body.to_string()),
        cookie: cookie.to_owned(),
    };
    let front_office = CandidateFilter {
        q: "ross".to_owned(),
        ..CandidateFilter::default()
    };
    vec![
        get("/candidates", &hr),
        call(
            "list_candidates",
            serde_json::json!({ "filter": front_office, "page": 0 }),
            &hr,
        ),
        get("/employees", &hr),
        call(
            "list_employees",
            serde_json::json!({ "filter": EmployeeFilter::default(), "page": 3 }),
            &hr,
        ),
        get("/compliance", &hr),
        get("/training/hours", &hr),
        get(&format!("/openings/{}/assessment", busiest_opening.0), &hr),
        get("/notifications", &hr),
        get("/interviews", &interviewer),
        call("my_interviews", serde_json::json!({}), &interviewer),
        call("my_notifications", serde_json::json!({}), &interviewer),
        get("/training", &worker),
        call("my_training", serde_json::json!({}), &worker),
        get("/notifications", &worker),
    ]
}

#[derive(Parser)]
struct Options {
    /// Server processes on the one database (threads alternate between them).
    #[arg(long, default_value_t = 1)]
    processes: u16,
    /// How long the run at half the peak lasts.
    #[arg(long, default_value_t = 60)]
    seconds: u32,
    /// How long finding the peak lasts.
    #[arg(long, default_value_t = 15)]
    peak_seconds: u32,
    #[arg(long)]
    bench: bool,
}

#[tokio::main]
async fn main() {
    let options = Options::parse();
    let binary = std::env::var("PERCORSO_BIN").unwrap_or_else(|_| "target/release/percorso".into());
    let cli = server::cli::Cli::parse_from(["percorso", "migrate"]);
    let db = server::startup::connect(&cli.config)
        .await
        .expect("the database opens");
    let mix = mix(&db).await;
    let ports: Vec<u16> = (0..options.processes).map(|i| 38_100 + i).collect();
    let servers: Vec<Server> = ports.iter().map(|p| Server::start(&binary, *p)).collect();
    for server in &servers {
        server.wait_ready().await;
    }
    let before: u64 = job_run::Entity::find().count(&db).await.expect("job runs");
    println!(
        "{:?}, {} server process(es), {} requests in the mix, {CONNECTIONS} connections",
        db.get_database_backend(),
        servers.len(),
        mix.len()
    );

    // Warm the caches, then find the peak: no pause between requests.
    let threads = options.processes.max(2);
    wrk(&script(&mix, &ports, 0), ports[0], threads, 5);
    let peak = wrk(
        &script(&mix, &ports, 0),
        ports[0],
        threads,
        options.peak_seconds,
    );
    println!(
        "peak:  {:>7.1} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  not 200: {}  socket errors: {}",
        peak.per_second(),
        peak.p50_ms,
        peak.p99_ms,
        peak.not_200,
        peak.socket_errors
    );

    // Half the peak: each connection pauses twice a request's time at the peak before each
    // request, so that all of them together ask about half as often (a little more, since a
    // request takes less time below the peak).
    let at_peak_ms = f64::from(CONNECTIONS) * 1000.0 / peak.per_second();
    let pause = (2.0 * at_peak_ms).round().max(1.0) as u32;
    // The most each server held during the run: its resident set (VmRSS, which on SQLite also
    // counts the database pages it maps, the operating system's cache) and its own memory
    // (RssAnon: heap and stacks), sampled every 250 ms.
    let sampling = {
        let pids: Vec<u32> = servers.iter().map(|s| s.child.id()).collect();
        std::thread::spawn(move || {
            let started = Instant::now();
            let mut most = vec![(0.0f64, 0.0f64); pids.len()];
            while started.elapsed() < Duration::from_secs(u64::from(options.seconds) + 2) {
                for (i, pid) in pids.iter().enumerate() {
                    let status = proc_status(*pid);
                    most[i].0 = most[i].0.max(mib(&status, "VmRSS:"));
                    most[i].1 = most[i].1.max(mib(&status, "RssAnon:"));
                }
                std::thread::sleep(Duration::from_millis(250));
            }
            most
        })
    };
    let half = wrk(
        &script(&mix, &ports, pause),
        ports[0],
        threads,
        options.seconds,
    );
    let most = sampling.join().expect("the RSS sampler");
    println!(
        "half:  {:>7.1} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  not 200: {}  socket errors: {}  ({} ms pause, {:.0}% of the peak, {} s)",
        half.per_second(),
        half.p50_ms,
        half.p99_ms,
        half.not_200,
        half.socket_errors,
        pause,
        100.0 * half.per_second() / peak.per_second(),
        options.seconds
    );
    for (server, (most, own)) in servers.iter().zip(most) {
        let (now, peak_rss) = server.rss();
        println!(
            "server :{}  during the half-peak run: VmRSS at most {most:.1} MiB (now {now:.1}), RssAnon at most {own:.1} MiB; VmHWM since start (includes the peak run): {peak_rss:.1} MiB",
            server.port
        );
    }
    let after: u64 = job_run::Entity::find().count(&db).await.expect("job runs");
    println!("daily job runs claimed during the test: {}", after - before);
    for run in job_run::Entity::find()
        .filter(job_run::Column::Day.eq(chrono::Utc::now().date_naive()))
        .all(&db)
        .await
        .expect("job runs")
    {
        println!(
            "  {} {}: claimed by {} at {}, finished {:?}",
            run.job, run.day, run.claimed_by, run.claimed_at, run.finished_at
        );
    }
    assert_eq!(half.not_200 + half.socket_errors, 0, "errors under load");
}
