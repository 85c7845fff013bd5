//! The choice between every assignable privilege and those allowed in a custom key.

use leptos::prelude::*;

/// Two radio buttons; `on_switch` gets whether "custom key only" was chosen.
#[component]
pub fn ListSwitch(
    custom_only: Memo<bool>,
    #[prop(into)] on_switch: Callback<bool>,
) -> impl IntoView {
    view! {
        <fieldset class="list-switch">
            <legend>"Show"</legend>
            <label>
                <input type="radio" name="privilege-list" prop:checked=move || !custom_only.get()
                    on:change=move |_| on_switch.run(false)/>
                "All assignable privileges"
            </label>
            <label>
                <input type="radio" name="privilege-list" prop:checked=move || custom_only.get()
                    on:change=move |_| on_switch.run(true)/>
                "Only those allowed in a custom key"
            </label>
        </fieldset>
    }
}
