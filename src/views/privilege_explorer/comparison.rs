//! Comparing with an existing key: the key picker, how many of the assignable privileges
//! the key holds, and the builder's selection against the key, differences first.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::model::{ApiKey, Privilege};
use domain::privilege_explorer::{compare_counts, difference, picks_of, PrivilegeRef};
use domain::text::count;
use leptos::prelude::*;

use crate::components::privilege_name::PrivilegeName;

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

/// The builder's selection against the compared key, differences first: only in the
/// selection, only in the key, then in both.
#[component]
pub fn SelectionDifference(
    selection: Memo<Vec<PrivilegeRef>>,
    compared: Memo<Option<ApiKey>>,
) -> impl IntoView {
    move || {
        let key = compared.get()?;
        let diff = selection.with(|s| difference(s, &picks_of(&key)));
        let name = key.display_name.clone().unwrap_or(key.id.clone());
        let list = |title: &'static str, picks: Vec<PrivilegeRef>, testid: &'static str| {
            let items = picks
                .into_iter()
                .map(|p| view! { <li><PrivilegeName privilege=p/></li> })
                .collect_view();
            view! {
                <details class="difference" data-testid=testid open=title != "In both">
                    <summary>{title} " (" {items.len()} ")"</summary>
                    <ul>{items}</ul>
                </details>
            }
        };
        Some(view! {
            <section class="selection-difference" data-testid="selection-difference">
                <h4>"Against " {name}</h4>
                {list("Only in the selection", diff.only_first, "only-selection")}
                {list("Only in the key", diff.only_second, "only-key")}
                {list("In both", diff.both, "in-both")}
            </section>
        })
    }
}
