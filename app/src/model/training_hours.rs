//! The training hours ledger: hours done per employee or per department, in the months, the
//! quarters or the whole of a year, against the yearly targets of the job profiles.

use serde::{Deserialize, Serialize};

use super::{EmployeeId, JobProfileId};

/// How a year is cut.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Month,
    #[default]
    Quarter,
    Year,
}

impl Period {
    pub const ALL: [Period; 3] = [Period::Month, Period::Quarter, Period::Year];

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    pub fn parse(value: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.as_str() == value)
    }

    /// How many columns a year has.
    pub fn columns(self) -> usize {
        match self {
            Period::Month => 12,
            Period::Quarter => 4,
            Period::Year => 1,
        }
    }

    /// The column of month `month` (1–12).
    pub fn column_of(self, month: u32) -> usize {
        let index = month.saturating_sub(1) as usize;
        match self {
            Period::Month => index,
            Period::Quarter => index / 3,
            Period::Year => 0,
        }
    }
}

/// Who a row is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerRows {
    #[default]
    Employee,
    Department,
}

impl LedgerRows {
    pub fn as_str(self) -> &'static str {
        match self {
            LedgerRows::Employee => "employee",
            LedgerRows::Department => "department",
        }
    }

    pub fn parse(value: &str) -> Option<LedgerRows> {
        [LedgerRows::Employee, LedgerRows::Department]
            .into_iter()
            .find(|r| r.as_str() == value)
    }
}

/// What the ledger shows, kept in the address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerQuery {
    /// None: this year.
    pub year: Option<i32>,
    pub period: Period,
    pub rows: LedgerRows,
    /// Only this department.
    pub department: Option<String>,
    /// The page of employee rows, from 0.
    #[serde(default)]
    pub page: u64,
}

/// Employee rows a page of the ledger shows.
pub const LEDGER_ROWS_PER_PAGE: u64 = 50;
/// The last page the address may ask for (a million rows), so an offset stays sane.
const MOST_LEDGER_PAGE: u64 = 20_000;

impl LedgerQuery {
    /// Reads the query from URL pairs (unknown or malformed values are ignored).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = LedgerQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "year" => query.year = value.parse().ok().filter(|y| (2000..=2100).contains(y)),
                "period" => query.period = Period::parse(value).unwrap_or_default(),
                "rows" => query.rows = LedgerRows::parse(value).unwrap_or_default(),
                "department" => {
                    query.department =
                        (!value.is_empty()).then(|| value.chars().take(120).collect());
                }
                "page" => query.page = value.parse().unwrap_or(0).min(MOST_LEDGER_PAGE),
                _ => {}
            }
        }
        query
    }

    /// The query as a URL query string.
    pub fn to_query(&self) -> String {
        let mut pairs = vec![
            format!("period={}", self.period.as_str()),
            format!("rows={}", self.rows.as_str()),
        ];
        if let Some(year) = self.year {
            pairs.push(format!("year={year}"));
        }
        if let Some(department) = &self.department {
            pairs.push(format!(
                "department={}",
                super::recruitment::percent_encode(department)
            ));
        }
        if self.page > 0 {
            pairs.push(format!("page={}", self.page));
        }
        pairs.join("&")
    }
}

/// One row: an employee or a department, its hours per column, and its yearly target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerRow {
    /// The employee, for employee rows.
    pub employee: Option<EmployeeId>,
    /// The employee's name, or the department ("" for those without one).
    pub label: String,
    pub department: String,
    pub hours: Vec<u32>,
    pub total: u32,
    /// The profiles' yearly targets (summed over a department's people).
    pub target: u32,
}

impl LedgerRow {
    /// The total as a share of the target, in percent (none without a target).
    pub fn percent(&self) -> Option<u32> {
        (self.total * 100).checked_div(self.target)
    }
}

/// The ledger of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    pub year: i32,
    pub period: Period,
    pub rows_by: LedgerRows,
    /// This page's rows (every department's, by department).
    pub rows: Vec<LedgerRow>,
    /// This page (from 0), and how many rows there are on all pages.
    pub page: u64,
    pub total_rows: u64,
    /// The departments in use, for the filter.
    pub departments: Vec<String>,
}

impl Ledger {
    /// How many pages of rows there are (at least one; departments are all on one).
    pub fn page_count(&self) -> u64 {
        if self.rows_by == LedgerRows::Department {
            return 1;
        }
        self.total_rows.div_ceil(LEDGER_ROWS_PER_PAGE).max(1)
    }
}

/// A job profile's yearly target of training hours, as HR set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursTarget {
    pub profile: JobProfileId,
    pub title_it: String,
    pub title_en: String,
    pub hours: u32,
}

/// The most yearly training hours a profile can expect.
pub const MOST_TARGET_HOURS: u32 = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_falls_in_its_column_for_each_period() {
        assert_eq!(Period::Month.column_of(12), 11);
        assert_eq!(Period::Quarter.column_of(3), 0);
        assert_eq!(Period::Quarter.column_of(4), 1);
        assert_eq!(Period::Quarter.column_of(12), 3);
        assert_eq!(Period::Year.column_of(7), 0);
    }

    #[test]
    fn a_ledger_query_survives_its_address_and_ignores_nonsense() {
        let query = LedgerQuery::from_pairs([
            ("year", "2025"),
            ("period", "month"),
            ("rows", "department"),
            ("department", "Front office"),
        ]);
        assert_eq!(query.year, Some(2025));
        let again = query.to_query();
        assert!(again.contains("department=Front%20office"));
        let odd = LedgerQuery::from_pairs([("year", "99999"), ("period", "week")]);
        assert_eq!(odd, LedgerQuery::default());
    }

    #[test]
    fn a_row_without_a_target_has_no_percentage() {
        let row = LedgerRow {
            employee: None,
            label: String::new(),
            department: String::new(),
            hours: vec![6],
            total: 6,
            target: 0,
        };
        assert_eq!(row.percent(), None);
        assert_eq!(LedgerRow { target: 24, ..row }.percent(), Some(25));
    }
}
