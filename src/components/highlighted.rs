//! Text with the search's matches marked, rendered as text nodes and `<mark>` only.

use domain::highlight::highlight;
use leptos::prelude::*;

/// `text` with the parts matching `words` (folded query words) in `<mark>`.
pub fn highlighted(text: &str, words: &[String]) -> AnyView {
    if words.is_empty() {
        return text.to_owned().into_any();
    }
    highlight(text, words)
        .into_iter()
        .map(|segment| {
            if segment.hit {
                view! { <mark>{segment.text}</mark> }.into_any()
            } else {
                segment.text.into_any()
            }
        })
        .collect_view()
        .into_any()
}
