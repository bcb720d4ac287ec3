//! Reminders and in-app notifications: each notification a person sees (its text in both
//! languages, where it leads, when it was read), each reminder sent (keyed by what it is about,
//! the threshold, the day it fell due and its recipient, so a reminder goes once however many
//! times or processes the daily job runs), and each user's choice to get reminders by email.

use sea_orm_migration::{prelude::*, schema::*};

use crate::seeding::foreign_key;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    EmailReminders,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    TitleIt,
    TitleEn,
    Link,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum Reminders {
    Table,
    Id,
    Kind,
    EmployeeId,
    ItemId,
    Threshold,
    DueOn,
    UserId,
    SentAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(boolean(Users::EmailReminders).default(true))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(pk_auto(Notifications::Id))
                    .col(integer(Notifications::UserId))
                    .col(string_len(Notifications::TitleIt, 400))
                    .col(string_len(Notifications::TitleEn, 400))
                    .col(string_len(Notifications::Link, 300))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .foreign_key(&mut foreign_key(
                        "fk_notifications_user",
                        (Notifications::Table, Notifications::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_notifications_user")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::ReadAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Reminders::Table)
                    .col(pk_auto(Reminders::Id))
                    .col(string_len(Reminders::Kind, 30))
                    .col(integer(Reminders::EmployeeId))
                    .col(integer(Reminders::ItemId))
                    .col(string_len(Reminders::Threshold, 20))
                    .col(date(Reminders::DueOn))
                    .col(integer(Reminders::UserId))
                    .col(timestamp_with_time_zone(Reminders::SentAt))
                    .foreign_key(&mut foreign_key(
                        "fk_reminders_user",
                        (Reminders::Table, Reminders::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        // The key that makes each reminder go once.
        manager
            .create_index(
                Index::create()
                    .name("ux_reminders_once")
                    .table(Reminders::Table)
                    .col(Reminders::Kind)
                    .col(Reminders::EmployeeId)
                    .col(Reminders::ItemId)
                    .col(Reminders::Threshold)
                    .col(Reminders::DueOn)
                    .col(Reminders::UserId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Reminders::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Notifications::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::EmailReminders)
                    .to_owned(),
            )
            .await
    }
}
