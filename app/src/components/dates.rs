//! Dates and times as the pages write them, in the reader's language.

use chrono::{DateTime, Utc};

use crate::i18n::Lang;
use crate::model::LocalSpan;

/// A day: "03/12/2026" or "3 Dec 2026".
pub fn day(lang: Lang, at: &DateTime<Utc>) -> String {
    match lang {
        Lang::It => at.format("%d/%m/%Y").to_string(),
        Lang::En => at.format("%-d %b %Y").to_string(),
    }
}

/// A day and a time: "03/12/2026 10:30" or "3 Dec 2026 10:30".
pub fn date_time(lang: Lang, at: &DateTime<Utc>) -> String {
    match lang {
        Lang::It => at.format("%d/%m/%Y %H:%M").to_string(),
        Lang::En => at.format("%-d %b %Y %H:%M").to_string(),
    }
}

/// A span of wall-clock time: "03/12/2026 10:00–11:00 (Europe/Rome)", the end's day written
/// only when it differs.
pub fn span(lang: Lang, span: &LocalSpan) -> String {
    let day_format = match lang {
        Lang::It => "%d/%m/%Y",
        Lang::En => "%-d %b %Y",
    };
    let ends = if span.ends.date() == span.starts.date() {
        span.ends.format("%H:%M").to_string()
    } else {
        span.ends.format(&format!("{day_format} %H:%M")).to_string()
    };
    format!(
        "{}–{ends} ({})",
        span.starts.format(&format!("{day_format} %H:%M")),
        span.zone
    )
}
