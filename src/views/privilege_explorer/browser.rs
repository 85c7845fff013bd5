//! The loaded privileges: filters, the groups, the builder and the comparison with a key.

use std::collections::HashSet;
use std::sync::Arc;

use domain::can_term::holder_counts;
use domain::catalog::level_words;
use domain::decode::Decoded;
use domain::model::{ApiKey, Privilege};
use domain::privilege_explorer::{
    set_picked, ExplorerQuery, PrivilegeIndex, PrivilegeRef, ALLOWED, PRIVILEGE_REFERENCE,
};
use domain::privilege_groups::{types, GroupOrder, GroupPage, PageLimit};
use domain::purpose::Purpose;
use domain::text::{count, thousands};
use domain::url_state::toggle;
use leptos::prelude::*;

use super::builder::Builder;
use super::comparison::{ComparePicker, CompareSummary};
use super::finder::Finder;
use super::held_by::Holders;
use super::owner_group::OwnerGroupView;
use super::purpose_picker::PurposePicker;
use super::selection_bar::SelectionBar;
use crate::app::lists::Lists;
use crate::app::navigation::{Entry, Navigation};
use crate::app::state::use_app;
use crate::components::filter_input::FilterInput;
use crate::components::toggle_chips::ToggleChips;
use crate::loader::LoadState;

/// Target domains and owner sections shown at first, and added by each "Show more": every
/// real organization's list fits in one page (a handful of owners, a few hundred domains);
/// a hostile one's thousands never weigh on a load or a keystroke.
pub const PAGE: PageLimit = PageLimit {
    rows: 200,
    owners: 40,
};

/// What the browser needs, prepared once per list (`prepared.rs`).
#[derive(Clone)]
pub struct ReadyPrivileges {
    pub index: Arc<PrivilegeIndex>,
    pub order: Arc<GroupOrder>,
    pub chips: FilterChips,
}

/// The owner and type filters' chips, `(value, text)`.
#[derive(Clone)]
pub struct FilterChips {
    pub owners: Arc<[(String, String)]>,
    pub types: Arc<[(String, String)]>,
}

impl FilterChips {
    pub fn new(privileges: &[Privilege], order: &GroupOrder) -> FilterChips {
        FilterChips {
            owners: order
                .owners()
                .iter()
                .map(|o| (o.clone(), o.clone()))
                .collect(),
            types: types(privileges)
                .into_iter()
                .map(|t| {
                    let words = type_words(&t);
                    (t, words)
                })
                .collect(),
        }
    }
}

/// The loaded privileges: filters, groups, builder and comparison.
#[component]
pub fn PrivilegeBrowser(data: Arc<Decoded<Privilege>>, ready: ReadyPrivileges) -> impl IntoView {
    let ReadyPrivileges {
        index,
        order,
        chips,
    } = ready;
    let nav = use_app().nav;
    let lists = use_app().lists;
    let all = data.items.len();
    let query = Memo::new(move |_| nav.with(|u| u.explorer.query.clone()));
    let selection = Memo::new(move |_| nav.with(|u| u.explorer.selection.clone()));
    let filtered = {
        let data = data.clone();
        Memo::new(move |_| query.with(|q| index.filter(&data.items, q)))
    };
    let limit = RwSignal::new(PAGE);
    let page = page_of(order, data.clone(), filtered, limit);

    let (keys, compared) = compared_key(nav, lists);
    let holders = holders_of(keys, page);
    let offered = offered_by(data.clone());
    let on_pick = Callback::new(move |(picks, on): (Vec<PrivilegeRef>, bool)| {
        nav.go(Entry::Replace, |u| {
            set_picked(&mut u.explorer.selection, &picks, on)
        })
    });
    let purpose = Memo::new(move |_| nav.with(|u| u.explorer.purpose));
    let owner_group = move |owner: String| {
        view! { <OwnerGroupView owner=owner page=page selection=selection compared=compared holders=holders on_pick=on_pick/> }
    };

    view! {
        <div class="privilege-browser">
            <PurposePicker purpose=purpose on_choose=move |p| choose_purpose(nav, p)/>
            <Finder selection=selection/>
            <Filters chips=chips query=query>
                <ComparePicker
                    keys=keys
                    compared=compared
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
                        each=move || page.with(|p| p.groups.iter().map(|g| g.owner.clone()).collect::<Vec<_>>())
                        key=|owner| owner.clone()
                        children=owner_group
                    />
                    <MoreRows page=page on_more=move |()| limit.update(|l| *l = l.grown(PAGE))/>
                    {move || filtered.with(Vec::is_empty).then(|| view! {
                        <p class="empty" data-testid="no-privilege-match">"No privilege matches these filters."</p>
                    })}
                </div>
                <Builder selection=selection compared=compared offered=Some(offered)/>
            </div>
            <SelectionBar selection=selection/>
        </div>
    }
}

/// The loaded key list (live or sample), when there is one.
type LoadedKeys = Memo<Option<Arc<Decoded<ApiKey>>>>;

/// The loaded key list, and the key of it the explorer compares with.
fn compared_key(nav: Navigation, lists: Lists) -> (LoadedKeys, Memo<Option<ApiKey>>) {
    let keys = Memo::new(move |_| match lists.keys.state().get() {
        LoadState::Loaded { data, .. } => Some(data),
        _ => None,
    });
    let compared = Memo::new(move |_| {
        let id = nav.with(|u| u.explorer.compare.clone())?;
        keys.with(|k| k.as_ref()?.items.iter().find(|key| key.id == id).cloned())
    });
    (keys, compared)
}

/// What the organization can assign, made when the builder first has a pick to check.
fn offered_by(data: Arc<Decoded<Privilege>>) -> Memo<Arc<HashSet<PrivilegeRef>>> {
    Memo::new(move |_| Arc::new(data.items.iter().map(PrivilegeRef::of).collect()))
}

/// A new purpose swaps the old one's usual privileges for its own, keeping the rest.
fn choose_purpose(nav: Navigation, next: Purpose) {
    nav.go(Entry::Replace, |u| {
        let state = &mut u.explorer;
        set_picked(&mut state.selection, &state.purpose.picks(), false);
        set_picked(&mut state.selection, &next.picks(), true);
        state.purpose = next;
    });
}

/// The page of groups the filter and the "Show more" limit give: only its rows are
/// built, as a hostile list may hold 100,000 owners.
fn page_of(
    order: Arc<GroupOrder>,
    data: Arc<Decoded<Privilege>>,
    filtered: Memo<Vec<usize>>,
    limit: RwSignal<PageLimit>,
) -> Memo<GroupPage> {
    Memo::new(move |_| {
        let limit = limit.get();
        filtered.with(|f| {
            let mut matched = vec![false; data.items.len()];
            for &i in f {
                matched[i] = true;
            }
            order.page(&data.items, &matched, limit)
        })
    })
}

/// How many of the loaded keys (live or sample) hold each privilege on the page.
fn holders_of(keys: LoadedKeys, page: Memo<GroupPage>) -> Holders {
    Memo::new(move |_| {
        keys.with(|k| {
            // Without keys, no refs to make: a page may show a domain of 20,000 types.
            let keys = k.as_ref()?;
            let rows: Vec<PrivilegeRef> = page.with(|p| {
                p.groups
                    .iter()
                    .flat_map(|g| g.domains.iter().map(move |d| (g, d)))
                    .flat_map(|(g, d)| {
                        d.types.iter().map(|kind| PrivilegeRef {
                            owner: g.owner.clone(),
                            target_domain: d.target_domain.clone(),
                            kind: kind.clone(),
                        })
                    })
                    .collect()
            });
            let counts = holder_counts(&keys.items, &rows);
            Some(Arc::new(rows.into_iter().zip(counts).collect()))
        })
    })
}

/// The text filter and the owner and type chips, then `children` (the key picker).
#[component]
fn Filters(chips: FilterChips, query: Memo<ExplorerQuery>, children: Children) -> impl IntoView {
    let nav = use_app().nav;
    view! {
        <div class="filters">
            <FilterInput
                id="privilege-filter"
                label="Filter privileges"
                placeholder="Name or code, e.g. Sources, execute queries or EXECUTE_QUERY (press / to focus)"
                value=Signal::derive(move || query.with(|q| q.text.clone()))
                on_change=move |text| nav.go(Entry::Replace, |u| u.explorer.query.text = text)
                slash=true
            />
            <ToggleChips
                label="Owner"
                chips=chips.owners
                pressed=Signal::derive(move || query.with(|q| q.owners.clone()))
                on_toggle=move |owner| nav.go(Entry::Replace, |u| toggle(&mut u.explorer.query.owners, owner))
            />
            <ToggleChips
                label="Type"
                chips=chips.types
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

/// How many target domains show, and "Show more" while some do not.
#[component]
fn MoreRows(page: Memo<GroupPage>, #[prop(into)] on_more: Callback<()>) -> impl IntoView {
    let counts = Memo::new(move |_| page.with(|p| (p.shown, p.rows)));
    move || {
        let (shown, rows) = counts.get();
        (rows > shown).then(|| {
            view! {
                <p class="more-rows">
                    "Showing " {thousands(shown)} " of " {thousands(rows)} " target domains. "
                    <button type="button" class="more" on:click=move |_| on_more.run(())>
                        "Show more"
                    </button>
                </p>
            }
        })
    }
}
