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
    let mut document = vec![
        person.name,
        person.email.unwrap_or_default(),
        person.phone.unwrap_or_default(),
    ];
    document.extend(texts);
    // Only letters and digits, as the query keeps: so both backends split "anna@example.it"
    // into the same words (PostgreSQL's parser would keep it whole).
    let document: String = document
        .join("\n")
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let insert = match backend {
        DatabaseBackend::Sqlite => "INSERT INTO candidate_search (rowid, document) VALUES (?, ?)",
        _ => {
            "INSERT INTO candidate_search (candidate_id, document) VALUES ($1, to_tsvector('simple', $2))"
        }
    };
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        insert,
        [candidate_id.into(), document.into()],
    ))
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
}
