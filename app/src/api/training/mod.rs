//! Training: the course catalogue.

pub mod catalogue;
