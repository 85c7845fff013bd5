//! A group of on/off chips (filters such as statuses, owners or types).

use std::sync::Arc;

use leptos::prelude::*;

use domain::text::thousands;

use super::code_text::code_text;

/// Chips shown at first, and added by each "Show more": a hostile list may name 100,000
/// owners or types.
const CHIP_PAGE: usize = 40;

/// One chip per `(value, text)` (its code between backticks shows as code); a chip is
/// pressed when `pressed` holds its value, and a click reports its value to `on_toggle`.
/// `label` names the group for screen readers. Past [`CHIP_PAGE`] chips, the rest wait
/// behind "Show more" (pressed ones always show).
#[component]
pub fn ToggleChips(
    label: &'static str,
    #[prop(into)] chips: Arc<[(String, String)]>,
    #[prop(into)] pressed: Signal<Vec<String>>,
    #[prop(into)] on_toggle: Callback<String>,
    /// More chips after these, in the same group (the key lookup's "Needs attention").
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let total = chips.len();
    let limit = RwSignal::new(CHIP_PAGE);
    let chip = move |value: String, text: &str| {
        let is_pressed = {
            let value = value.clone();
            move || pressed.with(|p| p.contains(&value)).to_string()
        };
        view! {
            <button
                type="button"
                class="chip-toggle"
                title=value.clone()
                aria-pressed=is_pressed
                on:click=move |_| on_toggle.run(value.clone())
            >
                {code_text(text)}
            </button>
        }
    };
    let shown = move || {
        let limit = limit.get();
        // Past the limit, the pressed chips only (read once: pressing one shows it).
        let held = pressed.get_untracked();
        chips
            .iter()
            .enumerate()
            .filter(|(i, (value, _))| *i < limit || held.contains(value))
            .map(|(_, (value, text))| chip(value.clone(), text))
            .collect_view()
    };
    let more = move || {
        let hidden = total.saturating_sub(limit.get());
        (hidden > 0).then(|| view! {
            <button type="button" class="link more-chips" on:click=move |_| limit.update(|l| *l += CHIP_PAGE)>
                {format!("Show {} more of {}", hidden.min(CHIP_PAGE), thousands(total))}
            </button>
        })
    };
    view! {
        <div class="chips" role="group" aria-label=label>
            {shown}
            {more}
            {children.map(|c| c())}
        </div>
    }
}
