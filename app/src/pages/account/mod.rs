//! One's own account: signing in (and its second step), a forgotten password, and the
//! settings (language, time zone, password, two-step sign-in).

pub mod forgotten_password;
pub mod login;
mod new_password;
pub mod second_step;
pub mod settings;
pub mod two_factor;
pub mod welcome;
