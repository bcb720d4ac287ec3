//! Training: the course catalogue and a course's page.

pub mod catalogue;
