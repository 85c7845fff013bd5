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

/// Items added by each "Show more" of a [`ClippedList`]: a click lays out about 20 KB of
/// text, where all of a hostile 100,000 would hold the page for most of a second.
const MORE_ITEMS: usize = 1_000;

/// `items` joined by `separator`: the first `shown` of them, then "Show N more of M",
/// [`MORE_ITEMS`] at a time.
#[component]
pub fn ClippedList(items: Arc<[String]>, shown: usize, separator: &'static str) -> impl IntoView {
    let count = RwSignal::new(shown.min(items.len()));
    let total = items.len();
    move || {
        let text = items[..count.get()].join(separator);
        view! { {text} <ShowMore count=count total=total step=MORE_ITEMS lead="… "/> }
    }
}

/// "Show N more of M" for a list of `total` items of which `count` are shown: each click
/// shows `step` more. Nothing once all are shown. `lead` goes before the button.
#[component]
pub fn ShowMore(
    count: RwSignal<usize>,
    total: usize,
    step: usize,
    #[prop(optional)] lead: &'static str,
) -> impl IntoView {
    move || {
        let hidden = total.saturating_sub(count.get());
        (hidden > 0).then(|| {
            let label = format!(
                "Show {} more of {}",
                thousands(hidden.min(step)),
                thousands(total)
            );
            view! {
                {lead}
                <button type="button" class="link" on:click=move |_| count.update(|c| *c += hidden.min(step))>
                    {label}
                </button>
            }
        })
    }
}
