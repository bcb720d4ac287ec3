//! The pages, one module per area of the app.

pub mod account;
pub mod admin_users;
pub mod competencies;
pub mod home;
pub mod login;
pub mod not_found;
pub mod profiles;

/// Options for a select from a list of (value, label) pairs.
pub(crate) fn options<T: Copy>(
    items: impl IntoIterator<Item = T>,
    value: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    items
        .into_iter()
        .map(|item| (value(item).to_owned(), label(item).to_owned()))
        .collect()
}
