//! What lets the compliance matrix order everyone from one narrow table: each employee the
//! matrix covers gets a summary (also those whose profile requires nothing), carrying their
//! name, so that ordering worst first or by name reads `compliance_summaries` alone instead of
//! joining every employee to their account. The table is derived, so it is made again and the
//! app asked to refill it at its next start.

use sea_orm_migration::sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

use crate::seeding::foreign_key;

#[derive(DeriveIden)]
enum Employees {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ComplianceSummaries {
    Table,
    EmployeeId,
    Gap,
    FirstExpiry,
    Name,
}

#[derive(DeriveIden)]
enum PendingRebuilds {
    Table,
    Name,
}

const BY_NAME: &str = "ix_compliance_summaries_name";

/// The table, with or without the name (`down` puts back the one before). On PostgreSQL the
/// name compares byte by byte, as SQLite's does: the same order on both, and a sort of
/// everyone that does not go through the locale's rules (twice as fast).
fn summaries(with_name: bool, backend: DatabaseBackend) -> TableCreateStatement {
    let mut table = Table::create();
    table
        .table(ComplianceSummaries::Table)
        .col(integer(ComplianceSummaries::EmployeeId).primary_key())
        .col(small_integer_null(ComplianceSummaries::Gap))
        .col(date_null(ComplianceSummaries::FirstExpiry));
    if with_name {
        let mut name = string(ComplianceSummaries::Name);
        if backend == DatabaseBackend::Postgres {
            name.extra("COLLATE \"C\"");
        }
        table.col(name);
    }
    table
        .foreign_key(&mut foreign_key(
            "fk_compliance_summaries_employee",
            (ComplianceSummaries::Table, ComplianceSummaries::EmployeeId),
            (Employees::Table, Employees::Id),
            ForeignKeyAction::Cascade,
        ))
        .to_owned()
}

/// Asks the app to refill the compliance tables (once, whoever asked before).
fn rebuild_request() -> InsertStatement {
    Query::insert()
        .into_table(PendingRebuilds::Table)
        .columns([PendingRebuilds::Name])
        .values_panic(["compliance".into()])
        .on_conflict(
            OnConflict::column(PendingRebuilds::Name)
                .do_nothing()
                .to_owned(),
        )
        .to_owned()
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ComplianceSummaries::Table).to_owned())
            .await?;
        manager
            .create_table(summaries(true, manager.get_database_backend()))
            .await?;
        // The matrix by name, a page at a time, from the index alone.
        manager
            .create_index(
                Index::create()
                    .name(BY_NAME)
                    .table(ComplianceSummaries::Table)
                    .col(ComplianceSummaries::Name)
                    .col(ComplianceSummaries::EmployeeId)
                    .to_owned(),
            )
            .await?;
        manager.exec_stmt(rebuild_request()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ComplianceSummaries::Table).to_owned())
            .await?;
        manager
            .create_table(summaries(false, manager.get_database_backend()))
            .await?;
        manager.exec_stmt(rebuild_request()).await
    }
}
