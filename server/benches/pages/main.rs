//! Benchmark of every list and matrix page beside the candidate list, at the scale `percorso
//! seed-bench` makes (not a test): an interviewer's "My interviews", an opening's comparison,
//! the employees, the compliance matrix, the hours ledger and notifications. For each page it
//! times the service the page's server function calls (in process: the page's server time)
//! and the whole HTML page over HTTP from the real server started in this process, read as the
//! person the page is for; it prints p50, p95 and max of each, the statements each ran, and
//! the page's size.
//!
//! `cargo bench -p server --bench pages [NAME-FILTER]`; `PERCORSO_BENCH_ITERATIONS` (default
//! 100) sets the timed runs per page and way, after 20 untimed ones; `--no-http` times the
//! services alone. See docs/performance.md.

#[path = "../common/served.rs"]
mod served;
#[path = "../common/timing.rs"]
mod timing;

use std::sync::atomic::Ordering;
use std::time::Instant;

use app::model::{
    ComparisonSort, ComplianceQuery, ComplianceSort, EmployeeFilter, EmployeeStatus, LedgerQuery,
    LedgerRows, OpeningId, UserId,
};
use app::server::accounts::auth::CurrentUser;
use app::server::assessments::summary;
use app::server::certifications::compliance;
use app::server::employees::directory;
use app::server::entities::{application, employee, interview_interviewer, notification, opening};
use app::server::interviews::views;
use app::server::notifications::inbox;
use app::server::training::ledger;
use clap::Parser;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use served::Served;
use timing::{WARM_UP, millis, time};

const DEFAULT_ITERATIONS: usize = 100;

/// What a page's server function asks of the services.
enum Service {
    MyInterviews(CurrentUser),
    Comparison(OpeningId),
    Employees(EmployeeFilter, u64),
    Compliance(ComplianceQuery),
    Ledger(LedgerQuery),
    Notifications(UserId),
}

impl Service {
    async fn run(&self, db: &DatabaseConnection) {
        let today = chrono::Utc::now().date_naive();
        match self {
            Service::MyInterviews(user) => drop(views::mine(db, user).await.expect("agenda")),
            Service::Comparison(id) => drop(
                summary::for_opening(db, *id, ComparisonSort::Fit, 0)
                    .await
                    .expect("comparison"),
            ),
            Service::Employees(filter, page) => {
                drop(directory::list(db, filter, *page).await.expect("employees"))
            }
            Service::Compliance(query) => {
                drop(compliance::matrix(db, query, today).await.expect("matrix"))
            }
            Service::Ledger(query) => drop(ledger::ledger(db, query, today).await.expect("ledger")),
            Service::Notifications(user) => drop(inbox::of(db, *user).await.expect("inbox")),
        }
    }
}

/// One page to time: what it is, its service, its address, and whom it is read as.
struct Case {
    name: String,
    service: Service,
    path: String,
    user: UserId,
}

/// The busiest of `role`'s users by the rows `counted` holds for them.
async fn busiest<E: EntityTrait>(db: &DatabaseConnection, user_column: E::Column) -> Option<i32> {
    let rows: Vec<(i32, i64)> = E::find()
        .select_only()
        .column(user_column)
        .column_as(user_column.count(), "n")
        .group_by(user_column)
        .order_by_desc(user_column.count())
        .limit(1)
        .into_tuple()
        .all(db)
        .await
        .expect("counts");
    rows.first().map(|(user, _)| *user)
}

async fn cases(db: &DatabaseConnection) -> Vec<Case> {
    let hr = served::hr_user(db).await;
    let mut cases = Vec::new();

    if let Some(interviewer) =
        busiest::<interview_interviewer::Entity>(db, interview_interviewer::Column::UserId).await
    {
        let seats = interview_interviewer::Entity::find()
            .filter(interview_interviewer::Column::UserId.eq(interviewer))
            .count(db)
            .await
            .expect("seats");
        cases.push(Case {
            name: format!("my interviews (busiest interviewer, {seats} seats)"),
            service: Service::MyInterviews(served::current_user(db, interviewer).await),
            path: "/interviews".to_owned(),
            user: UserId(interviewer),
        });
    }

    if let Some(busiest_opening) =
        busiest::<application::Entity>(db, application::Column::OpeningId).await
    {
        let applications = application::Entity::find()
            .filter(application::Column::OpeningId.eq(busiest_opening))
            .count(db)
            .await
            .expect("applications");
        let found = opening::Entity::find_by_id(busiest_opening)
            .one(db)
            .await
            .expect("openings")
            .expect("the opening");
        cases.push(Case {
            name: format!(
                "opening comparison ({}, {applications} applications)",
                found.location
            ),
            service: Service::Comparison(OpeningId(busiest_opening)),
            path: format!("/openings/{busiest_opening}/assessment"),
            user: hr,
        });
    }

    let department = employee::Entity::find()
        .order_by_asc(employee::Column::Id)
        .one(db)
        .await
        .expect("employees")
        .map(|e| e.department);
    let employees = |name: &str, filter: EmployeeFilter, page: u64| {
        let mut query = filter.to_query();
        if page > 0 {
            query.push_str(&format!(
                "{}page={page}",
                if query.is_empty() { "" } else { "&" }
            ));
        }
        Case {
            name: format!("employees: {name}"),
            path: format!("/employees?{query}"),
            service: Service::Employees(filter, page),
            user: hr,
        }
    };
    cases.push(employees("first page", EmployeeFilter::default(), 0));
    cases.push(employees(
        "name search: ross",
        EmployeeFilter {
            q: "ross".to_owned(),
            ..EmployeeFilter::default()
        },
        0,
    ));
    cases.push(employees(
        "department + active",
        EmployeeFilter {
            department: department.clone(),
            status: Some(EmployeeStatus::Active),
            ..EmployeeFilter::default()
        },
        0,
    ));
    cases.push(employees("deep page 150", EmployeeFilter::default(), 150));

    let compliance = |name: &str, query: ComplianceQuery| Case {
        name: format!("compliance: {name}"),
        path: format!("/compliance?{}", query.to_query()),
        service: Service::Compliance(query),
        user: hr,
    };
    cases.push(compliance(
        "everyone, worst first",
        ComplianceQuery::default(),
    ));
    cases.push(compliance(
        "everyone, worst first, page 100",
        ComplianceQuery {
            page: 100,
            ..ComplianceQuery::default()
        },
    ));
    cases.push(compliance(
        "one department, by name",
        ComplianceQuery {
            department: department.clone(),
            sort: ComplianceSort::Name,
            ..ComplianceQuery::default()
        },
    ));

    let ledger = |name: &str, query: LedgerQuery| Case {
        name: format!("hours ledger: {name}"),
        path: format!("/training/hours?{}", query.to_query()),
        service: Service::Ledger(query),
        user: hr,
    };
    cases.push(ledger("this year, by employee", LedgerQuery::default()));
    cases.push(ledger(
        "this year, by department",
        LedgerQuery {
            rows: LedgerRows::Department,
            ..LedgerQuery::default()
        },
    ));

    if let Some(reader) = busiest::<notification::Entity>(db, notification::Column::UserId).await {
        cases.push(Case {
            name: "notifications (busiest inbox)".to_owned(),
            service: Service::Notifications(UserId(reader)),
            path: "/notifications".to_owned(),
            user: UserId(reader),
        });
    }
    cases
}

/// The statements one run of `service` makes, counted on a connection of its own.
async fn statements(db: &DatabaseConnection, service: &Service) -> usize {
    let (counting, count) = served::counting(db);
    service.run(&counting).await;
    count.load(Ordering::SeqCst)
}

#[tokio::main]
async fn main() {
    // The same settings as the server (DATABASE_URL, PERCORSO_DATA_DIR), from the environment.
    let cli = server::cli::Cli::parse_from(["percorso", "migrate"]);
    let db = server::startup::connect(&cli.config)
        .await
        .expect("the database opens");
    let employees = employee::Entity::find()
        .count(&db)
        .await
        .expect("employees");
    assert!(
        employees > 0,
        "no employees: run `percorso seed-bench` first"
    );
    let iterations = timing::iterations(DEFAULT_ITERATIONS);
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let served = if std::env::args().any(|a| a == "--no-http") {
        None
    } else {
        Some(Served::start(&cli.config).await)
    };

    println!(
        "{:?} with {employees} employees: {WARM_UP} warm-up + {iterations} timed runs a page and way",
        db.get_database_backend(),
    );
    println!(
        "{:<58} {:>5} | {:>8} {:>8} {:>8} | {:>8} {:>8} {:>7} {:>5}",
        "page", "stmts", "p50 ms", "p95 ms", "max ms", "p50 ms", "p95 ms", "KiB", "stmts"
    );
    for case in cases(&db).await {
        if !only.is_empty() && !only.iter().any(|o| case.name.contains(o.as_str())) {
            continue;
        }
        let statements = statements(&db, &case.service).await;
        let service = time(iterations, || async {
            let started = Instant::now();
            case.service.run(&db).await;
            started.elapsed()
        })
        .await;
        print!(
            "{:<58} {:>5} | {:>8.2} {:>8.2} {:>8.2}",
            case.name,
            statements,
            millis(service.p50),
            millis(service.p95),
            millis(service.max),
        );
        if let Some(served) = &served {
            let cookie = served.cookie_for(&db, case.user).await;
            served.statements_run();
            let (_, size) = served.get(&case.path, &cookie).await;
            let page_statements = served.statements_run();
            let page = time(iterations, || async {
                served.get(&case.path, &cookie).await.0
            })
            .await;
            print!(
                " | {:>8.2} {:>8.2} {:>7.1} {:>5}",
                millis(page.p50),
                millis(page.p95),
                size as f64 / 1024.0,
                page_statements,
            );
        }
        println!();
    }
}
