//! Online tests: banks of questions (closed choices, short text, typing, data entry) for one
//! or more job profiles, each question mapped to a competency; and the tests sent to
//! applications through a private link (only its hash is kept), each with a copy of its
//! questions, the candidate's answers as they save them, the server's times, and the scores.
//! Loads the starter banks.

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
enum OnlineTemplates {
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
enum OnlineTemplateProfiles {
    Table,
    TemplateId,
    ProfileId,
}

#[derive(DeriveIden)]
enum OnlineQuestions {
    Table,
    Id,
    TemplateId,
    Position,
    CompetencyId,
    Points,
    PromptIt,
    PromptEn,
    Body,
}

#[derive(DeriveIden)]
enum OnlineTests {
    Table,
    Id,
    ApplicationId,
    TemplateId,
    GraderId,
    TokenHash,
    TitleIt,
    TitleEn,
    InstructionsIt,
    InstructionsEn,
    TimeLimitMinutes,
    PassMark,
    Status,
    ExpiresAt,
    StartedAt,
    DeadlineAt,
    SubmittedAt,
    GradedAt,
    Passed,
    SentBy,
    SentAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OnlineTestItems {
    Table,
    Id,
    TestId,
    Position,
    CompetencyId,
    Points,
    PromptIt,
    PromptEn,
    Body,
    Answer,
    AnsweredAt,
    StartedAt,
    FinishedAt,
    Awarded,
    Result,
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
                    .table(OnlineTemplates::Table)
                    .col(pk_auto(OnlineTemplates::Id))
                    .col(string_len(OnlineTemplates::TitleIt, 200))
                    .col(string_len(OnlineTemplates::TitleEn, 200))
                    .col(text(OnlineTemplates::InstructionsIt))
                    .col(text(OnlineTemplates::InstructionsEn))
                    .col(integer(OnlineTemplates::TimeLimitMinutes))
                    .col(integer(OnlineTemplates::PassMark))
                    .col(boolean(OnlineTemplates::Active).default(true))
                    .col(timestamp_with_time_zone(OnlineTemplates::CreatedAt))
                    .col(timestamp_with_time_zone(OnlineTemplates::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OnlineTemplateProfiles::Table)
                    .col(integer(OnlineTemplateProfiles::TemplateId))
                    .col(integer(OnlineTemplateProfiles::ProfileId))
                    .primary_key(
                        Index::create()
                            .col(OnlineTemplateProfiles::TemplateId)
                            .col(OnlineTemplateProfiles::ProfileId),
                    )
                    .foreign_key(&mut cascade(
                        "fk_online_template_profiles_template",
                        (
                            OnlineTemplateProfiles::Table,
                            OnlineTemplateProfiles::TemplateId,
                        ),
                        (OnlineTemplates::Table, OnlineTemplates::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_online_template_profiles_profile",
                        (
                            OnlineTemplateProfiles::Table,
                            OnlineTemplateProfiles::ProfileId,
                        ),
                        (JobProfiles::Table, JobProfiles::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OnlineQuestions::Table)
                    .col(pk_auto(OnlineQuestions::Id))
                    .col(integer(OnlineQuestions::TemplateId))
                    .col(integer(OnlineQuestions::Position))
                    .col(integer(OnlineQuestions::CompetencyId))
                    .col(integer(OnlineQuestions::Points))
                    .col(text(OnlineQuestions::PromptIt))
                    .col(text(OnlineQuestions::PromptEn))
                    .col(text(OnlineQuestions::Body))
                    .foreign_key(&mut cascade(
                        "fk_online_questions_template",
                        (OnlineQuestions::Table, OnlineQuestions::TemplateId),
                        (OnlineTemplates::Table, OnlineTemplates::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_online_questions_competency",
                        (OnlineQuestions::Table, OnlineQuestions::CompetencyId),
                        (Competencies::Table, Competencies::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OnlineTests::Table)
                    .col(pk_auto(OnlineTests::Id))
                    .col(integer(OnlineTests::ApplicationId))
                    .col(integer(OnlineTests::TemplateId))
                    .col(integer(OnlineTests::GraderId))
                    .col(string_len_uniq(OnlineTests::TokenHash, 64))
                    .col(string_len(OnlineTests::TitleIt, 200))
                    .col(string_len(OnlineTests::TitleEn, 200))
                    .col(text(OnlineTests::InstructionsIt))
                    .col(text(OnlineTests::InstructionsEn))
                    .col(integer(OnlineTests::TimeLimitMinutes))
                    .col(integer(OnlineTests::PassMark))
                    .col(string_len(OnlineTests::Status, 16))
                    .col(timestamp_with_time_zone(OnlineTests::ExpiresAt))
                    .col(timestamp_with_time_zone_null(OnlineTests::StartedAt))
                    .col(timestamp_with_time_zone_null(OnlineTests::DeadlineAt))
                    .col(timestamp_with_time_zone_null(OnlineTests::SubmittedAt))
                    .col(timestamp_with_time_zone_null(OnlineTests::GradedAt))
                    .col(boolean_null(OnlineTests::Passed))
                    .col(integer(OnlineTests::SentBy))
                    .col(timestamp_with_time_zone(OnlineTests::SentAt))
                    .col(timestamp_with_time_zone(OnlineTests::UpdatedAt))
                    .foreign_key(&mut cascade(
                        "fk_online_tests_application",
                        (OnlineTests::Table, OnlineTests::ApplicationId),
                        (Applications::Table, Applications::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_online_tests_template",
                        (OnlineTests::Table, OnlineTests::TemplateId),
                        (OnlineTemplates::Table, OnlineTemplates::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_online_tests_grader",
                        (OnlineTests::Table, OnlineTests::GraderId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_online_tests_sent_by",
                        (OnlineTests::Table, OnlineTests::SentBy),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_online_tests_application", OnlineTests::ApplicationId),
            ("idx_online_tests_grader", OnlineTests::GraderId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(OnlineTests::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(OnlineTestItems::Table)
                    .col(pk_auto(OnlineTestItems::Id))
                    .col(integer(OnlineTestItems::TestId))
                    .col(integer(OnlineTestItems::Position))
                    .col(integer(OnlineTestItems::CompetencyId))
                    .col(integer(OnlineTestItems::Points))
                    .col(text(OnlineTestItems::PromptIt))
                    .col(text(OnlineTestItems::PromptEn))
                    .col(text(OnlineTestItems::Body))
                    .col(text_null(OnlineTestItems::Answer))
                    .col(timestamp_with_time_zone_null(OnlineTestItems::AnsweredAt))
                    .col(timestamp_with_time_zone_null(OnlineTestItems::StartedAt))
                    .col(timestamp_with_time_zone_null(OnlineTestItems::FinishedAt))
                    .col(integer_null(OnlineTestItems::Awarded))
                    .col(text_null(OnlineTestItems::Result))
                    .col(text(OnlineTestItems::Notes).default(""))
                    .foreign_key(&mut cascade(
                        "fk_online_test_items_test",
                        (OnlineTestItems::Table, OnlineTestItems::TestId),
                        (OnlineTests::Table, OnlineTests::Id),
                    ))
                    .foreign_key(&mut restrict(
                        "fk_online_test_items_competency",
                        (OnlineTestItems::Table, OnlineTestItems::CompetencyId),
                        (Competencies::Table, Competencies::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_online_test_items_test")
                    .table(OnlineTestItems::Table)
                    .col(OnlineTestItems::TestId)
                    .col(OnlineTestItems::Position)
                    .to_owned(),
            )
            .await?;
        crate::online_test_data::load(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OnlineTestItems::Table.into_iden(),
            OnlineTests::Table.into_iden(),
            OnlineQuestions::Table.into_iden(),
            OnlineTemplateProfiles::Table.into_iden(),
            OnlineTemplates::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
