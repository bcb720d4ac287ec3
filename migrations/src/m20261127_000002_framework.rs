//! The competency framework (competencies and their behaviour-anchored levels) and job profiles.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Competencies {
    Table,
    Id,
    Code,
    Area,
    NameIt,
    NameEn,
    DescriptionIt,
    DescriptionEn,
    RetiredAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum CompetencyLevels {
    Table,
    CompetencyId,
    Level,
    DescriptionIt,
    DescriptionEn,
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum JobProfiles {
    Table,
    Id,
    Code,
    TitleIt,
    TitleEn,
    Area,
    Sector,
    DescriptionIt,
    DescriptionEn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum ProfileRequirements {
    Table,
    ProfileId,
    CompetencyId,
    RequiredLevel,
    Weight,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Competencies::Table)
                    .col(pk_auto(Competencies::Id))
                    .col(string_len_uniq(Competencies::Code, 80))
                    .col(string_len(Competencies::Area, 16))
                    .col(string_len_uniq(Competencies::NameIt, 120))
                    .col(string_len_uniq(Competencies::NameEn, 120))
                    .col(text(Competencies::DescriptionIt))
                    .col(text(Competencies::DescriptionEn))
                    .col(timestamp_with_time_zone_null(Competencies::RetiredAt))
                    .col(timestamp_with_time_zone(Competencies::CreatedAt))
                    .col(timestamp_with_time_zone(Competencies::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CompetencyLevels::Table)
                    .col(integer(CompetencyLevels::CompetencyId))
                    .col(small_integer(CompetencyLevels::Level))
                    .col(text(CompetencyLevels::DescriptionIt))
                    .col(text(CompetencyLevels::DescriptionEn))
                    .primary_key(
                        Index::create()
                            .col(CompetencyLevels::CompetencyId)
                            .col(CompetencyLevels::Level),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CompetencyLevels::Table, CompetencyLevels::CompetencyId)
                            .to(Competencies::Table, Competencies::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(JobProfiles::Table)
                    .col(pk_auto(JobProfiles::Id))
                    .col(string_len_uniq(JobProfiles::Code, 80))
                    .col(string_len_uniq(JobProfiles::TitleIt, 120))
                    .col(string_len_uniq(JobProfiles::TitleEn, 120))
                    .col(string_len(JobProfiles::Area, 16))
                    .col(string_len(JobProfiles::Sector, 32))
                    .col(text(JobProfiles::DescriptionIt))
                    .col(text(JobProfiles::DescriptionEn))
                    .col(timestamp_with_time_zone(JobProfiles::CreatedAt))
                    .col(timestamp_with_time_zone(JobProfiles::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProfileRequirements::Table)
                    .col(integer(ProfileRequirements::ProfileId))
                    .col(integer(ProfileRequirements::CompetencyId))
                    .col(small_integer(ProfileRequirements::RequiredLevel))
                    .col(small_integer(ProfileRequirements::Weight))
                    .primary_key(
                        Index::create()
                            .col(ProfileRequirements::ProfileId)
                            .col(ProfileRequirements::CompetencyId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProfileRequirements::Table, ProfileRequirements::ProfileId)
                            .to(JobProfiles::Table, JobProfiles::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                ProfileRequirements::Table,
                                ProfileRequirements::CompetencyId,
                            )
                            .to(Competencies::Table, Competencies::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_profile_requirements_competency")
                    .table(ProfileRequirements::Table)
                    .col(ProfileRequirements::CompetencyId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProfileRequirements::Table.into_iden(),
            JobProfiles::Table.into_iden(),
            CompetencyLevels::Table.into_iden(),
            Competencies::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
