//! Wall-clock times in a time zone and the instants they stand for: what HR type in a zone
//! becomes UTC for storage, and stored instants are shown in the viewer's zone.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::model::{DEFAULT_TIME_ZONE, FieldError, FieldErrors, LocalSpan, parse_local};

/// The zone named `name` (an IANA name such as `Europe/Rome`), if it exists.
pub fn zone(name: &str) -> Option<Tz> {
    name.trim().parse().ok()
}

/// Why a wall-clock time has no instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSuchTime {
    /// Skipped when the clocks went forward.
    Skipped,
}

/// The instant at wall-clock time `local` in `zone`. When the clocks go back, a time that
/// happens twice is taken the first time.
pub fn to_utc(local: NaiveDateTime, zone: Tz) -> Result<DateTime<Utc>, NoSuchTime> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(at) => Ok(at.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => Err(NoSuchTime::Skipped),
    }
}

/// Wall-clock `starts_at` and `ends_at` (`2026-12-03T10:30`) in `zone`, as instants. Each
/// one's problem (`date_time`, `no_such_time`), and an end not after the start
/// (`ends_before_start`), go to `errors` under those field names.
pub fn instants(
    starts_at: &str,
    ends_at: &str,
    zone: Tz,
    errors: &mut FieldErrors,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let instant = |value: &str| {
        let local = parse_local(value).ok_or("date_time")?;
        to_utc(local, zone).map_err(|_| "no_such_time")
    };
    let (starts, ends) = (instant(starts_at), instant(ends_at));
    for (field, result) in [("starts_at", &starts), ("ends_at", &ends)] {
        if let Err(code) = result {
            errors.0.insert(field.into(), FieldError::new(code));
        }
    }
    let (Ok(starts), Ok(ends)) = (starts, ends) else {
        return None;
    };
    if ends <= starts {
        errors
            .0
            .insert("ends_at".into(), FieldError::new("ends_before_start"));
        return None;
    }
    Some((starts, ends))
}

/// A start and an end as wall-clock times in the zone named `zone_name`.
pub fn span(starts: DateTime<Utc>, ends: DateTime<Utc>, zone_name: &str) -> LocalSpan {
    let (zone, zone_name) = match zone(zone_name) {
        Some(found) => (found, zone_name.trim()),
        None => (chrono_tz::Europe::Rome, DEFAULT_TIME_ZONE),
    };
    LocalSpan {
        starts: starts.with_timezone(&zone).naive_local(),
        ends: ends.with_timezone(&zone).naive_local(),
        zone: zone_name.to_owned(),
    }
}

/// The calendar day it is at `now` in time zone `zone_name` (Rome's for a name not known).
pub fn today_in(zone_name: &str, now: DateTime<Utc>) -> chrono::NaiveDate {
    now.with_timezone(&zone(zone_name).unwrap_or(chrono_tz::Europe::Rome))
        .date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn ten_in_rome_is_nine_utc_in_winter_and_eight_in_summer() {
        let rome = zone("Europe/Rome").unwrap();
        assert_eq!(
            to_utc(at(2026, 12, 3, 10, 0), rome).unwrap().to_rfc3339(),
            "2026-12-03T09:00:00+00:00"
        );
        assert_eq!(
            to_utc(at(2026, 7, 3, 10, 0), rome).unwrap().to_rfc3339(),
            "2026-07-03T08:00:00+00:00"
        );
    }

    #[test]
    fn a_time_skipped_when_the_clocks_go_forward_has_no_instant() {
        let rome = zone("Europe/Rome").unwrap();
        // 29 March 2026: 02:00 becomes 03:00 in Rome.
        assert_eq!(
            to_utc(at(2026, 3, 29, 2, 30), rome),
            Err(NoSuchTime::Skipped)
        );
    }

    #[test]
    fn an_instant_is_shown_in_the_viewer_s_zone() {
        let starts = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let ends = Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap();
        let london = span(starts, ends, "Europe/London");
        assert_eq!(london.starts, at(2026, 12, 3, 9, 0));
        let rome = span(starts, ends, "Europe/Rome");
        assert_eq!(rome.starts, at(2026, 12, 3, 10, 0));
        assert_eq!(rome.ends, at(2026, 12, 3, 11, 0));
        let unknown = span(starts, ends, "Mars/Olympus");
        assert_eq!(unknown.zone, "Europe/Rome");
    }
}
