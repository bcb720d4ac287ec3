//! Two indexes that let the candidate list count and filter without reading rows: the
//! applications by opening and stage carry the candidate (so a filter on them reads the index
//! alone), and the few anonymised candidates have an index of their own (so "not anonymised"
//! is checked against that short list instead of against every candidate).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Candidates {
    Table,
    Id,
    AnonymisedAt,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    CandidateId,
    OpeningId,
    Stage,
}

const OPENING_STAGE: &str = "idx_applications_opening_stage";
const OPENING_STAGE_CANDIDATE: &str = "idx_applications_opening_stage_candidate";
const ANONYMISED: &str = "idx_candidates_anonymised";

fn opening_stage(name: &str, with_candidate: bool) -> IndexCreateStatement {
    let mut index = Index::create();
    index
        .name(name)
        .table(Applications::Table)
        .col(Applications::OpeningId)
        .col(Applications::Stage);
    if with_candidate {
        index.col(Applications::CandidateId);
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(opening_stage(OPENING_STAGE_CANDIDATE, true))
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(OPENING_STAGE)
                    .table(Applications::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(ANONYMISED)
                    .table(Candidates::Table)
                    .col(Candidates::Id)
                    .and_where(Expr::col(Candidates::AnonymisedAt).is_not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(ANONYMISED)
                    .table(Candidates::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(opening_stage(OPENING_STAGE, false))
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(OPENING_STAGE_CANDIDATE)
                    .table(Applications::Table)
                    .to_owned(),
            )
            .await
    }
}
