//! Course records: an employee's place on a course (requested, planned, on the waiting list,
//! enrolled, in progress, completed, failed, cancelled) with its hours, score, completion date
//! and certificate; training logged by the employee themselves, waiting for HR's review; the
//! records made by the induction of a hire; and each job profile's yearly target of training
//! hours.

use crate::seeding::foreign_key;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden)]
enum JobProfiles {
    Table,
    YearlyTrainingHours,
}

#[derive(DeriveIden)]
enum Employees {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CourseSessions {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum CourseRecords {
    Table,
    Id,
    EmployeeId,
    CourseId,
    SessionId,
    Title,
    Provider,
    Kind,
    Hours,
    Status,
    Review,
    ReviewReason,
    Induction,
    Score,
    CompletedOn,
    CertificateName,
    CertificateStored,
    CertificateType,
    RequestedBy,
    DecidedBy,
    DecidedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(JobProfiles::Table)
                    .add_column(integer(JobProfiles::YearlyTrainingHours).default(24))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseRecords::Table)
                    .col(pk_auto(CourseRecords::Id))
                    .col(integer(CourseRecords::EmployeeId))
                    .col(integer_null(CourseRecords::CourseId))
                    .col(integer_null(CourseRecords::SessionId))
                    .col(string_len(CourseRecords::Title, 200).default(""))
                    .col(string_len(CourseRecords::Provider, 200).default(""))
                    .col(string_len(CourseRecords::Kind, 20))
                    .col(integer(CourseRecords::Hours))
                    .col(string_len(CourseRecords::Status, 20))
                    .col(string_len(CourseRecords::Review, 20).default("none"))
                    .col(text_null(CourseRecords::ReviewReason))
                    .col(boolean(CourseRecords::Induction).default(false))
                    .col(integer_null(CourseRecords::Score))
                    .col(date_null(CourseRecords::CompletedOn))
                    .col(string_len_null(CourseRecords::CertificateName, 255))
                    .col(string_len_null(CourseRecords::CertificateStored, 100))
                    .col(string_len_null(CourseRecords::CertificateType, 100))
                    .col(integer_null(CourseRecords::RequestedBy))
                    .col(integer_null(CourseRecords::DecidedBy))
                    .col(timestamp_with_time_zone_null(CourseRecords::DecidedAt))
                    .col(timestamp_with_time_zone(CourseRecords::CreatedAt))
                    .col(timestamp_with_time_zone(CourseRecords::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "fk_course_records_employee",
                        (CourseRecords::Table, CourseRecords::EmployeeId),
                        (Employees::Table, Employees::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_course_records_course",
                        (CourseRecords::Table, CourseRecords::CourseId),
                        (Courses::Table, Courses::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_course_records_session",
                        (CourseRecords::Table, CourseRecords::SessionId),
                        (CourseSessions::Table, CourseSessions::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_course_records_employee", CourseRecords::EmployeeId),
            ("idx_course_records_session", CourseRecords::SessionId),
            ("idx_course_records_course", CourseRecords::CourseId),
            ("idx_course_records_review", CourseRecords::Review),
            (
                "idx_course_records_completed_on",
                CourseRecords::CompletedOn,
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(CourseRecords::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CourseRecords::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(JobProfiles::Table)
                    .drop_column(JobProfiles::YearlyTrainingHours)
                    .to_owned(),
            )
            .await
    }
}
