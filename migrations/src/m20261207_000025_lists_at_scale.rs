//! What keeps the lists fast at scale:
//! - the hours ledger's running totals: each employee's counted training hours of a year, by
//!   month, kept as course records change, so the ledger reads one row an employee instead of
//!   every course record of the year; filled from the records already there;
//! - on each interviewer's seat on a panel, whether it is done for them (scored, or the
//!   interview cancelled) and when the interview starts, so "My interviews" reads the few
//!   seats still open, and the latest done, through an index;
//! - an index for a person's newest notifications first, and one on people's names for the
//!   employee list's order.

use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};
use sea_orm_migration::{prelude::*, schema::*};

use crate::seeding::foreign_key;

#[derive(DeriveIden)]
enum Employees {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum TrainingHours {
    Table,
    EmployeeId,
    Year,
    M01,
    M02,
    M03,
    M04,
    M05,
    M06,
    M07,
    M08,
    M09,
    M10,
    M11,
    M12,
    Total,
}

#[derive(DeriveIden)]
enum InterviewInterviewers {
    Table,
    UserId,
    Done,
    StartsAt,
}

/// Each seat's interview start, and whether it is done: the interview cancelled, or the
/// seat's scorecard submitted (the app's `interviews::seats::refresh` keeps them so).
const SEATS_FILL: &str = "UPDATE interview_interviewers SET \
     starts_at = (SELECT i.starts_at FROM interviews i WHERE i.id = interview_interviewers.interview_id), \
     done = ((SELECT i.status FROM interviews i WHERE i.id = interview_interviewers.interview_id) = 'cancelled' \
     OR EXISTS (SELECT 1 FROM scorecards c WHERE c.interview_id = interview_interviewers.interview_id \
     AND c.interviewer_id = interview_interviewers.user_id AND c.submitted_at IS NOT NULL))";

#[derive(DeriveIden)]
enum Users {
    Table,
    Name,
    Id,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    UserId,
    CreatedAt,
    Id,
}

/// The statement that fills the totals from every course record, as the app's
/// `training::hours::recount` does for one employee (a migration keeps its own copy: it must
/// not change with the app). Completed records count unless HR rejected them or have yet to
/// approve them.
fn fill(backend: DatabaseBackend) -> String {
    let (year, month) = match backend {
        DatabaseBackend::Sqlite => (
            "CAST(strftime('%Y', completed_on) AS INTEGER)",
            "CAST(strftime('%m', completed_on) AS INTEGER)",
        ),
        _ => (
            "CAST(EXTRACT(YEAR FROM completed_on) AS INTEGER)",
            "CAST(EXTRACT(MONTH FROM completed_on) AS INTEGER)",
        ),
    };
    let months: Vec<String> = (1..=12)
        .map(|m| format!("SUM(CASE WHEN {month} = {m} THEN hours ELSE 0 END)"))
        .collect();
    format!(
        "INSERT INTO training_hours (employee_id, year, m01, m02, m03, m04, m05, m06, m07, m08, \
         m09, m10, m11, m12, total) \
         SELECT employee_id, {year}, {}, SUM(hours) FROM course_records \
         WHERE status = 'completed' AND review IN ('none', 'approved') \
         AND completed_on IS NOT NULL \
         GROUP BY employee_id, {year}",
        months.join(", ")
    )
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let months = [
            TrainingHours::M01,
            TrainingHours::M02,
            TrainingHours::M03,
            TrainingHours::M04,
            TrainingHours::M05,
            TrainingHours::M06,
            TrainingHours::M07,
            TrainingHours::M08,
            TrainingHours::M09,
            TrainingHours::M10,
            TrainingHours::M11,
            TrainingHours::M12,
        ];
        let mut table = Table::create();
        table
            .table(TrainingHours::Table)
            .col(integer(TrainingHours::EmployeeId))
            .col(integer(TrainingHours::Year));
        for month in months {
            table.col(integer(month).default(0));
        }
        table
            .col(integer(TrainingHours::Total).default(0))
            .primary_key(
                Index::create()
                    .col(TrainingHours::EmployeeId)
                    .col(TrainingHours::Year),
            )
            .foreign_key(&mut foreign_key(
                "fk_training_hours_employee",
                (TrainingHours::Table, TrainingHours::EmployeeId),
                (Employees::Table, Employees::Id),
                ForeignKeyAction::Cascade,
            ));
        manager.create_table(table).await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_training_hours_year")
                    .table(TrainingHours::Table)
                    .col(TrainingHours::Year)
                    .col(TrainingHours::EmployeeId)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(&fill(db.get_database_backend()))
            .await?;
        for column in [
            ColumnDef::new(InterviewInterviewers::Done)
                .boolean()
                .not_null()
                .default(false)
                .to_owned(),
            ColumnDef::new(InterviewInterviewers::StartsAt)
                .timestamp_with_time_zone()
                .null()
                .to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(InterviewInterviewers::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        db.execute_unprepared(SEATS_FILL).await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_interview_interviewers_agenda")
                    .table(InterviewInterviewers::Table)
                    .col(InterviewInterviewers::UserId)
                    .col(InterviewInterviewers::Done)
                    .col(InterviewInterviewers::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_users_name")
                    .table(Users::Table)
                    .col(Users::Name)
                    .col(Users::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_notifications_user_newest")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::CreatedAt)
                    .col(Notifications::Id)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_users_name")
                    .table(Users::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_interview_interviewers_agenda")
                    .table(InterviewInterviewers::Table)
                    .to_owned(),
            )
            .await?;
        for column in [InterviewInterviewers::Done, InterviewInterviewers::StartsAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(InterviewInterviewers::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_index(
                Index::drop()
                    .name("ix_notifications_user_newest")
                    .table(Notifications::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(TrainingHours::Table).to_owned())
            .await
    }
}
