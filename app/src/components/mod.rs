//! Reusable pieces of UI: the page header, access guards, form fields and the pager.

pub mod browser;
pub mod catalogue;
pub mod dates;
pub mod files;
pub mod form;
pub mod guard;
pub mod layout;
pub mod pager;
pub mod staff;
