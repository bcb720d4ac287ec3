//! The page for an address that matches no route (answered with 404).

use leptos::prelude::*;

use crate::components::guard::{Notice, set_page_status};
use crate::i18n::Text;

#[component]
pub fn NotFound() -> impl IntoView {
    set_page_status(404);
    view! { <Notice text=Text::NotFound /> }
}
