//! What keeps the compliance matrix fast at scale, and how derived tables get filled:
//! - `compliance_cells`: for each employee and each requirement of their job profile, what
//!   they hold whatever the day (held until a date, waiting for verification, or missing),
//!   kept by the app as certificates, course records, profiles and the catalogue change; an
//!   index on (coverage, expiry) counts everyone's cells in a state on a day;
//! - `compliance_summaries`: per employee, the worst gap (missing or pending) and the first
//!   expiry among what they hold, from which the matrix orders its rows on any day;
//! - `pending_rebuilds`: derived tables the app fills from their sources at its next start
//!   (a migration cannot: the rules live in the app); this one asks for the compliance cells.

use sea_orm_migration::{prelude::*, schema::*};

use crate::seeding::foreign_key;

#[derive(DeriveIden)]
enum Employees {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ComplianceCells {
    Table,
    EmployeeId,
    Kind,
    RequirementId,
    Coverage,
    ExpiresOn,
    ShownOn,
    RenewalPending,
}

#[derive(DeriveIden)]
enum ComplianceSummaries {
    Table,
    EmployeeId,
    Gap,
    FirstExpiry,
}

#[derive(DeriveIden)]
enum PendingRebuilds {
    Table,
    Name,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PendingRebuilds::Table)
                    .col(string(PendingRebuilds::Name).primary_key())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ComplianceCells::Table)
                    .col(integer(ComplianceCells::EmployeeId))
                    .col(string(ComplianceCells::Kind))
                    .col(integer(ComplianceCells::RequirementId))
                    .col(string(ComplianceCells::Coverage))
                    .col(date_null(ComplianceCells::ExpiresOn))
                    .col(date_null(ComplianceCells::ShownOn))
                    .col(boolean(ComplianceCells::RenewalPending).default(false))
                    .primary_key(
                        Index::create()
                            .col(ComplianceCells::EmployeeId)
                            .col(ComplianceCells::Kind)
                            .col(ComplianceCells::RequirementId),
                    )
                    .foreign_key(&mut foreign_key(
                        "fk_compliance_cells_employee",
                        (ComplianceCells::Table, ComplianceCells::EmployeeId),
                        (Employees::Table, Employees::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_compliance_cells_state")
                    .table(ComplianceCells::Table)
                    .col(ComplianceCells::Coverage)
                    .col(ComplianceCells::ExpiresOn)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ComplianceSummaries::Table)
                    .col(integer(ComplianceSummaries::EmployeeId).primary_key())
                    .col(small_integer_null(ComplianceSummaries::Gap))
                    .col(date_null(ComplianceSummaries::FirstExpiry))
                    .foreign_key(&mut foreign_key(
                        "fk_compliance_summaries_employee",
                        (ComplianceSummaries::Table, ComplianceSummaries::EmployeeId),
                        (Employees::Table, Employees::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(PendingRebuilds::Table)
                    .columns([PendingRebuilds::Name])
                    .values_panic(["compliance".into()])
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ComplianceSummaries::Table.into_iden(),
            ComplianceCells::Table.into_iden(),
            PendingRebuilds::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
