//! The note on a domain that exists under another owner too: which is which.

use domain::catalog::Catalog;
use leptos::prelude::*;

/// Says that `owner`'s `domain` is not the same privilege as its namesakes under other
/// owners, with what each one is for.
#[component]
pub fn TwinNote(owner: String, domain: String) -> impl IntoView {
    let catalog = Catalog::shipped();
    let twins = catalog
        .twins(&owner, &domain)
        .into_iter()
        .map(|twin| {
            let name = twin.title().unwrap_or_else(|| twin.target_domain.to_owned());
            view! {
                <li>
                    "Not " <span class="name">{name}</span> " " <code>{format!("{}.{}", twin.owner, twin.target_domain)}</code>
                    ": " {twin.summary}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="twin-note" data-testid="twin-note">{twins}</ul> }
}
