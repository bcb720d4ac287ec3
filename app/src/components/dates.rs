//! Dates and times as the pages write them, in the reader's language.

use chrono::{DateTime, Utc};

use crate::i18n::Lang;

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
