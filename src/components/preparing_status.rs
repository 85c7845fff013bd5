//! How far preparing a long list has come, while the page stays usable.

use domain::text::thousands;
use leptos::prelude::*;

/// "Preparing `what` for search: 1,000 of 50,000…", with a spinner.
#[component]
pub fn PreparingStatus(
    what: &'static str,
    #[prop(into)] prepared: Signal<usize>,
    total: usize,
) -> impl IntoView {
    view! {
        <p class="loading" role="status" data-testid="preparing">
            <span class="spinner" aria-hidden="true"></span>
            "Preparing " {what} " for search: " {move || thousands(prepared.get())} " of "
            {thousands(total)} "…"
        </p>
    }
}
