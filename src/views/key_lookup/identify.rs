//! "Identify a key by its value": a key value found in code or a config file, matched
//! against the loaded keys' masked values by their visible characters. The value is a
//! secret like the token: it lives in the connection form (cleared with the token), is
//! never sent, stored, or put in the URL, and is matched here, in the page.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::key_value::{candidates, Candidates, PastedValue};
use domain::model::ApiKey;
use domain::secrets::{key_shaped, LinkSecrets};
use domain::text::count;
use leptos::prelude::*;

use crate::app::navigation::Entry;
use crate::app::state::{use_app, AppState};
use crate::components::copy_button::CopyButton;

/// Candidates listed at most; more means the value shows too little to tell.
const LISTED: usize = 10;

/// The field and the keys the value could be.
#[component]
#[expect(
    clippy::disallowed_methods,
    reason = "the view that matches the pasted key value reads it"
)]
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

/// Under the key filter, when it holds a key value: the filter cannot find a key by its
/// value (values are masked), and the link leaves the value out; one click moves it to
/// "Which key is this value?", where it is matched.
#[component]
pub fn KeyValueInFilter(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let AppState { nav, form, .. } = use_app();
    let value = Memo::new(move |_| {
        text.with(|text| {
            key_shaped(text)
                .first()
                .map(|&(start, end)| text[start..end].to_owned())
        })
    });
    let move_it = move |_| {
        let Some(value) = value.get_untracked() else {
            return;
        };
        form.set_key_value_text(value);
        nav.go(Entry::Replace, |u| {
            u.keys.query.text = LinkSecrets::default().without(&u.keys.query.text)
        });
        request_animation_frame(|| {
            if let Some(field) = document().get_element_by_id("key-value") {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(field).focus();
            }
        });
    };
    move || {
        value.with(Option::is_some).then(|| view! {
            <p class="hint key-value-in-filter" role="status" data-testid="key-value-in-filter">
                "That is a key value: the filter cannot find a key by it (values are masked), and links leave it out. "
                <button type="button" class="link" on:click=move_it>"Find its key with \"Which key is this value?\""</button>
            </p>
        })
    }
}
