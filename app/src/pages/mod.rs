//! The pages, one module per area of the app.

pub mod account;
pub mod admin;
pub mod board;
pub mod candidate_actions;
pub mod candidate_list;
pub mod candidates;
pub mod careers;
pub mod competencies;
pub mod home;
pub mod intake;
pub mod interviews;
pub mod login;
pub mod not_found;
pub mod openings;
pub mod profiles;
pub mod reports;

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
