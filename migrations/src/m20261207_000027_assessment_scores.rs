//! What keeps an opening's candidate comparison fast at scale:
//! - `application_scores`: each application's fit (none before anything is assessed) and the
//!   weights behind it, kept by the app as scorecards, tests and job profiles change, so the
//!   comparison pages by fit through an index instead of assessing every application;
//! - `application_levels`: each application's level per competency of its profile (only those
//!   assessed), so it pages by one competency's level the same way;
//! - an index of the started online tests by deadline, so closing the overdue ones (which
//!   every staff page asks for first) reads the few started tests, not all of them. Partial,
//!   so that it is no choice for the queries that read an application's tests by status;
//! - a request (`pending_rebuilds`) that the app fill both tables from the evidence already
//!   there at its next start.

use sea_orm_migration::{prelude::*, schema::*};

use crate::seeding::foreign_key;

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ApplicationScores {
    Table,
    ApplicationId,
    OpeningId,
    FitPercent,
    AssessedWeight,
    TotalWeight,
}

#[derive(DeriveIden)]
enum ApplicationLevels {
    Table,
    ApplicationId,
    CompetencyId,
    OpeningId,
    LevelTenths,
}

#[derive(DeriveIden)]
enum OnlineTests {
    Table,
    Status,
    DeadlineAt,
}

#[derive(DeriveIden)]
enum PendingRebuilds {
    Table,
    Name,
}

const SCORES_BY_FIT: &str = "idx_application_scores_opening_fit";
const LEVELS_BY_LEVEL: &str = "idx_application_levels_opening_competency_level";
const ONLINE_STARTED_DEADLINE: &str = "idx_online_tests_started_deadline";

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApplicationScores::Table)
                    .col(integer(ApplicationScores::ApplicationId).primary_key())
                    .col(integer(ApplicationScores::OpeningId))
                    .col(small_integer_null(ApplicationScores::FitPercent))
                    .col(integer(ApplicationScores::AssessedWeight))
                    .col(integer(ApplicationScores::TotalWeight))
                    .foreign_key(&mut foreign_key(
                        "fk_application_scores_application",
                        (ApplicationScores::Table, ApplicationScores::ApplicationId),
                        (Applications::Table, Applications::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        // An opening's applications best first, read from the index alone.
        manager
            .create_index(
                Index::create()
                    .name(SCORES_BY_FIT)
                    .table(ApplicationScores::Table)
                    .col(ApplicationScores::OpeningId)
                    .col(ApplicationScores::FitPercent)
                    .col(ApplicationScores::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationLevels::Table)
                    .col(integer(ApplicationLevels::ApplicationId))
                    .col(integer(ApplicationLevels::CompetencyId))
                    .col(integer(ApplicationLevels::OpeningId))
                    .col(small_integer(ApplicationLevels::LevelTenths))
                    .primary_key(
                        Index::create()
                            .col(ApplicationLevels::ApplicationId)
                            .col(ApplicationLevels::CompetencyId),
                    )
                    .foreign_key(&mut foreign_key(
                        "fk_application_levels_application",
                        (ApplicationLevels::Table, ApplicationLevels::ApplicationId),
                        (Applications::Table, Applications::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        // An opening's applications by one competency's level, best first, from the index.
        manager
            .create_index(
                Index::create()
                    .name(LEVELS_BY_LEVEL)
                    .table(ApplicationLevels::Table)
                    .col(ApplicationLevels::OpeningId)
                    .col(ApplicationLevels::CompetencyId)
                    .col(ApplicationLevels::LevelTenths)
                    .col(ApplicationLevels::ApplicationId)
                    .to_owned(),
            )
            .await?;
        // The query must name the status as this literal (not a bound value) to use it.
        manager
            .create_index(
                Index::create()
                    .name(ONLINE_STARTED_DEADLINE)
                    .table(OnlineTests::Table)
                    .col(OnlineTests::DeadlineAt)
                    .and_where(Expr::col(OnlineTests::Status).eq("started"))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(PendingRebuilds::Table)
                    .columns([PendingRebuilds::Name])
                    .values_panic(["assessment_scores".into()])
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(PendingRebuilds::Table)
                    .and_where(Expr::col(PendingRebuilds::Name).eq("assessment_scores"))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(ONLINE_STARTED_DEADLINE)
                    .table(OnlineTests::Table)
                    .to_owned(),
            )
            .await?;
        for table in [
            ApplicationLevels::Table.into_iden(),
            ApplicationScores::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
