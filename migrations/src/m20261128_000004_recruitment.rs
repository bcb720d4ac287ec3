//! Recruitment: openings and their hiring teams, candidates (one row a person), applications
//! with their stage history, candidate files, the privacy notice versions, the mail outbox, and
//! the events that rate limits count.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The first privacy notice shown on the application form (version 1); admins publish new
/// versions later, and each consent records the version it was given to.
const PRIVACY_NOTICE_IT: &str = "Informativa sul trattamento dei dati personali (art. 13 GDPR). \
I dati che ci invii (dati di contatto, curriculum, lettera di presentazione, istruzione ed \
esperienze) sono trattati dal titolare al solo fine di valutare la tua candidatura per la \
posizione scelta. Il conferimento è necessario per partecipare alla selezione. I dati sono \
consultati solo dal personale delle risorse umane e dai selezionatori incaricati, non sono \
diffusi e sono conservati fino alla chiusura della selezione e, in caso di esito negativo, per \
il periodo indicato dalla nostra politica di conservazione; poi sono anonimizzati e i file \
cancellati. Se acconsenti, conserviamo il tuo profilo più a lungo per proporti altre posizioni. \
Puoi chiedere in ogni momento l'accesso, la copia, la rettifica o la cancellazione dei tuoi dati.";

const PRIVACY_NOTICE_EN: &str = "Privacy notice (Article 13 GDPR). The data you send us \
(contact details, CV, cover letter, education and experience) is processed by the controller \
only to assess your application for the position you chose. Providing it is necessary to take \
part in the selection. Only HR staff and the interviewers assigned to the selection see it; it \
is not disclosed, and it is kept until the selection closes and, if you are not hired, for the \
period our retention policy states; it is then anonymised and the files deleted. If you agree, \
we keep your profile longer to offer you other positions. You may ask at any time to access, \
copy, correct or erase your data.";

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum JobProfiles {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Openings {
    Table,
    Id,
    ProfileId,
    Location,
    Positions,
    Status,
    Published,
    HrOwnerId,
    DescriptionIt,
    DescriptionEn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OpeningInterviewers {
    Table,
    OpeningId,
    UserId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Candidates {
    Table,
    Id,
    Name,
    Email,
    EmailKey,
    Phone,
    PhoneKey,
    Education,
    Experience,
    TalentPool,
    ConsentAt,
    ConsentNoticeVersion,
    CreatedAt,
    UpdatedAt,
    AnonymisedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Applications {
    Table,
    Id,
    CandidateId,
    OpeningId,
    Stage,
    StageReason,
    Source,
    SourceDetail,
    CoverLetter,
    StageChangedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StageEvents {
    Table,
    Id,
    ApplicationId,
    FromStage,
    ToStage,
    Reason,
    ActorId,
    At,
}

#[derive(DeriveIden)]
enum CandidateFiles {
    Table,
    Id,
    CandidateId,
    ApplicationId,
    Kind,
    OriginalName,
    StoredName,
    ContentType,
    SizeBytes,
    Sha256,
    Text,
    TextExtracted,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PrivacyNotices {
    Table,
    Version,
    TextIt,
    TextEn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    ToAddress,
    Subject,
    Body,
    CreatedAt,
    SentAt,
    Attempts,
}

#[derive(DeriveIden)]
enum RateEvents {
    Table,
    Id,
    Bucket,
    Key,
    At,
}

fn fk(
    from: (impl IntoIden + 'static, impl IntoIden + 'static),
    to: (impl IntoIden + 'static, impl IntoIden + 'static),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden + 'static,
    columns: Vec<DynIden>,
) -> Result<(), DbErr> {
    let mut statement = Index::create().name(name).table(table).to_owned();
    for column in columns {
        statement.col(column);
    }
    manager.create_index(statement).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Openings::Table)
                    .col(pk_auto(Openings::Id))
                    .col(integer(Openings::ProfileId))
                    .col(string_len(Openings::Location, 120))
                    .col(integer(Openings::Positions))
                    .col(string_len(Openings::Status, 16))
                    .col(boolean(Openings::Published).default(false))
                    .col(integer(Openings::HrOwnerId))
                    .col(text(Openings::DescriptionIt))
                    .col(text(Openings::DescriptionEn))
                    .col(timestamp_with_time_zone(Openings::CreatedAt))
                    .col(timestamp_with_time_zone(Openings::UpdatedAt))
                    .foreign_key(&mut fk(
                        (Openings::Table, Openings::ProfileId),
                        (JobProfiles::Table, JobProfiles::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        (Openings::Table, Openings::HrOwnerId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_openings_status",
            Openings::Table,
            vec![
                Openings::Status.into_iden(),
                Openings::Published.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(OpeningInterviewers::Table)
                    .col(integer(OpeningInterviewers::OpeningId))
                    .col(integer(OpeningInterviewers::UserId))
                    .primary_key(
                        Index::create()
                            .col(OpeningInterviewers::OpeningId)
                            .col(OpeningInterviewers::UserId),
                    )
                    .foreign_key(&mut fk(
                        (OpeningInterviewers::Table, OpeningInterviewers::OpeningId),
                        (Openings::Table, Openings::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        (OpeningInterviewers::Table, OpeningInterviewers::UserId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_opening_interviewers_user",
            OpeningInterviewers::Table,
            vec![OpeningInterviewers::UserId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Candidates::Table)
                    .col(pk_auto(Candidates::Id))
                    .col(string_len(Candidates::Name, 160))
                    .col(string_len_null(Candidates::Email, 254))
                    .col(string_len_null(Candidates::EmailKey, 254))
                    .col(string_len_null(Candidates::Phone, 40))
                    .col(string_len_null(Candidates::PhoneKey, 40))
                    .col(text(Candidates::Education))
                    .col(text(Candidates::Experience))
                    .col(boolean(Candidates::TalentPool).default(false))
                    .col(timestamp_with_time_zone_null(Candidates::ConsentAt))
                    .col(integer_null(Candidates::ConsentNoticeVersion))
                    .col(timestamp_with_time_zone(Candidates::CreatedAt))
                    .col(timestamp_with_time_zone(Candidates::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Candidates::AnonymisedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_candidates_email_key",
            Candidates::Table,
            vec![Candidates::EmailKey.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_candidates_phone_key",
            Candidates::Table,
            vec![Candidates::PhoneKey.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Applications::Table)
                    .col(pk_auto(Applications::Id))
                    .col(integer(Applications::CandidateId))
                    .col(integer(Applications::OpeningId))
                    .col(string_len(Applications::Stage, 16))
                    .col(text_null(Applications::StageReason))
                    .col(string_len(Applications::Source, 16))
                    .col(string_len_null(Applications::SourceDetail, 120))
                    .col(text(Applications::CoverLetter))
                    .col(timestamp_with_time_zone(Applications::StageChangedAt))
                    .col(timestamp_with_time_zone(Applications::CreatedAt))
                    .col(timestamp_with_time_zone(Applications::UpdatedAt))
                    .foreign_key(&mut fk(
                        (Applications::Table, Applications::CandidateId),
                        (Candidates::Table, Candidates::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        (Applications::Table, Applications::OpeningId),
                        (Openings::Table, Openings::Id),
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_applications_candidate_opening")
                    .table(Applications::Table)
                    .col(Applications::CandidateId)
                    .col(Applications::OpeningId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_applications_opening_stage",
            Applications::Table,
            vec![
                Applications::OpeningId.into_iden(),
                Applications::Stage.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(StageEvents::Table)
                    .col(pk_auto(StageEvents::Id))
                    .col(integer(StageEvents::ApplicationId))
                    .col(string_len_null(StageEvents::FromStage, 16))
                    .col(string_len(StageEvents::ToStage, 16))
                    .col(text_null(StageEvents::Reason))
                    .col(integer_null(StageEvents::ActorId))
                    .col(timestamp_with_time_zone(StageEvents::At))
                    .foreign_key(&mut fk(
                        (StageEvents::Table, StageEvents::ApplicationId),
                        (Applications::Table, Applications::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        (StageEvents::Table, StageEvents::ActorId),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_stage_events_application",
            StageEvents::Table,
            vec![
                StageEvents::ApplicationId.into_iden(),
                StageEvents::At.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(CandidateFiles::Table)
                    .col(pk_auto(CandidateFiles::Id))
                    .col(integer(CandidateFiles::CandidateId))
                    .col(integer_null(CandidateFiles::ApplicationId))
                    .col(string_len(CandidateFiles::Kind, 16))
                    .col(string_len(CandidateFiles::OriginalName, 255))
                    .col(string_len_uniq(CandidateFiles::StoredName, 80))
                    .col(string_len(CandidateFiles::ContentType, 100))
                    .col(big_integer(CandidateFiles::SizeBytes))
                    .col(string_len(CandidateFiles::Sha256, 64))
                    .col(text_null(CandidateFiles::Text))
                    .col(boolean(CandidateFiles::TextExtracted).default(false))
                    .col(timestamp_with_time_zone(CandidateFiles::CreatedAt))
                    .foreign_key(&mut fk(
                        (CandidateFiles::Table, CandidateFiles::CandidateId),
                        (Candidates::Table, Candidates::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        (CandidateFiles::Table, CandidateFiles::ApplicationId),
                        (Applications::Table, Applications::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_candidate_files_candidate",
            CandidateFiles::Table,
            vec![CandidateFiles::CandidateId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PrivacyNotices::Table)
                    .col(pk_auto(PrivacyNotices::Version))
                    .col(text(PrivacyNotices::TextIt))
                    .col(text(PrivacyNotices::TextEn))
                    .col(timestamp_with_time_zone(PrivacyNotices::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(PrivacyNotices::Table)
                    .columns([
                        PrivacyNotices::TextIt,
                        PrivacyNotices::TextEn,
                        PrivacyNotices::CreatedAt,
                    ])
                    .values_panic([
                        PRIVACY_NOTICE_IT.into(),
                        PRIVACY_NOTICE_EN.into(),
                        chrono::Utc::now().into(),
                    ])
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(pk_auto(Outbox::Id))
                    .col(string_len(Outbox::ToAddress, 254))
                    .col(string_len(Outbox::Subject, 200))
                    .col(text(Outbox::Body))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .col(integer(Outbox::Attempts).default(0))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RateEvents::Table)
                    .col(pk_auto(RateEvents::Id))
                    .col(string_len(RateEvents::Bucket, 32))
                    .col(string_len(RateEvents::Key, 64))
                    .col(timestamp_with_time_zone(RateEvents::At))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rate_events_bucket_key_at",
            RateEvents::Table,
            vec![
                RateEvents::Bucket.into_iden(),
                RateEvents::Key.into_iden(),
                RateEvents::At.into_iden(),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RateEvents::Table.into_iden(),
            Outbox::Table.into_iden(),
            PrivacyNotices::Table.into_iden(),
            CandidateFiles::Table.into_iden(),
            StageEvents::Table.into_iden(),
            Applications::Table.into_iden(),
            Candidates::Table.into_iden(),
            OpeningInterviewers::Table.into_iden(),
            Openings::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
