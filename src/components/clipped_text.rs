//! Text from the API that may be far longer than a cell: its start, then the whole of it
//! one click away.

use std::sync::Arc;

use domain::text::{clipped, thousands};
use leptos::prelude::*;

use super::highlighted::highlighted;

/// `text` cut to `limit` characters with "Show all N characters", which shows it whole;
/// `words` (folded search words) are marked in what shows.
#[component]
pub fn ClippedText(
    #[prop(into)] text: Arc<str>,
    limit: usize,
    #[prop(optional, into)] words: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let whole = RwSignal::new(false);
    move || {
        let cut = (!whole.get()).then(|| clipped(&text, limit)).flatten();
        let shown = cut.unwrap_or(&text);
        let marked = match words {
            Some(words) => words.with(|w| highlighted(shown, w)),
            None => shown.to_owned().into_any(),
        };
        let more = cut.map(|_| {
            let total = thousands(text.chars().count());
            view! {
                "… "
                <button type="button" class="link" on:click=move |_| whole.set(true)>
                    "Show all " {total} " characters"
                </button>
            }
        });
        view! { {marked} {more} }
    }
}

/// `items` joined by `separator`, the first `shown` of them, then "Show all N" for the
/// rest, which shows them all.
#[component]
pub fn ClippedList(items: Arc<[String]>, shown: usize, separator: &'static str) -> impl IntoView {
    let whole = RwSignal::new(items.len() <= shown);
    move || {
        if whole.get() {
            items.join(separator).into_any()
        } else {
            let total = thousands(items.len());
            view! {
                {items[..shown].join(separator)} "… "
                <button type="button" class="link" on:click=move |_| whole.set(true)>
                    "Show all " {total}
                </button>
            }
            .into_any()
        }
    }
}
