//! Types shared by the browser and the server: ids, enums, inputs with their validation rules,
//! and the error that server functions return.

mod error;
mod framework;
mod ids;
mod page;
mod password;
mod recruitment;
mod users;

pub use error::{AppError, FieldError, FieldErrors, validate};
pub use framework::*;
pub use ids::*;
pub use page::Page;
pub use password::{PASSWORD_MAX, PASSWORD_MIN, check_password_policy};
pub use recruitment::*;
pub use users::*;
