//! Employees: a record for every staff member, whatever their role (job profile, department,
//! location, manager, start date, status), linked to their account and, when they were hired
//! through the pipeline, to the candidate they were; their competency levels, each with where
//! it comes from; and the invitations that let a new account choose its password.

use crate::seeding::foreign_key;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Candidates {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum JobProfiles {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Competencies {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Employees {
    Table,
    Id,
    UserId,
    CandidateId,
    ProfileId,
    Department,
    Location,
    ManagerId,
    StartDate,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EmployeeCompetencies {
    Table,
    EmployeeId,
    CompetencyId,
    Level,
    Source,
    SourceId,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AccountInvitations {
    Table,
    Id,
    UserId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

fn index(name: &str, table: impl IntoIden, column: impl IntoIden) -> IndexCreateStatement {
    Index::create()
        .name(name)
        .table(table)
        .col(column)
        .to_owned()
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Employees::Table)
                    .col(pk_auto(Employees::Id))
                    .col(integer(Employees::UserId).unique_key())
                    .col(integer_null(Employees::CandidateId).unique_key())
                    .col(integer_null(Employees::ProfileId))
                    .col(string_len(Employees::Department, 120).default(""))
                    .col(string_len(Employees::Location, 120).default(""))
                    .col(integer_null(Employees::ManagerId))
                    .col(date_null(Employees::StartDate))
                    .col(string_len(Employees::Status, 20).default("active"))
                    .col(timestamp_with_time_zone(Employees::CreatedAt))
                    .col(timestamp_with_time_zone(Employees::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        "fk_employees_user",
                        (Employees::Table, Employees::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_employees_candidate",
                        (Employees::Table, Employees::CandidateId),
                        (Candidates::Table, Candidates::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_employees_profile",
                        (Employees::Table, Employees::ProfileId),
                        (JobProfiles::Table, JobProfiles::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_employees_manager",
                        (Employees::Table, Employees::ManagerId),
                        (Employees::Table, Employees::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_employees_profile", Employees::ProfileId),
            ("idx_employees_manager", Employees::ManagerId),
            ("idx_employees_department", Employees::Department),
            ("idx_employees_status", Employees::Status),
        ] {
            manager
                .create_index(index(name, Employees::Table, column))
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(EmployeeCompetencies::Table)
                    .col(integer(EmployeeCompetencies::EmployeeId))
                    .col(integer(EmployeeCompetencies::CompetencyId))
                    .col(integer(EmployeeCompetencies::Level))
                    .col(string_len(EmployeeCompetencies::Source, 20))
                    .col(integer_null(EmployeeCompetencies::SourceId))
                    .col(timestamp_with_time_zone(EmployeeCompetencies::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(EmployeeCompetencies::EmployeeId)
                            .col(EmployeeCompetencies::CompetencyId),
                    )
                    .foreign_key(&mut foreign_key(
                        "fk_employee_competencies_employee",
                        (
                            EmployeeCompetencies::Table,
                            EmployeeCompetencies::EmployeeId,
                        ),
                        (Employees::Table, Employees::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_employee_competencies_competency",
                        (
                            EmployeeCompetencies::Table,
                            EmployeeCompetencies::CompetencyId,
                        ),
                        (Competencies::Table, Competencies::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AccountInvitations::Table)
                    .col(pk_auto(AccountInvitations::Id))
                    .col(integer(AccountInvitations::UserId))
                    .col(string_len(AccountInvitations::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(AccountInvitations::CreatedAt))
                    .col(timestamp_with_time_zone(AccountInvitations::ExpiresAt))
                    .col(timestamp_with_time_zone_null(AccountInvitations::UsedAt))
                    .foreign_key(&mut foreign_key(
                        "fk_account_invitations_user",
                        (AccountInvitations::Table, AccountInvitations::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_account_invitations_user",
                AccountInvitations::Table,
                AccountInvitations::UserId,
            ))
            .await?;
        // Everyone who has an account today is on the staff.
        let backfill = Query::insert()
            .into_table(Employees::Table)
            .columns([
                Employees::UserId,
                Employees::CreatedAt,
                Employees::UpdatedAt,
            ])
            .select_from(
                Query::select()
                    .columns([Users::Id, Users::CreatedAt, Users::CreatedAt])
                    .from(Users::Table)
                    .to_owned(),
            )
            .map_err(|e| DbErr::Migration(e.to_string()))?
            .to_owned();
        manager.exec_stmt(backfill).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AccountInvitations::Table.into_iden(),
            EmployeeCompetencies::Table.into_iden(),
            Employees::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
