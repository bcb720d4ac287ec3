//! The real server for the benchmarks: the router `percorso serve` runs, started in the
//! benchmark's process on a loopback port against its database, counting every statement it
//! runs; and sessions for whoever a page is read as.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use app::model::{Role, UserId};
use app::server::SessionPolicy;
use app::server::accounts::sessions;
use app::server::entities::user;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use server::config::Config;
use server::startup;
use tokio::net::TcpListener;

/// A running server.
pub struct Served {
    pub base: String,
    pub client: reqwest::Client,
    policy: SessionPolicy,
    /// Every statement the server runs, counted.
    statements: Arc<AtomicUsize>,
}

impl Served {
    /// Starts the server on a free loopback port; with `--show-statements` on the command line
    /// it prints every statement it runs, with its time.
    pub async fn start(config: &Config) -> Self {
        let mut served = startup::connect(config).await.expect("the database opens");
        let statements = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&statements);
        let show = std::env::args().any(|a| a == "--show-statements");
        served.set_metric_callback(move |metric| {
            seen.fetch_add(1, Ordering::Relaxed);
            if show {
                eprintln!(
                    "{:>8.2} ms  {}",
                    metric.elapsed.as_secs_f64() * 1000.0,
                    metric.statement
                );
            }
        });
        let backend = startup::backend(config, served);
        let policy = backend.sessions;
        let router = startup::router(config, backend);
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let port = listener.local_addr().expect("the port").port();
        tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
        });
        Self {
            base: format!("http://127.0.0.1:{port}"),
            client: reqwest::Client::new(),
            policy,
            statements,
        }
    }

    /// The session cookie of a new session for `user`.
    pub async fn cookie_for(&self, db: &DatabaseConnection, user: UserId) -> String {
        let token = sessions::start(db, &self.policy, user)
            .await
            .expect("a session");
        format!("{}={token}", sessions::COOKIE)
    }

    /// The statements the server ran since the last call.
    pub fn statements_run(&self) -> usize {
        self.statements.swap(0, Ordering::Relaxed)
    }

    /// Times one GET of `path`, reading the whole body; its size in bytes.
    pub async fn get(&self, path: &str, cookie: &str) -> (Duration, usize) {
        let started = Instant::now();
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .header("cookie", cookie)
            .send()
            .await
            .expect("the page answers");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        let body = response.bytes().await.expect("the page's body");
        (started.elapsed(), body.len())
    }
}

/// The first active HR account: the one `seed-bench` made the openings' owner.
pub async fn hr_user(db: &DatabaseConnection) -> UserId {
    let hr = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Hr.as_str()))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::Id)
        .one(db)
        .await
        .expect("users")
        .expect("an HR user (seed-bench makes one)");
    UserId(hr.id)
}

/// A connection to the same database that counts the statements run through it.
pub fn counting(db: &DatabaseConnection) -> (DatabaseConnection, Arc<AtomicUsize>) {
    let mut counting = db.clone();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    counting.set_metric_callback(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    (counting, count)
}

/// User `id` as the services see them once signed in.
pub async fn current_user(
    db: &DatabaseConnection,
    id: i32,
) -> app::server::accounts::auth::CurrentUser {
    let found = user::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("users")
        .expect("the user");
    app::server::accounts::auth::CurrentUser {
        id: UserId(found.id),
        name: found.name,
        email: found.email,
        role: Role::parse(&found.role).expect("a role"),
        language: None,
        time_zone: found.time_zone,
        session_id: 0,
    }
}
