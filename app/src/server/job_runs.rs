//! Counts of background job runs by job and outcome, for the server's `/metrics`.
//!
//! A job reports each run with one call to [`record`]; the counts live in this process (each
//! instance reports its own, as Prometheus expects). Kept here rather than in the `server`
//! crate because the jobs live in this crate and `server` depends on it, not the other way.

use std::collections::BTreeMap;
use std::sync::Mutex;

/// The daily retention run (`data_protection::run_daily`).
pub const RETENTION: &str = "retention";

/// The daily reminders (`notifications::reminders::run_daily`).
pub const REMINDERS: &str = "reminders";

/// How a job run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JobOutcome {
    /// The run did its work.
    Succeeded,
    /// The run failed; the job logs why.
    Failed,
    /// The run did nothing because it was not this instance's turn (another instance holds
    /// the job's lease).
    Skipped,
}

impl JobOutcome {
    /// Succeeded for `Ok`, failed for `Err`.
    pub fn of<T, E>(result: &Result<T, E>) -> Self {
        if result.is_ok() {
            Self::Succeeded
        } else {
            Self::Failed
        }
    }

    /// The outcome as a metric label.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
            Self::Skipped => "skipped",
        }
    }
}

static RUNS: Mutex<BTreeMap<(&'static str, JobOutcome), u64>> = Mutex::new(BTreeMap::new());

/// Counts one run of `job` that ended with `outcome`.
pub fn record(job: &'static str, outcome: JobOutcome) {
    let mut runs = RUNS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *runs.entry((job, outcome)).or_default() += 1;
}

/// Every (job, outcome) seen so far in this process and how many runs ended so.
pub fn counts() -> Vec<(&'static str, JobOutcome, u64)> {
    let runs = RUNS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    runs.iter()
        .map(|(&(job, outcome), &count)| (job, outcome, count))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_recorded_run_adds_one_to_its_job_and_outcome() {
        let count = |outcome| {
            counts()
                .into_iter()
                .find(|&(job, o, _)| job == "unit-test-job" && o == outcome)
                .map_or(0, |(_, _, n)| n)
        };
        record("unit-test-job", JobOutcome::Succeeded);
        record("unit-test-job", JobOutcome::Succeeded);
        record("unit-test-job", JobOutcome::of(&Err::<(), _>("down")));
        assert_eq!(count(JobOutcome::Succeeded), 2);
        assert_eq!(count(JobOutcome::Failed), 1);
        assert_eq!(count(JobOutcome::Skipped), 0);
    }
}
