//! Scheduling: HR put an interview on an application with a panel of interviewers, move it or
//! cancel it (with a reason), and everyone invited gets the change with its calendar entry.
//! Each change is kept for the candidate's timeline. A time that clashes with a panelist's
//! other interview, or with another interview in the same place, is warned about, not refused.

use std::collections::BTreeSet;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use super::calendar::{self, Attendee, Method};
use super::invitations::{self, Change, Context, Recipient};
use super::{refuse, times};
use crate::i18n::Lang;
use crate::model::{
    AppError, ChangeReason, FieldError, FieldErrors, InterviewId, InterviewInput, InterviewKind,
    InterviewStatus, LONGEST_INTERVIEW_HOURS, Role, ScheduleWarning, Scheduled, Stage, parse_local,
    validate,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::accounts::sessions::random_token;
use crate::server::entities::{
    application, candidate, interview, interview_event, interview_interviewer, job_profile,
    opening, user,
};

/// The times of an interview, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Times {
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
}

/// Reads the typed times in their zone; refuses an unknown zone, a time skipped by a clock
/// change, an end not after the start, and an interview longer than eight hours.
fn checked_times(input: &InterviewInput) -> Result<Times, AppError> {
    let mut errors = FieldErrors::default();
    let Some(zone) = times::zone(&input.time_zone) else {
        errors
            .0
            .insert("time_zone".into(), FieldError::new("time_zone"));
        for (field, value) in [("starts_at", &input.starts_at), ("ends_at", &input.ends_at)] {
            if parse_local(value).is_none() {
                errors.0.insert(field.into(), FieldError::new("date_time"));
            }
        }
        return Err(AppError::Invalid(errors));
    };
    if let Some((starts, ends)) =
        times::instants(&input.starts_at, &input.ends_at, zone, &mut errors)
    {
        if ends - starts > TimeDelta::hours(LONGEST_INTERVIEW_HOURS) {
            let mut error = FieldError::new("interview_too_long");
            error.param = Some(LONGEST_INTERVIEW_HOURS);
            errors.0.insert("ends_at".into(), error);
        }
        if errors.is_empty() {
            return Ok(Times { starts, ends });
        }
    }
    Err(AppError::Invalid(errors))
}

/// The panel's accounts, checked: each exists, is active, and may interview.
async fn checked_panel(
    db: &impl ConnectionTrait,
    ids: &[crate::model::UserId],
) -> Result<Vec<user::Model>, AppError> {
    let wanted: BTreeSet<i32> = ids.iter().map(|id| id.0).collect();
    let found = user::Entity::find()
        .filter(user::Column::Id.is_in(wanted.iter().copied()))
        .all(db)
        .await?;
    if found.len() != wanted.len() {
        return Err(refuse("interviewer_ids", "interviewer_unknown"));
    }
    if found.iter().any(|u| !u.active) {
        return Err(refuse("interviewer_ids", "interviewer_inactive"));
    }
    let may_interview = |u: &user::Model| {
        matches!(
            Role::parse(&u.role),
            Some(Role::Interviewer | Role::Hr | Role::Admin)
        )
    };
    if !found.iter().all(may_interview) {
        return Err(refuse("interviewer_ids", "not_an_interviewer"));
    }
    Ok(found)
}

/// What an interview is about: its application, candidate and opening.
struct Subject {
    application: application::Model,
    candidate: candidate::Model,
    opening: opening::Model,
    profile: job_profile::Model,
}

async fn subject(db: &impl ConnectionTrait, application_id: i32) -> Result<Subject, AppError> {
    let application = application::Entity::find_by_id(application_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let candidate = candidate::Entity::find_by_id(application.candidate_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let opening = opening::Entity::find_by_id(application.opening_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile = job_profile::Entity::find_by_id(opening.profile_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Subject {
        application,
        candidate,
        opening,
        profile,
    })
}

/// Refuses an application that has ended (rejected, withdrawn) or whose candidate was erased.
fn still_open(subject: &Subject) -> Result<(), AppError> {
    let ended = matches!(
        Stage::parse(&subject.application.stage),
        Some(Stage::Rejected | Stage::Withdrawn)
    );
    if ended || subject.candidate.anonymised_at.is_some() {
        return Err(refuse("form", "application_closed"));
    }
    Ok(())
}

/// Interviews at an overlapping time that share a panelist or the place.
async fn clashes(
    db: &impl ConnectionTrait,
    times: Times,
    place: &str,
    panel: &[user::Model],
    except: Option<i32>,
    viewer_zone: &str,
) -> Result<Vec<ScheduleWarning>, AppError> {
    let mut overlapping = interview::Entity::find()
        .filter(interview::Column::Status.eq(InterviewStatus::Scheduled.as_str()))
        .filter(interview::Column::StartsAt.lt(times.ends))
        .filter(interview::Column::EndsAt.gt(times.starts));
    if let Some(id) = except {
        overlapping = overlapping.filter(interview::Column::Id.ne(id));
    }
    let overlapping = overlapping.all(db).await?;
    if overlapping.is_empty() {
        return Ok(Vec::new());
    }
    let seats = interview_interviewer::Entity::find()
        .filter(interview_interviewer::Column::InterviewId.is_in(overlapping.iter().map(|i| i.id)))
        .all(db)
        .await?;
    let mut warnings = Vec::new();
    for member in panel {
        for other in &overlapping {
            let busy = seats
                .iter()
                .any(|s| s.interview_id == other.id && s.user_id == member.id);
            if busy {
                warnings.push(ScheduleWarning::InterviewerBusy {
                    name: member.name.clone(),
                    other: times::span(other.starts_at, other.ends_at, viewer_zone),
                });
            }
        }
    }
    let place = place.trim();
    if !place.is_empty() {
        for other in &overlapping {
            if other.location.trim().eq_ignore_ascii_case(place) {
                warnings.push(ScheduleWarning::PlaceBooked {
                    place: place.to_owned(),
                    other: times::span(other.starts_at, other.ends_at, viewer_zone),
                });
            }
        }
    }
    Ok(warnings)
}

async fn set_panel(
    db: &impl ConnectionTrait,
    interview_id: i32,
    panel: &[user::Model],
) -> Result<(), AppError> {
    interview_interviewer::Entity::delete_many()
        .filter(interview_interviewer::Column::InterviewId.eq(interview_id))
        .exec(db)
        .await?;
    for member in panel {
        interview_interviewer::ActiveModel {
            interview_id: Set(interview_id),
            user_id: Set(member.id),
            done: Set(false),
            starts_at: Set(None),
        }
        .insert(db)
        .await?;
    }
    super::seats::refresh(db, interview_id).await
}

async fn record(
    db: &impl ConnectionTrait,
    interview: &interview::Model,
    change: &str,
    reason: Option<String>,
    actor: &CurrentUser,
) -> Result<(), AppError> {
    interview_event::ActiveModel {
        interview_id: Set(interview.id),
        change: Set(change.to_owned()),
        reason: Set(reason),
        starts_at: Set(interview.starts_at),
        ends_at: Set(interview.ends_at),
        actor_id: Set(Some(actor.id.0)),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

fn lang_of(value: Option<&str>) -> Lang {
    value.and_then(Lang::parse).unwrap_or_default()
}

fn panelist(member: &user::Model) -> Recipient {
    Recipient {
        name: member.name.clone(),
        email: member.email.clone(),
        lang: lang_of(member.language.as_deref()),
        time_zone: member.time_zone.clone(),
    }
}

/// The candidate, when they can be written to.
fn candidate_recipient(subject: &Subject, interview: &interview::Model) -> Option<Recipient> {
    Some(Recipient {
        name: subject.candidate.name.clone(),
        email: subject.candidate.email.clone()?,
        lang: lang_of(Some(&subject.candidate.lang)),
        time_zone: interview.time_zone.clone(),
    })
}

/// Who a change is written to.
struct Audience<'a> {
    /// These panelists.
    panelists: &'a [user::Model],
    /// And the candidate.
    candidate: bool,
}

/// Everyone on the calendar entry: the panel, and the candidate when they have an address.
fn attendees(subject: &Subject, panel: &[user::Model]) -> Vec<Attendee> {
    let mut attendees: Vec<Attendee> = panel
        .iter()
        .map(|m| Attendee {
            name: m.name.clone(),
            email: m.email.clone(),
        })
        .collect();
    if let Some(email) = &subject.candidate.email {
        attendees.push(Attendee {
            name: subject.candidate.name.clone(),
            email: email.clone(),
        });
    }
    attendees
}

fn context<'a>(
    subject: &'a Subject,
    interview: &'a interview::Model,
    panel: &[user::Model],
    organizer: Attendee,
) -> Context<'a> {
    Context {
        interview,
        kind: InterviewKind::parse(&interview.kind).unwrap_or(InterviewKind::HrInterview),
        candidate_name: &subject.candidate.name,
        opening_it: &subject.profile.title_it,
        opening_en: &subject.profile.title_en,
        organizer,
        attendees: attendees(subject, panel),
    }
}

/// The calendar entry's organizer: whoever scheduled the interview, the same on every change
/// (calendar programs may refuse an update from another organizer).
async fn organizer(
    db: &impl ConnectionTrait,
    interview: &interview::Model,
) -> Result<Attendee, AppError> {
    let creator = user::Entity::find_by_id(interview.created_by)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Attendee {
        name: creator.name,
        email: creator.email,
    })
}

/// Queues `change` to `audience`; the calendar entry lists the candidate and `panel`.
async fn invite(
    db: &impl ConnectionTrait,
    subject: &Subject,
    interview: &interview::Model,
    panel: &[user::Model],
    change: &Change,
    audience: Audience<'_>,
) -> Result<(), AppError> {
    let context = context(subject, interview, panel, organizer(db, interview).await?);
    let mut recipients: Vec<Recipient> = audience.panelists.iter().map(panelist).collect();
    if audience.candidate {
        recipients.extend(candidate_recipient(subject, interview));
    }
    invitations::queue(db, &context, change, &recipients).await
}

/// Interview `id`'s calendar file as it stands (a cancellation once cancelled), in `user`'s
/// language, for those who may see the interview.
pub async fn calendar_file(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: InterviewId,
) -> Result<String, AppError> {
    let found = super::access::interview(db, user, id).await?;
    let subject = subject(db, found.application_id).await?;
    let panel = current_panel(db, found.id).await?;
    let organizer = organizer(db, &found).await?;
    let method = if found.status == InterviewStatus::Cancelled.as_str() {
        Method::Cancel
    } else {
        Method::Request
    };
    let lang = user.language.unwrap_or_default();
    Ok(calendar::ics(
        &context(&subject, &found, &panel, organizer).entry(lang),
        method,
    ))
}

/// Schedules an interview from `input`; answers its id, any clashes, and who joined the team.
pub async fn schedule(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    input: InterviewInput,
) -> Result<Scheduled, AppError> {
    validate(&input)?;
    let times = checked_times(&input)?;
    let subject = subject(db, input.application_id.0).await?;
    still_open(&subject)?;
    let panel = checked_panel(db, &input.interviewer_ids).await?;
    let warnings = clashes(db, times, &input.location, &panel, None, &actor.time_zone).await?;
    let actor_for_tx = actor.clone();
    let (id, added_to_team) = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let actor = actor_for_tx;
            let now = Utc::now();
            let saved = interview::ActiveModel {
                application_id: Set(subject.application.id),
                kind: Set(input.kind.as_str().to_owned()),
                starts_at: Set(times.starts),
                ends_at: Set(times.ends),
                time_zone: Set(input.time_zone.trim().to_owned()),
                location: Set(input.location.trim().to_owned()),
                video_link: Set(input.video_link.trim().to_owned()),
                status: Set(InterviewStatus::Scheduled.as_str().to_owned()),
                uid: Set(format!("{}@percorso", &random_token()[..32])),
                sequence: Set(0),
                created_by: Set(actor.id.0),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            set_panel(tx, saved.id, &panel).await?;
            let added =
                crate::server::recruitment::openings::join_team(tx, subject.opening.id, &panel)
                    .await?;
            record(tx, &saved, "scheduled", None, &actor).await?;
            let everyone = Audience {
                panelists: &panel,
                candidate: true,
            };
            invite(tx, &subject, &saved, &panel, &Change::Scheduled, everyone).await?;
            Ok((saved.id, added))
        })
    })
    .await?;
    tracing::info!(interview_id = id, actor = %actor.id, "interview scheduled");
    Ok(Scheduled {
        id: InterviewId(id),
        warnings,
        added_to_team,
    })
}

/// Takes interview `read` for a change, refusing if someone moved or cancelled it since it was
/// read: two changes at once would otherwise both pass, with the same SEQUENCE.
async fn unchanged_since(
    db: &impl ConnectionTrait,
    read: &interview::Model,
) -> Result<(), AppError> {
    let taken = interview::Entity::update_many()
        .col_expr(interview::Column::Sequence, Expr::value(read.sequence + 1))
        .filter(interview::Column::Id.eq(read.id))
        .filter(interview::Column::Sequence.eq(read.sequence))
        .filter(interview::Column::Status.eq(InterviewStatus::Scheduled.as_str()))
        .exec(db)
        .await?;
    if taken.rows_affected == 1 {
        Ok(())
    } else {
        Err(refuse("form", "interview_changed"))
    }
}

/// The interview `id`, still scheduled.
async fn scheduled(
    db: &impl ConnectionTrait,
    id: InterviewId,
) -> Result<interview::Model, AppError> {
    let found = interview::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.status != InterviewStatus::Scheduled.as_str() {
        return Err(refuse("form", "interview_cancelled"));
    }
    Ok(found)
}

async fn current_panel(
    db: &impl ConnectionTrait,
    interview_id: i32,
) -> Result<Vec<user::Model>, AppError> {
    let ids: Vec<i32> = interview_interviewer::Entity::find()
        .filter(interview_interviewer::Column::InterviewId.eq(interview_id))
        .all(db)
        .await?
        .into_iter()
        .map(|seat| seat.user_id)
        .collect();
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?)
}

/// Moves interview `id` (times, place, panel, kind) for `reason`: the calendar entry's
/// sequence goes up; the panel and the candidate get the new time, anyone taken off the
/// panel a cancellation.
pub async fn reschedule(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    id: InterviewId,
    input: InterviewInput,
    reason: ChangeReason,
) -> Result<Scheduled, AppError> {
    validate(&input)?;
    validate(&reason)?;
    let times = checked_times(&input)?;
    let found = scheduled(db, id).await?;
    let subject = subject(db, found.application_id).await?;
    still_open(&subject)?;
    let panel = checked_panel(db, &input.interviewer_ids).await?;
    let before = current_panel(db, found.id).await?;
    let warnings = clashes(
        db,
        times,
        &input.location,
        &panel,
        Some(found.id),
        &actor.time_zone,
    )
    .await?;
    let actor_for_tx = actor.clone();
    let added_to_team = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let actor = actor_for_tx;
            let reason = reason.reason.trim().to_owned();
            unchanged_since(tx, &found).await?;
            let mut model: interview::ActiveModel = found.clone().into();
            model.kind = Set(input.kind.as_str().to_owned());
            model.starts_at = Set(times.starts);
            model.ends_at = Set(times.ends);
            model.time_zone = Set(input.time_zone.trim().to_owned());
            model.location = Set(input.location.trim().to_owned());
            model.video_link = Set(input.video_link.trim().to_owned());
            model.sequence = Set(found.sequence + 1);
            model.updated_at = Set(Utc::now());
            let saved = model.update(tx).await?;
            set_panel(tx, saved.id, &panel).await?;
            let added =
                crate::server::recruitment::openings::join_team(tx, subject.opening.id, &panel)
                    .await?;
            record(tx, &saved, "rescheduled", Some(reason.clone()), &actor).await?;
            let moved = Change::Moved {
                reason: reason.clone(),
            };
            let everyone = Audience {
                panelists: &panel,
                candidate: true,
            };
            invite(tx, &subject, &saved, &panel, &moved, everyone).await?;
            let removed: Vec<user::Model> = before
                .into_iter()
                .filter(|m| !panel.iter().any(|p| p.id == m.id))
                .collect();
            if !removed.is_empty() {
                let cancelled = Change::Cancelled { reason };
                let taken_off = Audience {
                    panelists: &removed,
                    candidate: false,
                };
                invite(tx, &subject, &saved, &removed, &cancelled, taken_off).await?;
            }
            Ok(added)
        })
    })
    .await?;
    tracing::info!(interview_id = %id, actor = %actor.id, "interview rescheduled");
    Ok(Scheduled {
        id,
        warnings,
        added_to_team,
    })
}

/// Cancels interview `id` for `reason`: everyone invited gets a cancellation of the same
/// calendar entry.
pub async fn cancel(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    id: InterviewId,
    reason: ChangeReason,
) -> Result<(), AppError> {
    validate(&reason)?;
    let found = scheduled(db, id).await?;
    let subject = subject(db, found.application_id).await?;
    let panel = current_panel(db, found.id).await?;
    let actor_for_tx = actor.clone();
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            let actor = actor_for_tx;
            let reason = reason.reason.trim().to_owned();
            unchanged_since(tx, &found).await?;
            let sequence = found.sequence + 1;
            let mut model: interview::ActiveModel = found.into();
            model.status = Set(InterviewStatus::Cancelled.as_str().to_owned());
            model.sequence = Set(sequence);
            model.updated_at = Set(Utc::now());
            let saved = model.update(tx).await?;
            super::seats::refresh(tx, saved.id).await?;
            // Its scorecards no longer count towards the application's assessment.
            crate::server::assessments::scores::refresh(tx, [saved.application_id]).await?;
            record(tx, &saved, "cancelled", Some(reason.clone()), &actor).await?;
            let cancelled = Change::Cancelled { reason };
            let everyone = Audience {
                panelists: &panel,
                candidate: true,
            };
            invite(tx, &subject, &saved, &panel, &cancelled, everyone).await
        })
    })
    .await?;
    tracing::info!(interview_id = %id, actor = %actor.id, "interview cancelled");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ApplicationId, UserId};

    fn input(starts: &str, ends: &str, zone: &str) -> InterviewInput {
        InterviewInput {
            application_id: ApplicationId(1),
            kind: InterviewKind::HrInterview,
            starts_at: starts.into(),
            ends_at: ends.into(),
            time_zone: zone.into(),
            location: String::new(),
            video_link: String::new(),
            interviewer_ids: vec![UserId(1)],
        }
    }

    fn code(error: AppError, field: &str) -> String {
        match error {
            AppError::Invalid(fields) => fields
                .get(field)
                .map(|e| e.code.clone())
                .unwrap_or_default(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn times_typed_in_rome_are_stored_in_utc() {
        let times = checked_times(&input(
            "2026-12-03T10:00",
            "2026-12-03T11:00",
            "Europe/Rome",
        ))
        .unwrap();
        assert_eq!(times.starts.to_rfc3339(), "2026-12-03T09:00:00+00:00");
        assert_eq!(times.ends.to_rfc3339(), "2026-12-03T10:00:00+00:00");
    }

    #[test]
    fn an_end_before_the_start_and_an_interview_over_eight_hours_are_refused_on_the_end() {
        let before = checked_times(&input(
            "2026-12-03T10:00",
            "2026-12-03T09:00",
            "Europe/Rome",
        ));
        assert_eq!(code(before.unwrap_err(), "ends_at"), "ends_before_start");
        let long = checked_times(&input(
            "2026-12-03T08:00",
            "2026-12-03T16:30",
            "Europe/Rome",
        ));
        assert_eq!(code(long.unwrap_err(), "ends_at"), "interview_too_long");
        let eight = checked_times(&input(
            "2026-12-03T08:00",
            "2026-12-03T16:00",
            "Europe/Rome",
        ));
        assert!(eight.is_ok());
    }

    #[test]
    fn an_unknown_zone_and_a_time_skipped_by_the_clocks_are_refused_on_their_fields() {
        let zone = checked_times(&input("2026-12-03T10:00", "2026-12-03T11:00", "Mars/Base"));
        assert_eq!(code(zone.unwrap_err(), "time_zone"), "time_zone");
        let skipped = checked_times(&input(
            "2026-03-29T02:30",
            "2026-03-29T04:00",
            "Europe/Rome",
        ));
        assert_eq!(code(skipped.unwrap_err(), "starts_at"), "no_such_time");
    }
}
