//! Comparing with an existing key: the key picker, how many of the assignable privileges
//! the key holds, and the builder's selection against the key, differences first.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::model::{ApiKey, Privilege};
use domain::privilege_explorer::{compare_counts, difference, picks_of, PrivilegeRef};
use domain::text::count;
use leptos::prelude::*;

use crate::components::key_picker::{KeyIndexPreparation, KeyPicker, KeySearch};
use crate::components::preparing::preparing;
use crate::components::privilege_name::PrivilegeName;

/// A key of `keys` (when loaded) to compare with, picked by name or id; `on_choose` gets
/// the chosen id, or `None` ("No key"). The keys' index is prepared here, a slice at a
/// time, as this view has none of its own.
#[component]
pub fn ComparePicker(
    keys: Memo<Option<Arc<Decoded<ApiKey>>>>,
    compared: Memo<Option<ApiKey>>,
    #[prop(into)] on_choose: Callback<Option<String>>,
) -> impl IntoView {
    let chosen = move || {
        compared.get().map(|key| {
            let name = key.display_name.clone().unwrap_or(key.id.clone());
            view! {
                <p class="hint" data-testid="compared-key">
                    "Compared with " <strong>{name}</strong> " "
                    <button type="button" class="link" on:click=move |_| on_choose.run(None)>"No key"</button>
                </p>
            }
        })
    };
    let picker = move || {
        keys.get().map(|data| {
            let total = data.items.len();
            let work = KeyIndexPreparation::new(data.clone());
            preparing(work, "keys", total, move |index| {
                view! {
                    <KeyPicker id="compare-key" label="Compare with a key" list="compare-key-matches" keys=KeySearch { data: data.clone(), index }
                        on_pick=move |id| on_choose.run(Some(id))/>
                }
            })
        })
    };
    view! { <div class="compare">{picker} {chosen}</div> }
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
