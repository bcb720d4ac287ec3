//! Building the application: database connection and migrations, the router, and serving with
//! graceful shutdown.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use app::bundles::SiteAssets;
use app::server::Backend;
use app::server::accounts::throttle::ThrottlePolicy;
use app::{App, shell};
use axum::Router;
use axum::extract::{FromRef, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use leptos::config::LeptosOptions;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};
use tokio::net::TcpListener;

use crate::config::Config;
use crate::metrics::Metrics;

/// What can stop the server from starting.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot create the data directory {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("cannot open the database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("cannot listen on {0}: {1}")]
    Bind(SocketAddr, std::io::Error),
}

/// The router's shared state.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub backend: Backend,
    /// The built files' names (they carry their content's hash).
    pub assets: SiteAssets,
    pub metrics: Metrics,
}

/// How long an instance starting beside another waits for the other's migrations to finish
/// before giving up, on SQLite (whose lock waits only `busy_timeout` at a time).
const WAIT_FOR_MIGRATIONS: Duration = Duration::from_secs(120);

/// Opens the database (creating the SQLite file and its folder if needed) and migrates it.
/// Instances starting together take turns: on SQLite, one that finds the file locked by
/// another's migrations tries again until they are done.
pub async fn connect(config: &Config) -> Result<DatabaseConnection, StartupError> {
    let started = std::time::Instant::now();
    loop {
        let attempt = async {
            let db = open(config).await?;
            crate::schema::migrate(&db).await?;
            Ok::<_, StartupError>(db)
        };
        match attempt.await {
            Err(StartupError::Database(error))
                if error.to_string().contains("database is locked")
                    && started.elapsed() < WAIT_FOR_MIGRATIONS =>
            {
                tracing::warn!(%error, "the database is locked, likely by another instance's migrations; waiting");
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            outcome => return outcome,
        }
    }
}

/// How long a PostgreSQL connection may sit idle in the pool before it is pinged before use.
const POOL_PING_AFTER_IDLE: Duration = Duration::from_secs(1);

/// How much of the SQLite file each connection maps into memory (writes still go through
/// the write-ahead log).
const SQLITE_MMAP_BYTES: u64 = 1 << 30;

/// The settings of every SQLite connection: write-ahead log, foreign keys, a wait for the
/// write lock, durable commits and a memory map.
pub fn tune_sqlite(
    o: sea_orm::sqlx::sqlite::SqliteConnectOptions,
) -> sea_orm::sqlx::sqlite::SqliteConnectOptions {
    o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        // Every commit reaches the disk before the answer: an application, a
        // scorecard or an upload acknowledged survives a power cut, not only a crash
        // (NORMAL could lose the last commits then). SQLite's default, made explicit;
        // its cost is measured by the `writes` benchmark (docs/performance.md).
        .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Full)
        // Reads straight from the operating system's cache, shared by every
        // connection of the pool, rather than each connection's own small page cache.
        .pragma("mmap_size", SQLITE_MMAP_BYTES.to_string())
}

/// Opens the database as [`connect`] does, without migrating it.
pub async fn open(config: &Config) -> Result<DatabaseConnection, StartupError> {
    let url = config.database_url();
    let sqlite = url.starts_with("sqlite:");
    if sqlite {
        std::fs::create_dir_all(&config.data_dir)
            .map_err(|e| StartupError::DataDir(config.data_dir.display().to_string(), e))?;
    }
    let mut options = ConnectOptions::new(url);
    options
        .sqlx_logging(false)
        .max_connections(config.pool_size())
        .acquire_timeout(Duration::from_secs(10))
        .map_sqlx_sqlite_opts(tune_sqlite);
    if sqlite {
        // A connection inside the process cannot be dropped by anyone else: pinging it before
        // each statement was a round trip to its thread for nothing.
        options.test_before_acquire(false);
    } else {
        // A connection in use within the last second is alive; one idle longer may have been
        // closed by the server or a proxy, so it is pinged before use.
        options.test_before_acquire_if_idle_for(POOL_PING_AFTER_IDLE);
    }
    Ok(Database::connect(options).await?)
}

/// The back end for a connected database and the configured policies.
pub fn backend(config: &Config, db: DatabaseConnection) -> Backend {
    Backend {
        db,
        files: app::server::files::FileStore::new(config.data_dir.join("files")),
        sessions: config.session_policy(),
        throttle: ThrottlePolicy::default(),
        public_url: config.public_url(),
        clock: app::server::clock::Clock::shifted_by_days(config.clock_shift_days),
        tasks: Default::default(),
    }
}

fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("app")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.bind)
        .build()
}

async fn healthz(State(backend): State<Backend>) -> Response {
    match backend.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok: database reachable\n").into_response(),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable: database unreachable\n",
            )
                .into_response()
        }
    }
}

async fn server_fn_handler(State(state): State<AppState>, req: Request) -> impl IntoResponse {
    let backend = state.backend.clone();
    leptos_axum::handle_server_fns_with_context(move || provide_context(backend.clone()), req).await
}

/// The app's routes, generated once per process.
///
/// Generating them renders the app with resource loading suppressed by a process-wide flag
/// (leptos issue #4773): a page rendering elsewhere in the process at that moment could wait
/// forever. Doing it once, before the first router exists, leaves no request to catch.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// What a page's rendering reads from context: the back end, the built files' names, and the
/// request's CSP nonce (put in the request by `middleware::security_headers`), which replaces
/// the one leptos_axum would make up so that the hydration script carries the nonce the header
/// names.
pub(crate) fn request_context(
    backend: Backend,
    assets: SiteAssets,
) -> impl Fn() + Clone + Send + Sync + 'static {
    move || {
        provide_context(backend.clone());
        provide_context(assets.clone());
        let nonce = use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Nonce>().cloned());
        if let Some(nonce) = nonce {
            provide_context(nonce);
        }
    }
}

/// The whole HTTP surface: pages, server functions, static files, health, metrics, and
/// middleware.
pub fn router(config: &Config, backend: Backend) -> Router {
    let metrics = Metrics::new(
        backend.db.clone(),
        config.metrics_allow.clone(),
        config.metrics_token.clone(),
    );
    let state = AppState {
        leptos_options: leptos_options(config),
        backend: backend.clone(),
        assets: crate::assets::find(&config.site_root),
        metrics: metrics.clone(),
    };
    let routes = route_list();
    let context = request_context(backend.clone(), state.assets.clone());
    let scheme = crate::middleware::Scheme {
        https: config.secure_cookies,
    };
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(crate::metrics::handler))
        .route("/favicon.ico", get(crate::assets::favicon))
        .nest_service("/pkg", crate::assets::service(&config.site_root))
        .route("/files/{id}", get(crate::downloads::candidate_file))
        .route("/candidates.csv", get(crate::downloads::candidates_csv))
        .route("/employees.csv", get(crate::downloads::employees_csv))
        .route(
            "/employees/{id}/export.zip",
            get(crate::downloads::employee_export),
        )
        .route(
            "/interviews/{id}/calendar.ics",
            get(crate::downloads::interview_calendar),
        )
        .route(
            "/candidates/{id}/export.zip",
            get(crate::downloads::candidate_export),
        )
        .route(
            "/tests/templates/{id}/materials/{material}",
            get(crate::downloads::template_material),
        )
        .route(
            "/tests/{id}/materials/{material}",
            get(crate::downloads::test_material),
        )
        .route(
            "/p/{token}/materials/{material}",
            get(crate::downloads::link_material),
        )
        .route("/api/{*fn_name}", post(server_fn_handler))
        .route("/careers/{id}", post(crate::forms::careers::apply))
        .route("/t/{token}", post(crate::forms::online_test::act))
        .route(
            "/tests/templates/{id}/materials",
            post(crate::forms::materials::add),
        )
        .route(
            "/tests/templates/{id}/materials/{material}/remove",
            post(crate::forms::materials::remove),
        )
        .route("/tests/{id}/start", post(crate::forms::materials::start))
        .route("/login", post(crate::forms::account::sign_in))
        .route("/login/code", post(crate::forms::two_factor::code))
        .route("/login/two-factor", post(crate::forms::two_factor::set_up))
        .route("/account", post(crate::forms::account::change_password))
        .route("/account/two-factor", post(crate::forms::two_factor::own))
        .route("/candidates/{id}", post(crate::forms::candidates::edit))
        .route("/courses/{id}", post(crate::forms::courses::edit))
        .route("/courses/{id}/edit", post(crate::forms::courses::change))
        .route("/employees/{id}", post(crate::forms::employees::edit))
        .route(
            "/applications/{id}/hire",
            post(crate::forms::employees::hire),
        )
        .route("/welcome/{token}", post(crate::forms::account::welcome))
        .route(
            "/forgot-password",
            post(crate::forms::account::forgot_password),
        )
        .route(
            "/reset-password/{token}",
            post(crate::forms::account::reset_password),
        )
        .route("/training", post(crate::forms::training::request))
        .route("/training/log", post(crate::forms::training::log))
        .route("/training/decisions", post(crate::forms::training::decide))
        .route("/training/hours", post(crate::forms::training::target))
        .route(
            "/training/hours.csv",
            get(crate::downloads::training_hours_csv),
        )
        .route(
            "/training/records/{id}/certificate",
            get(crate::downloads::certificate),
        )
        .route(
            "/certifications/{id}",
            post(crate::forms::certifications::save),
        )
        .route(
            app::pages::certifications::holdings::UPLOAD_PATH,
            post(crate::forms::certifications::upload),
        )
        .route(
            "/certificates/{id}",
            post(crate::forms::certifications::verdict),
        )
        .route(
            "/candidates/{id}/certifications",
            post(crate::forms::certifications::stated),
        )
        .route(
            "/certificates/{id}/document",
            get(crate::downloads::certificate_document),
        )
        .route("/compliance.csv", get(crate::downloads::compliance_csv))
        .route(
            app::pages::notifications::NOTIFICATIONS_PAGE,
            post(crate::forms::notifications::act),
        )
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            backend,
            crate::middleware::session,
        ))
        .layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(config.trusted_proxies.clone()),
            crate::client_address::resolve,
        ))
        .layer(axum::middleware::from_fn(
            crate::middleware::require_multipart_boundary,
        ))
        .layer(axum::middleware::from_fn(
            crate::middleware::refuse_nul_characters,
        ))
        .layer(axum::middleware::from_fn(
            crate::middleware::api_error_status,
        ))
        .layer(axum::middleware::from_fn_with_state(
            scheme,
            crate::middleware::refuse_cross_site,
        ))
        .layer(axum::middleware::from_fn_with_state(
            scheme,
            crate::middleware::security_headers,
        ))
        .layer(axum::middleware::from_fn(crate::middleware::no_store))
        .layer(crate::middleware::compression())
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            app::api::MAX_REQUEST_BYTES,
        ))
        .layer(crate::middleware::catch_panics())
        .layer(
            tower_http::trace::TraceLayer::new_for_http().make_span_with(|req: &Request| {
                let path = crate::telemetry::loggable_path(req.uri().path());
                tracing::info_span!("request", method = %req.method(), path = %path)
            }),
        )
        .layer(axum::middleware::from_fn_with_state(
            metrics,
            crate::metrics::record,
        ))
        .with_state(state)
}

/// A bound, ready-to-serve application.
pub struct Application {
    listener: TcpListener,
    router: Router,
    backend: Backend,
}

impl Application {
    /// Connects and migrates the database, builds the router and binds the port.
    pub async fn build(config: &Config) -> Result<Self, StartupError> {
        let db = connect(config).await?;
        let backend = backend(config, db);
        let router = router(config, backend.clone());
        let listener = TcpListener::bind(config.bind)
            .await
            .map_err(|e| StartupError::Bind(config.bind, e))?;
        Ok(Self {
            listener,
            router,
            backend,
        })
    }

    /// What the server functions use: the database, the file store, the policies.
    pub fn backend(&self) -> Backend {
        self.backend.clone()
    }

    /// The port actually bound (useful with port 0 in tests).
    pub fn port(&self) -> u16 {
        self.listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_default()
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests and the work left
    /// after answered ones (a reset link to mail).
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        self.backend.tasks.close();
        self.backend.tasks.wait().await;
        served
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
