//! Synthetic data for benchmarks (`percorso seed-bench`): a dozen openings over the starter
//! job profiles with their interview panels, then any number of candidates with realistic
//! Italian names, contacts, a CV (a real PDF in the file store, its text in the database and
//! the search index), and one to three applications each with a stage history and the
//! interviews, scorecards and tests that history implies, a transaction per thousand
//! candidates; then the staff: the hired candidates and their colleagues, with years of
//! course records, certificates and notifications.

mod assessments;
mod cv;
mod pdf;
mod people;
mod staff;
mod starter;
mod vocabulary;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};

use crate::model::{AppError, NewUserInput, OpeningStatus, Role, normalise_email, phone_key};
use crate::server::entities::{
    application, candidate, candidate_file, course_record, employee, employee_certification,
    interview, interview_event, job_profile, notification, online_test, online_test_item, opening,
    opening_interviewer, practical_test, practical_test_criterion, scorecard, stage_event, user,
};
use crate::server::files::{DocumentType, FileStore, clean_file_name};
use crate::server::{accounts::users, recruitment::search};
use assessments::{Assessed, AssessmentIds, Assessments};
use people::{OpeningChoice, Person};
use staff::{Hire, Newcomer, Staff, StaffIds};
use starter::Starter;

/// How many candidates `seed-bench` makes unless told otherwise.
pub const DEFAULT_CANDIDATES: u32 = 100_000;
/// Employees made for each candidate, unless told how many.
const EMPLOYEES_PER_CANDIDATE: u32 = 10;
/// One employee in this many manages a team.
const TEAM_SIZE: u32 = 20;
/// Interviewer accounts: one for this many candidates, within [`PANELS`].
const CANDIDATES_PER_INTERVIEWER: u32 = 2_500;
const PANELS: std::ops::RangeInclusive<u32> = 3..=40;
/// Interviewers on each opening's panel.
const PANEL_SIZE: usize = 6;

/// The random generator's seed: the same database gets the same people.
const SEED: u64 = 20_261_128;
const CANDIDATES_PER_TRANSACTION: u32 = 1_000;
const EMPLOYEES_PER_TRANSACTION: usize = 250;
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
    /// Employees; a tenth of the candidates if none.
    pub employees: Option<u32>,
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
    pub interviewers: u64,
    pub interviews: u64,
    pub scorecards: u64,
    pub ratings: u64,
    pub practical_tests: u64,
    pub online_tests: u64,
    pub employees: u64,
    pub course_records: u64,
    pub certificates: u64,
    pub notifications: u64,
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

/// An opening made, as the generator needs it.
struct Made {
    id: i32,
    profile: i32,
    location: &'static str,
    choice: OpeningChoice,
    /// The interviewers on its panel.
    panel: Vec<i32>,
}

/// What every batch shares: the openings, the starter data, the owner, the time.
struct Context<'a> {
    openings: &'a [Made],
    starter: &'a Starter,
    hr: i32,
    now: DateTime<Utc>,
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
    let starter = Starter::read(db).await?;
    let mut ids = NextIds::read(db).await?;
    let mut rng = StdRng::seed_from_u64(SEED ^ u64::from(ids.candidate.unsigned_abs()));
    let password_hash =
        crate::server::accounts::password::hash(crate::server::accounts::sessions::random_token())
            .await?;
    let interviewers =
        (options.candidates / CANDIDATES_PER_INTERVIEWER).clamp(*PANELS.start(), *PANELS.end());
    let panel = make_interviewers(db, &mut rng, &mut ids, interviewers, &password_hash).await?;
    let openings = create_openings(db, &mut rng, owner.id, &panel).await?;
    let choices: Vec<OpeningChoice> = openings.iter().map(|made| made.choice).collect();
    let now = Utc::now();
    let context = Context {
        openings: &openings,
        starter: &starter,
        hr: owner.id,
        now,
    };
    let mut seeded = Seeded {
        openings: openings.len(),
        interviewers: panel.len() as u64,
        hr_owner: owner.email.clone(),
        hr_owner_created,
        ..Seeded::default()
    };

    let mut hires = Vec::new();
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
        let batch = Batch::build(people, &mut rng, &mut ids, &context, files, &mut hires).await?;
        batch.count(&mut seeded);
        batch.insert(db, files).await?;
        done += size;
        progress(u64::from(done));
    }

    let employees = options
        .employees
        .unwrap_or(options.candidates / EMPLOYEES_PER_CANDIDATE);
    seed_staff(
        db,
        &mut rng,
        &mut ids,
        &context,
        hires,
        employees,
        &password_hash,
        &mut seeded,
    )
    .await?;
    crate::server::training::ledger::recount_all(db).await?;
    crate::server::write(db, |tx| {
        Box::pin(crate::server::certifications::compliance::refresh_all(tx))
    })
    .await?;
    if db.get_database_backend() == DatabaseBackend::Postgres {
        settle_postgres(db).await?;
    }
    seeded.elapsed = started.elapsed();
    tracing::info!(
        candidates = seeded.candidates,
        employees = seeded.employees,
        "benchmark data seeded"
    );
    Ok(seeded)
}

/// `count` interviewer accounts; answers their ids.
async fn make_interviewers(
    db: &DatabaseConnection,
    rng: &mut StdRng,
    ids: &mut NextIds,
    count: u32,
    password_hash: &str,
) -> Result<Vec<i32>, DbErr> {
    let now = Utc::now();
    let mut made = Vec::new();
    let mut rows = Vec::new();
    for _ in 0..count {
        let id = take(&mut ids.staff.user);
        let (name, email) = staff::colleague(rng, id);
        made.push(id);
        rows.push(user::ActiveModel {
            id: Set(id),
            email: Set(email.replace("@staff.", "@selezione.")),
            name: Set(name),
            role: Set(Role::Interviewer.as_str().to_owned()),
            password_hash: Set(password_hash.to_owned()),
            language: Set(Some("it".to_owned())),
            time_zone: Set("Europe/Rome".to_owned()),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            worklist_seen_at: Set(None),
            email_reminders: Set(true),
        });
    }
    insert_all::<user::Entity, _>(db, rows).await?;
    Ok(made)
}

/// The staff: `wanted` employees, the managers first, then the hired candidates, then
/// colleagues who never applied; a transaction per [`EMPLOYEES_PER_TRANSACTION`].
#[allow(clippy::too_many_arguments)]
async fn seed_staff(
    db: &DatabaseConnection,
    rng: &mut StdRng,
    ids: &mut NextIds,
    context: &Context<'_>,
    hires: Vec<Hire>,
    wanted: u32,
    password_hash: &str,
    seeded: &mut Seeded,
) -> Result<(), SeedError> {
    let mut profiles: Vec<&starter::Profile> = context
        .starter
        .profiles
        .values()
        .filter(|p| !p.requirements.is_empty())
        .collect();
    profiles.sort_by_key(|p| p.id);
    if profiles.is_empty() || wanted == 0 {
        return Ok(());
    }
    let now = context.now;
    let managers = (wanted / TEAM_SIZE).max(1);
    let mut teams: HashMap<i32, Vec<i32>> = HashMap::new();
    let mut all_managers = Vec::new();
    let mut staff = Staff::default();
    let cities: Vec<&'static str> = OPENINGS.iter().map(|o| o.1).collect();
    let mut hires = hires.into_iter();
    for serial in 0..wanted {
        let newcomer = if serial < managers {
            let profile = profiles[serial as usize % profiles.len()];
            let (name, email) = staff::colleague(rng, ids.staff.user);
            let start = now - chrono::Duration::days(rng.gen_range(3 * 365..20 * 365));
            Newcomer {
                name,
                email,
                profile,
                location: cities[rng.gen_range(0..cities.len())],
                start,
                manager: None,
                hired: None,
            }
        } else if let Some(hire) = hires.next() {
            let profile = context
                .starter
                .profiles
                .get(&hire.profile)
                .filter(|p| !p.requirements.is_empty())
                .unwrap_or(profiles[0]);
            Newcomer {
                name: hire.name,
                email: hire.email,
                profile,
                location: hire.location,
                start: hire.hired_at,
                manager: None,
                hired: Some((hire.candidate, hire.application)),
            }
        } else {
            let profile = profiles[rng.gen_range(0..profiles.len())];
            let (name, email) = staff::colleague(rng, ids.staff.user);
            let start = now - chrono::Duration::days(rng.gen_range(30..20 * 365));
            Newcomer {
                name,
                email,
                profile,
                location: cities[rng.gen_range(0..cities.len())],
                start,
                manager: None,
                hired: None,
            }
        };
        let manager = if serial < managers {
            None
        } else {
            let team = teams
                .get(&newcomer.profile.id)
                .filter(|t| !t.is_empty())
                .unwrap_or(&all_managers);
            Some(team[serial as usize % team.len()])
        };
        let profile_id = newcomer.profile.id;
        let id = staff.add(
            rng,
            &mut ids.staff,
            context.starter,
            Newcomer {
                manager,
                ..newcomer
            },
            password_hash,
            context.hr,
            now,
        );
        if serial < managers {
            teams.entry(profile_id).or_default().push(id);
            all_managers.push(id);
        }
        if staff.employees.len() >= EMPLOYEES_PER_TRANSACTION || serial + 1 == wanted {
            let full = std::mem::take(&mut staff);
            seeded.employees += full.employees.len() as u64;
            seeded.course_records += full.records.len() as u64;
            seeded.certificates += full.certificates.len() as u64;
            seeded.notifications += full.notifications.len() as u64;
            insert_staff(db, full).await?;
        }
    }
    Ok(())
}

async fn insert_staff(db: &DatabaseConnection, staff: Staff) -> Result<(), DbErr> {
    db.transaction::<_, (), DbErr>(|tx| {
        Box::pin(async move {
            insert_all::<user::Entity, _>(tx, staff.users).await?;
            insert_all::<employee::Entity, _>(tx, staff.employees).await?;
            insert_all::<crate::server::entities::employee_competency::Entity, _>(
                tx,
                staff.competencies,
            )
            .await?;
            insert_all::<course_record::Entity, _>(tx, staff.records).await?;
            insert_all::<employee_certification::Entity, _>(tx, staff.certificates).await?;
            insert_all::<notification::Entity, _>(tx, staff.notifications).await?;
            Ok(())
        })
    })
    .await
    .map_err(|error| match error {
        sea_orm::TransactionError::Connection(e) | sea_orm::TransactionError::Transaction(e) => e,
    })
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

/// The dozen openings, over the job profiles found by code, each with a panel drawn from
/// `interviewers`.
async fn create_openings(
    db: &DatabaseConnection,
    rng: &mut StdRng,
    owner: i32,
    interviewers: &[i32],
) -> Result<Vec<Made>, SeedError> {
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
        let panel: Vec<i32> = rand::seq::SliceRandom::choose_multiple(
            interviewers,
            rng,
            PANEL_SIZE.min(interviewers.len()),
        )
        .copied()
        .collect();
        insert_all::<opening_interviewer::Entity, _>(
            db,
            panel
                .iter()
                .map(|user| opening_interviewer::ActiveModel {
                    opening_id: Set(created.id),
                    user_id: Set(*user),
                })
                .collect(),
        )
        .await?;
        openings.push(Made {
            id: created.id,
            profile: profile.id,
            location,
            choice: OpeningChoice {
                profile_code: code,
                back_office: profile.area == "back_office",
            },
            panel,
        });
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
    assessment: AssessmentIds,
    staff: StaffIds,
}

impl NextIds {
    async fn read(db: &DatabaseConnection) -> Result<Self, DbErr> {
        Ok(Self {
            candidate: next_id::<candidate::Entity>(db, candidate::Column::Id).await?,
            application: next_id::<application::Entity>(db, application::Column::Id).await?,
            stage_event: next_id::<stage_event::Entity>(db, stage_event::Column::Id).await?,
            file: next_id::<candidate_file::Entity>(db, candidate_file::Column::Id).await?,
            assessment: AssessmentIds {
                interview: next_id::<interview::Entity>(db, interview::Column::Id).await?,
                event: next_id::<interview_event::Entity>(db, interview_event::Column::Id).await?,
                scorecard: next_id::<scorecard::Entity>(db, scorecard::Column::Id).await?,
                practical: next_id::<practical_test::Entity>(db, practical_test::Column::Id)
                    .await?,
                practical_criterion: next_id::<practical_test_criterion::Entity>(
                    db,
                    practical_test_criterion::Column::Id,
                )
                .await?,
                online: next_id::<online_test::Entity>(db, online_test::Column::Id).await?,
                online_item: next_id::<online_test_item::Entity>(db, online_test_item::Column::Id)
                    .await?,
            },
            staff: StaffIds {
                user: next_id::<user::Entity>(db, user::Column::Id).await?,
                employee: next_id::<employee::Entity>(db, employee::Column::Id).await?,
                record: next_id::<course_record::Entity>(db, course_record::Column::Id).await?,
                certificate: next_id::<employee_certification::Entity>(
                    db,
                    employee_certification::Column::Id,
                )
                .await?,
                notification: next_id::<notification::Entity>(db, notification::Column::Id).await?,
            },
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

/// How good a candidate whose application got as far as `moves` is, from 0 to 1: those who
/// went further tend to be better.
fn strength(rng: &mut StdRng, moves: &[people::Move]) -> f64 {
    let reached = moves
        .iter()
        .filter(|m| !m.to.needs_reason())
        .count()
        .saturating_sub(1);
    (rng.gen_range(0.0..0.6) + reached as f64 * 0.08).min(1.0)
}

/// The rows of one transaction's worth of candidates, their files already in the store.
struct Batch {
    candidates: Vec<candidate::ActiveModel>,
    applications: Vec<application::ActiveModel>,
    stage_events: Vec<stage_event::ActiveModel>,
    files: Vec<candidate_file::ActiveModel>,
    documents: Vec<(i32, String)>,
    stored_names: Vec<String>,
    assessments: Assessments,
}

impl Batch {
    async fn build(
        people: Vec<Person>,
        rng: &mut StdRng,
        ids: &mut NextIds,
        context: &Context<'_>,
        store: &FileStore,
        hires: &mut Vec<Hire>,
    ) -> Result<Batch, AppError> {
        let now = context.now;
        let today = (now.year(), now.month());
        let mut batch = Batch {
            candidates: Vec::with_capacity(people.len()),
            applications: Vec::with_capacity(people.len() * 2),
            stage_events: Vec::with_capacity(people.len() * 6),
            files: Vec::with_capacity(people.len()),
            documents: Vec::with_capacity(people.len()),
            stored_names: Vec::with_capacity(people.len()),
            assessments: Assessments::default(),
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
            let mut hired = false;
            for planned in &person.applications {
                let application_id = take(&mut ids.application);
                first_application.get_or_insert(application_id);
                let last = planned.last_move();
                let stage = last.map_or(crate::model::Stage::Applied, |m| m.to);
                let stage_changed_at = last.map_or(now, |m| m.at);
                let made = &context.openings[planned.opening];
                batch.applications.push(application::ActiveModel {
                    id: Set(application_id),
                    candidate_id: Set(candidate_id),
                    opening_id: Set(made.id),
                    stage: Set(stage.as_str().to_owned()),
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
                        actor_id: Set(event.by_hr.then_some(context.hr)),
                        at: Set(event.at),
                    });
                }
                if let Some(profile) = context.starter.profiles.get(&made.profile) {
                    let strength = strength(rng, &planned.moves);
                    let assessed = Assessed {
                        application: application_id,
                        profile,
                        practical: profile.practical.map(|i| &context.starter.practicals[i]),
                        online: profile.online.map(|i| &context.starter.onlines[i]),
                        panel: &made.panel,
                        hr: context.hr,
                        moves: &planned.moves,
                    };
                    batch
                        .assessments
                        .plan(rng, &mut ids.assessment, &assessed, strength, now);
                }
                if stage == crate::model::Stage::Hired && !hired {
                    hired = true;
                    hires.push(Hire {
                        candidate: candidate_id,
                        application: application_id,
                        name: name.clone(),
                        email: person.email.clone(),
                        profile: made.profile,
                        location: made.location,
                        hired_at: stage_changed_at,
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

    fn count(&self, seeded: &mut Seeded) {
        let a = &self.assessments;
        seeded.candidates += self.candidates.len() as u64;
        seeded.applications += self.applications.len() as u64;
        seeded.stage_events += self.stage_events.len() as u64;
        seeded.files += self.files.len() as u64;
        seeded.interviews += a.interviews.len() as u64;
        seeded.scorecards += a.scorecards.len() as u64;
        seeded.ratings += a.ratings.len() as u64;
        seeded.practical_tests += a.practical_tests.len() as u64;
        seeded.online_tests += a.online_tests.len() as u64;
    }

    /// Inserts the rows in one transaction, with the applications' stored fit and levels
    /// worked out from them; if it fails, the batch's files are deleted.
    async fn insert(self, db: &DatabaseConnection, store: &FileStore) -> Result<(), AppError> {
        let stored_names = self.stored_names;
        let application_ids: Vec<i32> = self
            .applications
            .iter()
            .filter_map(|a| a.id.clone().take())
            .collect();
        let rows = (
            self.candidates,
            self.applications,
            self.stage_events,
            self.files,
            self.documents,
            self.assessments,
        );
        let inserted = db
            .transaction::<_, (), DbErr>(|tx| {
                Box::pin(async move {
                    let (candidates, applications, stage_events, files, documents, assessed) = rows;
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
                    insert_assessments(tx, assessed).await?;
                    crate::server::assessments::scores::refresh(tx, application_ids)
                        .await
                        .map_err(|error| DbErr::Custom(format!("assessment scores: {error}")))
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

async fn insert_assessments(tx: &impl ConnectionTrait, a: Assessments) -> Result<(), DbErr> {
    use crate::server::entities::{interview_interviewer, scorecard_rating};
    insert_all::<interview::Entity, _>(tx, a.interviews).await?;
    insert_all::<interview_interviewer::Entity, _>(tx, a.seats).await?;
    insert_all::<interview_event::Entity, _>(tx, a.events).await?;
    insert_all::<scorecard::Entity, _>(tx, a.scorecards).await?;
    insert_all::<scorecard_rating::Entity, _>(tx, a.ratings).await?;
    insert_all::<practical_test::Entity, _>(tx, a.practical_tests).await?;
    insert_all::<practical_test_criterion::Entity, _>(tx, a.practical_criteria).await?;
    insert_all::<online_test::Entity, _>(tx, a.online_tests).await?;
    insert_all::<online_test_item::Entity, _>(tx, a.online_items).await?;
    Ok(())
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
        "users",
        "candidates",
        "applications",
        "stage_events",
        "candidate_files",
        "interviews",
        "interview_events",
        "scorecards",
        "practical_tests",
        "practical_test_criteria",
        "online_tests",
        "online_test_items",
        "employees",
        "course_records",
        "employee_certifications",
        "notifications",
    ] {
        db.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
        ))
        .await?;
    }
    db.execute_unprepared("VACUUM ANALYZE").await?;
    Ok(())
}
