//! One page of a list that is paginated in SQL.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Zero-based page number.
    pub page: u64,
    pub per_page: u64,
    /// Items over all pages.
    pub total: u64,
}

impl<T> Page<T> {
    /// How many pages there are (at least one, even when empty).
    pub fn page_count(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_still_has_one_page_and_a_partial_page_counts() {
        let page = |total| Page::<()> {
            items: vec![],
            page: 0,
            per_page: 50,
            total,
        };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(50).page_count(), 1);
        assert_eq!(page(51).page_count(), 2);
    }
}
