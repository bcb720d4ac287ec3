//! Interviews: scheduled on an application with one or more interviewers, each change kept for
//! the candidate's timeline; one scorecard per interviewer (a rating and evidence per
//! competency, a recommendation and a summary), with amendments after submission kept beside
//! the original; suggested questions per job profile and competency; and each user's and each
//! candidate's language and time zone for invitations.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    TimeZone,
}

#[derive(DeriveIden)]
enum Candidates {
    Table,
    Lang,
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
enum Interviews {
    Table,
    Id,
    ApplicationId,
    Kind,
    StartsAt,
    EndsAt,
    TimeZone,
    Location,
    VideoLink,
    Status,
    Uid,
    Sequence,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum InterviewInterviewers {
    Table,
    InterviewId,
    UserId,
}

#[derive(DeriveIden)]
enum InterviewEvents {
    Table,
    Id,
    InterviewId,
    Change,
    Reason,
    StartsAt,
    EndsAt,
    ActorId,
    At,
}

#[derive(DeriveIden)]
enum Scorecards {
    Table,
    Id,
    InterviewId,
    InterviewerId,
    Recommendation,
    Summary,
    SubmittedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ScorecardRatings {
    Table,
    ScorecardId,
    CompetencyId,
    Rating,
    Evidence,
}

#[derive(DeriveIden)]
enum ScorecardAmendments {
    Table,
    Id,
    ScorecardId,
    ActorId,
    Reason,
    Original,
    At,
}

#[derive(DeriveIden)]
enum ProfileQuestions {
    Table,
    Id,
    ProfileId,
    CompetencyId,
    Position,
    TextIt,
    TextEn,
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(string_len(Users::TimeZone, 64).default("Europe/Rome"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Candidates::Table)
                    .add_column(string_len(Candidates::Lang, 2).default("it"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Interviews::Table)
                    .col(pk_auto(Interviews::Id))
                    .col(integer(Interviews::ApplicationId))
                    .col(string_len(Interviews::Kind, 32))
                    .col(timestamp_with_time_zone(Interviews::StartsAt))
                    .col(timestamp_with_time_zone(Interviews::EndsAt))
                    .col(string_len(Interviews::TimeZone, 64))
                    .col(string_len(Interviews::Location, 200).default(""))
                    .col(string_len(Interviews::VideoLink, 500).default(""))
                    .col(string_len(Interviews::Status, 16))
                    .col(string_len_uniq(Interviews::Uid, 120))
                    .col(integer(Interviews::Sequence).default(0))
                    .col(integer(Interviews::CreatedBy))
                    .col(timestamp_with_time_zone(Interviews::CreatedAt))
                    .col(timestamp_with_time_zone(Interviews::UpdatedAt))
                    .foreign_key(&mut cascade(
                        "fk_interviews_application",
                        (Interviews::Table, Interviews::ApplicationId),
                        (Applications::Table, Applications::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_interviews_created_by")
                            .from(Interviews::Table, Interviews::CreatedBy)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_interviews_application")
                    .table(Interviews::Table)
                    .col(Interviews::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_interviews_starts")
                    .table(Interviews::Table)
                    .col(Interviews::StartsAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(InterviewInterviewers::Table)
                    .col(integer(InterviewInterviewers::InterviewId))
                    .col(integer(InterviewInterviewers::UserId))
                    .primary_key(
                        Index::create()
                            .col(InterviewInterviewers::InterviewId)
                            .col(InterviewInterviewers::UserId),
                    )
                    .foreign_key(&mut cascade(
                        "fk_interview_interviewers_interview",
                        (
                            InterviewInterviewers::Table,
                            InterviewInterviewers::InterviewId,
                        ),
                        (Interviews::Table, Interviews::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_interview_interviewers_user")
                            .from(InterviewInterviewers::Table, InterviewInterviewers::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_interview_interviewers_user")
                    .table(InterviewInterviewers::Table)
                    .col(InterviewInterviewers::UserId)
                    .col(InterviewInterviewers::InterviewId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(InterviewEvents::Table)
                    .col(pk_auto(InterviewEvents::Id))
                    .col(integer(InterviewEvents::InterviewId))
                    .col(string_len(InterviewEvents::Change, 16))
                    .col(text_null(InterviewEvents::Reason))
                    .col(timestamp_with_time_zone(InterviewEvents::StartsAt))
                    .col(timestamp_with_time_zone(InterviewEvents::EndsAt))
                    .col(integer_null(InterviewEvents::ActorId))
                    .col(timestamp_with_time_zone(InterviewEvents::At))
                    .foreign_key(&mut cascade(
                        "fk_interview_events_interview",
                        (InterviewEvents::Table, InterviewEvents::InterviewId),
                        (Interviews::Table, Interviews::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_interview_events_interview")
                    .table(InterviewEvents::Table)
                    .col(InterviewEvents::InterviewId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Scorecards::Table)
                    .col(pk_auto(Scorecards::Id))
                    .col(integer(Scorecards::InterviewId))
                    .col(integer(Scorecards::InterviewerId))
                    .col(string_len_null(Scorecards::Recommendation, 16))
                    .col(text(Scorecards::Summary).default(""))
                    .col(timestamp_with_time_zone_null(Scorecards::SubmittedAt))
                    .col(timestamp_with_time_zone(Scorecards::CreatedAt))
                    .col(timestamp_with_time_zone(Scorecards::UpdatedAt))
                    .foreign_key(&mut cascade(
                        "fk_scorecards_interview",
                        (Scorecards::Table, Scorecards::InterviewId),
                        (Interviews::Table, Interviews::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_scorecards_interviewer")
                            .from(Scorecards::Table, Scorecards::InterviewerId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_scorecards_interview_interviewer")
                    .table(Scorecards::Table)
                    .col(Scorecards::InterviewId)
                    .col(Scorecards::InterviewerId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ScorecardRatings::Table)
                    .col(integer(ScorecardRatings::ScorecardId))
                    .col(integer(ScorecardRatings::CompetencyId))
                    .col(small_integer_null(ScorecardRatings::Rating))
                    .col(text(ScorecardRatings::Evidence).default(""))
                    .primary_key(
                        Index::create()
                            .col(ScorecardRatings::ScorecardId)
                            .col(ScorecardRatings::CompetencyId),
                    )
                    .foreign_key(&mut cascade(
                        "fk_scorecard_ratings_scorecard",
                        (ScorecardRatings::Table, ScorecardRatings::ScorecardId),
                        (Scorecards::Table, Scorecards::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_scorecard_ratings_competency")
                            .from(ScorecardRatings::Table, ScorecardRatings::CompetencyId)
                            .to(Competencies::Table, Competencies::Id),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ScorecardAmendments::Table)
                    .col(pk_auto(ScorecardAmendments::Id))
                    .col(integer(ScorecardAmendments::ScorecardId))
                    .col(integer(ScorecardAmendments::ActorId))
                    .col(text(ScorecardAmendments::Reason))
                    .col(text(ScorecardAmendments::Original))
                    .col(timestamp_with_time_zone(ScorecardAmendments::At))
                    .foreign_key(&mut cascade(
                        "fk_scorecard_amendments_scorecard",
                        (ScorecardAmendments::Table, ScorecardAmendments::ScorecardId),
                        (Scorecards::Table, Scorecards::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProfileQuestions::Table)
                    .col(pk_auto(ProfileQuestions::Id))
                    .col(integer(ProfileQuestions::ProfileId))
                    .col(integer(ProfileQuestions::CompetencyId))
                    .col(integer(ProfileQuestions::Position))
                    .col(text(ProfileQuestions::TextIt))
                    .col(text(ProfileQuestions::TextEn))
                    .foreign_key(&mut cascade(
                        "fk_profile_questions_profile",
                        (ProfileQuestions::Table, ProfileQuestions::ProfileId),
                        (JobProfiles::Table, JobProfiles::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_profile_questions_competency",
                        (ProfileQuestions::Table, ProfileQuestions::CompetencyId),
                        (Competencies::Table, Competencies::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_profile_questions_profile")
                    .table(ProfileQuestions::Table)
                    .col(ProfileQuestions::ProfileId)
                    .col(ProfileQuestions::CompetencyId)
                    .col(ProfileQuestions::Position)
                    .to_owned(),
            )
            .await?;
        crate::question_data::load(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProfileQuestions::Table.into_iden(),
            ScorecardAmendments::Table.into_iden(),
            ScorecardRatings::Table.into_iden(),
            Scorecards::Table.into_iden(),
            InterviewEvents::Table.into_iden(),
            InterviewInterviewers::Table.into_iden(),
            Interviews::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Candidates::Table)
                    .drop_column(Candidates::Lang)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::TimeZone)
                    .to_owned(),
            )
            .await
    }
}
