//! One's own session and account: signing in and out, the language, the password and the
//! time zone.

pub mod session;
pub mod settings;
