//! The loaded privileges: filters, the groups, the builder and the comparison with a key.

use std::sync::Arc;

use domain::can_term::holder_counts;
use domain::catalog::level_words;
use domain::decode::Decoded;
use domain::model::{ApiKey, Privilege};
use domain::privilege_explorer::{
    set_picked, ExplorerQuery, PrivilegeIndex, PrivilegeRef, ALLOWED, PRIVILEGE_REFERENCE,
};
use domain::privilege_groups::{first_rows, group, owners, row_count, types};
use domain::text::{count, thousands};
use domain::url_state::toggle;
use leptos::prelude::*;

use super::builder::Builder;
use super::comparison::{ComparePicker, CompareSummary};
use super::finder::Finder;
use super::held_by::Holders;
use super::owner_group::OwnerGroupView;
use crate::app::navigation::Entry;
use crate::app::state::use_app;
use crate::components::filter_input::FilterInput;
use crate::components::toggle_chips::ToggleChips;
use crate::loader::LoadState;

/// Target domains shown at first, and added by each "Show more": every real organization's
/// list fits in one page; thousands of rows never weigh on a keystroke.
const ROW_PAGE: usize = 200;

/// The loaded privileges: filters, groups, builder and comparison.
#[component]
pub fn PrivilegeBrowser(data: Arc<Decoded<Privilege>>) -> impl IntoView {
    let nav = use_app().nav;
    let lists = use_app().lists;
    let all = data.items.len();
    let query = Memo::new(move |_| nav.with(|u| u.explorer.query.clone()));
    let selection = Memo::new(move |_| nav.with(|u| u.explorer.selection.clone()));
    let filtered = {
        let (index, data) = (PrivilegeIndex::new(&data.items), data.clone());
        Memo::new(move |_| query.with(|q| index.filter(&data.items, q)))
    };
    let groups = {
        let data = data.clone();
        Memo::new(move |_| filtered.with(|f| group(f.iter().map(|&i| &data.items[i]))))
    };
    let rows = Memo::new(move |_| groups.with(|gs| row_count(gs)));
    let limit = RwSignal::new(ROW_PAGE);
    let shown = Memo::new(move |_| groups.with(|gs| first_rows(gs, limit.get())));

    // The compared key, from the loaded key list (live or sample).
    let keys = Memo::new(move |_| match lists.keys.state().get() {
        LoadState::Loaded { data, .. } => Some(data),
        _ => None,
    });
    let compare = Signal::derive(move || nav.with(|u| u.explorer.compare.clone()));
    let compared = Memo::new(move |_| {
        let id = compare.get()?;
        keys.with(|k| k.as_ref()?.items.iter().find(|key| key.id == id).cloned())
    });
    let holders = holders_of(keys, data.clone());
    let on_pick = Callback::new(move |(picks, on): (Vec<PrivilegeRef>, bool)| {
        nav.go(Entry::Replace, |u| {
            set_picked(&mut u.explorer.selection, &picks, on)
        })
    });
    let owner_group = move |owner: String| {
        view! { <OwnerGroupView owner=owner groups=groups shown=shown selection=selection compared=compared holders=holders on_pick=on_pick/> }
    };

    view! {
        <div class="privilege-browser">
            <Finder/>
            <Filters data=data.clone() query=query>
                <ComparePicker
                    keys=keys
                    compare=compare
                    on_choose=move |id| nav.go(Entry::Replace, |u| u.explorer.compare = id)
                />
            </Filters>
            <p class="count" role="status" data-testid="privilege-count">
                {move || format!("{} of {} · ", thousands(filtered.with(Vec::len)), count(all, "privilege", "privileges"))}
                <a href=PRIVILEGE_REFERENCE target="_blank" rel="noopener noreferrer">"Coveo's privilege reference"</a>
            </p>
            <CompareSummary compared=compared assignable=data.clone()/>
            <div class="explorer-layout">
                <div class="groups">
                    <For
                        each=move || shown.with(|gs| gs.iter().map(|g| g.owner.clone()).collect::<Vec<_>>())
                        key=|owner| owner.clone()
                        children=owner_group
                    />
                    <MoreRows shown=limit rows=rows/>
                    {move || filtered.with(Vec::is_empty).then(|| view! {
                        <p class="empty" data-testid="no-privilege-match">"No privilege matches these filters."</p>
                    })}
                </div>
                <Builder selection=selection compared=compared/>
            </div>
        </div>
    }
}

/// How many of the loaded keys (live or sample) hold each of the assignable privileges.
fn holders_of(keys: Memo<Option<Arc<Decoded<ApiKey>>>>, data: Arc<Decoded<Privilege>>) -> Holders {
    Memo::new(move |_| {
        keys.with(|k| {
            let rows: Vec<PrivilegeRef> = data.items.iter().map(PrivilegeRef::of).collect();
            let counts = holder_counts(&k.as_ref()?.items, &rows);
            Some(Arc::new(rows.into_iter().zip(counts).collect()))
        })
    })
}

/// The text filter and the owner and type chips, then `children` (the key picker).
#[component]
fn Filters(
    data: Arc<Decoded<Privilege>>,
    query: Memo<ExplorerQuery>,
    children: Children,
) -> impl IntoView {
    let nav = use_app().nav;
    view! {
        <div class="filters">
            <FilterInput
                id="privilege-filter"
                label="Filter privileges"
                placeholder="Name or code, e.g. Sources, execute queries or EXECUTE_QUERY"
                value=Signal::derive(move || query.with(|q| q.text.clone()))
                on_change=move |text| nav.go(Entry::Replace, |u| u.explorer.query.text = text)
            />
            <ToggleChips
                label="Owner"
                chips=as_chips(owners(&data.items))
                pressed=Signal::derive(move || query.with(|q| q.owners.clone()))
                on_toggle=move |owner| nav.go(Entry::Replace, |u| toggle(&mut u.explorer.query.owners, owner))
            />
            <ToggleChips
                label="Type"
                chips=types(&data.items).into_iter().map(|t| (t.clone(), type_words(&t))).collect()
                pressed=Signal::derive(move || query.with(|q| q.types.clone()))
                on_toggle=move |kind| nav.go(Entry::Replace, |u| toggle(&mut u.explorer.query.types, kind))
            />
            {children()}
        </div>
    }
}

/// A type filter chip's words: "View" for `VIEW`; "Allowed" stays.
fn type_words(value: &str) -> String {
    level_words(Some(value).filter(|v| *v != ALLOWED))
}

/// Filter chips whose text is their value.
fn as_chips(values: Vec<String>) -> Vec<(String, String)> {
    values.into_iter().map(|v| (v.clone(), v)).collect()
}

/// How many target domains show, and "Show more" while some do not.
#[component]
fn MoreRows(shown: RwSignal<usize>, rows: Memo<usize>) -> impl IntoView {
    move || {
        (rows.get() > shown.get()).then(|| view! {
            <p class="more-rows">
                "Showing " {thousands(shown.get())} " of " {thousands(rows.get())} " target domains. "
                <button type="button" class="more" on:click=move |_| shown.update(|l| *l += ROW_PAGE)>
                    "Show " {thousands(ROW_PAGE.min(rows.get() - shown.get()))} " more"
                </button>
            </p>
        })
    }
}
