//! The back end, compiled only into the server: database entities, services (all database
//! access), authentication and authorisation.
//!
//! Error policy: services return [`AppError`]. A database or runtime failure becomes
//! `AppError::Internal` at the one place it is converted, which logs it once; the user sees a
//! plain message, never SQL or a stack trace.

pub mod accounts;
pub mod assessments;
pub mod audit;
pub mod bench_data;
pub mod certifications;
pub mod clock;
pub mod csv_out;
pub mod data_protection;
pub mod demo;
pub mod employees;
pub mod entities;
pub mod files;
pub mod framework;
pub mod interviews;
pub mod job_runs;
pub mod jobs;
pub mod mail;
pub mod notifications;
pub mod personal_data;
pub mod rebuilds;
pub mod recruitment;
pub mod text;
pub mod training;

use std::time::Duration;

use leptos::prelude::use_context;
use sea_orm::{DatabaseConnection, DbErr, TransactionError};

use crate::model::AppError;

/// How long sessions last.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    /// A session unused for this long ends.
    pub idle: Duration,
    /// A session ends this long after sign-in, however active.
    pub absolute: Duration,
    /// Mark the cookie `Secure` (behind HTTPS).
    pub secure_cookie: bool,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle: Duration::from_secs(60 * 60),
            absolute: Duration::from_secs(12 * 60 * 60),
            secure_cookie: false,
        }
    }
}

/// What server functions need from the process: the database and the policies.
#[derive(Debug, Clone)]
pub struct Backend {
    pub db: DatabaseConnection,
    pub files: files::FileStore,
    pub sessions: SessionPolicy,
    pub throttle: accounts::throttle::ThrottlePolicy,
    /// Where people reach the site, for links in emails.
    pub public_url: String,
    /// The time expiries and reminders go by.
    pub clock: clock::Clock,
    /// The work left to do after a request has been answered ([`Backend::after_answer`]),
    /// which the server waits for when it shuts down.
    pub tasks: tokio_util::task::TaskTracker,
}

impl Backend {
    /// The back end provided to the current request's reactive context.
    pub fn current() -> Result<Backend, AppError> {
        use_context::<Backend>().ok_or_else(|| {
            tracing::error!("the Backend was not provided to this request");
            AppError::Internal
        })
    }

    /// Does `work` (named `what` in the logs) after the request's answer has gone, tracked in
    /// [`Backend::tasks`]; an error or a panic is logged, as a request's would be.
    pub fn after_answer(
        &self,
        what: &'static str,
        work: impl std::future::Future<Output = Result<(), AppError>> + Send + 'static,
    ) {
        use tracing::Instrument;
        let work = tokio::spawn(work.in_current_span());
        self.tasks.spawn(
            async move {
                match work.await {
                    Ok(Ok(())) => {}
                    Ok(Err(error)) => tracing::warn!(?error, what, "work after an answer failed"),
                    Err(panic) => tracing::error!(%panic, what, "work after an answer panicked"),
                }
            }
            .in_current_span(),
        );
    }
}

impl From<DbErr> for AppError {
    fn from(error: DbErr) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}

impl From<TransactionError<AppError>> for AppError {
    fn from(error: TransactionError<AppError>) -> Self {
        match error {
            TransactionError::Connection(e) => e.into(),
            TransactionError::Transaction(e) => e,
        }
    }
}

/// `lower(column) = lower(value)`, both lowered by the database: a case-insensitive equality
/// each database applies the same way to what it stores and to what is asked (SQLite lowers
/// only ASCII letters, PostgreSQL every letter).
pub(crate) fn same_text_ignoring_case(
    column: impl sea_orm::sea_query::IntoColumnRef,
    value: &str,
) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, ExprTrait, Func};
    Expr::expr(Func::lower(Expr::col(column))).eq(Func::lower(Expr::val(value.trim())))
}

/// Runs `work` in a write transaction: committed if it returns `Ok`, rolled back if not. On
/// SQLite the transaction takes the write lock at its start (`BEGIN IMMEDIATE`), so two
/// requests that read then write wait for each other instead of one failing with "database is
/// locked"; PostgreSQL ignores the mode.
pub async fn write<T, F>(db: &DatabaseConnection, work: F) -> Result<T, AppError>
where
    T: Send,
    F: for<'c> FnOnce(
            &'c sea_orm::DatabaseTransaction,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<T, AppError>> + Send + 'c>,
        > + Send,
{
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    let tx = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await?;
    match work(&tx).await {
        Ok(value) => {
            tx.commit().await?;
            Ok(value)
        }
        Err(error) => {
            tx.rollback().await?;
            Err(error)
        }
    }
}

/// Within a [`write`] transaction, waits for any other transaction holding the lock on
/// (`scope`, `key`) until it ends, then holds it to the end of this one: on PostgreSQL a
/// transaction-level advisory lock on the two texts' hashes; SQLite's write transactions
/// already run one at a time.
pub async fn lock_key(
    tx: &sea_orm::DatabaseTransaction,
    scope: &str,
    key: &str,
) -> Result<(), AppError> {
    use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
    if tx.get_database_backend() == DatabaseBackend::Postgres {
        tx.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))",
            [scope.into(), key.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Runs blocking work (password hashing) on the blocking pool, off the async runtime.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        tracing::error!(%error, "blocking task failed");
        AppError::Internal
    })
}
