//! CSV import of candidates: every row is checked first and errors are reported row by row
//! (`rows.<line>.<column>`); only a file without errors is written, in one transaction.

use std::collections::HashMap;

use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::model::{
    AppError, CandidateInput, FieldError, FieldErrors, ImportSummary, MAX_UPLOAD_BYTES, OpeningId,
    UserId, check_tags, import_column, parse_tags,
};
use crate::server::entities::{candidate_tag, opening};
use crate::server::files::Upload;
use crate::server::{recruitment::intake, recruitment::search};

/// Most rows one import takes.
pub const MAX_ROWS: usize = 5000;

/// A row that passed its checks.
pub struct Row {
    input: CandidateInput,
    tags: Vec<String>,
}

fn file_error(code: &str, param: Option<i64>) -> AppError {
    let mut errors = FieldErrors::default();
    errors.0.insert(
        "file".into(),
        FieldError {
            code: code.into(),
            param,
        },
    );
    AppError::Invalid(errors)
}

/// Reads and checks every row, `openings` being the ids a row may name; any error anywhere
/// means nothing is returned. A file that is not UTF-8 text (or holds a NUL) is refused as a
/// whole.
pub fn parse(bytes: &[u8], openings: &[i32]) -> Result<Vec<Row>, AppError> {
    let text = std::str::from_utf8(bytes)
        .ok()
        .filter(|text| !text.contains('\0'))
        .ok_or_else(|| file_error("csv_encoding", None))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = if text
        .lines()
        .next()
        .is_some_and(|l| l.matches(';').count() > l.matches(',').count())
    {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| file_error("csv_header", None))?
        .iter()
        .map(|h| import_column(h).unwrap_or_default().to_owned())
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    if column("name").is_none() {
        return Err(file_error("csv_header", None));
    }
    let mut errors = FieldErrors::default();
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        if rows.len() >= MAX_ROWS {
            return Err(file_error("too_many_rows", Some(MAX_ROWS as i64)));
        }
        let Ok(record) = record else {
            errors
                .0
                .insert(format!("rows.{line}"), FieldError::new("csv_row"));
            continue;
        };
        let cell = |name: &str| {
            column(name)
                .and_then(|i| record.get(i))
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let opening_text = cell("opening");
        let opening_id = if opening_text.is_empty() {
            None
        } else {
            match opening_text.parse::<i32>() {
                Ok(id) if openings.contains(&id) => Some(OpeningId(id)),
                _ => {
                    errors.0.insert(
                        format!("rows.{line}.opening"),
                        FieldError::new("unknown_opening"),
                    );
                    None
                }
            }
        };
        let input = CandidateInput {
            name: cell("name"),
            email: cell("email"),
            phone: cell("phone"),
            education: cell("education"),
            experience: cell("experience"),
            opening_id,
            source: "manual".into(),
            source_detail: String::new(),
            upload_id: None,
        };
        if let Err(AppError::Invalid(row_errors)) = input.check() {
            for (field, error) in row_errors.0 {
                errors.0.insert(format!("rows.{line}.{field}"), error);
            }
        }
        let tags = parse_tags(&cell("tags").replace(';', ","));
        if let Err(AppError::Invalid(tag_errors)) = check_tags(&tags) {
            for (field, error) in tag_errors.0 {
                errors.0.insert(format!("rows.{line}.{field}"), error);
            }
        }
        rows.push(Row { input, tags });
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    if rows.is_empty() {
        return Err(file_error("csv_empty", None));
    }
    Ok(rows)
}

/// Imports the candidates of a CSV file, all or none.
pub async fn run(
    db: &DatabaseConnection,
    actor: UserId,
    file: Option<Upload>,
) -> Result<ImportSummary, AppError> {
    let file = file.ok_or_else(|| file_error("file_required", None))?;
    if file.bytes.len() > MAX_UPLOAD_BYTES {
        return Err(file_error(
            "file_too_large",
            Some((MAX_UPLOAD_BYTES / (1024 * 1024)) as i64),
        ));
    }
    let openings: Vec<i32> = opening::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();
    let rows = parse(&file.bytes, &openings)?;
    let summary = crate::server::write(db, |tx| {
        Box::pin(async move {
            let mut summary = ImportSummary {
                created: 0,
                matched: 0,
            };
            let mut seen: HashMap<i32, ()> = HashMap::new();
            for row in rows {
                let (person, matched) = intake::find_or_create(tx, &row.input).await?;
                if matched || seen.contains_key(&person.id) {
                    summary.matched += 1;
                } else {
                    summary.created += 1;
                }
                seen.insert(person.id, ());
                if let Some(opening_id) = row.input.opening_id {
                    intake::ensure_application(
                        tx,
                        intake::NewApplication {
                            actor: Some(actor),
                            candidate_id: person.id,
                            opening_id,
                            source: "import",
                            detail: "",
                            cover_letter: "",
                        },
                    )
                    .await?;
                }
                for tag in row.tags {
                    let known = candidate_tag::Entity::find()
                        .filter(candidate_tag::Column::CandidateId.eq(person.id))
                        .filter(candidate_tag::Column::Tag.eq(tag.as_str()))
                        .one(tx)
                        .await?;
                    if known.is_none() {
                        candidate_tag::ActiveModel {
                            candidate_id: Set(person.id),
                            tag: Set(tag),
                        }
                        .insert(tx)
                        .await?;
                    }
                }
                search::reindex(tx, person.id).await?;
            }
            Ok(summary)
        })
    })
    .await?;
    tracing::info!(user_id = %actor, created = summary.created, matched = summary.matched, "candidates imported");
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(csv: &str) -> FieldErrors {
        match parse(csv.as_bytes(), &[1]) {
            Err(AppError::Invalid(errors)) => errors,
            other => panic!("expected field errors, got {:?}", other.map(|r| r.len())),
        }
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_column() {
        let found = errors(
            "name,email,phone,opening\nAnna Rossi,anna@example.it,347 1234567,1\n,bad,12,9\nLuca,luca@,,\n",
        );
        assert_eq!(found.get("rows.3.name").unwrap().code, "required");
        assert_eq!(found.get("rows.3.email").unwrap().code, "email");
        assert_eq!(found.get("rows.3.phone").unwrap().code, "phone");
        assert_eq!(found.get("rows.3.opening").unwrap().code, "unknown_opening");
        assert_eq!(found.get("rows.4.email").unwrap().code, "email");
        assert!(found.get("rows.2.name").is_none());
    }

    #[test]
    fn italian_column_names_are_understood_as_well_as_english_ones() {
        let rows = parse(
            "Nome;Telefono;Posizione;Etichette\nAnna Rossi;347 1234567;1;SAP\n".as_bytes(),
            &[1],
        )
        .ok()
        .unwrap();
        assert_eq!(rows[0].input.name, "Anna Rossi");
        assert_eq!(rows[0].input.phone, "347 1234567");
        assert_eq!(rows[0].input.opening_id, Some(OpeningId(1)));
        assert_eq!(rows[0].tags, vec!["sap".to_owned()]);
    }

    #[test]
    fn a_file_without_a_name_column_is_refused_as_a_whole() {
        assert_eq!(
            errors("email\na@b.it\n").get("file").unwrap().code,
            "csv_header"
        );
    }

    #[test]
    fn semicolons_and_a_byte_order_mark_are_understood() {
        let rows = parse(
            "\u{feff}name;email;tags\nAnna Rossi;anna@example.it;SAP, Excel\n".as_bytes(),
            &[],
        )
        .ok()
        .unwrap();
        assert_eq!(rows[0].input.email, "anna@example.it");
        assert_eq!(rows[0].tags, vec!["sap".to_owned(), "excel".to_owned()]);
    }
}
