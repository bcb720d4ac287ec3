//! When each user last marked their worklist's new applications as seen: the home page shows
//! HR the applications that arrived after it. And an index on when each application entered
//! its stage, for the worklist's applications waiting too long.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    WorklistSeenAt,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    StageChangedAt,
}

const WAITING: &str = "idx_applications_stage_changed_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(timestamp_with_time_zone_null(Users::WorklistSeenAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(WAITING)
                    .table(Applications::Table)
                    .col(Applications::StageChangedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(WAITING)
                    .table(Applications::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::WorklistSeenAt)
                    .to_owned(),
            )
            .await
    }
}
