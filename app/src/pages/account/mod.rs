//! One's own account: signing in, and the settings (language, time zone, password).

pub mod login;
pub mod settings;
pub mod welcome;
