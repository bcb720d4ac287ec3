//! Practical tests: templates (instructions, a time limit, a rubric of criteria each mapped to
//! a competency, a pass mark) for one or more job profiles, and the tests given to applications,
//! each with a copy of its template's rubric as it was when assigned, a grader, a due date, and
//! the points and notes the grader gave. Loads the starter templates.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Applications {
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

#[derive(DeriveIden)]
enum PracticalTemplates {
    Table,
    Id,
    TitleIt,
    TitleEn,
    InstructionsIt,
    InstructionsEn,
    TimeLimitMinutes,
    PassMark,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PracticalTemplateProfiles {
    Table,
    TemplateId,
    ProfileId,
}

#[derive(DeriveIden)]
enum PracticalTemplateCriteria {
    Table,
    Id,
    TemplateId,
    Position,
    CompetencyId,
    MaxPoints,
    DescriptionIt,
    DescriptionEn,
}

#[derive(DeriveIden)]
enum PracticalTests {
    Table,
    Id,
    ApplicationId,
    TemplateId,
    GraderId,
    TitleIt,
    TitleEn,
    InstructionsIt,
    InstructionsEn,
    TimeLimitMinutes,
    PassMark,
    DueOn,
    Status,
    Notes,
    Passed,
    AssignedBy,
    AssignedAt,
    GradedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PracticalTestCriteria {
    Table,
    Id,
    TestId,
    Position,
    CompetencyId,
    MaxPoints,
    DescriptionIt,
    DescriptionEn,
    Points,
    Notes,
}

fn cascade(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn restrict(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PracticalTemplates::Table)
                    .col(pk_auto(PracticalTemplates::Id))
                    .col(string_len(PracticalTemplates::TitleIt, 200))
                    .col(string_len(PracticalTemplates::TitleEn, 200))
                    .col(text(PracticalTemplates::InstructionsIt))
                    .col(text(PracticalTemplates::InstructionsEn))
                    .col(integer(PracticalTemplates::TimeLimitMinutes))
                    .col(integer(PracticalTemplates::PassMark))
                    .col(boolean(PracticalTemplates::Active).default(true))
                    .col(timestamp_with_time_zone(PracticalTemplates::CreatedAt))
                    .col(timestamp_with_time_zone(PracticalTemplates::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticalTemplateProfiles::Table)
                    .col(integer(PracticalTemplateProfiles::TemplateId))
                    .col(integer(PracticalTemplateProfiles::ProfileId))
                    .primary_key(
                        Index::create()
                            .col(PracticalTemplateProfiles::TemplateId)
                            .col(PracticalTemplateProfiles::ProfileId),
                    )
                    .foreign_key(&mut cascade(
                        "fk_practical_template_profiles_template",
                        (
                            PracticalTemplateProfiles::Table,
                            PracticalTemplateProfiles::TemplateId,
                        ),
                        (PracticalTemplates::Table, PracticalTemplates::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_practical_template_profiles_profile",
                        (
                            PracticalTemplateProfiles::Table,
                            PracticalTemplateProfiles::ProfileId,
                        ),
                        (JobProfiles::Table, JobProfiles::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_practical_template_profiles_profile")
                    .table(PracticalTemplateProfiles::Table)
                    .col(PracticalTemplateProfiles::ProfileId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticalTemplateCriteria::Table)
                    .col(pk_auto(PracticalTemplateCriteria::Id))
                    .col(integer(PracticalTemplateCriteria::TemplateId))
                    .col(integer(PracticalTemplateCriteria::Position))
                    .col(integer(PracticalTemplateCriteria::CompetencyId))
                    .col(integer(PracticalTemplateCriteria::MaxPoints))
                    .col(text(PracticalTemplateCriteria::DescriptionIt))
                    .col(text(PracticalTemplateCriteria::DescriptionEn))
                    .foreign_key(&mut cascade(
                        "fk_practical_template_criteria_template",
                        (
                            PracticalTemplateCriteria::Table,
                            PracticalTemplateCriteria::TemplateId,
                        ),
                        (PracticalTemplates::Table, PracticalTemplates::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_practical_template_criteria_competency",
                        (
                            PracticalTemplateCriteria::Table,
                            PracticalTemplateCriteria::CompetencyId,
                        ),
                        (Competencies::Table, Competencies::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_practical_template_criteria_template")
                    .table(PracticalTemplateCriteria::Table)
                    .col(PracticalTemplateCriteria::TemplateId)
                    .col(PracticalTemplateCriteria::Position)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PracticalTests::Table)
                    .col(pk_auto(PracticalTests::Id))
                    .col(integer(PracticalTests::ApplicationId))
                    .col(integer(PracticalTests::TemplateId))
                    .col(integer(PracticalTests::GraderId))
                    .col(string_len(PracticalTests::TitleIt, 200))
                    .col(string_len(PracticalTests::TitleEn, 200))
                    .col(text(PracticalTests::InstructionsIt))
                    .col(text(PracticalTests::InstructionsEn))
                    .col(integer(PracticalTests::TimeLimitMinutes))
                    .col(integer(PracticalTests::PassMark))
                    .col(date(PracticalTests::DueOn))
                    .col(string_len(PracticalTests::Status, 16))
                    .col(text(PracticalTests::Notes).default(""))
                    .col(boolean_null(PracticalTests::Passed))
                    .col(integer(PracticalTests::AssignedBy))
                    .col(timestamp_with_time_zone(PracticalTests::AssignedAt))
                    .col(timestamp_with_time_zone_null(PracticalTests::GradedAt))
                    .col(timestamp_with_time_zone(PracticalTests::UpdatedAt))
                    .foreign_key(&mut cascade(
                        "fk_practical_tests_application",
                        (PracticalTests::Table, PracticalTests::ApplicationId),
                        (Applications::Table, Applications::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_practical_tests_template",
                        (PracticalTests::Table, PracticalTests::TemplateId),
                        (PracticalTemplates::Table, PracticalTemplates::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_practical_tests_grader",
                        (PracticalTests::Table, PracticalTests::GraderId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_practical_tests_assigned_by",
                        (PracticalTests::Table, PracticalTests::AssignedBy),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_practical_tests_application")
                    .table(PracticalTests::Table)
                    .col(PracticalTests::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_practical_tests_grader")
                    .table(PracticalTests::Table)
                    .col(PracticalTests::GraderId)
                    .col(PracticalTests::Status)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticalTestCriteria::Table)
                    .col(pk_auto(PracticalTestCriteria::Id))
                    .col(integer(PracticalTestCriteria::TestId))
                    .col(integer(PracticalTestCriteria::Position))
                    .col(integer(PracticalTestCriteria::CompetencyId))
                    .col(integer(PracticalTestCriteria::MaxPoints))
                    .col(text(PracticalTestCriteria::DescriptionIt))
                    .col(text(PracticalTestCriteria::DescriptionEn))
                    .col(integer_null(PracticalTestCriteria::Points))
                    .col(text(PracticalTestCriteria::Notes).default(""))
                    .foreign_key(&mut cascade(
                        "fk_practical_test_criteria_test",
                        (PracticalTestCriteria::Table, PracticalTestCriteria::TestId),
                        (PracticalTests::Table, PracticalTests::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_practical_test_criteria_competency",
                        (
                            PracticalTestCriteria::Table,
                            PracticalTestCriteria::CompetencyId,
                        ),
                        (Competencies::Table, Competencies::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_practical_test_criteria_test")
                    .table(PracticalTestCriteria::Table)
                    .col(PracticalTestCriteria::TestId)
                    .col(PracticalTestCriteria::Position)
                    .to_owned(),
            )
            .await?;
        crate::practical_test_data::load(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PracticalTestCriteria::Table.into_iden(),
            PracticalTests::Table.into_iden(),
            PracticalTemplateCriteria::Table.into_iden(),
            PracticalTemplateProfiles::Table.into_iden(),
            PracticalTemplates::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
