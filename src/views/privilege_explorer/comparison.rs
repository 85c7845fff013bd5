//! Comparing the assignable privileges with an existing key: the key picker and what the
//! key holds and lacks.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::model::{ApiKey, Privilege};
use domain::privilege_explorer::compare_counts;
use domain::text::count;
use leptos::prelude::*;

/// A choice among `keys` (when loaded); `on_choose` gets the chosen id, or `None`.
#[component]
pub fn ComparePicker(
    keys: Memo<Option<Arc<Decoded<ApiKey>>>>,
    compare: Signal<Option<String>>,
    #[prop(into)] on_choose: Callback<Option<String>>,
) -> impl IntoView {
    move || {
        keys.get().map(|keys| {
            let options = keys
                .items
                .iter()
                .map(|key| {
                    let name = key.display_name.as_deref().unwrap_or("(no name)");
                    let label = format!("{name} ({})", key.id);
                    view! { <option value=key.id.clone()>{label}</option> }
                })
                .collect_view();
            view! {
                <div class="field compare">
                    <label for="compare-key">"Compare with a key"</label>
                    <select
                        id="compare-key"
                        prop:value=move || compare.get().unwrap_or_default()
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            on_choose.run(Some(id).filter(|id| !id.is_empty()));
                        }
                    >
                        <option value="">"No key"</option>
                        {options}
                    </select>
                </div>
            }
        })
    }
}

/// How many of the `assignable` privileges the compared key holds and lacks.
#[component]
pub fn CompareSummary(
    compared: Memo<Option<ApiKey>>,
    assignable: Arc<Decoded<Privilege>>,
) -> impl IntoView {
    move || {
        compared.get().map(|key| {
            let (held, lacks) = compare_counts(&key, &assignable.items);
            let name = key.display_name.clone().unwrap_or(key.id.clone());
            let total = count(
                assignable.items.len(),
                "assignable privilege",
                "assignable privileges",
            );
            view! {
                <p class="compare-summary" role="status" data-testid="compare-summary">
                    {name} " holds " {held} " of the " {total} " and lacks " {lacks} "."
                </p>
            }
        })
    }
}
