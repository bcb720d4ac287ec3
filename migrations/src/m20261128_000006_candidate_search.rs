//! Full-text search over candidates (name, email and the text of their files): FTS5 on SQLite,
//! a `tsvector` with a GIN index on PostgreSQL. The app keeps the index current.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => {
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE candidate_search USING fts5(document, tokenize = 'unicode61 remove_diacritics 2')",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "CREATE TABLE candidate_search (candidate_id integer PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE, document tsvector NOT NULL)",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE INDEX idx_candidate_search_document ON candidate_search USING GIN (document)",
                )
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP TABLE candidate_search")
            .await?;
        Ok(())
    }
}
