//! A message whose code (marked with backticks) shows as code.

use domain::text::code_spans;
use leptos::prelude::*;

/// `message` as text nodes, with its backticked parts in `<code>`.
pub fn code_text(message: &str) -> AnyView {
    code_spans(message)
        .into_iter()
        .map(|span| {
            let text = span.text.to_owned();
            if span.code {
                view! { <code>{text}</code> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
        .into_any()
}
