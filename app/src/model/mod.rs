//! Types shared by the browser and the server: ids, enums, inputs with their validation rules,
//! and the error that server functions return.

mod assessments;
mod course_records;
mod courses;
mod data_protection;
mod email;
mod employees;
mod error;
mod framework;
mod ids;
mod intake;
mod interviews;
mod mail;
mod notes;
mod online_tests;
mod page;
mod password;
mod recruitment;
mod reports;
mod test_materials;
mod training_hours;
mod users;

pub use assessments::*;
pub use course_records::*;
pub use courses::*;
pub use data_protection::*;
pub use email::check_email;
pub use employees::*;
pub use error::{AppError, FieldError, FieldErrors, validate};
pub use framework::*;
pub use ids::*;
pub use intake::*;
pub use interviews::*;
pub use mail::*;
pub use notes::*;
pub use online_tests::*;
pub use page::{Page, PageRequest, Total};
pub use password::{PASSWORD_MAX, PASSWORD_MIN, check_password_policy};
pub use recruitment::*;
pub use reports::*;
pub use test_materials::*;
pub use training_hours::*;
pub use users::*;
