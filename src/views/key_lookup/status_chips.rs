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
            let text = match status_name(&status) {
                Some(name) => format!("{name} `{status}` ({})", thousands(n)),
                None => format!("`{status}` ({})", thousands(n)),
            };
            (status, text)
        })
        .collect();
    let attention = index.needing_attention();
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
                aria-pressed=move || query.with(|q| q.needs_attention).to_string()
                on:click=move |_| nav.go(Entry::Replace, |u| u.keys.query.needs_attention = !u.keys.query.needs_attention)
            >
                "Needs attention (" {thousands(attention)} ")"
            </button>
        </ToggleChips>
    }
}
