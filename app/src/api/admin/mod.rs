//! Admins' server functions: users, candidate data protection, and the outbox.

pub mod data_protection;
pub mod mail;
pub mod users;
