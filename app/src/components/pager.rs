//! Previous/next controls for a list paginated in SQL: buttons for an island's list, links
//! for a page rendered on the server (they work without JavaScript).

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

/// "Page 2 of 5" with previous and next links to `href(page)` (zero-based); nothing when
/// everything fits on one page.
#[component]
pub fn LinkPager(page: u64, page_count: u64, href: impl Fn(u64) -> String) -> impl IntoView {
    let t = use_texts();
    (page_count > 1).then(|| {
        view! {
            <nav class="pager" aria-label=t(Text::PageOf)>
                {(page > 0).then(|| view! { <a class="button" rel="prev" href=href(page - 1)>{t(Text::Previous)}</a> })}
                <span>{format!("{} {} {} {page_count}", t(Text::PageOf), page + 1, t(Text::Of))}</span>
                {(page + 1 < page_count).then(|| view! { <a class="button" rel="next" href=href(page + 1)>{t(Text::Next)}</a> })}
            </nav>
        }
    })
}
