//! A button that copies a text to the clipboard and says so, visibly and to screen readers.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Idle,
    Copied,
    Failed,
}

/// Copies `text` (as it is when clicked). `label` is the button's accessible name
/// ("Copy key ID"), and its text unless `short` gives a shorter one (where the label
/// would not fit, as in a table row). What it says after a copy shows over the page, so
/// nothing moves.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    label: &'static str,
    #[prop(optional)] short: Option<&'static str>,
) -> impl IntoView {
    let outcome = RwSignal::new(Outcome::Idle);
    let reset = StoredValue::new_local(None::<Timeout>);
    let copy = move |_| {
        let text = text.get_untracked();
        spawn_local(async move {
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            let copied = match clipboard {
                Some(clipboard) => JsFuture::from(clipboard.write_text(&text)).await.is_ok(),
                None => false,
            };
            outcome.set(if copied {
                Outcome::Copied
            } else {
                Outcome::Failed
            });
            // Replacing the timer drops (cancels) the previous one.
            reset.set_value(Some(Timeout::new(2_000, move || {
                outcome.set(Outcome::Idle)
            })));
        });
    };
    view! {
        <span class="copy">
            <button type="button" class="copy-button" aria-label=short.map(|_| label) on:click=copy>
                {short.unwrap_or(label)}
            </button>
            <span class="copy-status" role="status" aria-live="polite">
                {move || match outcome.get() {
                    Outcome::Idle => "",
                    Outcome::Copied => "Copied",
                    Outcome::Failed => "Copy failed: select the text and copy it",
                }}
            </span>
        </span>
    }
}
