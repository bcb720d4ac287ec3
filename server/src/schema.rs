//! The database schema at start-up and in backups: migrating so that instances starting at
//! once take turns instead of racing to create the same tables, and naming the migrations a
//! database has and this build knows.

use app::server::rebuilds;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};

/// The PostgreSQL advisory lock key held while migrating (any constant shared by all instances).
const MIGRATION_LOCK: i64 = 0x5065_7263_6f72_736f; // "Percorso"

/// Brings the schema up to date, then fills the derived tables a migration asked for
/// (`rebuilds`). On PostgreSQL an advisory lock, held by a transaction of its own while the
/// migrations run on other connections, lets one instance migrate while the others wait and
/// then find nothing to do. On SQLite the migrations run in one transaction that takes the
/// write lock at its start, with the same effect for processes sharing the file.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            let lock = db.begin().await?;
            lock.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
                .await?;
            Migrator::up(db, None).await?;
            lock.commit().await?;
        }
        _ => {
            let tx = db
                .begin_with_options(TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..Default::default()
                })
                .await?;
            Migrator::up(&tx, None).await?;
            tx.commit().await?;
        }
    }
    rebuilds::run_pending(db)
        .await
        .map_err(|error| DbErr::Custom(format!("rebuilding derived tables: {error}")))
}

/// The name of the last migration applied to `db`, if any.
pub async fn last_migration(db: &impl ConnectionTrait) -> Result<Option<String>, DbErr> {
    Ok(Migrator::get_applied_migrations(db)
        .await?
        .last()
        .map(|m| m.name().to_owned()))
}

/// Whether this build knows the migration `name` (a database migrated by a newer build has
/// migrations this one does not).
pub fn knows(name: &str) -> bool {
    Migrator::migrations().iter().any(|m| m.name() == name)
}
