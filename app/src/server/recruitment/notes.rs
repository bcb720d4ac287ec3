//! Notes and tags on candidates.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::model::{AppError, CandidateId, NoteInput, NoteView, UserId, check_tags};
use crate::server::entities::{candidate, candidate_note, candidate_tag};

async fn live_candidate(db: &impl ConnectionTrait, id: CandidateId) -> Result<(), AppError> {
    candidate::Entity::find_by_id(id.0)
        .filter(candidate::Column::AnonymisedAt.is_null())
        .one(db)
        .await?
        .map(|_| ())
        .ok_or(AppError::NotFound)
}

/// Adds a note by `author` to a candidate's timeline.
pub async fn add(
    db: &DatabaseConnection,
    author: UserId,
    id: CandidateId,
    input: NoteInput,
) -> Result<(), AppError> {
    crate::model::validate(&input)?;
    live_candidate(db, id).await?;
    candidate_note::ActiveModel {
        candidate_id: Set(id.0),
        author_id: Set(Some(author.0)),
        body: Set(input.body.trim().to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A candidate's notes, newest first, with their authors' names.
pub async fn of(db: &impl ConnectionTrait, id: CandidateId) -> Result<Vec<NoteView>, AppError> {
    let notes = candidate_note::Entity::find()
        .filter(candidate_note::Column::CandidateId.eq(id.0))
        .order_by_desc(candidate_note::Column::CreatedAt)
        .order_by_desc(candidate_note::Column::Id)
        .all(db)
        .await?;
    let author_ids: Vec<i32> = notes.iter().filter_map(|n| n.author_id).collect();
    let authors = crate::server::accounts::users::names(db, author_ids).await?;
    Ok(notes
        .into_iter()
        .map(|n| NoteView {
            id: n.id,
            author_name: n.author_id.and_then(|a| authors.get(&a).cloned()),
            body: n.body,
            at: n.created_at,
        })
        .collect())
}

/// Tags of each of `ids`, sorted.
pub async fn tags_of(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let mut tags: HashMap<i32, Vec<String>> = HashMap::new();
    for row in candidate_tag::Entity::find()
        .filter(candidate_tag::Column::CandidateId.is_in(ids.to_vec()))
        .order_by_asc(candidate_tag::Column::Tag)
        .all(db)
        .await?
    {
        tags.entry(row.candidate_id).or_default().push(row.tag);
    }
    Ok(tags)
}

/// Replaces a candidate's tags.
pub async fn set_tags(
    db: &DatabaseConnection,
    id: CandidateId,
    tags: Vec<String>,
) -> Result<Vec<String>, AppError> {
    check_tags(&tags)?;
    live_candidate(db, id).await?;
    let mut tags: Vec<String> = tags.into_iter().map(|t| t.trim().to_lowercase()).collect();
    tags.sort();
    tags.dedup();
    let saved = tags.clone();
    crate::server::write(db, |tx| {
        Box::pin(async move {
            candidate_tag::Entity::delete_many()
                .filter(candidate_tag::Column::CandidateId.eq(id.0))
                .exec(tx)
                .await?;
            for tag in tags {
                candidate_tag::ActiveModel {
                    candidate_id: Set(id.0),
                    tag: Set(tag),
                }
                .insert(tx)
                .await?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(saved)
}

/// Every tag in use, most used first, for the list's tag filter.
pub async fn all_tags(db: &DatabaseConnection) -> Result<Vec<String>, AppError> {
    Ok(candidate_tag::Entity::find()
        .select_only()
        .column(candidate_tag::Column::Tag)
        .group_by(candidate_tag::Column::Tag)
        .order_by_desc(candidate_tag::Column::CandidateId.count())
        .order_by_asc(candidate_tag::Column::Tag)
        .limit(200)
        .into_tuple::<String>()
        .all(db)
        .await?)
}
