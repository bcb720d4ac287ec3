//! Training: the course catalogue and the planning of its sessions.

pub mod catalogue;
pub mod demo;
pub mod sessions;
