//! One's own account: signing in, a forgotten password, and the settings (language, time
//! zone, password).

pub mod forgotten_password;
pub mod login;
mod new_password;
pub mod settings;
pub mod welcome;
