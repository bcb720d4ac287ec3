//! The daily reminders: to the employee and HR for each verified certificate expiring within
//! 90, 60 and 30 days and on its expiry; to the employee, their manager and HR for each
//! mandatory course not completed within 90 days of their start, or whose completion no longer
//! counts. Each goes in the app and, for those who want it, by email through the outbox.
//!
//! A reminder is keyed by what it is about, its threshold, the day it fell due and its
//! recipient, with a unique index: written in the same transaction as its notification and
//! its letter, it goes once however many times the job runs and however many processes run
//! it. A job that did not run for a while sends, for each thing, the threshold reached by
//! then (not every one it missed).

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TryInsertResult};

use crate::components::dates::calendar_day;
use crate::i18n::Lang;
use crate::model::{
    AppError, CellState, EmployeeStatus, MANDATORY_COURSE_DAYS, ReminderKind, Requirement, Role,
    Threshold, Verification,
};
use crate::server::certifications::compliance;
use crate::server::entities::{
    certification, course, employee, employee_certification, notification, reminder, user,
};
use crate::server::jobs::{self, Job};
use crate::server::mail::letter::Letter;
use crate::server::mail::outbox;
use crate::server::{Backend, job_runs};

/// One reminder to send: what it is about, and who gets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub kind: ReminderKind,
    pub employee: i32,
    /// The certification or course.
    pub item: i32,
    pub threshold: Threshold,
    /// The day it fell due: the expiry, or the deadline.
    pub due_on: NaiveDate,
    /// The employee's name and the item's name in each language.
    pub name: String,
    pub item_it: String,
    pub item_en: String,
    /// The users to tell: the employee (first), then their manager for a course, then HR.
    pub recipients: Vec<i32>,
    /// The employee's own account, whose link leads to their training page.
    pub employee_user: i32,
}

impl Due {
    /// What the notification and the letter say, in `lang`.
    pub fn title(&self, lang: Lang) -> String {
        let date = calendar_day(lang, self.due_on);
        let item = lang.pick(&self.item_it, &self.item_en);
        let name = &self.name;
        match (self.threshold, lang) {
            (Threshold::Within(_), Lang::It) => {
                format!("{name}: la certificazione «{item}» scade il {date}")
            }
            (Threshold::Within(_), Lang::En) => {
                format!("{name}: the certification “{item}” expires on {date}")
            }
            (Threshold::Expired, Lang::It) => {
                format!("{name}: la certificazione «{item}» è scaduta il {date}")
            }
            (Threshold::Expired, Lang::En) => {
                format!("{name}: the certification “{item}” expired on {date}")
            }
            (Threshold::Overdue, Lang::It) => {
                format!("{name}: il corso obbligatorio «{item}» andava completato entro il {date}")
            }
            (Threshold::Overdue, Lang::En) => {
                format!("{name}: the mandatory course “{item}” was due by {date}")
            }
            (Threshold::Recurrence, Lang::It) => {
                format!("{name}: il corso obbligatorio «{item}» va ripetuto (scaduto il {date})")
            }
            (Threshold::Recurrence, Lang::En) => {
                format!("{name}: the mandatory course “{item}” is due again (lapsed on {date})")
            }
        }
    }

    /// Where the notification leads `recipient`: their own training page (whose compliance list
    /// shows certificates and mandatory courses), or the employee's page.
    pub fn link(&self, recipient: i32) -> String {
        if recipient == self.employee_user {
            return "/training#certifications-heading".to_owned();
        }
        let anchor = match self.kind {
            ReminderKind::Certificate => "certifications-heading",
            ReminderKind::Course => "training-heading",
        };
        format!("/employees/{}#{anchor}", self.employee)
    }
}

/// Everything due on `today`.
pub async fn due(db: &impl ConnectionTrait, today: NaiveDate) -> Result<Vec<Due>, AppError> {
    let staff = employee::Entity::find()
        .filter(employee::Column::Status.ne(EmployeeStatus::Left.as_str()))
        .all(db)
        .await?;
    // Everyone, for the names; only those still active are told.
    let users: HashMap<i32, user::Model> = user::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut hr: Vec<i32> = users
        .values()
        .filter(|u| u.active && u.role == Role::Hr.as_str())
        .map(|u| u.id)
        .collect();
    hr.sort_unstable();
    let user_of: HashMap<i32, i32> = staff.iter().map(|e| (e.id, e.user_id)).collect();
    let mut found = certificates_due(db, &staff, &users, &hr, today).await?;
    found.extend(courses_due(db, &staff, &users, &user_of, &hr, today).await?);
    Ok(found)
}

/// The employee's account first, then `others`, each once and only if active (an employee
/// whose account is off still has their manager and HR told).
fn recipients(
    employee_user: i32,
    others: impl IntoIterator<Item = i32>,
    users: &HashMap<i32, user::Model>,
) -> Vec<i32> {
    let mut out = Vec::new();
    for id in std::iter::once(employee_user).chain(others) {
        if users.get(&id).is_some_and(|u| u.active) && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// How long after an expiry it is still worth saying so: a first run, or a certificate
/// verified late, does not tell people about what lapsed long ago.
const EXPIRED_NEWS_DAYS: i64 = 30;

async fn certificates_due(
    db: &impl ConnectionTrait,
    staff: &[employee::Model],
    users: &HashMap<i32, user::Model>,
    hr: &[i32],
    today: NaiveDate,
) -> Result<Vec<Due>, AppError> {
    let by_id: HashMap<i32, &employee::Model> = staff.iter().map(|e| (e.id, e)).collect();
    let verified = employee_certification::Entity::find()
        .filter(employee_certification::Column::Status.eq(Verification::Verified.as_str()))
        .all(db)
        .await?;
    // The certificate that counts for each person and certification: the latest verified.
    let mut latest: HashMap<(i32, i32), &employee_certification::Model> = HashMap::new();
    for held in &verified {
        let slot = latest
            .entry((held.employee_id, held.certification_id))
            .or_insert(held);
        if (held.issued_on, held.id) > (slot.issued_on, slot.id) {
            *slot = held;
        }
    }
    let kinds: HashMap<i32, certification::Model> = certification::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut out = Vec::new();
    for ((employee, kind), held) in latest {
        let (Some(person), Some(kind), Some(expires_on)) =
            (by_id.get(&employee), kinds.get(&kind), held.expires_on)
        else {
            continue;
        };
        if !kind.active {
            continue;
        }
        let Some(threshold) = Threshold::of_expiry(expires_on, today) else {
            continue;
        };
        if threshold == Threshold::Expired && (today - expires_on).num_days() > EXPIRED_NEWS_DAYS {
            continue;
        }
        let Some(account) = users.get(&person.user_id) else {
            continue;
        };
        out.push(Due {
            kind: ReminderKind::Certificate,
            employee,
            item: kind.id,
            threshold,
            due_on: expires_on,
            name: account.name.clone(),
            item_it: kind.name_it.clone(),
            item_en: kind.name_en.clone(),
            recipients: recipients(person.user_id, hr.iter().copied(), users),
            employee_user: person.user_id,
        });
    }
    Ok(out)
}

async fn courses_due(
    db: &impl ConnectionTrait,
    staff: &[employee::Model],
    users: &HashMap<i32, user::Model>,
    user_of: &HashMap<i32, i32>,
    hr: &[i32],
    today: NaiveDate,
) -> Result<Vec<Due>, AppError> {
    let people: Vec<(i32, i32)> = staff
        .iter()
        .filter_map(|e| Some((e.id, e.profile_id?)))
        .collect();
    let profiles: BTreeSet<i32> = people.iter().map(|(_, p)| *p).collect();
    let wanted = compliance::requirements(db, &profiles).await?;
    let cells = compliance::cells(db, &people, &wanted, today).await?;
    let courses: HashMap<i32, course::Model> = course::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut out = Vec::new();
    for person in staff {
        let Some(account) = users.get(&person.user_id) else {
            continue;
        };
        let Some(required) = person.profile_id.and_then(|p| wanted.by_profile.get(&p)) else {
            continue;
        };
        for requirement in required {
            let Requirement::Course(course) = *requirement else {
                continue;
            };
            let (Some(cell), Some(found)) =
                (cells.get(&(person.id, *requirement)), courses.get(&course))
            else {
                continue;
            };
            let deadline = person
                .start_date
                .map(|start| start + TimeDelta::days(MANDATORY_COURSE_DAYS));
            let (threshold, due_on) = match (cell.state, cell.date, deadline) {
                (CellState::Expired, Some(lapsed), _) => (Threshold::Recurrence, lapsed),
                (CellState::Missing, _, Some(deadline)) if deadline < today => {
                    (Threshold::Overdue, deadline)
                }
                _ => continue,
            };
            let manager = person.manager_id.and_then(|m| user_of.get(&m).copied());
            out.push(Due {
                kind: ReminderKind::Course,
                employee: person.id,
                item: course,
                threshold,
                due_on,
                name: account.name.clone(),
                item_it: found.title_it.clone(),
                item_en: found.title_en.clone(),
                recipients: recipients(
                    person.user_id,
                    manager.into_iter().chain(hr.iter().copied()),
                    users,
                ),
                employee_user: person.user_id,
            });
        }
    }
    Ok(out)
}

/// The letter of reminder `due` to `to`, in their language.
fn letter(due: &Due, to: &user::Model, public_url: &str) -> Letter {
    let lang = to
        .language
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_default();
    let link = format!("{}{}", public_url.trim_end_matches('/'), due.link(to.id));
    let settings = format!("{}/notifications", public_url.trim_end_matches('/'));
    let title = due.title(lang);
    match lang {
        Lang::It => Letter {
            lang,
            subject: format!("Promemoria: {title}"),
            greeting: format!("Gentile {},", to.name),
            paragraphs: vec![
                format!("{title}."),
                format!("I dettagli sono su Percorso:\n{link}"),
                format!(
                    "Puoi scegliere di non ricevere più i promemoria via email da {settings}; restano nelle notifiche di Percorso."
                ),
            ],
            signature: "Percorso".to_owned(),
            attachment: None,
        },
        Lang::En => Letter {
            lang,
            subject: format!("Reminder: {title}"),
            greeting: format!("Dear {},", to.name),
            paragraphs: vec![
                format!("{title}."),
                format!("The details are on Percorso:\n{link}"),
                format!(
                    "You can stop these reminders by email at {settings}; they stay in your notifications on Percorso."
                ),
            ],
            signature: "Percorso".to_owned(),
            attachment: None,
        },
    }
}

/// Sends `due` to each of its recipients who has not had it yet: the reminder's row, the
/// notification and (if they want it) the letter in one transaction each. Returns how many
/// went out.
pub async fn send(backend: &Backend, due: &Due, now: DateTime<Utc>) -> Result<u32, AppError> {
    let mut sent = 0;
    for &recipient in &due.recipients {
        let due = due.clone();
        let public_url = backend.public_url.clone();
        let went = crate::server::write(&backend.db, move |tx| {
            Box::pin(async move {
                let Some(to) = user::Entity::find_by_id(recipient).one(tx).await? else {
                    return Ok(false);
                };
                let claimed = reminder::Entity::insert(reminder::ActiveModel {
                    kind: Set(due.kind.as_str().to_owned()),
                    employee_id: Set(due.employee),
                    item_id: Set(due.item),
                    threshold: Set(due.threshold.key()),
                    due_on: Set(due.due_on),
                    user_id: Set(recipient),
                    sent_at: Set(now),
                    ..Default::default()
                })
                .on_conflict_do_nothing_on([
                    reminder::Column::Kind,
                    reminder::Column::EmployeeId,
                    reminder::Column::ItemId,
                    reminder::Column::Threshold,
                    reminder::Column::DueOn,
                    reminder::Column::UserId,
                ])
                .exec_without_returning(tx)
                .await?;
                if !matches!(claimed, TryInsertResult::Inserted(1)) {
                    return Ok(false);
                }
                notification::Entity::insert(notification::ActiveModel {
                    user_id: Set(recipient),
                    title_it: Set(due.title(Lang::It).chars().take(400).collect()),
                    title_en: Set(due.title(Lang::En).chars().take(400).collect()),
                    link: Set(due.link(recipient)),
                    created_at: Set(now),
                    read_at: Set(None),
                    ..Default::default()
                })
                .exec(tx)
                .await?;
                if to.email_reminders && to.active {
                    outbox::queue(tx, &to.email, &letter(&due, &to, &public_url)).await?;
                }
                Ok(true)
            })
        })
        .await?;
        sent += u32::from(went);
    }
    Ok(sent)
}

/// Sends everything due on `today`; returns how many reminders went out.
pub async fn run(backend: &Backend, today: NaiveDate) -> Result<u32, AppError> {
    let now = backend.clock.now();
    let mut sent = 0;
    for due in due(&backend.db, today).await? {
        sent += send(backend, &due, now).await?;
    }
    tracing::info!(%today, sent, "reminders run");
    Ok(sent)
}

/// The scheduled run for `day`: runs if this instance wins the day's lease, `None` when
/// another instance (or an earlier check) has it. A failed run gives the day back.
pub async fn run_scheduled(backend: &Backend, day: NaiveDate) -> Result<Option<u32>, AppError> {
    let Some(lease) = jobs::claim(&backend.db, Job::Reminders, day).await? else {
        return Ok(None);
    };
    match run(backend, day).await {
        Ok(sent) => {
            lease.finish(&backend.db).await?;
            Ok(Some(sent))
        }
        Err(error) => {
            if lease.release(&backend.db).await.is_err() {
                tracing::error!(%day, "cannot release the reminders lease; it goes stale instead");
            }
            Err(error)
        }
    }
}

/// How often each instance checks whether today's reminders are still to send.
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Sends the reminders once a day for as long as the server runs: every instance checks at
/// start (catching up on the days it was off) and hourly, and the day's lease lets one of
/// them run it; each check is counted for `/metrics`.
pub async fn run_daily(backend: Backend) {
    let mut checks = tokio::time::interval(CHECK_EVERY);
    checks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        checks.tick().await;
        let result = run_scheduled(&backend, backend.clock.today()).await;
        let outcome = match &result {
            Ok(Some(_)) => job_runs::JobOutcome::Succeeded,
            Ok(None) => job_runs::JobOutcome::Skipped,
            Err(_) => job_runs::JobOutcome::Failed,
        };
        job_runs::record(job_runs::REMINDERS, outcome);
        if result.is_err() {
            tracing::error!("the reminders run failed; the next check tries again");
        }
    }
}
