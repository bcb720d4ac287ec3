//! The time the server goes by for expiries and reminders: the real clock, or the real clock
//! moved forward by whole days for a rehearsal or an end-to-end test
//! (`PERCORSO_CLOCK_SHIFT_DAYS`), so what falls due in two months can be seen today.
//! Sessions, links and the outbox keep the real time.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    shift: TimeDelta,
}

impl Clock {
    /// The real clock moved forward by `days` (back with a negative number).
    pub fn shifted_by_days(days: i64) -> Self {
        Self {
            shift: TimeDelta::try_days(days).unwrap_or_default(),
        }
    }

    /// Whether it differs from the real clock.
    pub fn is_shifted(&self) -> bool {
        !self.shift.is_zero()
    }

    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.shift
    }

    /// Today in UTC.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_clock_is_that_many_days_ahead_of_the_real_one() {
        let real = Clock::default();
        let ahead = Clock::shifted_by_days(60);
        assert!(!real.is_shifted() && ahead.is_shifted());
        assert_eq!((ahead.today() - real.today()).num_days(), 60);
        assert_eq!(
            Clock::shifted_by_days(i64::MAX),
            Clock::default(),
            "out of range: none"
        );
    }
}
