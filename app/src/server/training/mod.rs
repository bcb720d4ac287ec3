//! Training: the course catalogue and its sessions.

pub mod catalogue;
pub mod demo;
