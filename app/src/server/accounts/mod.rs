//! Accounts: users and roles, signing in with a password and a second factor, passwords and
//! their reset, sessions and known devices, the single-use links given to account holders, who
//! is asking (authentication and authorisation), and the limits on sign-in attempts and on
//! requests.

pub mod auth;
pub mod devices;
pub mod invitations;
pub mod links;
pub mod password;
pub mod password_resets;
pub mod rate_limit;
pub mod recovery_codes;
pub mod second_factor;
pub mod sessions;
pub mod sign_in;
pub mod throttle;
pub mod totp;
pub mod users;
