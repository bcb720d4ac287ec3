//! The candidate search index: one document per candidate (name, email, phone and the text of
//! their files), FTS5 on SQLite and `tsvector` on PostgreSQL, with prefix matching on both.

use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, Statement};

use super::entities::{candidate, candidate_file};
use crate::model::AppError;

/// The words of a search box: letters and digits, lower-case, at most eight of them.
pub fn tokens(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase().chars().take(40).collect())
        .take(8)
        .collect()
}

/// "The candidate matches every word (as a prefix)", for the candidates query.
pub fn matches(backend: DatabaseBackend, query: &str) -> Option<SimpleExpr> {
    let words = tokens(query);
    if words.is_empty() {
        return None;
    }
    Some(match backend {
        DatabaseBackend::Sqlite => {
            let fts: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
            Expr::cust_with_values(
                r#""candidates"."id" IN (SELECT rowid FROM candidate_search WHERE candidate_search MATCH ?)"#,
                [fts.join(" ")],
            )
        }
        _ => {
            let ts: Vec<String> = words.iter().map(|w| format!("{w}:*")).collect();
            Expr::cust_with_values(
                r#""candidates"."id" IN (SELECT candidate_id FROM candidate_search WHERE document @@ to_tsquery('simple', $1))"#,
                [ts.join(" & ")],
            )
        }
    })
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
