//! Pages through a long list: first, previous, next, last, and any page by number, so
//! any key of 10,000 is a few steps away.

use domain::text::thousands;
use leptos::prelude::*;

/// The pager of `total` rows shown `per_page` at a time; `page` (from 0) is the one
/// shown. Hidden when everything fits on one page.
#[component]
pub fn Pager(page: RwSignal<usize>, total: Signal<usize>, per_page: usize) -> impl IntoView {
    let pages = move || total.get().div_ceil(per_page).max(1);
    let go = move |to: usize| page.set(to.min(pages() - 1));
    move || {
        (pages() > 1).then(|| {
            let (at, last) = (page.get().min(pages() - 1), pages() - 1);
            let first_row = at * per_page + 1;
            let last_row = ((at + 1) * per_page).min(total.get());
            view! {
                <nav class="pager" aria-label="Pages of keys" data-testid="pager">
                    <button type="button" disabled=at == 0 on:click=move |_| go(0)>"First page"</button>
                    <button type="button" disabled=at == 0 on:click=move |_| go(at.saturating_sub(1))>"Previous page"</button>
                    <label>
                        "Page "
                        <input type="number" min="1" max=last + 1 prop:value=(at + 1).to_string()
                            aria-label="Page number"
                            on:change=move |ev| {
                                if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                                    go(n.max(1) - 1);
                                }
                            }/>
                        " of " {thousands(last + 1)}
                    </label>
                    <button type="button" disabled=at == last on:click=move |_| go(at + 1)>"Next page"</button>
                    <button type="button" disabled=at == last on:click=move |_| go(last)>"Last page"</button>
                    <span class="muted">
                        "Keys " {thousands(first_row)} "–" {thousands(last_row)} " of " {thousands(total.get())}
                    </span>
                </nav>
            }
        })
    }
}
