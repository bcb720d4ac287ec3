//! Leases for the daily jobs: one row per job and day, its primary key the lease, so that when
//! several instances share one database only the one whose insert lands runs the job that day.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum JobRuns {
    Table,
    Job,
    Day,
    ClaimedBy,
    ClaimedAt,
    FinishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JobRuns::Table)
                    .col(string_len(JobRuns::Job, 40))
                    .col(date(JobRuns::Day))
                    .col(string_len(JobRuns::ClaimedBy, 200))
                    .col(timestamp_with_time_zone(JobRuns::ClaimedAt))
                    .col(timestamp_with_time_zone_null(JobRuns::FinishedAt))
                    .primary_key(Index::create().col(JobRuns::Job).col(JobRuns::Day))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(JobRuns::Table).to_owned())
            .await
    }
}
