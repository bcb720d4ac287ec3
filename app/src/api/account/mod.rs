//! One's own session and account: signing in and out, the language, the password (and a
//! forgotten one's reset link), the second factor and the time zone.

pub mod password_reset;
pub mod session;
pub mod settings;
pub mod two_factor;
