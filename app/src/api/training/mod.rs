//! Training: the course catalogue, and course records.

pub mod catalogue;
pub mod hours;
pub mod records;
