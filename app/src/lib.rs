//! Percorso: the web application (UI, server functions and, behind `ssr`, the back end).
#![recursion_limit = "256"]

pub mod api;
pub mod bundles;
pub mod components;
pub mod i18n;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

mod app;
pub use app::{App, shell};

/// Entry point of the browser bundle. The page is server-rendered HTML; only its islands (the
/// `#[island]` components: forms, the board, the intake tray) are hydrated, by the loader script
/// right after this returns.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // The loader hydrates the islands in microtasks right after this returns; a task queued now
    // runs once they are all live. Tests (and people) read this mark to know forms work.
    leptos::prelude::set_timeout(
        || {
            if let Some(body) = leptos::prelude::document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
