//! What an island asks of the browser beyond its own markup: going to a page, or loading the
//! current one anew (islands have no client-side router; every page is rendered on the server).

/// Loads `path` as a new page.
pub fn go_to(path: &str) {
    #[cfg(feature = "hydrate")]
    let _ = leptos::prelude::window().location().set_href(path);
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}

/// Renders the current page anew, so server-rendered parts show what an island just saved.
pub fn reload() {
    #[cfg(feature = "hydrate")]
    let _ = leptos::prelude::window().location().reload();
}
