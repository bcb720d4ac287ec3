//! Certifications: the catalogue (name, issuer, how long a certificate is valid, the
//! competencies it proves and the job profiles that require it) and each employee's
//! certificates of them (credential id, issue and expiry dates, the document, and HR's
//! verification), every renewal kept beside the earlier ones.

use sea_orm_migration::sea_orm::ConnectionTrait;
use sea_orm_migration::{prelude::*, schema::*};

use crate::seeding::foreign_key;

#[derive(DeriveIden)]
enum Employees {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Competencies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum JobProfiles {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Certifications {
    Table,
    Id,
    Code,
    NameIt,
    NameEn,
    Issuer,
    ValidityMonths,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CertificationCompetencies {
    Table,
    CertificationId,
    CompetencyId,
    Level,
}

#[derive(DeriveIden)]
enum CertificationProfiles {
    Table,
    CertificationId,
    ProfileId,
}

#[derive(DeriveIden)]
enum EmployeeCertifications {
    Table,
    Id,
    EmployeeId,
    CertificationId,
    CredentialId,
    IssuedOn,
    ExpiresOn,
    DocumentName,
    DocumentStored,
    DocumentType,
    Status,
    Reason,
    AddedBy,
    VerifiedBy,
    VerifiedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Certifications::Table)
                    .col(pk_auto(Certifications::Id))
                    .col(string_len_null(Certifications::Code, 60).unique_key())
                    .col(string_len(Certifications::NameIt, 200))
                    .col(string_len(Certifications::NameEn, 200))
                    .col(string_len(Certifications::Issuer, 200))
                    .col(integer_null(Certifications::ValidityMonths))
                    .col(boolean(Certifications::Active).default(true))
                    .col(timestamp_with_time_zone(Certifications::CreatedAt))
                    .col(timestamp_with_time_zone(Certifications::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CertificationCompetencies::Table)
                    .col(integer(CertificationCompetencies::CertificationId))
                    .col(integer(CertificationCompetencies::CompetencyId))
                    .col(integer(CertificationCompetencies::Level))
                    .primary_key(
                        Index::create()
                            .col(CertificationCompetencies::CertificationId)
                            .col(CertificationCompetencies::CompetencyId),
                    )
                    .foreign_key(&mut foreign_key(
                        "fk_certification_competencies_certification",
                        (
                            CertificationCompetencies::Table,
                            CertificationCompetencies::CertificationId,
                        ),
                        (Certifications::Table, Certifications::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_certification_competencies_competency",
                        (
                            CertificationCompetencies::Table,
                            CertificationCompetencies::CompetencyId,
                        ),
                        (Competencies::Table, Competencies::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CertificationProfiles::Table)
                    .col(integer(CertificationProfiles::CertificationId))
                    .col(integer(CertificationProfiles::ProfileId))
                    .primary_key(
                        Index::create()
                            .col(CertificationProfiles::CertificationId)
                            .col(CertificationProfiles::ProfileId),
                    )
                    .foreign_key(&mut foreign_key(
                        "fk_certification_profiles_certification",
                        (
                            CertificationProfiles::Table,
                            CertificationProfiles::CertificationId,
                        ),
                        (Certifications::Table, Certifications::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_certification_profiles_profile",
                        (
                            CertificationProfiles::Table,
                            CertificationProfiles::ProfileId,
                        ),
                        (JobProfiles::Table, JobProfiles::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EmployeeCertifications::Table)
                    .col(pk_auto(EmployeeCertifications::Id))
                    .col(integer(EmployeeCertifications::EmployeeId))
                    .col(integer(EmployeeCertifications::CertificationId))
                    .col(string_len_null(EmployeeCertifications::CredentialId, 100))
                    .col(date(EmployeeCertifications::IssuedOn))
                    .col(date_null(EmployeeCertifications::ExpiresOn))
                    .col(string_len_null(EmployeeCertifications::DocumentName, 255))
                    .col(string_len_null(EmployeeCertifications::DocumentStored, 100))
                    .col(string_len_null(EmployeeCertifications::DocumentType, 100))
                    .col(string_len(EmployeeCertifications::Status, 20))
                    .col(text_null(EmployeeCertifications::Reason))
                    .col(integer_null(EmployeeCertifications::AddedBy))
                    .col(integer_null(EmployeeCertifications::VerifiedBy))
                    .col(timestamp_with_time_zone_null(
                        EmployeeCertifications::VerifiedAt,
                    ))
                    .col(timestamp_with_time_zone(EmployeeCertifications::CreatedAt))
                    .col(timestamp_with_time_zone(EmployeeCertifications::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "fk_employee_certifications_employee",
                        (
                            EmployeeCertifications::Table,
                            EmployeeCertifications::EmployeeId,
                        ),
                        (Employees::Table, Employees::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_employee_certifications_certification",
                        (
                            EmployeeCertifications::Table,
                            EmployeeCertifications::CertificationId,
                        ),
                        (Certifications::Table, Certifications::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        // A credential id names one certificate of its certification, whoever holds it, in any
        // case; one HR rejected leaves it free. An expression and partial index, which
        // SQLite and PostgreSQL write the same way.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_employee_certifications_credential \
                 ON employee_certifications (certification_id, lower(credential_id)) \
                 WHERE status <> 'rejected'",
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_employee_certifications_employee")
                    .table(EmployeeCertifications::Table)
                    .col(EmployeeCertifications::EmployeeId)
                    .col(EmployeeCertifications::CertificationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_employee_certifications_status")
                    .table(EmployeeCertifications::Table)
                    .col(EmployeeCertifications::Status)
                    .to_owned(),
            )
            .await?;
        crate::certification_data::load(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            EmployeeCertifications::Table.into_iden(),
            CertificationProfiles::Table.into_iden(),
            CertificationCompetencies::Table.into_iden(),
            Certifications::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
