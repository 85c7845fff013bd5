//! The access token field: paste, tidy, remember, forget.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::app::state::{use_app, AppState};

/// The token field, with `help` under it (drawn again when what it reads changes). A
/// pasted token loads a complete form.
#[component]
pub fn TokenField(#[prop(into)] help: ViewFn) -> impl IntoView {
    let app = use_app();
    let AppState { form, lists, .. } = app;
    let has_token = move || form.remember() || !form.token_is_empty();
    view! {
        <div class="field">
            <label for="access-token">"Access token"</label>
            <input
                id="access-token"
                type="password"
                autocomplete="off"
                spellcheck="false"
                placeholder="Paste an OAuth or personal access token"
                prop:value=move || form.token_text()
                on:input=move |ev| form.set_token_text(event_target_value(&ev))
                // Tidy a pasted "Bearer ..." once the field is left, not while typing.
                on:change=move |_| form.tidy_token()
                // A pasted token is a complete one: load, once the paste has landed.
                on:paste=move |_| { Timeout::new(0, move || lists.load_if_idle()).forget(); }
            />
            <div class="token-options">
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || form.remember()
                        on:change=move |ev| form.set_remember(event_target_checked(&ev))
                    />
                    "Remember for this tab"
                </label>
                {move || has_token().then(|| view! {
                    <button
                        type="button"
                        class="link"
                        on:click=move |_| app.forget_token()
                    >
                        "Forget token"
                    </button>
                })}
            </div>
            {move || form.inputs().with(|i| i.awaiting_token().cloned()).map(|org| view! {
                <p class="hint" data-testid="token-prompt">
                    "Paste an access token to load " <strong>{org.to_string()}</strong>
                    ". Links never carry it."
                </p>
            })}
            {move || help.run()}
        </div>
    }
}
