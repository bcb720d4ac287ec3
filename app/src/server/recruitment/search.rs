//! The candidate search index: one document per candidate (name, email, phone and the text of
//! their files), FTS5 on SQLite and `tsvector` on PostgreSQL, with prefix matching on both.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Order, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, Statement};

use crate::model::{AppError, CandidateSort};
use crate::server::entities::{candidate, candidate_file};

/// The words of a search box: letters and digits, lower-case, at most eight of them.
pub fn tokens(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase().chars().take(40).collect())
        .take(8)
        .collect()
}

/// FTS5's query for `words`: every word, as a prefix, each quoted (so it is never syntax).
fn fts5_query(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
    quoted.join(" ")
}

/// PostgreSQL's `tsquery` text for `words`: every word, as a prefix.
fn tsquery(words: &[String]) -> String {
    let prefixes: Vec<String> = words.iter().map(|w| format!("{w}:*")).collect();
    prefixes.join(" & ")
}

/// PostgreSQL: whether a document of `candidate_search` holds every word (as a prefix).
fn matches_document(words: &[String]) -> Expr {
    Expr::cust_with_values(
        r#""candidate_search"."document" @@ to_tsquery('simple', $1)"#,
        [tsquery(words)],
    )
}

/// The ids of the candidates whose document matches every word (as a prefix), among `among`
/// (a subquery of candidate ids) if given: a subquery, or `None` without words. The index
/// holds one document per candidate the list shows, never one of an anonymised or deleted
/// candidate (`reindex`, and the triggers of migration m20261128_000009), so these are
/// distinct, listed candidates: counting them needs no candidate row.
pub fn matching_ids(
    backend: DatabaseBackend,
    query: &str,
    among: Option<SelectStatement>,
) -> Option<SelectStatement> {
    let words = tokens(query);
    if words.is_empty() {
        return None;
    }
    let mut ids = Query::select();
    match backend {
        DatabaseBackend::Sqlite => {
            ids.from(Alias::new("candidate_search"))
                .expr(Expr::cust("rowid"))
                .and_where(Expr::cust_with_values(
                    "candidate_search MATCH ?",
                    [fts5_query(&words)],
                ));
            if let Some(among) = among {
                // The unary `+` keeps SQLite from handing each id to FTS5 as a separate
                // lookup (seconds on a large index): it matches once and checks the ids.
                ids.and_where(Expr::cust("+rowid").in_subquery(among));
            }
        }
        _ => {
            // Through the GIN index, always: the documents have no planner statistics
            // (migration m20261129_000014 says why).
            ids.from(Alias::new("candidate_search"))
                .column((Alias::new("candidate_search"), Alias::new("candidate_id")))
                .and_where(matches_document(&words));
            if let Some(among) = among {
                ids.and_where(
                    Expr::col((Alias::new("candidate_search"), Alias::new("candidate_id")))
                        .in_subquery(among),
                );
            }
        }
    }
    Some(ids.to_owned())
}

/// PostgreSQL: `found` (from [`matching_ids`]) in the order `sort` asks, ties broken by id, by
/// the sort keys the index keeps of each candidate (migration m20261129_000014, the same as
/// the candidate's): one top-N sort of the matches finds a page however far in it is.
pub fn in_order(mut found: SelectStatement, sort: CandidateSort) -> SelectStatement {
    let (key, order) = match sort {
        CandidateSort::Newest => ("updated_at", Order::Desc),
        CandidateSort::Oldest => ("created_at", Order::Asc),
        CandidateSort::Name => ("name", Order::Asc),
    };
    let column = |name: &str| Expr::col((Alias::new("candidate_search"), Alias::new(name)));
    found
        .order_by_expr(column(key), order.clone())
        .order_by_expr(column("candidate_id"), order)
        .to_owned()
}

/// How many candidates match every word (as a prefix), counted in the index alone (see
/// [`matching_ids`]), in column `column`, or `None` without words.
pub fn count_matches(
    backend: DatabaseBackend,
    query: &str,
    column: &str,
) -> Option<SelectStatement> {
    let words = tokens(query);
    if words.is_empty() {
        return None;
    }
    let total = Alias::new(column);
    Some(match backend {
        DatabaseBackend::Sqlite => Query::select()
            .expr_as(Expr::cust("COUNT(*)"), total)
            .from(Alias::new("candidate_search"))
            .and_where(Expr::cust_with_values(
                "candidate_search MATCH ?",
                [fts5_query(&words)],
            ))
            .to_owned(),
        _ => Query::select()
            .expr_as(Expr::cust("COUNT(*)"), total)
            .from(Alias::new("candidate_search"))
            .and_where(matches_document(&words))
            .expr_as(
                Expr::cust(
                    "(SELECT GREATEST(reltuples, 0)::bigint FROM pg_class \
                     WHERE oid = 'candidate_search'::regclass)",
                ),
                Alias::new(INDEXED),
            )
            .to_owned(),
    })
}

/// The column of [`count_matches`]'s answer that holds, on PostgreSQL, about how many
/// documents the index holds (the planner's estimate, kept by `ANALYZE`).
pub const INDEXED: &str = "indexed";

/// Whether the document of the candidate at hand (`candidates.id`) matches every word (as a
/// prefix), asked of that one document, or `None` without words. PostgreSQL only: about 10
/// microseconds a candidate, so walking the list's order and asking each is the cheap way to a
/// first page when many match. `OFFSET 0` keeps the planner from turning it into a hash of
/// every match.
pub fn matches_candidate(query: &str) -> Option<Expr> {
    let words = tokens(query);
    if words.is_empty() {
        return None;
    }
    let document = Query::select()
        .expr(Expr::val(1))
        .from(Alias::new("candidate_search"))
        .and_where(
            Expr::col((Alias::new("candidate_search"), Alias::new("candidate_id")))
                .equals((candidate::Entity, candidate::Column::Id)),
        )
        .and_where(matches_document(&words))
        .offset(0)
        .to_owned();
    Some(Expr::exists(document))
}

/// A candidate's search document: name, email, phone and the text of their files, with
/// everything but letters and digits made a space, as the query keeps: so both backends split
/// "anna@example.it" into the same words (PostgreSQL's parser would keep it whole).
pub fn document(name: &str, email: Option<&str>, phone: Option<&str>, texts: &[String]) -> String {
    let head = [name, email.unwrap_or_default(), phone.unwrap_or_default()];
    let parts: Vec<&str> = head
        .into_iter()
        .chain(texts.iter().map(String::as_str))
        .collect();
    parts
        .join("\n")
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect()
}

/// One statement adding `documents` (candidate id, document) to the index; give at least one.
pub fn insert_documents(backend: DatabaseBackend, documents: Vec<(i32, String)>) -> Statement {
    let mut sql = String::from(match backend {
        DatabaseBackend::Sqlite => "INSERT INTO candidate_search (rowid, document) VALUES ",
        _ => "INSERT INTO candidate_search (candidate_id, document) VALUES ",
    });
    let mut values = Vec::with_capacity(documents.len() * 2);
    for (n, (candidate_id, document)) in documents.into_iter().enumerate() {
        if n > 0 {
            sql.push_str(", ");
        }
        match backend {
            DatabaseBackend::Sqlite => sql.push_str("(?, ?)"),
            _ => sql.push_str(&format!(
                "(${}, to_tsvector('simple', ${}))",
                2 * n + 1,
                2 * n + 2
            )),
        }
        values.push(candidate_id.into());
        values.push(document.into());
    }
    Statement::from_sql_and_values(backend, sql, values)
}

/// Rebuilds one candidate's search document (or removes it if the candidate is gone).
pub async fn reindex(db: &impl ConnectionTrait, candidate_id: i32) -> Result<(), AppError> {
    let backend = db.get_database_backend();
    let person = candidate::Entity::find_by_id(candidate_id).one(db).await?;
    let remove = match backend {
        DatabaseBackend::Sqlite => "DELETE FROM candidate_search WHERE rowid = ?",
        _ => "DELETE FROM candidate_search WHERE candidate_id = $1",
    };
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        remove,
        [candidate_id.into()],
    ))
    .await?;
    let Some(person) = person.filter(|p| p.anonymised_at.is_none()) else {
        return Ok(());
    };
    let texts: Vec<String> = candidate_file::Entity::find()
        .filter(candidate_file::Column::CandidateId.eq(candidate_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|f| f.text)
        .collect();
    let document = document(
        &person.name,
        person.email.as_deref(),
        person.phone.as_deref(),
        &texts,
    );
    db.execute_raw(insert_documents(backend, vec![(candidate_id, document)]))
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_keep_letters_and_digits_only() {
        assert_eq!(
            tokens("  Zibellino, \"cassa\" OR 1=1; --"),
            vec!["zibellino", "cassa", "or", "1", "1"]
        );
        assert!(tokens("*** \"\" ()").is_empty());
    }

    #[test]
    fn a_document_keeps_only_letters_and_digits_of_every_part() {
        assert_eq!(
            document(
                "Anna D'Angelo",
                Some("anna@example.it"),
                None,
                &["Città: Forlì".to_owned()]
            ),
            "Anna D Angelo anna example it  Città  Forlì"
        );
    }

    #[test]
    fn documents_are_inserted_in_one_statement() {
        let documents = vec![(1, "a".to_owned()), (2, "b".to_owned())];
        let sqlite = insert_documents(DatabaseBackend::Sqlite, documents.clone());
        assert_eq!(
            sqlite.sql,
            "INSERT INTO candidate_search (rowid, document) VALUES (?, ?), (?, ?)"
        );
        let postgres = insert_documents(DatabaseBackend::Postgres, documents);
        assert!(
            postgres.sql.ends_with(
                "VALUES ($1, to_tsvector('simple', $2)), ($3, to_tsvector('simple', $4))"
            )
        );
    }
}
