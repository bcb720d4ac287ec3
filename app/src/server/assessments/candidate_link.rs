//! A practical test's start and the candidate's private link to its materials: the grader (or
//! HR) starts the test, which records the time and, when there are materials for the
//! candidate, mails them a link (a random 256-bit token, only its hash kept) that opens the
//! instructions and the files until the time limit and its grace are over, or the test is
//! graded.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{access, materials, refuse};
use crate::i18n::Lang;
use crate::model::{
    AppError, GRACE_SECONDS, MaterialId, MaterialsLink, PracticalTestId, TestStatus,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::accounts::sessions::{hash_token, random_token};
use crate::server::entities::{application, candidate, practical_test};
use crate::server::mail::{letter::Letter, outbox};

/// What starting a test did: whether the candidate was mailed the link to the materials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Started {
    LinkSent,
    /// No materials for the candidate, or no address to send them to.
    NothingToSend,
}

/// When a test started at `started_at` with `minutes` ends (before its grace).
fn ends_at(started_at: DateTime<Utc>, minutes: i32) -> DateTime<Utc> {
    started_at + TimeDelta::minutes(i64::from(minutes))
}

/// The letter with the link, in the candidate's language.
fn letter(lang: Lang, name: &str, title: &str, link: &str, ends: &str) -> Letter {
    match lang {
        Lang::It => Letter {
            lang,
            subject: format!("Prova pratica: {title}, il materiale"),
            greeting: format!("Gentile {name},"),
            paragraphs: vec![
                format!(
                    "la prova pratica «{title}» è iniziata. Le istruzioni e il materiale sono a questo link fino alle {ends} (UTC):\n{link}"
                ),
                "Il link è personale: non lo inoltri.".to_owned(),
            ],
            signature: "Il team Risorse umane".to_owned(),
            attachment: None,
        },
        Lang::En => Letter {
            lang,
            subject: format!("Practical test: {title}, the materials"),
            greeting: format!("Dear {name},"),
            paragraphs: vec![
                format!(
                    "your practical test \"{title}\" has started. The instructions and the materials are at this link until {ends} (UTC):\n{link}"
                ),
                "The link is yours alone: please do not forward it.".to_owned(),
            ],
            signature: "The HR team".to_owned(),
            attachment: None,
        },
    }
}

/// Starts test `id` at `now`, as its grader or HR; `public_url` is where the site is reached
/// (the link is `<public_url>/p/<token>`). Refused on the form: a test already started
/// (`test_started`) or graded (`test_closed`).
pub async fn start(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: PracticalTestId,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Started, AppError> {
    let test = access::test(db, me, id).await?;
    if test.status != TestStatus::Assigned.as_str() {
        return Err(refuse("form", "test_closed"));
    }
    let found = application::Entity::find_by_id(test.application_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let person = candidate::Entity::find_by_id(found.candidate_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = Lang::parse(&person.lang).unwrap_or_default();
    let email = person.email.clone().filter(|e| !e.trim().is_empty());
    let has_materials = materials::of_test(db, id)
        .await?
        .iter()
        .any(|m| m.is_for(lang));
    let token = random_token();
    let link = format!("{}/p/{token}", public_url.trim_end_matches('/'));
    let title = lang.pick(&test.title_it, &test.title_en).to_owned();
    let ends = ends_at(now, test.time_limit_minutes)
        .format("%d/%m/%Y %H:%M")
        .to_string();
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            // Of two starts at once, only one finds the test not started.
            let held = practical_test::Entity::update_many()
                .col_expr(practical_test::Column::StartedAt, Expr::value(now))
                .col_expr(
                    practical_test::Column::LinkTokenHash,
                    Expr::value(hash_token(&token)),
                )
                .col_expr(practical_test::Column::UpdatedAt, Expr::value(now))
                .filter(practical_test::Column::Id.eq(id.0))
                .filter(practical_test::Column::Status.eq(TestStatus::Assigned.as_str()))
                .filter(practical_test::Column::StartedAt.is_null())
                .exec(tx)
                .await?;
            if held.rows_affected != 1 {
                let graded = practical_test::Entity::find_by_id(id.0)
                    .one(tx)
                    .await?
                    .is_some_and(|t| t.status != TestStatus::Assigned.as_str());
                return Err(refuse(
                    "form",
                    if graded {
                        "test_closed"
                    } else {
                        "test_started"
                    },
                ));
            }
            match email {
                Some(email) if has_materials => {
                    let letter = letter(lang, &person.name, &title, &link, &ends);
                    outbox::queue(tx, &email, &letter).await?;
                    Ok(Started::LinkSent)
                }
                _ => Ok(Started::NothingToSend),
            }
        })
    })
    .await
    .inspect(|started| tracing::info!(test_id = %id, ?started, "practical test started"))
}

/// The test behind `token`, the candidate's language, and whether its materials are still
/// offered at `now`.
async fn by_token(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(practical_test::Model, Lang, bool), AppError> {
    let token = token.trim();
    if token.is_empty() {
        return Err(AppError::NotFound);
    }
    let test = practical_test::Entity::find()
        .filter(practical_test::Column::LinkTokenHash.eq(hash_token(token)))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let started_at = test.started_at.ok_or(AppError::NotFound)?;
    let closes = ends_at(started_at, test.time_limit_minutes) + TimeDelta::seconds(GRACE_SECONDS);
    let open = test.status == TestStatus::Assigned.as_str() && now <= closes;
    let lang = match application::Entity::find_by_id(test.application_id)
        .one(db)
        .await?
    {
        Some(found) => candidate::Entity::find_by_id(found.candidate_id)
            .one(db)
            .await?
            .and_then(|c| Lang::parse(&c.lang))
            .unwrap_or_default(),
        None => Lang::default(),
    };
    Ok((test, lang, open))
}

/// What the link `token` opens at `now`: `NotFound` for a link that does not exist.
pub async fn open(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<MaterialsLink, AppError> {
    let (test, lang, open) = by_token(db, token, now).await?;
    if !open {
        return Ok(MaterialsLink::Over {
            title_it: test.title_it,
            title_en: test.title_en,
        });
    }
    let ends = ends_at(test.started_at.unwrap_or(now), test.time_limit_minutes);
    let materials = materials::of_test(db, PracticalTestId(test.id))
        .await?
        .into_iter()
        .filter(|m| m.is_for(lang))
        .collect();
    Ok(MaterialsLink::Open {
        title_it: test.title_it,
        title_en: test.title_en,
        instructions_it: test.instructions_it,
        instructions_en: test.instructions_en,
        ends_at: ends,
        seconds_left: (ends - now).num_seconds().max(0),
        materials,
    })
}

/// Whether a material asked for through a link can be had.
#[derive(Debug)]
pub enum LinkFile {
    File(materials::MaterialFile),
    /// The test is over: the link no longer gives its materials.
    Over,
}

/// Material `material` through link `token` at `now`, if the test has it for the candidate.
pub async fn file(
    db: &impl ConnectionTrait,
    token: &str,
    material: MaterialId,
    now: DateTime<Utc>,
) -> Result<LinkFile, AppError> {
    let (test, lang, open) = by_token(db, token, now).await?;
    if !open {
        return Ok(LinkFile::Over);
    }
    materials::test_file(db, PracticalTestId(test.id), material, Some(lang))
        .await
        .map(LinkFile::File)
}
