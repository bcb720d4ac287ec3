//! `/metrics` in the Prometheus text format: requests and their latency by method, route
//! template and status class; the database pool; and background job runs
//! (`app::server::job_runs`). Readable only from the addresses in `PERCORSO_METRICS_ALLOW` or
//! with `Authorization: Bearer <PERCORSO_METRICS_TOKEN>`.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use app::server::job_runs;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::MetricType;
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use sea_orm::{DatabaseConnection, DbBackend};

use crate::config::AddressList;

/// Upper bounds, in seconds, of the latency histogram's buckets.
const LATENCY_BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// What a request is counted under: never its raw path, which would carry record ids.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    /// The route template (`/candidates/{id}`), `/pkg/*` for the bundle, or `unmatched`.
    route: String,
    /// `2xx`, `3xx`, `4xx` or `5xx`.
    status: &'static str,
}

type LatencyFamily = Family<RequestLabels, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    Histogram::new(LATENCY_BUCKETS)
}

/// Who may read `/metrics`.
#[derive(Debug)]
struct Access {
    allow: AddressList,
    token: Option<String>,
}

impl Access {
    fn allows(&self, peer: Option<SocketAddr>, authorization: Option<&str>) -> bool {
        let bearer = authorization.and_then(|v| v.strip_prefix("Bearer "));
        if let (Some(token), Some(bearer)) = (&self.token, bearer)
            && constant_time_eq(token.as_bytes(), bearer.trim().as_bytes())
        {
            return true;
        }
        peer.is_some_and(|peer| self.allow.contains(peer.ip()))
    }
}

/// Compares without stopping at the first difference, so the time taken does not tell how
/// much of a guessed token was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The process's metrics: one per router, so each test server counts only its own requests.
#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
    access: Arc<Access>,
}

impl fmt::Debug for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Metrics {
    /// Metrics for a server on `db`, readable from `allow` or with `token`.
    pub fn new(db: DatabaseConnection, allow: AddressList, token: Option<String>) -> Self {
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = LatencyFamily::new_with_constructor(latency_histogram);
        let mut registry = Registry::default();
        registry.register(
            "percorso_http_requests",
            "HTTP requests answered, by method, route and status class",
            requests.clone(),
        );
        registry.register(
            "percorso_http_request_duration_seconds",
            "Time from a request's arrival to its response's headers, in seconds",
            latency.clone(),
        );
        registry.register_collector(Box::new(PoolCollector(db)));
        registry.register_collector(Box::new(JobRunsCollector));
        Self {
            registry: Arc::new(registry),
            requests,
            latency,
            access: Arc::new(Access {
                allow,
                token: token.filter(|t| !t.is_empty()),
            }),
        }
    }

    /// Everything, in the Prometheus text format.
    pub fn render(&self) -> String {
        let mut text = String::new();
        if prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry).is_err()
        {
            tracing::error!("cannot encode the metrics");
        }
        text
    }
}

/// The database pool, read at each scrape.
struct PoolCollector(DatabaseConnection);

impl fmt::Debug for PoolCollector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PoolCollector")
    }
}

/// Open connections, idle ones and the most allowed, for the pools this server can use.
fn pool_usage(db: &DatabaseConnection) -> Option<(u32, usize, u32)> {
    match db.get_database_backend() {
        DbBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            Some((
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            ))
        }
        DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            Some((
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            ))
        }
        _ => None,
    }
}

impl Collector for PoolCollector {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), fmt::Error> {
        let Some((open, idle, max)) = pool_usage(&self.0) else {
            return Ok(());
        };
        let idle = u32::try_from(idle).unwrap_or(open);
        let mut connections = encoder.encode_descriptor(
            "percorso_db_pool_connections",
            "Open connections in the database pool, by state",
            None,
            MetricType::Gauge,
        )?;
        for (state, count) in [("idle", idle), ("in_use", open.saturating_sub(idle))] {
            ConstGauge::new(i64::from(count))
                .encode(connections.encode_family(&[("state", state)])?)?;
        }
        let most = encoder.encode_descriptor(
            "percorso_db_pool_max_connections",
            "The most connections the database pool opens",
            None,
            MetricType::Gauge,
        )?;
        ConstGauge::new(i64::from(max)).encode(most)
    }
}

/// Background job runs, as counted by `app::server::job_runs`.
#[derive(Debug)]
struct JobRunsCollector;

impl Collector for JobRunsCollector {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), fmt::Error> {
        let mut runs = encoder.encode_descriptor(
            "percorso_job_runs",
            "Background job runs since the process started, by job and outcome",
            None,
            MetricType::Counter,
        )?;
        for (job, outcome, count) in job_runs::counts() {
            ConstCounter::new(count)
                .encode(runs.encode_family(&[("job", job), ("outcome", outcome.as_str())])?)?;
        }
        Ok(())
    }
}

fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The route a request matched, as its template: `/pkg/*` for the bundle (a nested service,
/// which axum gives no matched path here), `unmatched` for the fallback (unknown pages).
fn route_label(matched: Option<&MatchedPath>, path: &str) -> String {
    match matched {
        Some(matched) => matched.as_str().to_owned(),
        None if crate::middleware::is_bundle(path) => "/pkg/*".to_owned(),
        None => "unmatched".to_owned(),
    }
}

fn status_label(status: StatusCode) -> &'static str {
    match status.as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

/// Counts each request and times it to its response's headers.
pub async fn record(State(metrics): State<Metrics>, req: Request, next: Next) -> Response {
    let method = method_label(req.method());
    let route = route_label(req.extensions().get::<MatchedPath>(), req.uri().path());
    let started = Instant::now();
    let response = next.run(req).await;
    let labels = RequestLabels {
        method,
        route,
        status: status_label(response.status()),
    };
    metrics.requests.get_or_create(&labels).inc();
    metrics
        .latency
        .get_or_create(&labels)
        .observe(started.elapsed().as_secs_f64());
    response
}

/// `GET /metrics`: the metrics for allowed addresses and token holders, 403 for anyone else.
pub async fn handler(State(metrics): State<Metrics>, req: Request) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| *addr);
    let authorization = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    if !metrics.access.allows(peer, authorization) {
        return (StatusCode::FORBIDDEN, "forbidden\n").into_response();
    }
    let mut response = metrics.render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(prometheus_client::encoding::prometheus_text::CONTENT_TYPE),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(allow: &str, token: Option<&str>) -> Access {
        Access {
            allow: AddressList::parse(allow).expect("valid"),
            token: token.map(str::to_owned),
        }
    }

    fn peer(s: &str) -> Option<SocketAddr> {
        Some(s.parse().expect("address"))
    }

    #[test]
    fn an_allowed_address_needs_no_token() {
        let access = access("127.0.0.1,::1", None);
        assert!(access.allows(peer("127.0.0.1:5000"), None));
        assert!(access.allows(peer("[::1]:5000"), None));
        assert!(!access.allows(peer("10.0.0.1:5000"), None));
        assert!(!access.allows(None, None));
    }

    #[test]
    fn the_right_bearer_token_lets_any_address_in_and_a_wrong_one_does_not() {
        let access = access("", Some("s3cret-token"));
        assert!(access.allows(peer("10.0.0.1:5000"), Some("Bearer s3cret-token")));
        assert!(!access.allows(peer("10.0.0.1:5000"), Some("Bearer s3cret-tokeN")));
        assert!(!access.allows(peer("10.0.0.1:5000"), Some("s3cret-token")));
        assert!(!access.allows(peer("127.0.0.1:5000"), None));
    }

    #[test]
    fn routes_are_labelled_by_template_and_statuses_by_class() {
        assert_eq!(route_label(None, "/no/such/page"), "unmatched");
        assert_eq!(route_label(None, "/pkg/app.js"), "/pkg/*");
        assert_eq!(status_label(StatusCode::NOT_FOUND), "4xx");
        assert_eq!(status_label(StatusCode::SERVICE_UNAVAILABLE), "5xx");
        assert_eq!(
            method_label(&Method::from_bytes(b"BREW").expect("method")),
            "other"
        );
    }
}
