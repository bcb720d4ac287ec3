//! PostgreSQL only: the search index carries each candidate's sort keys (updated, created,
//! name), kept equal to the candidate's by triggers, so a page far into a common word is one
//! bitmap scan and a top-N sort of the matches, without hashing them and walking the list's
//! index; and its documents have no planner statistics, so the planner always reads matches
//! through the GIN index (with statistics it would read every document for a word in most CVs,
//! since it does not see what checking a TOASTed document costs). That replaces the functions
//! `candidate_search_ids` and `candidate_search_count`, whose results PostgreSQL could not
//! plan into the statement (a search far in took 24 ms through them, 20 without).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 13] = [
    // A new table: a column that never had statistics cannot be made from one that has.
    "CREATE TABLE candidate_search_keyed (\
     candidate_id integer PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE, \
     document tsvector NOT NULL, \
     updated_at timestamp with time zone NOT NULL, \
     created_at timestamp with time zone NOT NULL, \
     name varchar(160) NOT NULL)",
    "ALTER TABLE candidate_search_keyed ALTER COLUMN document SET STATISTICS 0",
    "INSERT INTO candidate_search_keyed (candidate_id, document, updated_at, created_at, name) \
     SELECT s.candidate_id, s.document, c.updated_at, c.created_at, c.name \
     FROM candidate_search s JOIN candidates c ON c.id = s.candidate_id",
    "DROP FUNCTION candidate_search_count(tsquery)",
    "DROP FUNCTION candidate_search_ids(tsquery)",
    "DROP TABLE candidate_search",
    "ALTER TABLE candidate_search_keyed RENAME TO candidate_search",
    "ALTER TABLE candidate_search RENAME CONSTRAINT candidate_search_keyed_pkey TO candidate_search_pkey",
    "CREATE INDEX idx_candidate_search_document ON candidate_search USING GIN (document)",
    // A new document takes its candidate's keys.
    "CREATE FUNCTION candidate_search_take_keys() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN \
       SELECT c.updated_at, c.created_at, c.name INTO NEW.updated_at, NEW.created_at, NEW.name \
       FROM candidates c WHERE c.id = NEW.candidate_id; \
       RETURN NEW; \
     END $$",
    "CREATE TRIGGER candidate_search_take_keys BEFORE INSERT ON candidate_search \
     FOR EACH ROW EXECUTE FUNCTION candidate_search_take_keys()",
    // A changed candidate gives their document the new keys.
    "CREATE FUNCTION candidate_search_follow_keys() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN \
       UPDATE candidate_search SET updated_at = NEW.updated_at, created_at = NEW.created_at, \
         name = NEW.name WHERE candidate_id = NEW.id; \
       RETURN NULL; \
     END $$",
    "CREATE TRIGGER candidate_search_follow_keys AFTER UPDATE OF updated_at, created_at, name \
     ON candidates FOR EACH ROW \
     WHEN (OLD.updated_at IS DISTINCT FROM NEW.updated_at \
       OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.name IS DISTINCT FROM NEW.name) \
     EXECUTE FUNCTION candidate_search_follow_keys()",
];

const DOWN: [&str; 9] = [
    "DROP TRIGGER candidate_search_follow_keys ON candidates",
    "DROP FUNCTION candidate_search_follow_keys()",
    "DROP TRIGGER candidate_search_take_keys ON candidate_search",
    "DROP FUNCTION candidate_search_take_keys()",
    "ALTER TABLE candidate_search DROP COLUMN updated_at, DROP COLUMN created_at, DROP COLUMN name",
    "ALTER TABLE candidate_search ALTER COLUMN document SET STATISTICS -1",
    "CREATE FUNCTION candidate_search_ids(query tsquery) RETURNS SETOF integer \
     LANGUAGE sql STABLE ROWS 1000 SET enable_seqscan = off AS $$ \
     SELECT candidate_id FROM candidate_search WHERE document @@ query $$",
    "CREATE FUNCTION candidate_search_count(query tsquery) RETURNS bigint \
     LANGUAGE sql STABLE SET enable_seqscan = off AS $$ \
     SELECT count(*) FROM candidate_search WHERE document @@ query $$",
    "ANALYZE candidate_search",
];

async fn run(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    if manager.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    for statement in statements {
        manager
            .get_connection()
            .execute_unprepared(statement)
            .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, &UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, &DOWN).await
    }
}
