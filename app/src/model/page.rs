//! One page of a list that is paginated in SQL, and how many items the list holds; and the
//! page a caller asks for, checked where it enters.

use serde::{Deserialize, Serialize};

use super::{AppError, FieldErrors};

/// A page of a list as asked for: its number (from 0) and its size, both in range, so that the
/// offset they make can never overflow. Every paginated list takes its page through this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    number: u64,
    size: u64,
}

impl PageRequest {
    /// The highest page number a list accepts: far past any real list (fifty million rows at
    /// fifty a page), far below where an offset could overflow.
    pub const MAX_NUMBER: u64 = 1_000_000;
    /// The largest page a list serves.
    pub const MAX_SIZE: u64 = 1_000;

    /// Page `number` of `size` items; a number or a size out of range is a field error on
    /// `page` or `per_page`.
    pub fn new(number: u64, size: u64) -> Result<Self, AppError> {
        if number > Self::MAX_NUMBER {
            return Err(AppError::Invalid(FieldErrors::single(
                "page",
                "page_out_of_range",
            )));
        }
        if size == 0 || size > Self::MAX_SIZE {
            return Err(AppError::Invalid(FieldErrors::single(
                "per_page",
                "page_size",
            )));
        }
        Ok(Self { number, size })
    }

    pub fn number(self) -> u64 {
        self.number
    }

    pub fn size(self) -> u64 {
        self.size
    }

    /// How many items come before this page.
    pub fn offset(self) -> u64 {
        self.number * self.size
    }
}

/// How many items a list holds: counted exactly, or counted up to a limit where counting them
/// all would cost more than showing the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Total {
    Exactly(u64),
    MoreThan(u64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Zero-based page number.
    pub page: u64,
    pub per_page: u64,
    /// Items over all pages.
    pub total: Total,
    /// Whether a page follows this one.
    pub more: bool,
}

impl<T> Page<T> {
    /// Page `page` of a list of exactly `total` items.
    pub fn counted(items: Vec<T>, page: u64, per_page: u64, total: u64) -> Self {
        Self {
            items,
            page,
            per_page,
            total: Total::Exactly(total),
            more: page.saturating_add(1).saturating_mul(per_page) < total,
        }
    }

    /// How many pages there are (at least one, even when empty), when the total is exact.
    pub fn page_count(&self) -> Option<u64> {
        match self.total {
            Total::Exactly(total) => Some(total.div_ceil(self.per_page.max(1)).max(1)),
            Total::MoreThan(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_number_or_size_out_of_range_is_refused_on_its_field() {
        let refused = |number, size| PageRequest::new(number, size).unwrap_err().field_errors();
        assert!(refused(u64::MAX, 50).get("page").is_some());
        assert!(
            refused(PageRequest::MAX_NUMBER + 1, 50)
                .get("page")
                .is_some()
        );
        assert!(refused(0, 0).get("per_page").is_some());
        assert!(refused(0, u64::MAX).get("per_page").is_some());
        let last = PageRequest::new(PageRequest::MAX_NUMBER, PageRequest::MAX_SIZE).unwrap();
        assert_eq!(last.offset(), 1_000_000_000);
    }

    #[test]
    fn an_empty_list_still_has_one_page_and_a_partial_page_counts() {
        let page = |total| Page::<()>::counted(vec![], 0, 50, total);
        assert_eq!(page(0).page_count(), Some(1));
        assert_eq!(page(50).page_count(), Some(1));
        assert_eq!(page(51).page_count(), Some(2));
    }

    #[test]
    fn a_counted_page_is_followed_by_another_only_when_items_remain() {
        assert!(!Page::<()>::counted(vec![], 0, 50, 50).more);
        assert!(Page::<()>::counted(vec![], 0, 50, 51).more);
        assert!(!Page::<()>::counted(vec![], 1, 50, 100).more);
    }

    #[test]
    fn a_list_counted_up_to_a_limit_has_no_page_count() {
        let page = Page::<()> {
            items: vec![],
            page: 0,
            per_page: 50,
            total: Total::MoreThan(1000),
            more: true,
        };
        assert_eq!(page.page_count(), None);
    }
}
