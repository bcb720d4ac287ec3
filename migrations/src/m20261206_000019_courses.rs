//! The course catalogue: courses (internal or external course, seminar, e-learning) with their
//! hours, the competencies each develops and the level it brings them to, a validity for
//! recurring training, the job profiles for which each is mandatory, and their sessions (dates,
//! place or link, capacity, trainer). Loads the starter catalogue.

use crate::seeding::foreign_key;
use sea_orm_migration::{prelude::*, schema::*};

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

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
    Code,
    TitleIt,
    TitleEn,
    DescriptionIt,
    DescriptionEn,
    Provider,
    Kind,
    Hours,
    ValidityMonths,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CourseCompetencies {
    Table,
    CourseId,
    CompetencyId,
    Level,
}

#[derive(DeriveIden)]
enum CourseProfiles {
    Table,
    CourseId,
    ProfileId,
}

#[derive(DeriveIden)]
enum CourseSessions {
    Table,
    Id,
    CourseId,
    StartsAt,
    EndsAt,
    Place,
    Capacity,
    Trainer,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Courses::Table)
                    .col(pk_auto(Courses::Id))
                    .col(string_len(Courses::Code, 80).unique_key())
                    .col(string_len(Courses::TitleIt, 200))
                    .col(string_len(Courses::TitleEn, 200))
                    .col(text(Courses::DescriptionIt))
                    .col(text(Courses::DescriptionEn))
                    .col(string_len(Courses::Provider, 200))
                    .col(string_len(Courses::Kind, 20))
                    .col(integer(Courses::Hours))
                    .col(integer_null(Courses::ValidityMonths))
                    .col(boolean(Courses::Active).default(true))
                    .col(timestamp_with_time_zone(Courses::CreatedAt))
                    .col(timestamp_with_time_zone(Courses::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseCompetencies::Table)
                    .col(integer(CourseCompetencies::CourseId))
                    .col(integer(CourseCompetencies::CompetencyId))
                    .col(integer(CourseCompetencies::Level))
                    .primary_key(
                        Index::create()
                            .col(CourseCompetencies::CourseId)
                            .col(CourseCompetencies::CompetencyId),
                    )
                    .foreign_key(&mut foreign_key(
                        "fk_course_competencies_course",
                        (CourseCompetencies::Table, CourseCompetencies::CourseId),
                        (Courses::Table, Courses::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_course_competencies_competency",
                        (CourseCompetencies::Table, CourseCompetencies::CompetencyId),
                        (Competencies::Table, Competencies::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_course_competencies_competency")
                    .table(CourseCompetencies::Table)
                    .col(CourseCompetencies::CompetencyId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseProfiles::Table)
                    .col(integer(CourseProfiles::CourseId))
                    .col(integer(CourseProfiles::ProfileId))
                    .primary_key(
                        Index::create()
                            .col(CourseProfiles::CourseId)
                            .col(CourseProfiles::ProfileId),
                    )
                    .foreign_key(&mut foreign_key(
                        "fk_course_profiles_course",
                        (CourseProfiles::Table, CourseProfiles::CourseId),
                        (Courses::Table, Courses::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_course_profiles_profile",
                        (CourseProfiles::Table, CourseProfiles::ProfileId),
                        (JobProfiles::Table, JobProfiles::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_course_profiles_profile")
                    .table(CourseProfiles::Table)
                    .col(CourseProfiles::ProfileId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseSessions::Table)
                    .col(pk_auto(CourseSessions::Id))
                    .col(integer(CourseSessions::CourseId))
                    .col(timestamp_with_time_zone(CourseSessions::StartsAt))
                    .col(timestamp_with_time_zone(CourseSessions::EndsAt))
                    .col(string_len(CourseSessions::Place, 300))
                    .col(integer(CourseSessions::Capacity))
                    .col(string_len(CourseSessions::Trainer, 200))
                    .col(timestamp_with_time_zone(CourseSessions::CreatedAt))
                    .foreign_key(&mut foreign_key(
                        "fk_course_sessions_course",
                        (CourseSessions::Table, CourseSessions::CourseId),
                        (Courses::Table, Courses::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_course_sessions_course_start")
                    .table(CourseSessions::Table)
                    .col(CourseSessions::CourseId)
                    .col(CourseSessions::StartsAt)
                    .to_owned(),
            )
            .await?;
        crate::course_data::load(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CourseSessions::Table.into_iden(),
            CourseProfiles::Table.into_iden(),
            CourseCompetencies::Table.into_iden(),
            Courses::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveMigrationName)]
pub struct Migration;
