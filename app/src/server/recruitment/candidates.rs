//! One candidate's page (profile, files, applications, history) and file downloads, each
//! download written to the audit log.

mod list_query;
pub use list_query::COUNT_LIMIT;

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use crate::model::{
    AppError, ApplicationId, CandidateApplicationView, CandidateDetail, CandidateFileView,
    CandidateFilter, CandidateId, CandidateRow, FileId, OpeningId, Page, PageRequest, Stage,
    TimelineEntry, UserId,
};
use crate::server::audit;
use crate::server::csv_out::CsvOut;
use crate::server::entities::{
    application, candidate, candidate_file, job_profile, opening, stage_event,
};
use crate::server::files::FileStore;

/// Everything about one candidate, in a fixed number of queries. With `only_openings` (an
/// interviewer's view), just the applications to those openings (and their files and history)
/// are included, read-only, without notes, tags or possible duplicates.
pub async fn detail(
    db: &DatabaseConnection,
    id: CandidateId,
    only_openings: Option<&[i32]>,
) -> Result<CandidateDetail, AppError> {
    let person = candidate::Entity::find_by_id(id.0)
        .filter(candidate::Column::AnonymisedAt.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let editable = only_openings.is_none();
    let (notes, tags, possible_duplicates) = if editable {
        (
            super::notes::of(db, id).await?,
            super::notes::tags_of(db, &[id.0])
                .await?
                .remove(&id.0)
                .unwrap_or_default(),
            super::duplicates::find(db, &person).await?,
        )
    } else {
        Default::default()
    };
    let mut applications = application::Entity::find()
        .filter(application::Column::CandidateId.eq(id.0))
        .order_by_desc(application::Column::CreatedAt)
        .all(db)
        .await?;
    if let Some(only) = only_openings {
        applications.retain(|a| only.contains(&a.opening_id));
    }
    let mut files = candidate_file::Entity::find()
        .filter(candidate_file::Column::CandidateId.eq(id.0))
        .order_by_desc(candidate_file::Column::CreatedAt)
        .all(db)
        .await?;
    if only_openings.is_some() {
        files.retain(|f| {
            f.application_id
                .is_some_and(|a| applications.iter().any(|x| x.id == a))
        });
    }
    let opening_ids: Vec<i32> = applications.iter().map(|a| a.opening_id).collect();
    let openings: HashMap<i32, opening::Model> = opening::Entity::find()
        .filter(opening::Column::Id.is_in(opening_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let profile_ids: Vec<i32> = openings.values().map(|o| o.profile_id).collect();
    let profiles: HashMap<i32, job_profile::Model> = job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(profile_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let title = |opening_id: i32| {
        openings
            .get(&opening_id)
            .and_then(|o| profiles.get(&o.profile_id))
            .map(|p| (p.title_it.clone(), p.title_en.clone()))
            .unwrap_or_default()
    };
    let application_ids: Vec<i32> = applications.iter().map(|a| a.id).collect();
    let events = stage_event::Entity::find()
        .filter(stage_event::Column::ApplicationId.is_in(application_ids))
        .order_by_desc(stage_event::Column::At)
        .order_by_desc(stage_event::Column::Id)
        .all(db)
        .await?;
    let actor_ids: Vec<i32> = events.iter().filter_map(|e| e.actor_id).collect();
    let actors = crate::server::accounts::users::names(db, actor_ids).await?;
    let opening_of: HashMap<i32, i32> = applications.iter().map(|a| (a.id, a.opening_id)).collect();

    Ok(CandidateDetail {
        id,
        files: files
            .into_iter()
            .map(|f| CandidateFileView {
                id: FileId(f.id),
                kind: f.kind,
                name: f.original_name,
                size_bytes: f.size_bytes,
                text_extracted: f.text_extracted,
                uploaded_at: f.created_at,
            })
            .collect(),
        timeline: events
            .into_iter()
            .map(|e| {
                let (title_it, title_en) =
                    title(opening_of.get(&e.application_id).copied().unwrap_or(0));
                TimelineEntry {
                    at: e.at,
                    title_it,
                    title_en,
                    from: e.from_stage.as_deref().and_then(Stage::parse),
                    to: Stage::parse(&e.to_stage).unwrap_or(Stage::Applied),
                    reason: e.reason,
                    actor_name: e.actor_id.and_then(|a| actors.get(&a).cloned()),
                }
            })
            .collect(),
        applications: applications
            .into_iter()
            .map(|a| {
                let (title_it, title_en) = title(a.opening_id);
                CandidateApplicationView {
                    id: ApplicationId(a.id),
                    opening_id: OpeningId(a.opening_id),
                    title_it,
                    title_en,
                    location: openings
                        .get(&a.opening_id)
                        .map(|o| o.location.clone())
                        .unwrap_or_default(),
                    stage: Stage::parse(&a.stage).unwrap_or(Stage::Applied),
                    source: a.source,
                    source_detail: a.source_detail,
                    applied_at: a.created_at,
                }
            })
            .collect(),
        name: person.name,
        email: person.email,
        phone: person.phone,
        education: person.education,
        experience: person.experience,
        talent_pool: person.talent_pool,
        consent_at: person.consent_at,
        consent_notice_version: person.consent_notice_version,
        notes,
        tags,
        possible_duplicates,
        editable,
        // Filled by the caller, who knows who is looking.
        interviews: Vec::new(),
        interview_history: Vec::new(),
        practical_tests: Vec::new(),
        online_tests: Vec::new(),
    })
}

/// The applications still in progress on `openings` (not hired, rejected or withdrawn), with
/// their candidates, by opening and stage.
pub async fn on_openings(
    db: &DatabaseConnection,
    openings: &[i32],
) -> Result<Vec<crate::model::TeamCandidate>, AppError> {
    let rows = application::Entity::find()
        .filter(application::Column::OpeningId.is_in(openings.to_vec()))
        .filter(application::Column::Stage.is_in(Stage::in_progress().map(Stage::as_str)))
        .find_also_related(candidate::Entity)
        .order_by_asc(application::Column::OpeningId)
        .order_by_asc(application::Column::StageChangedAt)
        .all(db)
        .await?;
    let mut headings = HashMap::new();
    for id in openings {
        headings.insert(*id, super::openings::heading(db, OpeningId(*id)).await?);
    }
    Ok(rows
        .into_iter()
        .filter_map(|(a, c)| {
            let c = c.filter(|c| c.anonymised_at.is_none())?;
            let heading = headings.get(&a.opening_id)?;
            Some(crate::model::TeamCandidate {
                candidate_id: CandidateId(c.id),
                name: c.name,
                opening_id: OpeningId(a.opening_id),
                title_it: heading.title_it.clone(),
                title_en: heading.title_en.clone(),
                location: heading.location.clone(),
                stage: Stage::parse(&a.stage).unwrap_or(Stage::Applied),
            })
        })
        .collect())
}

/// A file ready to send: its name, type and bytes.
#[derive(Debug)]
pub struct Download {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Reads a candidate file for `actor`, recording the download in the audit log.
pub async fn download(
    db: &DatabaseConnection,
    files: &FileStore,
    actor: UserId,
    id: FileId,
) -> Result<Download, AppError> {
    let file = candidate_file::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let bytes = files.read(&file.stored_name).await?;
    audit::record(
        db,
        actor,
        audit::Action::FileDownloaded,
        "candidate_file",
        file.id,
    )
    .await?;
    tracing::info!(file_id = file.id, user_id = %actor, "candidate file downloaded");
    Ok(Download {
        name: file.original_name,
        content_type: file.content_type,
        bytes,
    })
}

/// Candidates per page in the list.
pub const CANDIDATES_PER_PAGE: u64 = 50;

/// Rows for `people`: their latest application with its opening's title, and their tags.
/// Three queries: the applications, then their openings' titles, while the tags are read.
async fn rows(
    db: &impl sea_orm::ConnectionTrait,
    people: Vec<candidate::Model>,
) -> Result<Vec<CandidateRow>, AppError> {
    let ids: Vec<i32> = people.iter().map(|p| p.id).collect();
    let applied = async {
        let applications = application::Entity::find()
            .filter(application::Column::CandidateId.is_in(ids.clone()))
            .order_by_desc(application::Column::CreatedAt)
            .order_by_desc(application::Column::Id)
            .all(db)
            .await?;
        let opening_ids: Vec<i32> = applications.iter().map(|a| a.opening_id).collect();
        let titles = super::openings::titles(db, opening_ids).await?;
        Ok::<_, AppError>((applications, titles))
    };
    let ((applications, titles), mut tags) =
        tokio::try_join!(applied, super::notes::tags_of(db, &ids))?;
    let mut latest: HashMap<i32, &application::Model> = HashMap::new();
    let mut counts: HashMap<i32, u32> = HashMap::new();
    for a in &applications {
        latest.entry(a.candidate_id).or_insert(a);
        *counts.entry(a.candidate_id).or_default() += 1;
    }
    Ok(people
        .into_iter()
        .map(|p| {
            let last = latest.get(&p.id);
            let (title_it, title_en) = last
                .and_then(|a| titles.get(&a.opening_id))
                .cloned()
                .unwrap_or_default();
            CandidateRow {
                id: CandidateId(p.id),
                applications: counts.get(&p.id).copied().unwrap_or(0),
                latest_stage: last.and_then(|a| Stage::parse(&a.stage)),
                latest_source: last.map(|a| a.source.clone()),
                latest_applied_at: last.map(|a| a.created_at),
                latest_title_it: title_it,
                latest_title_en: title_en,
                tags: tags.remove(&p.id).unwrap_or_default(),
                name: p.name,
                email: p.email,
                phone: p.phone,
            }
        })
        .collect())
}

/// The candidates `ids` (a subquery) names, in the order `sort` asks; never an anonymised
/// one, even if the ids came from the search index (which should hold none).
async fn people_of(
    db: &DatabaseConnection,
    ids: sea_orm::sea_query::SelectStatement,
    sort: crate::model::CandidateSort,
) -> Result<Vec<candidate::Model>, sea_orm::DbErr> {
    list_query::ordered(
        candidate::Entity::find()
            .filter(candidate::Column::Id.in_subquery(ids))
            .filter(candidate::Column::AnonymisedAt.is_null()),
        sort,
    )
    .all(db)
    .await
}

/// Statements one page of the list runs, whatever its size: the count, the page, and the
/// page's applications, their openings' titles, and the page's tags.
pub const QUERIES_PER_PAGE: usize = 5;

/// One page (from 0) of the candidates matching `filter`, [`CANDIDATES_PER_PAGE`] a page; a
/// page number out of range is a field error.
pub async fn list(
    db: &DatabaseConnection,
    filter: &CandidateFilter,
    page: u64,
) -> Result<Page<CandidateRow>, AppError> {
    list_page(db, filter, PageRequest::new(page, CANDIDATES_PER_PAGE)?).await
}

/// Page `page` of the candidates matching `filter`, in [`QUERIES_PER_PAGE`] statements.
pub async fn list_page(
    db: &DatabaseConnection,
    filter: &CandidateFilter,
    page: PageRequest,
) -> Result<Page<CandidateRow>, AppError> {
    let backend = db.get_database_backend();
    let per_page = page.size();
    let count = list_query::count(backend, filter);
    let counted = |row: Option<sea_orm::QueryResult>| {
        list_query::Counted::read(filter, &row.ok_or(AppError::Internal)?).map_err(AppError::from)
    };
    let (counted, mut people) = match list_query::page_ids_ahead(backend, filter, page) {
        // The whole list, or far into a search: the count and the page at once, on two
        // connections.
        Some(ids) => {
            let (row, people) =
                tokio::try_join!(db.query_one(&count), people_of(db, ids, filter.sort))?;
            (counted(row)?, people)
        }
        None => {
            let counted = counted(db.query_one(&count).await?)?;
            let ids = list_query::page_ids(backend, filter, counted, page);
            (counted, people_of(db, ids, filter.sort).await?)
        }
    };
    let more = people.len() as u64 > per_page;
    people.truncate(per_page as usize);
    Ok(Page {
        items: rows(db, people).await?,
        page: page.number(),
        per_page,
        total: counted.total,
        more,
    })
}

/// Most rows one CSV export holds.
pub const EXPORT_LIMIT: u64 = 100_000;

/// The candidates matching `filter` as CSV (header row first), fetched a thousand at a time.
pub async fn export_csv(
    db: &DatabaseConnection,
    filter: &CandidateFilter,
) -> Result<String, AppError> {
    use sea_orm::PaginatorTrait;
    let mut out = CsvOut::new(&[
        "id",
        "name",
        "email",
        "phone",
        "applications",
        "latest_opening",
        "latest_stage",
        "latest_source",
        "latest_applied_at",
        "tags",
    ])?;
    let mut pages = list_query::filtered(db.get_database_backend(), filter).paginate(db, 1000);
    let mut written = 0;
    while let Some(people) = pages.fetch_and_next().await? {
        for row in rows(db, people).await? {
            let fields = [
                row.id.to_string(),
                row.name,
                row.email.unwrap_or_default(),
                row.phone.unwrap_or_default(),
                row.applications.to_string(),
                row.latest_title_en,
                row.latest_stage
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default(),
                row.latest_source.unwrap_or_default(),
                row.latest_applied_at
                    .map(|a| a.to_rfc3339())
                    .unwrap_or_default(),
                row.tags.join(", "),
            ];
            out.row(fields.iter().map(String::as_str))?;
            written += 1;
        }
        if written >= EXPORT_LIMIT {
            break;
        }
    }
    out.finish()
}
