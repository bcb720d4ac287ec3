//! The command line: `serve` (the default), `migrate`, `create-user`, `seed-demo`,
//! `run-retention`, `run-reminders`, `rebuild`, `seed-bench`, `backup` and `restore`.

use app::i18n::{Lang, field_error_message};
use app::model::{AppError, NewUserInput, Role};
use app::server::bench_data::{self, SeedError, SeedOptions};
use app::server::mail::Sender;
use app::server::{accounts::users, data_protection, demo};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::backup;
use crate::config::Config;
use crate::startup::{self, Application, StartupError};

/// Environment variable that create-user reads the password from (else it prompts).
pub const PASSWORD_ENV: &str = "PERCORSO_NEW_USER_PASSWORD";

#[derive(Debug, Parser)]
#[command(
    name = "percorso",
    version,
    about = "Percorso: recruitment and training tracker"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database and serve the web app (the default command).
    Serve {
        /// Load demo accounts into an empty database and print their logins.
        #[arg(long, env = "PERCORSO_DEMO")]
        demo: bool,
    },
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Create a user. The password is read from PERCORSO_NEW_USER_PASSWORD or prompted for.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, hr, interviewer or employee
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// Load the demo accounts into an empty database and print their logins.
    SeedDemo,
    /// Anonymise the rejected candidates the retention policy says are due, then exit (the
    /// server also does this once a day).
    RunRetention,
    /// Send today's reminders (expiring certificates, courses due) now, then exit (the server
    /// also does this once a day); a reminder already sent is not sent again.
    RunReminders,
    /// Refill the tables kept from others (each person's compliance cells, each application's
    /// fit and levels) from their sources, then exit. Needed only after instances of an older
    /// build ran beside a newer one on the same database (docs/deploy.md).
    Rebuild,
    /// Fill a database that has no candidates with synthetic data for benchmarks: a dozen
    /// openings with interview panels; candidates with CVs (PDF files in the data directory),
    /// applications, stage histories, interviews, scorecards and tests; then employees with
    /// course records, certificates and notifications. See docs/performance.md.
    SeedBench {
        /// How many candidates to make.
        #[arg(long, default_value_t = bench_data::DEFAULT_CANDIDATES)]
        candidates: u32,
        /// How many employees to make (a tenth of the candidates unless given).
        #[arg(long)]
        employees: Option<u32>,
        /// Add them even though the database already has candidates.
        #[arg(long)]
        force: bool,
    },
    /// Back the embedded SQLite database and the stored files up into DIR (new or empty),
    /// with a manifest; safe while the server runs. On PostgreSQL use pg_dump (docs/deploy.md).
    Backup {
        /// Where to write the backup.
        dir: PathBuf,
    },
    /// Put a backup made by `percorso backup` back as the database and stored files, then
    /// migrate it. Stop the server first.
    Restore {
        /// The backup to restore.
        dir: PathBuf,
        /// Replace an existing database and stored files.
        #[arg(long)]
        force: bool,
    },
}

fn parse_role(value: &str) -> Result<Role, String> {
    Role::parse(value).ok_or_else(|| "expected admin, hr, interviewer or employee".to_owned())
}

/// What a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Startup(#[from] StartupError),
    #[error("{0}")]
    Invalid(String),
    #[error("the operation failed; see the log")]
    Failed,
    #[error("cannot read the password: {0}")]
    Prompt(std::io::Error),
    #[error("server error: {0}")]
    Serve(std::io::Error),
    #[error("cannot {0}: {1}")]
    Io(String, std::io::Error),
    #[error("database error: {0}")]
    Database(#[from] sea_orm::DbErr),
}

impl From<AppError> for CliError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::Invalid(fields) => CliError::Invalid(
                fields
                    .0
                    .iter()
                    .map(|(field, e)| format!("{field}: {}", field_error_message(Lang::En, e)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            _ => CliError::Failed,
        }
    }
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    let config = cli.config;
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Serve { demo } => serve(&config, demo).await,
        Command::Migrate => {
            startup::connect(&config).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::CreateUser { email, name, role } => {
            let password = read_password()?;
            let db = startup::connect(&config).await?;
            let id = users::create_validated(
                &db,
                NewUserInput {
                    email,
                    name,
                    role,
                    password,
                },
            )
            .await?;
            println!("created user {id}");
            Ok(())
        }
        Command::RunRetention => {
            let db = startup::connect(&config).await?;
            let run = data_protection::run_retention(&startup::backend(&config, db), None).await?;
            println!(
                "retention: {} candidates anonymised, {} files deleted",
                run.anonymised, run.files_deleted
            );
            Ok(())
        }
        Command::RunReminders => {
            let db = startup::connect(&config).await?;
            let backend = startup::backend(&config, db);
            let today = backend.clock.now().date_naive();
            let sent = app::server::notifications::reminders::run(&backend, today).await?;
            println!("reminders: {sent} sent");
            Ok(())
        }
        Command::Rebuild => {
            let db = startup::connect(&config).await?;
            app::server::rebuilds::request_all(&db).await?;
            app::server::rebuilds::run_pending(&db).await?;
            println!("rebuilt: {}", app::server::rebuilds::ALL.join(", "));
            Ok(())
        }
        Command::SeedDemo => {
            let db = startup::connect(&config).await?;
            if !demo::seed_if_empty(&db).await? {
                println!("the database already has users: demo accounts not loaded");
            }
            print_demo_logins();
            Ok(())
        }
        Command::SeedBench {
            candidates,
            employees,
            force,
        } => seed_bench(&config, candidates, employees, force).await,
        Command::Backup { dir } => {
            let manifest = backup::backup(&config, &dir).await?;
            println!(
                "backed up the database (schema {}) and {} files into {}",
                manifest.last_migration,
                manifest.files,
                dir.display()
            );
            Ok(())
        }
        Command::Restore { dir, force } => {
            let manifest = backup::restore(&config, &dir, force).await?;
            println!(
                "restored the backup of {} ({} files) into {}; the database is migrated",
                manifest.created_at.to_rfc3339(),
                manifest.files,
                config.data_dir.display()
            );
            Ok(())
        }
    }
}

async fn seed_bench(
    config: &Config,
    candidates: u32,
    employees: Option<u32>,
    force: bool,
) -> Result<(), CliError> {
    let db = startup::connect(config).await?;
    let files = startup::backend(config, db.clone()).files;
    println!(
        "seeding {candidates} candidates (CV files in {})",
        files.root().display()
    );
    let started = std::time::Instant::now();
    let step = (u64::from(candidates) / 10).max(1);
    let options = SeedOptions {
        candidates,
        employees,
        force,
    };
    let seeded = bench_data::seed(&db, &files, options, |done| {
        if done % step == 0 || done == u64::from(candidates) {
            println!(
                "  {done:>7} / {candidates} candidates, {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
    })
    .await
    .map_err(|error| match error {
        SeedError::NotEmpty(existing) => CliError::Invalid(format!(
            "the database already has {existing} candidates: seed-bench fills a database \
             without any; pass --force to add {candidates} more anyway"
        )),
        SeedError::NoProfiles => CliError::Invalid(error.to_string()),
        SeedError::App(error) => error.into(),
    })?;
    println!(
        "seeded {} candidates, {} applications, {} stage events and {} CV files over {} \
         openings in {:.1} s",
        seeded.candidates,
        seeded.applications,
        seeded.stage_events,
        seeded.files,
        seeded.openings,
        seeded.elapsed.as_secs_f64()
    );
    println!(
        "  with {} interviews ({} scorecards, {} ratings) by {} interviewers, {} practical and \
         {} online tests",
        seeded.interviews,
        seeded.scorecards,
        seeded.ratings,
        seeded.interviewers,
        seeded.practical_tests,
        seeded.online_tests
    );
    println!(
        "  and {} employees with {} course records, {} certificates and {} notifications",
        seeded.employees, seeded.course_records, seeded.certificates, seeded.notifications
    );
    if seeded.hr_owner_created {
        println!(
            "the openings belong to a new HR account, {} (an admin resets its password to \
             sign in as it)",
            seeded.hr_owner
        );
    } else {
        println!("the openings belong to {}", seeded.hr_owner);
    }
    Ok(())
}

async fn serve(config: &Config, demo: bool) -> Result<(), CliError> {
    let app = Application::build(config).await?;
    if demo {
        let db = startup::connect(config).await?;
        demo::seed_if_empty(&db).await?;
        print_demo_logins();
    }
    // Before the first request: the files a crash left without their row.
    let grace = std::time::Duration::from_secs(config.orphan_grace_minutes * 60);
    if let Err(error) = data_protection::sweep_orphans(&app.backend(), grace).await {
        tracing::error!(%error, "cannot sweep the files no row names; the daily run tries again");
    }
    let sender = mail_sender(config, app.backend().db)?;
    tokio::spawn(data_protection::run_daily(app.backend()));
    tokio::spawn(app::server::notifications::reminders::run_daily(
        app.backend(),
    ));
    tokio::spawn(sender.run(std::time::Duration::from_secs(
        config.mail.mail_poll_seconds.max(1),
    )));
    tracing::info!(port = app.port(), "listening");
    println!("Percorso is running on http://{}", config.bind);
    app.run_until(startup::shutdown_signal())
        .await
        .map_err(CliError::Serve)
}

/// The outbox's sender for this process, on the server's connection pool.
fn mail_sender(config: &Config, db: sea_orm::DatabaseConnection) -> Result<Sender, CliError> {
    let transport = config
        .mail
        .transport(config.data_dir.join("mail"))
        .map_err(CliError::Invalid)?;
    let from = config.mail.from().map_err(CliError::Invalid)?;
    Ok(Sender::new(db, transport, from))
}

fn print_demo_logins() {
    println!("Demo sign-ins (demo data only; never use these in production):");
    for login in demo::DEMO_LOGINS {
        println!(
            "  {:<12} {:<28} {}",
            format!("{:?}", login.role),
            login.email,
            login.password
        );
    }
}

fn read_password() -> Result<String, CliError> {
    if let Ok(password) = std::env::var(PASSWORD_ENV) {
        return Ok(password);
    }
    let first = rpassword::prompt_password("Password: ").map_err(CliError::Prompt)?;
    let second = rpassword::prompt_password("Repeat the password: ").map_err(CliError::Prompt)?;
    if first != second {
        return Err(CliError::Invalid("the two passwords differ".into()));
    }
    Ok(first)
}
