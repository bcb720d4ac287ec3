//! Recruitment figures: where applications come from, and how an opening's funnel narrows.

use serde::{Deserialize, Serialize};

use super::{OpeningId, Stage};

/// Applications from one source (and, for referrals and job boards, one detail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCount {
    pub source: String,
    /// Which job board, who referred; empty for the rest.
    pub detail: String,
    pub applications: u32,
    pub hired: u32,
}

/// One stage of an opening's funnel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelStep {
    pub stage: Stage,
    /// Applications that reached this stage (or went past it).
    pub reached: u32,
    /// `reached` as a share of the previous stage's, in percent; none for the first stage.
    pub conversion_pct: Option<f64>,
    /// Median days applications spent in this stage (still there: until today).
    pub median_days: Option<f64>,
}

/// An opening's funnel, Applied to Hired, with how many left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Funnel {
    pub opening_id: OpeningId,
    pub title_it: String,
    pub title_en: String,
    pub location: String,
    pub steps: Vec<FunnelStep>,
    pub rejected: u32,
    pub withdrawn: u32,
}

/// The forward stages a funnel shows, in order.
pub const FUNNEL_STAGES: [Stage; 6] = [
    Stage::Applied,
    Stage::Screening,
    Stage::Interview,
    Stage::PracticalTest,
    Stage::Offer,
    Stage::Hired,
];

/// The median of some numbers (none for none).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&mut [5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }
}
