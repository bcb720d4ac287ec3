//! What HR keep beside a candidate and how long they keep it: notes and tags, CVs uploaded by
//! HR waiting to become candidates, the retention policy and the log of its runs. A person may
//! now hold two applications to one opening (after a merge), so that index stops being unique.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Candidates {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    CandidateId,
    OpeningId,
}

#[derive(DeriveIden)]
enum CandidateNotes {
    Table,
    Id,
    CandidateId,
    AuthorId,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CandidateTags {
    Table,
    CandidateId,
    Tag,
}

#[derive(DeriveIden)]
enum IntakeUploads {
    Table,
    Id,
    UploaderId,
    OriginalName,
    StoredName,
    ContentType,
    SizeBytes,
    Sha256,
    Text,
    TextExtracted,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RetentionSettings {
    Table,
    Id,
    MonthsWithoutConsent,
    MonthsWithConsent,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden)]
enum RetentionRuns {
    Table,
    Id,
    At,
    ActorId,
    Anonymised,
    FilesDeleted,
}

fn to_user(from: (CandidateNotes, CandidateNotes)) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CandidateNotes::Table)
                    .col(pk_auto(CandidateNotes::Id))
                    .col(integer(CandidateNotes::CandidateId))
                    .col(integer_null(CandidateNotes::AuthorId))
                    .col(text(CandidateNotes::Body))
                    .col(timestamp_with_time_zone(CandidateNotes::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CandidateNotes::Table, CandidateNotes::CandidateId)
                            .to(Candidates::Table, Candidates::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut to_user((
                        CandidateNotes::Table,
                        CandidateNotes::AuthorId,
                    )))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_candidate_notes_candidate")
                    .table(CandidateNotes::Table)
                    .col(CandidateNotes::CandidateId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CandidateTags::Table)
                    .col(integer(CandidateTags::CandidateId))
                    .col(string_len(CandidateTags::Tag, 40))
                    .primary_key(
                        Index::create()
                            .col(CandidateTags::CandidateId)
                            .col(CandidateTags::Tag),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CandidateTags::Table, CandidateTags::CandidateId)
                            .to(Candidates::Table, Candidates::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_candidate_tags_tag")
                    .table(CandidateTags::Table)
                    .col(CandidateTags::Tag)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(IntakeUploads::Table)
                    .col(pk_auto(IntakeUploads::Id))
                    .col(integer(IntakeUploads::UploaderId))
                    .col(string_len(IntakeUploads::OriginalName, 255))
                    .col(string_len_uniq(IntakeUploads::StoredName, 80))
                    .col(string_len(IntakeUploads::ContentType, 100))
                    .col(big_integer(IntakeUploads::SizeBytes))
                    .col(string_len(IntakeUploads::Sha256, 64))
                    .col(text_null(IntakeUploads::Text))
                    .col(boolean(IntakeUploads::TextExtracted).default(false))
                    .col(timestamp_with_time_zone(IntakeUploads::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(IntakeUploads::Table, IntakeUploads::UploaderId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_intake_uploads_uploader")
                    .table(IntakeUploads::Table)
                    .col(IntakeUploads::UploaderId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RetentionSettings::Table)
                    .col(integer(RetentionSettings::Id).primary_key())
                    .col(integer(RetentionSettings::MonthsWithoutConsent))
                    .col(integer(RetentionSettings::MonthsWithConsent))
                    .col(timestamp_with_time_zone(RetentionSettings::UpdatedAt))
                    .col(integer_null(RetentionSettings::UpdatedBy))
                    .to_owned(),
            )
            .await?;
        // Six months after rejection without talent-pool consent, two years with it.
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(RetentionSettings::Table)
                    .columns([
                        RetentionSettings::Id,
                        RetentionSettings::MonthsWithoutConsent,
                        RetentionSettings::MonthsWithConsent,
                        RetentionSettings::UpdatedAt,
                    ])
                    .values_panic([1.into(), 6.into(), 24.into(), chrono::Utc::now().into()])
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RetentionRuns::Table)
                    .col(pk_auto(RetentionRuns::Id))
                    .col(timestamp_with_time_zone(RetentionRuns::At))
                    .col(integer_null(RetentionRuns::ActorId))
                    .col(integer(RetentionRuns::Anonymised))
                    .col(integer(RetentionRuns::FilesDeleted))
                    .to_owned(),
            )
            .await?;

        manager
            .drop_index(
                Index::drop()
                    .name("uq_applications_candidate_opening")
                    .table(Applications::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_applications_candidate_opening")
                    .table(Applications::Table)
                    .col(Applications::CandidateId)
                    .col(Applications::OpeningId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_applications_candidate_opening")
                    .table(Applications::Table)
                    .to_owned(),
            )
            .await?;
        for table in [
            RetentionRuns::Table.into_iden(),
            RetentionSettings::Table.into_iden(),
            IntakeUploads::Table.into_iden(),
            CandidateTags::Table.into_iden(),
            CandidateNotes::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
