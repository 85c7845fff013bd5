//! "Held by 12 keys": how many loaded keys hold a privilege, as a link to Key lookup
//! filtered to them.

use std::sync::Arc;

use domain::can_term::filter_for;
use domain::hashing::HashMap;
use domain::key_list::KeyQuery;
use domain::privilege_explorer::PrivilegeRef;
use domain::text::count;
use domain::url_state::{UrlState, View};
use leptos::prelude::*;

use crate::app::navigation::{is_plain_click, Entry};
use crate::app::state::use_app;

/// How many loaded keys hold each assignable privilege; `None` while no key list is
/// loaded.
pub type Holders = Memo<Option<Arc<HashMap<PrivilegeRef, usize>>>>;

/// The count of `pick`'s holders in `holders` (when keys are loaded), as a link. Its
/// address is made when it shows; a click goes to the state of that moment.
#[component]
pub fn HeldBy(pick: PrivilegeRef, holders: Holders) -> impl IntoView {
    let nav = use_app().nav;
    let filter = filter_for(&pick.owner, &pick.target_domain, pick.kind.as_deref());
    let to_holders = move |u: &mut UrlState| {
        u.view = View::KeyLookup;
        u.keys.query = KeyQuery {
            text: filter.clone(),
            ..KeyQuery::default()
        };
        u.keys.selected = None;
    };
    move || {
        let n = holders.with(|h| h.as_ref().map(|h| h.get(&pick).copied().unwrap_or(0)))?;
        let to_holders = to_holders.clone();
        let href = nav.href_with(&to_holders);
        Some(view! {
            <a class="held-by" href=href data-testid="held-by"
                on:click=move |ev| {
                    if is_plain_click(&ev) {
                        ev.prevent_default();
                        nav.go(Entry::Push, to_holders.clone());
                    }
                }
            >
                {format!("held by {}", count(n, "key", "keys"))}
            </a>
        })
    }
}
