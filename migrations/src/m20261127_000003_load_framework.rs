//! Loads the competency framework and the starter job profiles into an empty database.
//!
//! The data lives in `framework_data`, frozen with this migration: later edits happen in the app.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

use crate::framework_data::{COMPETENCIES, PROFILES};
use crate::m20261127_000002_framework::{
    Competencies, CompetencyLevels, JobProfiles, ProfileRequirements,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Runs `stmt` and reads back the id of the row with `code` (portable across SQLite and PostgreSQL).
async fn id_by_code<T: Iden + Copy + 'static>(
    manager: &SchemaManager<'_>,
    table: T,
    id: T,
    code_col: T,
    code: &str,
) -> Result<i32, DbErr> {
    let db = manager.get_connection();
    let select = Query::select()
        .column(id)
        .from(table)
        .and_where(Expr::col(code_col).eq(code))
        .to_owned();
    let row = db
        .query_one(&select)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(code.to_owned()))?;
    row.try_get_by_index::<i32>(0)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let now = chrono::Utc::now();

        for c in COMPETENCIES {
            let insert = Query::insert()
                .into_table(Competencies::Table)
                .columns([
                    Competencies::Code,
                    Competencies::Area,
                    Competencies::NameIt,
                    Competencies::NameEn,
                    Competencies::DescriptionIt,
                    Competencies::DescriptionEn,
                    Competencies::CreatedAt,
                    Competencies::UpdatedAt,
                ])
                .values_panic([
                    c.code.into(),
                    c.area.into(),
                    c.name_it.into(),
                    c.name_en.into(),
                    c.description_it.into(),
                    c.description_en.into(),
                    now.into(),
                    now.into(),
                ])
                .to_owned();
            manager.exec_stmt(insert).await?;
            let id = id_by_code(
                manager,
                Competencies::Table,
                Competencies::Id,
                Competencies::Code,
                c.code,
            )
            .await?;
            let mut levels = Query::insert()
                .into_table(CompetencyLevels::Table)
                .columns([
                    CompetencyLevels::CompetencyId,
                    CompetencyLevels::Level,
                    CompetencyLevels::DescriptionIt,
                    CompetencyLevels::DescriptionEn,
                ])
                .to_owned();
            for (level, (it, en)) in (1i16..).zip(c.levels.iter()) {
                levels.values_panic([id.into(), level.into(), (*it).into(), (*en).into()]);
            }
            manager.exec_stmt(levels).await?;
        }

        for p in PROFILES {
            let insert = Query::insert()
                .into_table(JobProfiles::Table)
                .columns([
                    JobProfiles::Code,
                    JobProfiles::TitleIt,
                    JobProfiles::TitleEn,
                    JobProfiles::Area,
                    JobProfiles::Sector,
                    JobProfiles::DescriptionIt,
                    JobProfiles::DescriptionEn,
                    JobProfiles::CreatedAt,
                    JobProfiles::UpdatedAt,
                ])
                .values_panic([
                    p.code.into(),
                    p.title_it.into(),
                    p.title_en.into(),
                    p.area.into(),
                    p.sector.into(),
                    p.description_it.into(),
                    p.description_en.into(),
                    now.into(),
                    now.into(),
                ])
                .to_owned();
            manager.exec_stmt(insert).await?;
            let profile_id = id_by_code(
                manager,
                JobProfiles::Table,
                JobProfiles::Id,
                JobProfiles::Code,
                p.code,
            )
            .await?;
            let mut requirements = Query::insert()
                .into_table(ProfileRequirements::Table)
                .columns([
                    ProfileRequirements::ProfileId,
                    ProfileRequirements::CompetencyId,
                    ProfileRequirements::RequiredLevel,
                    ProfileRequirements::Weight,
                ])
                .to_owned();
            for (code, level, weight) in p.requirements {
                let competency_id = id_by_code(
                    manager,
                    Competencies::Table,
                    Competencies::Id,
                    Competencies::Code,
                    code,
                )
                .await?;
                requirements.values_panic([
                    profile_id.into(),
                    competency_id.into(),
                    i16::from(*level).into(),
                    i16::from(*weight).into(),
                ]);
            }
            manager.exec_stmt(requirements).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for table in [
            ProfileRequirements::Table.into_iden(),
            JobProfiles::Table.into_iden(),
            CompetencyLevels::Table.into_iden(),
            Competencies::Table.into_iden(),
        ] {
            let delete = Query::delete().from_table(table).to_owned();
            db.execute(&delete).await?;
        }
        Ok(())
    }
}
