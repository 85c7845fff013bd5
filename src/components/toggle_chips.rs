//! A group of on/off chips (filters such as statuses, owners or types).

use leptos::prelude::*;

use super::code_text::code_text;

/// One chip per `(value, text)` (its code between backticks shows as code); a chip is
/// pressed when `pressed` holds its value, and a
/// click reports its value to `on_toggle`. `label` names the group for screen readers.
#[component]
pub fn ToggleChips(
    label: &'static str,
    chips: Vec<(String, String)>,
    #[prop(into)] pressed: Signal<Vec<String>>,
    #[prop(into)] on_toggle: Callback<String>,
    /// More chips after these, in the same group (the key lookup's "Needs attention").
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let chips = chips
        .into_iter()
        .map(|(value, text)| {
            let is_pressed = {
                let value = value.clone();
                move || pressed.with(|p| p.contains(&value)).to_string()
            };
            view! {
                <button
                    type="button"
                    class="chip-toggle"
                    aria-pressed=is_pressed
                    on:click=move |_| on_toggle.run(value.clone())
                >
                    {code_text(&text)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="chips" role="group" aria-label=label>
            {chips}
            {children.map(|c| c())}
        </div>
    }
}
