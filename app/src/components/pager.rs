//! Previous/next links for a list paginated in SQL.

use leptos::prelude::*;

use crate::app::use_texts;
use crate::i18n::Text;

/// "Page 2 of 5" with previous and next buttons that set `page` (zero-based).
#[component]
pub fn Pager(page: RwSignal<u64>, page_count: Signal<u64>) -> impl IntoView {
    let t = use_texts();
    view! {
        <nav class="pager" aria-label=t(Text::PageOf)>
            <button
                type="button"
                disabled=move || page.get() == 0
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
            >
                {t(Text::Previous)}
            </button>
            <span aria-live="polite">
                {move || format!("{} {} {} {}", t(Text::PageOf), page.get() + 1, t(Text::Of), page_count.get())}
            </span>
            <button
                type="button"
                disabled=move || page.get() + 1 >= page_count.get()
                on:click=move |_| page.update(|p| *p += 1)
            >
                {t(Text::Next)}
            </button>
        </nav>
    }
}
