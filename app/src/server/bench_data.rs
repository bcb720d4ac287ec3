//! Synthetic recruitment data for benchmarks (`percorso seed-bench`): a dozen openings over the
//! starter job profiles, then any number of candidates with realistic Italian names, contacts,
//! a CV (a real PDF in the file store, its text in the database and the search index), and one
//! to three applications each with a stage history, inserted in batches, a transaction per
//! thousand candidates.

mod cv;
mod pdf;
mod people;
mod vocabulary;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, Utc};
use rand::SeedableRng;
use rand::rngs::StdRng;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};

use crate::model::{AppError, NewUserInput, OpeningStatus, Role, normalise_email, phone_key};
use crate::server::entities::{
    application, candidate, candidate_file, job_profile, opening, stage_event, user,
};
use crate::server::files::{DocumentType, FileStore, clean_file_name};
use crate::server::{accounts::users, recruitment::search};
use people::{OpeningChoice, Person};

/// How many candidates `seed-bench` makes unless told otherwise.
pub const DEFAULT_CANDIDATES: u32 = 100_000;

/// The random generator's seed: the same database gets the same people.
const SEED: u64 = 20_261_128;
const CANDIDATES_PER_TRANSACTION: u32 = 1_000;
/// Rows per INSERT: under SQLite's 32,766 parameters for the widest table.
const ROWS_PER_INSERT: usize = 500;

/// The openings made: job profile code, location, status, positions.
const OPENINGS: [(&str, &str, OpeningStatus, i32); 12] = [
    ("hotel-receptionist", "Roma", OpeningStatus::Open, 3),
    ("hotel-receptionist", "Venezia", OpeningStatus::Open, 2),
    ("bank-teller", "Milano", OpeningStatus::Open, 4),
    ("bank-teller", "Torino", OpeningStatus::OnHold, 2),
    ("contact-centre-agent", "Napoli", OpeningStatus::Open, 15),
    ("contact-centre-agent", "Bari", OpeningStatus::Open, 10),
    ("clinic-front-desk", "Bologna", OpeningStatus::Open, 2),
    ("tax-practice-front-desk", "Firenze", OpeningStatus::Open, 1),
    ("urp-officer", "Roma", OpeningStatus::Open, 2),
    ("accounting-clerk", "Milano", OpeningStatus::Open, 2),
    (
        "administrative-assistant",
        "Padova",
        OpeningStatus::Closed,
        1,
    ),
    ("archivist-records-clerk", "Bologna", OpeningStatus::Open, 1),
];

/// The HR account made to own the openings when there is none.
const BENCH_HR_EMAIL: &str = "selezione.bench@percorso.test";

/// What to make.
#[derive(Debug, Clone, Copy)]
pub struct SeedOptions {
    pub candidates: u32,
    /// Add candidates even though the database already has some.
    pub force: bool,
}

/// What was made.
#[derive(Debug, Clone, Default)]
pub struct Seeded {
    pub openings: usize,
    pub candidates: u64,
    pub applications: u64,
    pub stage_events: u64,
    pub files: u64,
    /// The HR account that owns the openings, and whether it was made now.
    pub hr_owner: String,
    pub hr_owner_created: bool,
    pub elapsed: Duration,
}

/// Why seeding did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("the database already has {0} candidates")]
    NotEmpty(u64),
    #[error("the database has none of the starter job profiles")]
    NoProfiles,
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<DbErr> for SeedError {
    fn from(error: DbErr) -> Self {
        SeedError::App(error.into())
    }
}

/// Fills the database; `progress` hears how many candidates are done after each transaction.
pub async fn seed(
    db: &DatabaseConnection,
    files: &FileStore,
    options: SeedOptions,
    mut progress: impl FnMut(u64),
) -> Result<Seeded, SeedError> {
    let started = Instant::now();
    let existing = candidate::Entity::find().count(db).await?;
    if existing > 0 && !options.force {
        return Err(SeedError::NotEmpty(existing));
    }
    let (owner, hr_owner_created) = hr_owner(db).await?;
    let openings = create_openings(db, owner.id).await?;
    let choices: Vec<OpeningChoice> = openings.iter().map(|(_, choice)| *choice).collect();
    let mut ids = NextIds::read(db).await?;
    let mut rng = StdRng::seed_from_u64(SEED ^ u64::from(ids.candidate.unsigned_abs()));
    let now = Utc::now();
    let mut seeded = Seeded {
        openings: openings.len(),
        hr_owner: owner.email.clone(),
        hr_owner_created,
        ..Seeded::default()
    };

    let mut done = 0;
    while done < options.candidates {
        let size = CANDIDATES_PER_TRANSACTION.min(options.candidates - done);
        let people: Vec<Person> = (0..size)
            .map(|n| {
                people::draw(
                    &mut rng,
                    i64::from(ids.candidate) + i64::from(n),
                    &choices,
                    now,
                )
            })
            .collect();
        let batch = Batch::build(people, &mut ids, &openings, owner.id, now, files).await?;
        seeded.candidates += batch.candidates.len() as u64;
        seeded.applications += batch.applications.len() as u64;
        seeded.stage_events += batch.stage_events.len() as u64;
        seeded.files += batch.files.len() as u64;
        batch.insert(db, files).await?;
        done += size;
        progress(u64::from(done));
    }
    if db.get_database_backend() == DatabaseBackend::Postgres {
        settle_postgres(db).await?;
    }
    seeded.elapsed = started.elapsed();
    tracing::info!(candidates = seeded.candidates, "benchmark data seeded");
    Ok(seeded)
}

/// The first active HR account, or a new one (whose random password nobody knows: an admin
/// resets it to sign in as them).
async fn hr_owner(db: &DatabaseConnection) -> Result<(user::Model, bool), AppError> {
    let find = |email: Option<&'static str>| {
        let mut query = user::Entity::find()
            .filter(user::Column::Role.eq(Role::Hr.as_str()))
            .filter(user::Column::Active.eq(true))
            .order_by_asc(user::Column::Id);
        if let Some(email) = email {
            query = query.filter(user::Column::Email.eq(email));
        }
        query.one(db)
    };
    if let Some(found) = find(None).await? {
        return Ok((found, false));
    }
    users::create(
        db,
        NewUserInput {
            email: BENCH_HR_EMAIL.to_owned(),
            name: "Ufficio Selezione".to_owned(),
            role: Role::Hr,
            password: crate::server::accounts::sessions::random_token(),
        },
    )
    .await?;
    let created = find(Some(BENCH_HR_EMAIL))
        .await?
        .ok_or(AppError::Internal)?;
    Ok((created, true))
}

/// The dozen openings, over the job profiles found by code.
async fn create_openings(
    db: &DatabaseConnection,
    owner: i32,
) -> Result<Vec<(i32, OpeningChoice)>, SeedError> {
    let profiles: HashMap<String, job_profile::Model> = job_profile::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.code.clone(), p))
        .collect();
    let since = Utc::now() - chrono::Duration::days(740);
    let mut openings = Vec::new();
    for (code, location, status, positions) in OPENINGS {
        let Some(profile) = profiles.get(code) else {
            continue;
        };
        let created = opening::ActiveModel {
            profile_id: Set(profile.id),
            location: Set(location.to_owned()),
            positions: Set(positions),
            status: Set(status.as_str().to_owned()),
            published: Set(status == OpeningStatus::Open),
            hr_owner_id: Set(owner),
            description_it: Set("Posizione di prova creata da seed-bench.".to_owned()),
            description_en: Set("Benchmark opening made by seed-bench.".to_owned()),
            created_at: Set(since),
            updated_at: Set(since),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let choice = OpeningChoice {
            profile_code: code,
            back_office: profile.area == "back_office",
        };
        openings.push((created.id, choice));
    }
    if openings.is_empty() {
        return Err(SeedError::NoProfiles);
    }
    Ok(openings)
}

/// The ids the next rows get: rows are inserted with their ids, so a batch can refer to the
/// rows it inserts without reading them back. Nothing else may write these tables meanwhile.
struct NextIds {
    candidate: i32,
    application: i32,
    stage_event: i32,
    file: i32,
}

impl NextIds {
    async fn read(db: &DatabaseConnection) -> Result<Self, DbErr> {
        Ok(Self {
            candidate: next_id::<candidate::Entity>(db, candidate::Column::Id).await?,
            application: next_id::<application::Entity>(db, application::Column::Id).await?,
            stage_event: next_id::<stage_event::Entity>(db, stage_event::Column::Id).await?,
            file: next_id::<candidate_file::Entity>(db, candidate_file::Column::Id).await?,
        })
    }
}

async fn next_id<E: EntityTrait>(db: &DatabaseConnection, id: E::Column) -> Result<i32, DbErr> {
    let max: Option<Option<i32>> = E::find()
        .select_only()
        .column_as(id.max(), "max_id")
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0) + 1)
}

fn take(next: &mut i32) -> i32 {
    let id = *next;
    *next += 1;
    id
}

/// The rows of one transaction's worth of candidates, their files already in the store.
struct Batch {
    candidates: Vec<candidate::ActiveModel>,
    applications: Vec<application::ActiveModel>,
    stage_events: Vec<stage_event::ActiveModel>,
    files: Vec<candidate_file::ActiveModel>,
    documents: Vec<(i32, String)>,
    stored_names: Vec<String>,
}

impl Batch {
    async fn build(
        people: Vec<Person>,
        ids: &mut NextIds,
        openings: &[(i32, OpeningChoice)],
        hr: i32,
        now: DateTime<Utc>,
        store: &FileStore,
    ) -> Result<Batch, AppError> {
        let today = (now.year(), now.month());
        let mut batch = Batch {
            candidates: Vec::with_capacity(people.len()),
            applications: Vec::with_capacity(people.len() * 2),
            stage_events: Vec::with_capacity(people.len() * 6),
            files: Vec::with_capacity(people.len()),
            documents: Vec::with_capacity(people.len()),
            stored_names: Vec::with_capacity(people.len()),
        };
        for person in people {
            let candidate_id = take(&mut ids.candidate);
            let name = person.name();
            let first_applied = person
                .applications
                .iter()
                .map(|a| a.applied_at())
                .min()
                .unwrap_or(now);
            let last_activity = person
                .applications
                .iter()
                .filter_map(|a| a.last_move().map(|m| m.at))
                .max()
                .unwrap_or(first_applied);
            let consented = person.applications.iter().any(|a| a.source == "careers");
            batch.candidates.push(candidate::ActiveModel {
                id: Set(candidate_id),
                name: Set(name.clone()),
                email: Set(Some(person.email.clone())),
                email_key: Set(Some(normalise_email(&person.email))),
                phone: Set(Some(person.phone.clone())),
                phone_key: Set(Some(phone_key(&person.phone))),
                education: Set(person.education()),
                experience: Set(person.experience(today)),
                talent_pool: Set(consented && person.talent_pool),
                consent_at: Set(consented.then_some(first_applied)),
                consent_notice_version: Set(consented.then_some(1)),
                created_at: Set(first_applied),
                updated_at: Set(last_activity),
                anonymised_at: Set(None),
                lang: Set("it".to_owned()),
            });

            let mut first_application = None;
            for planned in &person.applications {
                let application_id = take(&mut ids.application);
                first_application.get_or_insert(application_id);
                let last = planned.last_move();
                let stage_changed_at = last.map_or(now, |m| m.at);
                batch.applications.push(application::ActiveModel {
                    id: Set(application_id),
                    candidate_id: Set(candidate_id),
                    opening_id: Set(openings[planned.opening].0),
                    stage: Set(last
                        .map_or(crate::model::Stage::Applied, |m| m.to)
                        .as_str()
                        .to_owned()),
                    stage_reason: Set(last.and_then(|m| m.reason).map(str::to_owned)),
                    source: Set(planned.source.to_owned()),
                    source_detail: Set(planned.source_detail.map(str::to_owned)),
                    cover_letter: Set(planned.cover_letter.to_owned()),
                    stage_changed_at: Set(stage_changed_at),
                    created_at: Set(planned.applied_at()),
                    updated_at: Set(stage_changed_at),
                });
                for event in &planned.moves {
                    batch.stage_events.push(stage_event::ActiveModel {
                        id: Set(take(&mut ids.stage_event)),
                        application_id: Set(application_id),
                        from_stage: Set(event.from.map(|s| s.as_str().to_owned())),
                        to_stage: Set(event.to.as_str().to_owned()),
                        reason: Set(event.reason.map(str::to_owned)),
                        actor_id: Set(event.by_hr.then_some(hr)),
                        at: Set(event.at),
                    });
                }
            }

            let text = cv::text(&person, today);
            let bytes = pdf::document(&format!("Curriculum vitae - {name}"), &text);
            let stored = store.save(&bytes, DocumentType::Pdf.extension()).await?;
            batch.stored_names.push(stored.stored_name.clone());
            batch.documents.push((
                candidate_id,
                search::document(
                    &name,
                    Some(&person.email),
                    Some(&person.phone),
                    std::slice::from_ref(&text),
                ),
            ));
            batch.files.push(candidate_file::ActiveModel {
                id: Set(take(&mut ids.file)),
                candidate_id: Set(candidate_id),
                application_id: Set(first_application),
                kind: Set("cv".to_owned()),
                original_name: Set(clean_file_name(
                    &format!("CV {name}.pdf"),
                    DocumentType::Pdf.extension(),
                )),
                stored_name: Set(stored.stored_name),
                content_type: Set(DocumentType::Pdf.content_type().to_owned()),
                size_bytes: Set(i64::try_from(stored.size).unwrap_or(i64::MAX)),
                sha256: Set(stored.sha256),
                text: Set(Some(text)),
                text_extracted: Set(true),
                created_at: Set(first_applied),
            });
        }
        Ok(batch)
    }

    /// Inserts the rows in one transaction; if it fails, the batch's files are deleted.
    async fn insert(self, db: &DatabaseConnection, store: &FileStore) -> Result<(), AppError> {
        let stored_names = self.stored_names;
        let rows = (
            self.candidates,
            self.applications,
            self.stage_events,
            self.files,
            self.documents,
        );
        let inserted = db
            .transaction::<_, (), DbErr>(|tx| {
                Box::pin(async move {
                    let (candidates, applications, stage_events, files, documents) = rows;
                    insert_all::<candidate::Entity, _>(tx, candidates).await?;
                    insert_all::<application::Entity, _>(tx, applications).await?;
                    insert_all::<stage_event::Entity, _>(tx, stage_events).await?;
                    insert_all::<candidate_file::Entity, _>(tx, files).await?;
                    let backend = tx.get_database_backend();
                    let mut documents = documents.into_iter().peekable();
                    while documents.peek().is_some() {
                        let chunk: Vec<(i32, String)> =
                            documents.by_ref().take(ROWS_PER_INSERT).collect();
                        tx.execute_raw(search::insert_documents(backend, chunk))
                            .await?;
                    }
                    Ok(())
                })
            })
            .await;
        if let Err(error) = inserted {
            for name in stored_names {
                let _ = store.delete(&name).await;
            }
            return Err(match error {
                sea_orm::TransactionError::Connection(e)
                | sea_orm::TransactionError::Transaction(e) => e.into(),
            });
        }
        Ok(())
    }
}

async fn insert_all<E, A>(tx: &impl ConnectionTrait, models: Vec<A>) -> Result<(), DbErr>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E> + Send,
{
    let mut models = models.into_iter().peekable();
    while models.peek().is_some() {
        let chunk: Vec<A> = models.by_ref().take(ROWS_PER_INSERT).collect();
        E::insert_many(chunk).exec_without_returning(tx).await?;
    }
    Ok(())
}

/// After inserting rows with their ids, moves PostgreSQL's id sequences past them, and
/// refreshes the planner's statistics and visibility map as autovacuum would in a while.
async fn settle_postgres(db: &DatabaseConnection) -> Result<(), DbErr> {
    for table in [
        "candidates",
        "applications",
        "stage_events",
        "candidate_files",
    ] {
        db.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
        ))
        .await?;
    }
    db.execute_unprepared("VACUUM ANALYZE").await?;
    Ok(())
}
