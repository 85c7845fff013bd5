//! A labelled live search field: every keystroke reports the text, Escape clears it.

use leptos::html;
use leptos::prelude::*;

/// A search input labelled `label`, showing `value`; `on_change` gets each new text
/// (an empty one on Escape).
#[component]
pub fn FilterInput(
    id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    /// Lets the caller focus the field (the key lookup's "/" shortcut).
    #[prop(optional)]
    node_ref: NodeRef<html::Input>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="search"
                node_ref=node_ref
                autocomplete="off"
                spellcheck="false"
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_change.run(String::new());
                    }
                }
            />
        </div>
    }
}
