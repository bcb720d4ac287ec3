//! In-app notifications (what a person is told, where it leads, whether they have read it) and
//! the reminders the daily job sends: certificates expiring in 90, 60 and 30 days or expired,
//! and mandatory courses overdue or due again.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{EXPIRY_WARNINGS, NotificationId};

/// One notification as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: NotificationId,
    pub title_it: String,
    pub title_en: String,
    /// A path on the site, such as `/training#certifications-heading`.
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

/// A person's notifications, newest first, with how many are unread and whether reminders
/// also come by email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub items: Vec<NotificationView>,
    pub unread: u32,
    pub email_reminders: bool,
}

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReminderKind {
    /// A verified certificate expiring, or expired.
    Certificate,
    /// A mandatory course never completed long after the start, or whose validity ran out.
    Course,
}

impl ReminderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Certificate => "certificate",
            ReminderKind::Course => "course",
        }
    }
}

/// How far along a reminder is: a warning before the expiry, the expiry itself, or a
/// mandatory course overdue or due again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Threshold {
    /// Expiring within this many days (90, 60 or 30).
    Within(u32),
    Expired,
    /// A mandatory course not completed by its deadline.
    Overdue,
    /// A mandatory course whose completion no longer counts.
    Recurrence,
}

impl Threshold {
    /// The threshold as the reminders table keeps it.
    pub fn key(self) -> String {
        match self {
            Threshold::Within(days) => days.to_string(),
            Threshold::Expired => "expired".to_owned(),
            Threshold::Overdue => "overdue".to_owned(),
            Threshold::Recurrence => "recurrence".to_owned(),
        }
    }

    /// The narrowest threshold a certificate expiring on `expires_on` has reached on `today`:
    /// a job that did not run for a while sends the one that applies now, not those it missed.
    pub fn of_expiry(expires_on: NaiveDate, today: NaiveDate) -> Option<Threshold> {
        let days_left = (expires_on - today).num_days();
        if days_left < 0 {
            return Some(Threshold::Expired);
        }
        EXPIRY_WARNINGS
            .iter()
            .rev()
            .find(|&&within| days_left <= i64::from(within))
            .map(|&within| Threshold::Within(within))
    }
}

/// Days after their start by which new staff should have completed a mandatory course.
pub const MANDATORY_COURSE_DAYS: i64 = 90;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_certificate_reaches_the_narrowest_warning_on_the_way_to_its_expiry() {
        let expires = day("2027-04-30");
        assert_eq!(Threshold::of_expiry(expires, day("2027-01-01")), None);
        assert_eq!(
            Threshold::of_expiry(expires, day("2027-01-30")),
            Some(Threshold::Within(90))
        );
        assert_eq!(
            Threshold::of_expiry(expires, day("2027-03-31")),
            Some(Threshold::Within(30))
        );
        assert_eq!(
            Threshold::of_expiry(expires, day("2027-04-30")),
            Some(Threshold::Within(30))
        );
        assert_eq!(
            Threshold::of_expiry(expires, day("2027-05-01")),
            Some(Threshold::Expired)
        );
    }

    #[test]
    fn each_threshold_has_its_own_key() {
        let keys: std::collections::BTreeSet<String> = [
            Threshold::Within(90),
            Threshold::Within(60),
            Threshold::Within(30),
            Threshold::Expired,
            Threshold::Overdue,
            Threshold::Recurrence,
        ]
        .iter()
        .map(|t| t.key())
        .collect();
        assert_eq!(keys.len(), 6);
    }
}
