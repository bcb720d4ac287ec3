//! The certifications a candidate says they hold, recorded on the candidate by HR and carried
//! over to their employee record, waiting for verification, when they are hired.

use sea_orm_migration::{prelude::*, schema::*};

use crate::seeding::foreign_key;

#[derive(DeriveIden)]
enum Candidates {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Certifications {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CandidateCertifications {
    Table,
    Id,
    CandidateId,
    CertificationId,
    CredentialId,
    IssuedOn,
    ExpiresOn,
    AddedBy,
    CreatedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CandidateCertifications::Table)
                    .col(pk_auto(CandidateCertifications::Id))
                    .col(integer(CandidateCertifications::CandidateId))
                    .col(integer(CandidateCertifications::CertificationId))
                    .col(string_len_null(CandidateCertifications::CredentialId, 100))
                    .col(date(CandidateCertifications::IssuedOn))
                    .col(date_null(CandidateCertifications::ExpiresOn))
                    .col(integer_null(CandidateCertifications::AddedBy))
                    .col(timestamp_with_time_zone(CandidateCertifications::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "fk_candidate_certifications_candidate",
                        (
                            CandidateCertifications::Table,
                            CandidateCertifications::CandidateId,
                        ),
                        (Candidates::Table, Candidates::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_candidate_certifications_certification",
                        (
                            CandidateCertifications::Table,
                            CandidateCertifications::CertificationId,
                        ),
                        (Certifications::Table, Certifications::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_candidate_certifications_candidate")
                    .table(CandidateCertifications::Table)
                    .col(CandidateCertifications::CandidateId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(CandidateCertifications::Table)
                    .to_owned(),
            )
            .await
    }
}
