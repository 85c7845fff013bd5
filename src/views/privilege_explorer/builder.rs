//! The builder: the ticked privileges as the `privileges` parameter of a new key, with a
//! warning when they are not safe in a public key.

use domain::privilege_explorer::{builder_json, unsafe_for_public, PrivilegeRef};
use domain::text::count;
use leptos::prelude::*;

use crate::components::copy_button::CopyButton;

#[component]
pub fn Builder(
    selection: Memo<Vec<PrivilegeRef>>,
    #[prop(into)] on_clear: Callback<()>,
) -> impl IntoView {
    let json = Signal::derive(move || selection.with(|s| builder_json(s)));
    let warning = move || {
        let risky: Vec<String> =
            selection.with(|s| unsafe_for_public(s).iter().map(|p| p.code()).collect());
        (!risky.is_empty()).then(|| view! {
            <p class="warning" data-testid="builder-warning">
                "Not safe for a public key (one exposed in client-side code): " {risky.join(", ")}
                ". Public keys should hold only Execute queries and Push on Analytics data."
            </p>
        })
    };
    view! {
        <aside class="builder" aria-labelledby="builder-heading">
            <h3 id="builder-heading">"Privilege builder"</h3>
            <p class="hint">
                "Tick privileges to get the " <code>"privileges"</code> " parameter of a new API key. "
                {move || count(selection.with(Vec::len), "privilege", "privileges")} " selected."
            </p>
            {warning}
            <pre data-testid="builder-json">{json}</pre>
            <div class="actions">
                <CopyButton text=json label="Copy JSON"/>
                <button type="button" on:click=move |_| on_clear.run(())>"Clear selection"</button>
            </div>
        </aside>
    }
}
