//! Compliance: what each job profile requires (its certifications and mandatory courses) and,
//! for each person, where each requirement stands on a day (ok, expiring, expired, pending
//! verification, missing), as the compliance matrix and a person's pages show it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{EmployeeId, Standing, Verification, expiry_after};

/// One certificate as compliance reads it: its verification, issue date and expiry.
pub type CertificateDates = (Verification, NaiveDate, Option<NaiveDate>);

/// A requirement of a job profile: a certification or a mandatory course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Requirement {
    Certification(i32),
    Course(i32),
}

/// A requirement with its names, a column of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementColumn {
    pub requirement: Requirement,
    pub name_it: String,
    pub name_en: String,
}

/// Where one requirement stands for one person, from worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    /// Held once, and lapsed.
    Expired,
    /// Never held (or never completed).
    Missing,
    /// Uploaded and waiting for HR's verification.
    Pending,
    /// Held, and lapsing within 90 days.
    Expiring,
    Ok,
}

impl CellState {
    pub const ALL: [CellState; 5] = [
        CellState::Expired,
        CellState::Missing,
        CellState::Pending,
        CellState::Expiring,
        CellState::Ok,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CellState::Expired => "expired",
            CellState::Missing => "missing",
            CellState::Pending => "pending",
            CellState::Expiring => "expiring",
            CellState::Ok => "ok",
        }
    }

    /// A sign that reads without colour, beside the state's word.
    pub fn icon(self) -> &'static str {
        match self {
            CellState::Expired => "✖",
            CellState::Missing => "○",
            CellState::Pending => "…",
            CellState::Expiring => "⚠",
            CellState::Ok => "✔",
        }
    }
}

/// One cell: the state, the date that matters (the expiry, or a completion that does not
/// expire), and whether a renewal waits for HR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub state: CellState,
    pub date: Option<NaiveDate>,
    pub renewal_pending: bool,
}

/// What a person has of one requirement, whatever the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// A verified certificate or a counted completion: valid until its expiry, if any.
    Held,
    /// Only a certificate waiting for HR's verification.
    Pending,
    Missing,
}

impl Coverage {
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Held => "held",
            Coverage::Pending => "pending",
            Coverage::Missing => "missing",
        }
    }

    pub fn parse(value: &str) -> Option<Coverage> {
        [Coverage::Held, Coverage::Pending, Coverage::Missing]
            .into_iter()
            .find(|h| h.as_str() == value)
    }

    /// How bad a gap it is, as a row's summary ranks it with [`CellState`]s (`None` when held:
    /// a held requirement's state depends on the day).
    pub fn gap(self) -> Option<CellState> {
        match self {
            Coverage::Held => None,
            Coverage::Pending => Some(CellState::Pending),
            Coverage::Missing => Some(CellState::Missing),
        }
    }
}

/// One cell whatever the day, as the compliance cells keep it: what the person has, until
/// when, the date the cell shows, and whether a renewal waits for HR. [`CellFacts::on`] reads
/// it on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellFacts {
    pub coverage: Coverage,
    pub expires_on: Option<NaiveDate>,
    pub shown_on: Option<NaiveDate>,
    pub renewal_pending: bool,
}

impl CellFacts {
    /// Nothing held or waiting.
    pub const MISSING: CellFacts = CellFacts {
        coverage: Coverage::Missing,
        expires_on: None,
        shown_on: None,
        renewal_pending: false,
    };

    /// A certification from the person's certificates of it, each (verification, issue date,
    /// expiry): the latest verified one counts; with none, one waiting makes it pending.
    pub fn certification(held: &[CertificateDates]) -> CellFacts {
        let verified = held
            .iter()
            .filter(|(v, _, _)| *v == Verification::Verified)
            .max_by_key(|(_, issued, _)| *issued);
        let waiting = held.iter().find(|(v, issued, _)| {
            *v == Verification::Pending && verified.is_none_or(|(_, counted, _)| issued >= counted)
        });
        match (verified, waiting) {
            (Some((_, _, expires)), waiting) => CellFacts {
                coverage: Coverage::Held,
                expires_on: *expires,
                shown_on: *expires,
                renewal_pending: waiting.is_some(),
            },
            (None, Some(_)) => CellFacts {
                coverage: Coverage::Pending,
                ..CellFacts::MISSING
            },
            (None, None) => CellFacts::MISSING,
        }
    }

    /// A mandatory course from the person's last completion, if any, and how long a
    /// completion counts: past its validity it is expired (due again).
    pub fn course(completed_on: Option<NaiveDate>, validity_months: Option<u32>) -> CellFacts {
        let Some(completed_on) = completed_on else {
            return CellFacts::MISSING;
        };
        let expires_on = expiry_after(completed_on, validity_months);
        CellFacts {
            coverage: Coverage::Held,
            expires_on,
            shown_on: expires_on.or(Some(completed_on)),
            renewal_pending: false,
        }
    }

    /// The cell on `today`.
    pub fn on(&self, today: NaiveDate) -> Cell {
        let standing = match self.coverage {
            Coverage::Held => Standing::of(Verification::Verified, self.expires_on, today),
            Coverage::Pending => Standing::Pending,
            Coverage::Missing => Standing::Rejected,
        };
        let state = match standing {
            Standing::Valid => CellState::Ok,
            Standing::Expiring { .. } => CellState::Expiring,
            Standing::Expired => CellState::Expired,
            Standing::Pending => CellState::Pending,
            Standing::Rejected => CellState::Missing,
        };
        Cell {
            state,
            date: (self.coverage == Coverage::Held)
                .then_some(self.shown_on)
                .flatten(),
            renewal_pending: self.renewal_pending,
        }
    }
}

/// A person's compliance whatever the day, from their cells: the worst gap (missing or
/// pending) and the first expiry of what they hold. On any day their worst cell is the
/// worse of the gap and the first expiry's state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceSummary {
    pub gap: Option<CellState>,
    pub first_expiry: Option<NaiveDate>,
}

impl ComplianceSummary {
    pub fn of<'a>(cells: impl IntoIterator<Item = &'a CellFacts>) -> Self {
        let mut summary = ComplianceSummary::default();
        for cell in cells {
            if let Some(gap) = cell.coverage.gap() {
                summary.gap = Some(summary.gap.map_or(gap, |g| g.min(gap)));
            } else if let Some(expires) = cell.expires_on {
                summary.first_expiry =
                    Some(summary.first_expiry.map_or(expires, |e| e.min(expires)));
            }
        }
        summary
    }
}

/// How the matrix's rows are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplianceSort {
    /// The worst cell first, then the soonest date, then the name.
    #[default]
    Worst,
    Name,
}

impl ComplianceSort {
    pub fn as_str(self) -> &'static str {
        match self {
            ComplianceSort::Worst => "worst",
            ComplianceSort::Name => "name",
        }
    }
}

/// The matrix's filters and order, as its address carries them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceQuery {
    pub department: Option<String>,
    pub profile: Option<i32>,
    /// Only this manager's reports.
    pub manager: Option<EmployeeId>,
    pub sort: ComplianceSort,
    /// The page, zero-based (the first when a caller leaves it out).
    #[serde(default)]
    pub page: u64,
}

/// Rows a page of the matrix shows.
pub const COMPLIANCE_ROWS_PER_PAGE: u64 = 50;
/// The last page the address may ask for, so an offset stays sane.
const MOST_COMPLIANCE_PAGE: u64 = 20_000;

impl ComplianceQuery {
    /// Reads the query from URL pairs (unknown or malformed values are ignored).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = ComplianceQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "department" => {
                    query.department =
                        (!value.is_empty()).then(|| value.chars().take(120).collect());
                }
                "profile" => query.profile = value.parse().ok(),
                "manager" => query.manager = value.parse().ok().map(EmployeeId),
                "sort" if value == "name" => query.sort = ComplianceSort::Name,
                "page" => {
                    query.page = value.parse().unwrap_or(0).min(MOST_COMPLIANCE_PAGE);
                }
                _ => {}
            }
        }
        query
    }

    /// The query as a URL query string.
    pub fn to_query(&self) -> String {
        let mut pairs = vec![format!("sort={}", self.sort.as_str())];
        if let Some(department) = &self.department {
            pairs.push(format!(
                "department={}",
                super::recruitment::percent_encode(department)
            ));
        }
        if let Some(profile) = self.profile {
            pairs.push(format!("profile={profile}"));
        }
        if let Some(manager) = self.manager {
            pairs.push(format!("manager={manager}"));
        }
        if self.page > 0 {
            pairs.push(format!("page={}", self.page));
        }
        pairs.join("&")
    }
}

/// One person's row: a cell per column, `None` where their profile does not require it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceRow {
    pub employee: EmployeeId,
    pub name: String,
    pub department: String,
    pub profile_it: String,
    pub profile_en: String,
    pub cells: Vec<Option<Cell>>,
}

impl ComplianceRow {
    /// The worst of its cells, `Ok` when nothing is required.
    pub fn worst(&self) -> CellState {
        self.cells
            .iter()
            .flatten()
            .map(|c| c.state)
            .min()
            .unwrap_or(CellState::Ok)
    }

    /// The soonest date among its worst cells, to order rows equally bad; none when all is
    /// well (those go by name).
    pub fn soonest(&self) -> Option<NaiveDate> {
        let worst = self.worst();
        if worst == CellState::Ok {
            return None;
        }
        self.cells
            .iter()
            .flatten()
            .filter(|c| c.state == worst)
            .filter_map(|c| c.date)
            .min()
    }
}

/// How many cells are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceCounts {
    pub ok: u32,
    pub expiring: u32,
    pub expired: u32,
    pub pending: u32,
    pub missing: u32,
}

impl ComplianceCounts {
    /// Adds `count` cells in `state`.
    pub fn add(&mut self, state: CellState, count: u32) {
        *self.slot(state) += count;
    }

    fn slot(&mut self, state: CellState) -> &mut u32 {
        match state {
            CellState::Ok => &mut self.ok,
            CellState::Expiring => &mut self.expiring,
            CellState::Expired => &mut self.expired,
            CellState::Pending => &mut self.pending,
            CellState::Missing => &mut self.missing,
        }
    }

    pub fn get(&self, state: CellState) -> u32 {
        let mut copy = *self;
        *copy.slot(state)
    }
}

/// The compliance matrix: the columns every profile the filters keep requires, a page of rows
/// (a row per person), the counts, and the filters' choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceMatrix {
    pub today: NaiveDate,
    pub columns: Vec<RequirementColumn>,
    /// The page's rows.
    pub rows: Vec<ComplianceRow>,
    /// The cells of every row the filters keep, by state.
    pub counts: ComplianceCounts,
    pub page: u64,
    /// The rows the filters keep, over all pages.
    pub total_rows: u64,
    pub departments: Vec<String>,
    /// (id, Italian title, English title).
    pub profiles: Vec<(i32, String, String)>,
    /// (employee id, name) of everyone who manages someone.
    pub managers: Vec<(EmployeeId, String)>,
}

impl ComplianceMatrix {
    pub fn page_count(&self) -> u64 {
        self.total_rows.div_ceil(COMPLIANCE_ROWS_PER_PAGE).max(1)
    }
}

/// One person's requirements, each with its cell, as their pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonCompliance {
    pub items: Vec<(RequirementColumn, Cell)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_latest_verified_certificate_counts_and_a_newer_one_waiting_is_a_pending_renewal() {
        let today = day("2027-01-01");
        let held = [
            (
                Verification::Verified,
                day("2023-01-10"),
                Some(day("2026-01-10")),
            ),
            (
                Verification::Verified,
                day("2024-02-01"),
                Some(day("2027-02-01")),
            ),
            (
                Verification::Pending,
                day("2026-12-20"),
                Some(day("2029-12-20")),
            ),
        ];
        let cell = CellFacts::certification(&held).on(today);
        assert_eq!(cell.state, CellState::Expiring);
        assert_eq!(cell.date, Some(day("2027-02-01")));
        assert!(cell.renewal_pending);
    }

    #[test]
    fn without_a_verified_certificate_one_waiting_is_pending_and_a_rejected_one_is_missing() {
        let today = day("2027-01-01");
        let pending = [(Verification::Pending, day("2026-12-01"), None)];
        assert_eq!(
            CellFacts::certification(&pending).on(today).state,
            CellState::Pending
        );
        let rejected = [(Verification::Rejected, day("2026-12-01"), None)];
        assert_eq!(
            CellFacts::certification(&rejected).on(today).state,
            CellState::Missing
        );
        assert_eq!(
            CellFacts::certification(&[]).on(today).state,
            CellState::Missing
        );
    }

    #[test]
    fn a_mandatory_course_is_due_again_once_its_validity_has_run_out() {
        let today = day("2027-01-01");
        let lapsed = CellFacts::course(Some(day("2025-06-01")), Some(12)).on(today);
        assert_eq!(lapsed.state, CellState::Expired);
        assert_eq!(lapsed.date, Some(day("2026-06-01")));
        let for_ever = CellFacts::course(Some(day("2020-06-01")), None).on(today);
        assert_eq!(for_ever.state, CellState::Ok);
        assert_eq!(for_ever.date, Some(day("2020-06-01")));
        assert_eq!(
            CellFacts::course(None, Some(12)).on(today).state,
            CellState::Missing
        );
    }

    #[test]
    fn a_rows_worst_cell_is_expired_before_missing_before_pending_before_expiring() {
        let cell = |state| {
            Some(Cell {
                state,
                date: None,
                renewal_pending: false,
            })
        };
        let row = |cells| ComplianceRow {
            employee: EmployeeId(1),
            name: "Anna".into(),
            department: String::new(),
            profile_it: String::new(),
            profile_en: String::new(),
            cells,
        };
        assert_eq!(
            row(vec![
                cell(CellState::Expiring),
                None,
                cell(CellState::Missing)
            ])
            .worst(),
            CellState::Missing
        );
        assert_eq!(
            row(vec![cell(CellState::Missing), cell(CellState::Expired)]).worst(),
            CellState::Expired
        );
        assert_eq!(row(vec![None]).worst(), CellState::Ok);
    }

    #[test]
    fn a_summary_keeps_the_worst_gap_and_the_first_expiry_of_what_is_held() {
        let held = |expires: &str| CellFacts {
            expires_on: Some(day(expires)),
            ..CellFacts::course(Some(day("2020-01-01")), None)
        };
        let waiting = CellFacts::certification(&[(Verification::Pending, day("2026-01-01"), None)]);
        let cells = [
            held("2027-05-01"),
            waiting,
            held("2027-02-01"),
            CellFacts::course(None, None),
        ];
        let summary = ComplianceSummary::of(&cells);
        assert_eq!(summary.gap, Some(CellState::Missing));
        assert_eq!(summary.first_expiry, Some(day("2027-02-01")));
        assert_eq!(
            ComplianceSummary::of(&cells[..2]).gap,
            Some(CellState::Pending)
        );
        assert_eq!(ComplianceSummary::of(&[]), ComplianceSummary::default());
    }

    #[test]
    fn the_query_reads_back_what_it_writes() {
        let query = ComplianceQuery {
            department: Some("Sportello & cassa".into()),
            profile: Some(3),
            manager: Some(EmployeeId(7)),
            sort: ComplianceSort::Name,
            page: 3,
        };
        let written = query.to_query();
        let pairs: Vec<(String, String)> = written
            .split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                (k.to_owned(), v.replace("%20", " ").replace("%26", "&"))
            })
            .collect();
        let read = ComplianceQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(read, query);
    }
}
