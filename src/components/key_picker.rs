//! The one key picker: a search over a list's prepared key index that offers a few
//! matches at a time, in a [`Combobox`]. Used by key-against-key and by the builder's comparison.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::key_list::{KeyIndex, KeyMatches};
use domain::model::{ApiKey, Timestamp};
use domain::text::thousands;
use leptos::prelude::*;

use crate::clock::now;
use crate::components::combobox::{ComboOption, Combobox};
use crate::components::preparing::Preparation;
use crate::time_slice::Slices;

/// The loaded keys and their prepared index: what the picker searches.
#[derive(Clone)]
pub struct KeySearch {
    pub data: Arc<Decoded<ApiKey>>,
    pub index: Arc<KeyIndex>,
}

/// A key list's index, prepared a slice at a time ([`crate::components::preparing`]), for
/// a view that has no index of its own.
pub struct KeyIndexPreparation {
    pub index: KeyIndex,
    pub data: Arc<Decoded<ApiKey>>,
    pub now: Timestamp,
}

/// Keys prepared for search per step; a slice takes as many steps as fit in its time.
const PREPARE_STEP: usize = 500;

impl KeyIndexPreparation {
    pub fn new(data: Arc<Decoded<ApiKey>>) -> KeyIndexPreparation {
        KeyIndexPreparation {
            index: KeyIndex::default(),
            data,
            now: now(),
        }
    }
}

impl Preparation for KeyIndexPreparation {
    type Ready = Arc<KeyIndex>;

    fn step(&mut self) -> bool {
        self.index
            .prepare_more(&self.data.items, self.now, PREPARE_STEP)
    }

    fn prepared(&self) -> usize {
        self.index.len()
    }

    fn finish_now(self) -> Arc<KeyIndex> {
        Arc::new(self.index)
    }

    async fn finish(self, _: Slices) -> Option<Arc<KeyIndex>> {
        Some(self.finish_now())
    }
}

/// Matches offered at once; typing more narrows them.
const OFFERED: usize = 8;

/// A field `label`led, with the keys that match what is typed (leaving out the key at
/// `except`); `on_pick` gets the picked key's id.
#[component]
pub fn KeyPicker(
    id: &'static str,
    label: &'static str,
    /// The listbox's id.
    list: &'static str,
    keys: KeySearch,
    #[prop(optional)] except: Option<usize>,
    #[prop(into)] on_pick: Callback<String>,
) -> impl IntoView {
    let KeySearch { data, index } = keys;
    let text = RwSignal::new(String::new());
    let found = Memo::new(move |_| text.with(|t| index.find(t, except, OFFERED)));
    let options = {
        let data = data.clone();
        Signal::derive(move || {
            found.with(|f| {
                f.first
                    .iter()
                    .map(|&at| ComboOption {
                        name: data.items[at].display_name.clone(),
                        code: data.items[at].id.clone(),
                    })
                    .collect()
            })
        })
    };
    let pick = move |n: usize| {
        if let Some(at) = found.with_untracked(|f| f.first.get(n).copied()) {
            text.set(String::new());
            on_pick.run(data.items[at].id.clone());
        }
    };
    view! {
        <div class="field picker">
            <label for=id>{label}</label>
            <Combobox
                id=id
                kind="search"
                placeholder="Name, id or creator"
                list=list
                list_label="Matching keys"
                value=text
                on_text=move |t| text.set(t)
                options=options
                on_pick=pick
            />
            <p class="hint" aria-live="polite">{move || found.with(count_line)}</p>
        </div>
    }
}

/// "3 keys match", or "The first 8 of 120 keys that match: type more", or nothing.
fn count_line(found: &KeyMatches) -> Option<String> {
    match (found.first.len(), found.total) {
        (_, 0) => None,
        (_, 1) => Some("1 key matches.".to_owned()),
        (shown, total) if shown == total => Some(format!("{} keys match.", thousands(total))),
        (shown, total) => Some(format!(
            "The first {shown} of {} keys that match: type more to narrow them.",
            thousands(total)
        )),
    }
}
