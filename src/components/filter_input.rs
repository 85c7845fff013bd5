//! A labelled live search field: every keystroke reports the text, Escape clears it, and
//! "/" from anywhere on the page focuses the view's main one.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A search input labelled `label`, showing `value`; `on_change` gets each new text
/// (an empty one on Escape).
#[component]
pub fn FilterInput(
    id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    /// Lets the caller focus the field.
    #[prop(optional)]
    node_ref: NodeRef<html::Input>,
    /// "/" focuses this field (a view's main filter), from anywhere but another field.
    #[prop(optional)]
    slash: bool,
    /// Enter in the field (the key lookup opens its one match).
    #[prop(optional, into)]
    on_enter: Option<Callback<()>>,
) -> impl IntoView {
    if slash {
        focus_on_slash(node_ref);
    }
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
                on:keydown=move |ev| match ev.key().as_str() {
                    "Escape" => on_change.run(String::new()),
                    "Enter" => {
                        if let Some(on_enter) = on_enter {
                            on_enter.run(());
                        }
                    }
                    _ => {}
                }
            />
        </div>
    }
}

/// Whether `ev` is typed into a field, where "/" and Escape are the field's own.
pub fn typed_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    let in_field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    in_field || ev.ctrl_key() || ev.meta_key()
}

/// "/" focuses `input`, while it is on the page.
fn focus_on_slash(input: NodeRef<html::Input>) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "/" && !typed_in_a_field(&ev) {
            if let Some(input) = input.get() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());
}
