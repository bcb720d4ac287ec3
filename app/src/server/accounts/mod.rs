//! Accounts: users and roles, passwords, sessions, who is asking (authentication and
//! authorisation), and the limits on sign-in attempts and on requests.

pub mod auth;
pub mod invitations;
pub mod password;
pub mod rate_limit;
pub mod sessions;
pub mod throttle;
pub mod users;
