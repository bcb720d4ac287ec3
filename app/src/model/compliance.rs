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

impl Cell {
    fn of_standing(standing: Standing, date: Option<NaiveDate>) -> Cell {
        let state = match standing {
            Standing::Valid => CellState::Ok,
            Standing::Expiring { .. } => CellState::Expiring,
            Standing::Expired => CellState::Expired,
            Standing::Pending => CellState::Pending,
            Standing::Rejected => CellState::Missing,
        };
        Cell {
            state,
            date,
            renewal_pending: false,
        }
    }

    /// A certification from the person's certificates of it, each (verification, issue date,
    /// expiry): the latest verified one counts; with none, one waiting makes it pending.
    pub fn certification(held: &[CertificateDates], today: NaiveDate) -> Cell {
        let verified = held
            .iter()
            .filter(|(v, _, _)| *v == Verification::Verified)
            .max_by_key(|(_, issued, _)| *issued);
        let waiting = held.iter().find(|(v, issued, _)| {
            *v == Verification::Pending && verified.is_none_or(|(_, counted, _)| issued >= counted)
        });
        match (verified, waiting) {
            (Some((_, _, expires)), waiting) => Cell {
                renewal_pending: waiting.is_some(),
                ..Cell::of_standing(
                    Standing::of(Verification::Verified, *expires, today),
                    *expires,
                )
            },
            (None, Some(_)) => Cell::of_standing(Standing::Pending, None),
            (None, None) => Cell::of_standing(Standing::Rejected, None),
        }
    }

    /// A mandatory course from the person's last completion, if any, and how long a
    /// completion counts: past its validity it is expired (due again).
    pub fn course(
        completed_on: Option<NaiveDate>,
        validity_months: Option<u32>,
        today: NaiveDate,
    ) -> Cell {
        let Some(completed_on) = completed_on else {
            return Cell::of_standing(Standing::Rejected, None);
        };
        let expires = expiry_after(completed_on, validity_months);
        Cell::of_standing(
            Standing::of(Verification::Verified, expires, today),
            expires.or(Some(completed_on)),
        )
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
}

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
    /// Counts the cells of `rows`.
    pub fn of(rows: &[ComplianceRow]) -> Self {
        let mut counts = ComplianceCounts::default();
        for cell in rows.iter().flat_map(|r| r.cells.iter().flatten()) {
            *counts.slot(cell.state) += 1;
        }
        counts
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

/// The compliance matrix: the columns every shown profile requires, a row per person, the
/// counts, and the filters' choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceMatrix {
    pub today: NaiveDate,
    pub columns: Vec<RequirementColumn>,
    pub rows: Vec<ComplianceRow>,
    pub counts: ComplianceCounts,
    pub departments: Vec<String>,
    /// (id, Italian title, English title).
    pub profiles: Vec<(i32, String, String)>,
    /// (employee id, name) of everyone who manages someone.
    pub managers: Vec<(EmployeeId, String)>,
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
        let cell = Cell::certification(&held, today);
        assert_eq!(cell.state, CellState::Expiring);
        assert_eq!(cell.date, Some(day("2027-02-01")));
        assert!(cell.renewal_pending);
    }

    #[test]
    fn without_a_verified_certificate_one_waiting_is_pending_and_a_rejected_one_is_missing() {
        let today = day("2027-01-01");
        let pending = [(Verification::Pending, day("2026-12-01"), None)];
        assert_eq!(
            Cell::certification(&pending, today).state,
            CellState::Pending
        );
        let rejected = [(Verification::Rejected, day("2026-12-01"), None)];
        assert_eq!(
            Cell::certification(&rejected, today).state,
            CellState::Missing
        );
        assert_eq!(Cell::certification(&[], today).state, CellState::Missing);
    }

    #[test]
    fn a_mandatory_course_is_due_again_once_its_validity_has_run_out() {
        let today = day("2027-01-01");
        let lapsed = Cell::course(Some(day("2025-06-01")), Some(12), today);
        assert_eq!(lapsed.state, CellState::Expired);
        assert_eq!(lapsed.date, Some(day("2026-06-01")));
        let for_ever = Cell::course(Some(day("2020-06-01")), None, today);
        assert_eq!(for_ever.state, CellState::Ok);
        assert_eq!(for_ever.date, Some(day("2020-06-01")));
        assert_eq!(
            Cell::course(None, Some(12), today).state,
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
        let rows = [row(vec![
            cell(CellState::Ok),
            cell(CellState::Pending),
            None,
        ])];
        let counts = ComplianceCounts::of(&rows);
        assert_eq!((counts.ok, counts.pending, counts.missing), (1, 1, 0));
    }

    #[test]
    fn the_query_reads_back_what_it_writes() {
        let query = ComplianceQuery {
            department: Some("Sportello & cassa".into()),
            profile: Some(3),
            manager: Some(EmployeeId(7)),
            sort: ComplianceSort::Name,
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
