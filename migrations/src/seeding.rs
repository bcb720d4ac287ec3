//! What migrations share: a named foreign key, the ids of seeded rows by their codes, and
//! PostgreSQL's sequence caught up after rows inserted with explicit ids.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

/// A foreign key named `name` from `from` (table, column) to `to`, with `on_delete`.
pub fn foreign_key(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

/// Every (code, id) of `table`.
pub async fn ids_by_code(
    db: &impl ConnectionTrait,
    table: &str,
) -> Result<Vec<(String, i32)>, DbErr> {
    let rows = db
        .query_all(
            &Query::select()
                .column(Alias::new("code"))
                .column(Alias::new("id"))
                .from(Alias::new(table))
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|row| Ok((row.try_get_by_index(0)?, row.try_get_by_index(1)?)))
        .collect()
}

/// The id of the row with `code` among `ids`.
pub fn find(ids: &[(String, i32)], code: &str) -> Option<i32> {
    ids.iter().find(|(c, _)| c == code).map(|(_, id)| *id)
}

/// Catches PostgreSQL's sequence for `table.id` up with ids inserted explicitly (it does not
/// see them); nothing to do on SQLite.
pub async fn catch_up_sequence(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    if manager.get_database_backend() == DatabaseBackend::Postgres {
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 GREATEST((SELECT MAX(id) FROM {table}), 1))"
            ))
            .await?;
    }
    Ok(())
}
