//! The status filter: a chip per status the keys have, with its count, and "Needs
//! attention".

use std::sync::Arc;

use domain::key_list::{KeyIndex, KeyQuery};
use domain::status::status_name;
use domain::text::thousands;
use domain::url_state::toggle;
use leptos::prelude::*;

use crate::app::navigation::Entry;
use crate::app::state::use_app;
use crate::components::toggle_chips::ToggleChips;

#[component]
pub fn StatusChips(index: Arc<KeyIndex>, query: Memo<KeyQuery>) -> impl IntoView {
    let nav = use_app().nav;
    let chips: Arc<[(String, String)]> = index
        .status_counts()
        .into_iter()
        .map(|(status, n)| {
            // The code is the chip's tooltip (its value); a status Coveo does not
            // document shows its code.
            let text = match status_name(&status) {
                Some(name) => format!("{name} ({})", thousands(n)),
                None => format!("`{status}` ({})", thousands(n)),
            };
            (status, text)
        })
        .collect();
    let attention = index.needing_attention();
    // What the count is made of, in words: "1,666 expire soon, 3 exposed".
    let reasons = index
        .attention_reasons()
        .into_iter()
        .map(|(reason, n)| format!("{}: {}", reason, thousands(n)))
        .collect::<Vec<_>>()
        .join(", ");
    let counts = if reasons.is_empty() {
        "No active key is exposed, expired, expiring soon or public and too powerful.".to_owned()
    } else {
        format!("Active keys that are exposed, expired, expiring soon or public and too powerful. {reasons}.")
    };
    let shown = counts.clone();
    view! {
        <ToggleChips
            label="Status"
            chips=chips
            pressed=Signal::derive(move || query.with(|q| q.statuses.clone()))
            on_toggle=move |status| nav.go(Entry::Replace, |u| toggle(&mut u.keys.query.statuses, status))
        >
            <button
                type="button"
                class="chip-toggle attention"
                title=counts
                aria-pressed=move || query.with(|q| q.needs_attention).to_string()
                on:click=move |_| nav.go(Entry::Replace, |u| u.keys.query.needs_attention = !u.keys.query.needs_attention)
            >
                "Needs attention (" {thousands(attention)} ")"
            </button>
        </ToggleChips>
        {move || query.with(|q| q.needs_attention).then(|| view! {
            <p class="hint attention-counts" data-testid="attention-counts">{shown.clone()}</p>
        })}
    }
}
