//! The pages, one folder per area of the product (the public careers site, the home page and
//! the not-found page are one file each).

pub mod account;
pub mod admin;
pub mod assessments;
pub mod careers;
pub mod certifications;
pub mod employees;
pub mod framework;
pub mod home;
pub mod interviews;
pub mod not_found;
pub mod notifications;
pub mod recruitment;
pub mod training;

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

/// What the `:id` of a `/things/:id` address names.
pub(crate) enum RecordPath<Id> {
    /// `/things/new`: the form for a new record.
    New,
    Existing(Id),
    /// Neither `new` nor a well-formed id.
    Unknown,
}

/// Reads the `:id` route parameter.
pub(crate) fn record_path<Id: std::str::FromStr>(
    params: &leptos_router::params::ParamsMap,
) -> RecordPath<Id> {
    match params.get("id") {
        Some(id) if id == "new" => RecordPath::New,
        Some(id) => id.parse().map_or(RecordPath::Unknown, RecordPath::Existing),
        None => RecordPath::Unknown,
    }
}
