//! Invitations: for each person invited (the candidate and every interviewer) a letter in
//! their language with the time in their time zone, and the interview's calendar entry
//! attached, queued in the outbox within the change's transaction.

use chrono::{Datelike, NaiveDateTime};
use sea_orm::ConnectionTrait;

use super::calendar::{self, Attendee, Entry, Method};
use super::times;
use crate::i18n::Lang;
use crate::model::{AppError, InterviewKind, LocalSpan};
use crate::server::entities::interview;
use crate::server::mail::{self, Attachment, Letter};

/// What happened to the interview, as the letter tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Scheduled,
    Moved {
        reason: String,
    },
    /// Cancelled for everyone, or for an interviewer taken off the panel.
    Cancelled {
        reason: String,
    },
}

/// Someone to write to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub name: String,
    pub email: String,
    pub lang: Lang,
    /// Where they read the time.
    pub time_zone: String,
}

/// What every letter about one interview shares.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub interview: &'a interview::Model,
    pub kind: InterviewKind,
    pub candidate_name: &'a str,
    pub opening_it: &'a str,
    pub opening_en: &'a str,
    pub organizer: Attendee,
    /// Everyone invited, for the calendar entry's attendees.
    pub attendees: Vec<Attendee>,
}

impl Context<'_> {
    /// The calendar entry in `lang`.
    pub fn entry(&self, lang: Lang) -> Entry {
        let opening = lang.pick(self.opening_it, self.opening_en);
        let summary = format!(
            "{}: {} · {opening}",
            kind_name(lang, self.kind),
            self.candidate_name
        );
        let link = self.interview.video_link.trim();
        let description = if link.is_empty() {
            summary.clone()
        } else {
            format!("{summary}\n{link}")
        };
        let place = self.interview.location.trim();
        Entry {
            uid: self.interview.uid.clone(),
            sequence: u32::try_from(self.interview.sequence).unwrap_or(0),
            summary,
            description,
            location: if place.is_empty() {
                link.to_owned()
            } else {
                place.to_owned()
            },
            starts: self.interview.starts_at,
            ends: self.interview.ends_at,
            organizer: self.organizer.clone(),
            attendees: self.attendees.clone(),
        }
    }
}

/// The kind of interview in running text.
pub fn kind_name(lang: Lang, kind: InterviewKind) -> &'static str {
    match (lang, kind) {
        (Lang::It, InterviewKind::PhoneScreen) => "Colloquio telefonico",
        (Lang::It, InterviewKind::HrInterview) => "Colloquio con le Risorse umane",
        (Lang::It, InterviewKind::TechnicalInterview) => "Colloquio tecnico",
        (Lang::En, InterviewKind::PhoneScreen) => "Phone screen",
        (Lang::En, InterviewKind::HrInterview) => "HR interview",
        (Lang::En, InterviewKind::TechnicalInterview) => "Technical interview",
    }
}

fn day(lang: Lang, at: NaiveDateTime) -> String {
    format!(
        "{} {} {} {}",
        lang.weekday_name(at.weekday().num_days_from_monday()),
        at.day(),
        lang.month_name(at.month0()),
        at.year()
    )
}

/// "giovedì 3 dicembre 2026, 10:00–11:00 (Europe/Rome)".
pub fn when(lang: Lang, span: &LocalSpan) -> String {
    let ends = if span.ends.date() == span.starts.date() {
        span.ends.format("%H:%M").to_string()
    } else {
        format!("{} {}", day(lang, span.ends), span.ends.format("%H:%M"))
    };
    format!(
        "{}, {}–{} ({})",
        day(lang, span.starts),
        span.starts.format("%H:%M"),
        ends,
        span.zone
    )
}

fn letter(context: &Context<'_>, change: &Change, to: &Recipient) -> Letter {
    let lang = to.lang;
    let interview = context.interview;
    let span = times::span(interview.starts_at, interview.ends_at, &to.time_zone);
    let kind = kind_name(lang, context.kind);
    let opening = lang.pick(context.opening_it, context.opening_en);
    let when = when(lang, &span);
    let (subject, opening_line) = match (lang, change) {
        (Lang::It, Change::Scheduled) => (
            format!("Invito: {kind} · {opening}"),
            format!(
                "ti invitiamo al {} per la posizione \"{opening}\".",
                kind.to_lowercase()
            ),
        ),
        (Lang::It, Change::Moved { .. }) => (
            format!("Colloquio spostato: {kind} · {opening}"),
            format!(
                "il {} per la posizione \"{opening}\" è stato spostato.",
                kind.to_lowercase()
            ),
        ),
        (Lang::It, Change::Cancelled { .. }) => (
            format!("Colloquio annullato: {kind} · {opening}"),
            format!(
                "il {} per la posizione \"{opening}\" è stato annullato.",
                kind.to_lowercase()
            ),
        ),
        (Lang::En, Change::Scheduled) => (
            format!("Invitation: {kind} · {opening}"),
            format!(
                "you are invited to a {} for \"{opening}\".",
                kind.to_lowercase()
            ),
        ),
        (Lang::En, Change::Moved { .. }) => (
            format!("Interview moved: {kind} · {opening}"),
            format!(
                "the {} for \"{opening}\" has been moved.",
                kind.to_lowercase()
            ),
        ),
        (Lang::En, Change::Cancelled { .. }) => (
            format!("Interview cancelled: {kind} · {opening}"),
            format!(
                "the {} for \"{opening}\" has been cancelled.",
                kind.to_lowercase()
            ),
        ),
    };
    let mut details = vec![format!("{}: {when}", lang.pick("Quando", "When"))];
    if !interview.location.trim().is_empty() {
        details.push(format!(
            "{}: {}",
            lang.pick("Dove", "Where"),
            interview.location.trim()
        ));
    }
    if !interview.video_link.trim().is_empty() {
        details.push(format!(
            "{}: {}",
            lang.pick("Collegamento video", "Video link"),
            interview.video_link.trim()
        ));
    }
    if context.candidate_name != to.name {
        details.push(format!(
            "{}: {}",
            lang.pick("Candidato/a", "Candidate"),
            context.candidate_name
        ));
    }
    let mut paragraphs = vec![opening_line, details.join("\n")];
    match change {
        Change::Moved { reason } | Change::Cancelled { reason } if !reason.trim().is_empty() => {
            paragraphs.push(format!(
                "{}: {}",
                lang.pick("Motivo", "Reason"),
                reason.trim()
            ));
        }
        _ => {}
    }
    paragraphs.push(
        lang.pick(
            "Trovi l'appuntamento in allegato: aprilo per aggiornare il tuo calendario.",
            "The appointment is attached: open it to update your calendar.",
        )
        .to_owned(),
    );
    let method = match change {
        Change::Cancelled { .. } => Method::Cancel,
        _ => Method::Request,
    };
    Letter {
        lang,
        subject,
        greeting: match lang {
            Lang::It => format!("Gentile {},", to.name),
            Lang::En => format!("Dear {},", to.name),
        },
        paragraphs,
        signature: lang.pick("Il team Risorse umane", "The HR team").to_owned(),
        attachment: Some(Attachment {
            name: lang.pick("colloquio.ics", "interview.ics").to_owned(),
            content_type: method.content_type(),
            body: calendar::ics(&context.entry(lang), method),
        }),
    }
}

/// Queues one letter per recipient about `change`.
pub async fn queue(
    db: &impl ConnectionTrait,
    context: &Context<'_>,
    change: &Change,
    recipients: &[Recipient],
) -> Result<(), AppError> {
    for to in recipients {
        mail::outbox::queue(db, &to.email, &letter(context, change, to)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_time_reads_as_a_day_and_hours_in_the_reader_s_language() {
        let at = |h| {
            NaiveDate::from_ymd_opt(2026, 12, 3)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        let span = LocalSpan {
            starts: at(10),
            ends: at(11),
            zone: "Europe/Rome".into(),
        };
        assert_eq!(
            when(Lang::It, &span),
            "giovedì 3 dicembre 2026, 10:00–11:00 (Europe/Rome)"
        );
        assert_eq!(
            when(Lang::En, &span),
            "Thursday 3 December 2026, 10:00–11:00 (Europe/Rome)"
        );
    }
}
