//! Dates and times as the pages write them, in the reader's language. Written out by hand
//! rather than with chrono's `format`, whose pattern machinery would add tens of kilobytes to
//! the browser bundles that show times.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};

use crate::i18n::Lang;
use crate::model::LocalSpan;

/// "03/12/2026" or "3 Dec 2026".
pub fn calendar_day(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::It => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            &Lang::En.month_name(date.month0())[..3],
            date.year()
        ),
    }
}

/// "10:05".
pub fn clock(at: &NaiveDateTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// A wall-clock time as a `datetime-local` field holds it: "2026-12-03T10:05".
pub fn input_value(at: &NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{}",
        at.year(),
        at.month(),
        at.day(),
        clock(at)
    )
}

/// A day: "03/12/2026" or "3 Dec 2026".
pub fn day(lang: Lang, at: &DateTime<Utc>) -> String {
    calendar_day(lang, at.date_naive())
}

/// A day and a time: "03/12/2026 10:30" or "3 Dec 2026 10:30".
pub fn date_time(lang: Lang, at: &DateTime<Utc>) -> String {
    let at = at.naive_utc();
    format!("{} {}", calendar_day(lang, at.date()), clock(&at))
}

/// A span of wall-clock time: "03/12/2026 10:00–11:00 (Europe/Rome)", the end's day written
/// only when it differs.
pub fn span(lang: Lang, span: &LocalSpan) -> String {
    let ends = if span.ends.date() == span.starts.date() {
        clock(&span.ends)
    } else {
        format!(
            "{} {}",
            calendar_day(lang, span.ends.date()),
            clock(&span.ends)
        )
    };
    format!(
        "{} {}–{ends} ({})",
        calendar_day(lang, span.starts.date()),
        clock(&span.starts),
        span.zone
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn a_time_reads_the_italian_or_the_english_way() {
        let when = at(2026, 12, 3, 9, 5).and_utc();
        assert_eq!(date_time(Lang::It, &when), "03/12/2026 09:05");
        assert_eq!(date_time(Lang::En, &when), "3 Dec 2026 09:05");
        assert_eq!(day(Lang::En, &when), "3 Dec 2026");
        assert_eq!(input_value(&at(2026, 1, 7, 14, 30)), "2026-01-07T14:30");
    }

    #[test]
    fn a_span_writes_the_end_s_day_only_when_it_differs() {
        let same = LocalSpan {
            starts: at(2026, 12, 3, 10, 0),
            ends: at(2026, 12, 3, 11, 30),
            zone: "Europe/Rome".into(),
        };
        assert_eq!(
            span(Lang::It, &same),
            "03/12/2026 10:00–11:30 (Europe/Rome)"
        );
        let overnight = LocalSpan {
            ends: at(2026, 12, 4, 1, 0),
            ..same
        };
        assert_eq!(
            span(Lang::En, &overnight),
            "3 Dec 2026 10:00–4 Dec 2026 01:00 (Europe/Rome)"
        );
    }
}
