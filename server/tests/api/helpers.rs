//! `TestApp`: a server on a random port over a fresh database, and browsers that call it.

use std::path::PathBuf;

use app::model::{NewUserInput, Role, UserId};
use app::server::accounts::users;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use server::config::{AddressList, Config, LogFormat};
use server::startup::{self, Application};

/// Which database the tests run on.
/// A connection to the test database that counts the statements run through it.
pub fn counting(
    db: &DatabaseConnection,
) -> (
    DatabaseConnection,
    std::sync::Arc<std::sync::atomic::AtomicUsize>,
) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let mut counted = db.clone();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    counted.set_metric_callback(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    (counted, count)
}

pub fn on_postgres() -> bool {
    std::env::var("PERCORSO_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

fn random_suffix() -> String {
    app::server::accounts::sessions::random_token()[..12].to_owned()
}

/// A fresh, empty database URL (and, for SQLite, the folder to remove afterwards).
async fn fresh_database(postgres: bool) -> (String, Option<PathBuf>) {
    if postgres {
        let admin = std::env::var("PERCORSO_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let name = format!("percorso_test_{}", random_suffix());
        let conn = Database::connect(&admin)
            .await
            .expect("PostgreSQL is reachable");
        conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("can create a test database");
        conn.close().await.ok();
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        (format!("{base}/{name}"), None)
    } else {
        let dir = std::env::temp_dir().join(format!("percorso-test-{}", random_suffix()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        (
            format!("sqlite://{}?mode=rwc", dir.join("test.db").display()),
            Some(dir),
        )
    }
}

/// Configuration for a test server: random port, fresh database, and a data directory of its
/// own (removed afterwards), so tests can look at the files it stores.
pub async fn test_config() -> (Config, Option<PathBuf>) {
    config_on(fresh_database(on_postgres()).await)
}

/// As [`test_config`], on SQLite whichever database the suite runs on (for what only the
/// embedded database does, such as `percorso backup`).
pub async fn sqlite_test_config() -> (Config, Option<PathBuf>) {
    config_on(fresh_database(false).await)
}

fn config_on((url, dir): (String, Option<PathBuf>)) -> (Config, Option<PathBuf>) {
    let dir = dir.unwrap_or_else(|| {
        let dir = std::env::temp_dir().join(format!("percorso-test-{}", random_suffix()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    });
    let config = Config {
        database_url: Some(url),
        bind: "127.0.0.1:0".parse().expect("address"),
        data_dir: dir.clone(),
        site_root: PathBuf::from("target/site"),
        log: "warn".into(),
        log_format: LogFormat::Text,
        session_idle_minutes: 60,
        session_max_hours: 12,
        secure_cookies: false,
        public_url: None,
        metrics_allow: AddressList::parse("127.0.0.1,::1").expect("addresses"),
        trusted_proxies: AddressList::default(),
        metrics_token: None,
        clock_shift_days: 0,
        orphan_grace_minutes: 60,
        db_connections: None,
        mail: Default::default(),
    };
    (config, Some(dir))
}

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    /// The database's URL, for a second connection pool (as another server process has).
    pub database_url: String,
    data_dir: PathBuf,
    dir: Option<PathBuf>,
    /// The server's back end, for the work it does after answering.
    backend: app::server::Backend,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A browser: an HTTP client with its own cookie jar.
pub struct Browser {
    pub client: reqwest::Client,
    address: String,
    pub user_id: Option<UserId>,
    pub email: String,
    pub password: String,
}

/// A server function's answer.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    pub headers: reqwest::header::HeaderMap,
}

impl Answer {
    /// The error code of `field` in a 422 answer.
    pub fn field_error(&self, field: &str) -> Option<String> {
        self.body["Invalid"][field]["code"]
            .as_str()
            .map(str::to_owned)
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        let (config, dir) = test_config().await;
        Self::spawn_with(config, dir).await
    }

    pub async fn spawn_with(config: Config, dir: Option<PathBuf>) -> TestApp {
        let app = Application::build(&config).await.expect("the app builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        let backend = app.backend();
        tokio::spawn(app.run_until(std::future::pending()));
        let db = startup::connect(&config).await.expect("test connection");
        TestApp {
            address,
            db,
            database_url: config.database_url(),
            data_dir: config.data_dir.clone(),
            dir,
            backend,
        }
    }

    /// Waits until the server has done the work it does after answering (mailing a password
    /// reset link), for every request answered so far.
    pub async fn settled(&self) {
        for _ in 0..1000 {
            if self.backend.tasks.is_empty() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("the work after the answers did not end within ten seconds");
    }

    /// The server's data directory (where uploaded files are stored).
    pub fn data_dir(&self) -> PathBuf {
        self.data_dir.clone()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A browser that is not signed in.
    pub fn anonymous(&self) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .timeout(std::time::Duration::from_secs(60))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            address: self.address.clone(),
            user_id: None,
            email: String::new(),
            password: String::new(),
        }
    }

    /// Creates a user with `role` (straight through the service) and returns their id.
    pub async fn create_user(&self, role: Role, email: &str, password: &str) -> UserId {
        users::create(
            &self.db,
            NewUserInput {
                email: email.into(),
                name: format!("Test {}", role.as_str()),
                role,
                password: password.into(),
            },
        )
        .await
        .expect("user created")
    }

    /// The employee record of `who`'s account (every account has one).
    pub async fn employee_of(&self, who: &Browser) -> app::server::entities::employee::Model {
        use app::server::entities::employee;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        employee::Entity::find()
            .filter(employee::Column::UserId.eq(who.user_id.expect("signed in").0))
            .one(&self.db)
            .await
            .expect("query")
            .expect("an employee record")
    }

    /// A browser signed in as a new user with `role`.
    pub async fn signed_in(&self, role: Role) -> Browser {
        let email = format!("{}-{}@example.it", role.as_str(), random_suffix());
        let password = "una frase lunga e sicura".to_owned();
        let id = self.create_user(role, &email, &password).await;
        let mut browser = self.anonymous();
        browser.user_id = Some(id);
        browser.email = email;
        browser.password = password;
        let answer = browser.sign_in().await;
        assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
        browser
    }
}

impl Answer {
    /// Reads a response: its status, headers, and body as JSON (or as text when it is not).
    pub async fn read(response: reqwest::Response) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Answer {
            status,
            body,
            headers,
        }
    }
}

impl Browser {
    /// Calls server function `endpoint` with a JSON body.
    pub async fn call(&self, endpoint: &str, body: Value) -> Answer {
        let response = self
            .client
            .post(format!("{}/api/{endpoint}", self.address))
            .json(&body)
            .send()
            .await
            .expect("request sent");
        Answer::read(response).await
    }

    /// The server's address, such as `http://127.0.0.1:40123`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Posts `fields` URL-encoded to server function `endpoint`, as a plain HTML form would
    /// (with `accept: text/html`, the browser's answer is a redirect).
    pub async fn post_fields(&self, endpoint: &str, fields: &[(&str, &str)], html: bool) -> Answer {
        let response = self
            .client
            .post(format!("{}/api/{endpoint}", self.address))
            .header(
                "accept",
                if html {
                    "text/html"
                } else {
                    "application/json"
                },
            )
            .header("referer", format!("{}/account", self.address))
            .form(fields)
            .send()
            .await
            .expect("request sent");
        Answer::read(response).await
    }

    /// Posts a multipart form to server function `endpoint` (file uploads).
    pub async fn send_form(&self, endpoint: &str, form: reqwest::multipart::Form) -> Answer {
        let response = self
            .client
            .post(format!("{}/api/{endpoint}", self.address))
            .multipart(form)
            .send()
            .await
            .expect("request sent");
        Answer::read(response).await
    }

    /// GETs a download and returns its status, headers and bytes.
    pub async fn download(&self, path: &str) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request sent");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .bytes()
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default();
        (status, headers, bytes)
    }

    pub async fn sign_in(&self) -> Answer {
        self.call(
            "login",
            json!({"input": {"email": self.email, "password": self.password}}),
        )
        .await
    }

    /// Posts `fields` URL-encoded to page `path` as a browser without JavaScript does: its
    /// status, the redirect's target (if any) and the page.
    pub async fn post_page(
        &self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (StatusCode, String, String) {
        let request = self
            .client
            .post(format!("{}{path}", self.address))
            .form(fields);
        Self::as_page(request).await
    }

    /// Posts a multipart form to page `path` as a browser without JavaScript does, answered
    /// as [`Browser::post_page`] is.
    pub async fn send_page(
        &self,
        path: &str,
        form: reqwest::multipart::Form,
    ) -> (StatusCode, String, String) {
        let request = self
            .client
            .post(format!("{}{path}", self.address))
            .multipart(form);
        Self::as_page(request).await
    }

    async fn as_page(request: reqwest::RequestBuilder) -> (StatusCode, String, String) {
        let response = request
            .header("accept", "text/html")
            .send()
            .await
            .expect("request sent");
        let status = response.status();
        let location = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (status, location, response.text().await.unwrap_or_default())
    }

    /// GETs a page and returns its status and HTML.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .header("accept", "text/html")
            .send()
            .await
            .expect("request sent");
        let status = response.status();
        (status, response.text().await.unwrap_or_default())
    }
}

/// Checks that the compliance matrix, which reads the stored cells, shows everyone with a job
/// profile (page by page) what their certificates and course records give on `today`, worst
/// rows first, and counts exactly those cells.
pub async fn assert_compliance_agrees_on(db: &DatabaseConnection, today: chrono::NaiveDate) {
    use app::model::{CellState, ComplianceCounts, ComplianceQuery, EmployeeStatus};
    use app::server::certifications::compliance;
    use app::server::entities::employee;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let staff: std::collections::HashMap<i32, employee::Model> = employee::Entity::find()
        .filter(employee::Column::ProfileId.is_not_null())
        .filter(employee::Column::Status.ne(EmployeeStatus::Left.as_str()))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut counted = ComplianceCounts::default();
    let mut order = Vec::new();
    let mut page = 0;
    loop {
        let query = ComplianceQuery {
            page,
            ..ComplianceQuery::default()
        };
        let matrix = compliance::matrix(db, &query, today).await.unwrap();
        assert_eq!(matrix.total_rows as usize, staff.len());
        for row in &matrix.rows {
            let person = &staff[&row.employee.0];
            let live = compliance::of_person(db, row.employee, person.profile_id, today)
                .await
                .unwrap();
            let mut expected: Vec<_> = live
                .items
                .iter()
                .map(|(column, cell)| (column.requirement, *cell))
                .collect();
            let mut shown: Vec<_> = matrix
                .columns
                .iter()
                .zip(&row.cells)
                .filter_map(|(column, cell)| Some((column.requirement, (*cell)?)))
                .collect();
            expected.sort_by_key(|(r, _)| *r);
            shown.sort_by_key(|(r, _)| *r);
            assert_eq!(shown, expected, "employee {}", row.employee);
            for (_, cell) in &shown {
                counted.add(cell.state, 1);
            }
            order.push((row.worst(), row.soonest(), row.name.clone()));
        }
        if page + 1 >= matrix.page_count() {
            assert_eq!(matrix.counts, counted, "the counts cover every page");
            break;
        }
        page += 1;
    }
    assert_eq!(order.len(), staff.len(), "every page, every person once");
    let keys: Vec<(CellState, chrono::NaiveDate, &str)> = order
        .iter()
        .map(|(worst, soonest, name)| {
            (
                *worst,
                soonest.unwrap_or(chrono::NaiveDate::MAX),
                name.as_str(),
            )
        })
        .collect();
    assert!(
        keys.is_sorted(),
        "the worst rows first, then the soonest, then by name: {keys:?}"
    );
}

/// [`assert_compliance_agrees_on`] today.
pub async fn assert_compliance_agrees(db: &DatabaseConnection) {
    assert_compliance_agrees_on(db, chrono::Utc::now().date_naive()).await;
}
