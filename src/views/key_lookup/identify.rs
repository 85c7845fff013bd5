//! "Identify a key by its value": a key value found in code or a config file, matched
//! against the loaded keys' masked values by their visible characters. The value is a
//! secret like the token: it lives in the connection form (cleared with the token), is
//! never sent, stored, or put in the URL, and is matched here, in the page.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::key_value::{candidates, Candidates, PastedValue};
use domain::model::ApiKey;
use domain::text::count;
use leptos::prelude::*;

use crate::app::navigation::Entry;
use crate::app::state::{use_app, AppState};
use crate::components::copy_button::CopyButton;

/// Candidates listed at most; more means the value shows too little to tell.
const LISTED: usize = 10;

/// The field and the keys the value could be.
#[component]
pub fn IdentifyByValue(data: Arc<Decoded<ApiKey>>) -> impl IntoView {
    let AppState { form, .. } = use_app();
    let items = data.clone();
    let found = Memo::new(move |_| {
        let pasted = PastedValue::parse(&form.key_value_text())?;
        Some((pasted.looks_like_a_key(), candidates(&data.items, &pasted)))
    });
    view! {
        <details class="identify" open=move || !form.key_value_text().is_empty()>
            <summary>"Which key is this value?"</summary>
            <div class="field">
                <label for="key-value">"Identify a key by its value"</label>
                <input
                    id="key-value"
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Paste a key value (xx…) found in code; it never leaves this page"
                    prop:value=move || form.key_value_text()
                    on:input=move |ev| form.set_key_value_text(event_target_value(&ev))
                />
                <p class="hint">"Compared with the visible characters of each key's masked value. Forgotten with the token."</p>
            </div>
            {move || found.get().map(|(shaped, found)| view! {
                {(!shaped).then(|| view! {
                    <p class="form-error">"This does not look like a key value (xx followed by a UUID); comparing anyway."</p>
                })}
                <Matches data=items.clone() found=found/>
            })}
        </details>
    }
}

/// The matching keys, most visible characters first, each with its id to copy.
#[component]
fn Matches(data: Arc<Decoded<ApiKey>>, found: Candidates) -> impl IntoView {
    let nav = use_app().nav;
    let summary = match found.matches.len() {
        0 => "No loaded key's masked value fits this value.".to_owned(),
        1 => "1 key fits this value.".to_owned(),
        n => format!("{n} keys fit this value: their masks show too little to tell them apart."),
    };
    let unknown = (found.unknown > 0).then(|| {
        format!(
            " {} no characters to compare.",
            count(found.unknown, "key shows", "keys show")
        )
    });
    let rows = found
        .matches
        .iter()
        .take(LISTED)
        .map(|&(at, _)| {
            let key = &data.items[at];
            let id = key.id.clone();
            let open = {
                let id = id.clone();
                move |_| nav.go(Entry::Push, |u| u.keys.selected = Some(id.clone()))
            };
            view! {
                <li>
                    <button type="button" class="link" on:click=open>
                        {key.display_name.clone().unwrap_or_else(|| "(no display name)".to_owned())}
                    </button>
                    " " <code>{id.clone()}</code> " " <CopyButton text=id label="Copy key ID"/>
                    " " <code class="masked">{key.value.clone()}</code>
                </li>
            }
        })
        .collect_view();
    view! {
        <p role="status" data-testid="identify-result">{summary}{unknown}</p>
        <ul class="identify-matches" data-testid="identify-matches">{rows}</ul>
    }
}
