//! Accounts: users and roles, passwords and their reset, sessions, the single-use links mailed
//! to account holders, who is asking (authentication and authorisation), and the limits on
//! sign-in attempts and on requests.

pub mod auth;
pub mod invitations;
pub mod links;
pub mod password;
pub mod password_resets;
pub mod rate_limit;
pub mod sessions;
pub mod throttle;
pub mod users;
