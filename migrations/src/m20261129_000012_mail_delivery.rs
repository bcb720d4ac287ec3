//! What the outbox needs to deliver its messages: each message's language, HTML body and
//! optional attachment (an invitation's calendar file), and its delivery state: the sender
//! that has claimed it and until when, when to try again, the last error, and a permanent
//! failure. Messages waiting to be sent have an index of their own.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Lang,
    HtmlBody,
    AttachmentName,
    AttachmentType,
    Attachment,
    NextAttemptAt,
    ClaimedBy,
    ClaimedUntil,
    LastError,
    FailedAt,
    SentAt,
}

const PENDING: &str = "idx_outbox_pending";

/// The columns added, one `ALTER TABLE` each (SQLite adds one column a statement).
fn columns() -> Vec<ColumnDef> {
    vec![
        string_len(Outbox::Lang, 2).default("it").to_owned(),
        text_null(Outbox::HtmlBody),
        string_len_null(Outbox::AttachmentName, 200),
        string_len_null(Outbox::AttachmentType, 200),
        text_null(Outbox::Attachment),
        timestamp_with_time_zone_null(Outbox::NextAttemptAt),
        string_len_null(Outbox::ClaimedBy, 200),
        timestamp_with_time_zone_null(Outbox::ClaimedUntil),
        text_null(Outbox::LastError),
        timestamp_with_time_zone_null(Outbox::FailedAt),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for mut column in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(Outbox::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name(PENDING)
                    .table(Outbox::Table)
                    .col(Outbox::Id)
                    .and_where(Expr::col(Outbox::SentAt).is_null())
                    .and_where(Expr::col(Outbox::FailedAt).is_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(PENDING).table(Outbox::Table).to_owned())
            .await?;
        for column in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(Outbox::Table)
                        .drop_column(column.get_column_name())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
