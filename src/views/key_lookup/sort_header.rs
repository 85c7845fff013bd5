//! A sortable column's header: a button that sorts by it, then reverses.

use domain::key_list::{Sort, SortKey};
use leptos::prelude::*;

use crate::app::navigation::Entry;
use crate::app::state::use_app;

/// The header of the column `key`, showing whether `sort` sorts by it; `class` is the
/// column's (its cells').
#[component]
pub fn SortHeader(
    label: &'static str,
    key: SortKey,
    sort: Memo<Sort>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let nav = use_app().nav;
    let state = move || {
        let current = sort.get();
        match (current.key == key, current.descending) {
            (true, false) => "ascending",
            (true, true) => "descending",
            (false, _) => "none",
        }
    };
    let arrow = move || match state() {
        "ascending" => " ▲",
        "descending" => " ▼",
        _ => "",
    };
    let click = move |_| {
        let current = sort.get_untracked();
        let descending = current.key == key && !current.descending;
        nav.go(Entry::Replace, |u| u.keys.sort = Sort { key, descending });
    };
    view! {
        <th scope="col" class=class aria-sort=state>
            <button type="button" class="sort" on:click=click>
                {label}
                <span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
