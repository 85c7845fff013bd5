//! Privilege explorer: every owner / targetDomain / type an API key can be given, grouped
//! and filtered, with a builder for the `privileges` parameter of a new key and a
//! comparison with an existing key; all of it kept in the URL. The loaded list's view is
//! the `privileges` wasm chunk.

mod browser;
mod builder;
mod builder_picks;
mod comparison;
mod domain_row;
mod finder;
mod held_by;
mod list_switch;
mod owner_group;
mod prepared;
mod purpose_picker;
mod selection_bar;
mod template_start;
mod twin_note;
mod type_chip;

use std::sync::Arc;

use domain::decode::Decoded;
use domain::demo::demo_privileges;
use domain::endpoint::Endpoint;
use domain::model::Privilege;
use domain::privilege_explorer::PrivilegeRef;
use domain::purpose::Purpose;
use leptos::prelude::*;

use crate::app::state::use_app;
use crate::components::chunk_view::chunk_view;
use crate::components::copy_button::CopyButton;
use crate::components::list_status::list_status;
use crate::loader::list_code;
use crate::loader::{LoadState, Origin};
use crate::split::chunk_entry;
use builder::Builder;
use list_switch::ListSwitch;
pub use prepared::PreparedPrivileges;

chunk_entry!(
    privileges,
    preload_privileges,
    fn privilege_browser(data: Arc<Decoded<Privilege>>) -> AnyView {
        view! { <PreparedPrivileges data=data/> }.into_any()
    }
);

// A shared link's builder, before any list: its picks and JSON come from the bundled
// catalog, so the admin sees what was shared before pasting a token.
chunk_entry!(
    privileges,
    fn link_builder(selection: Memo<Vec<PrivilegeRef>>) -> AnyView {
        view! { <Builder selection=selection compared=Memo::new(|_| None) offered=None/> }
            .into_any()
    }
);

list_code!(privileges, Privilege, demo_privileges);

#[component]
pub fn PrivilegeExplorer() -> impl IntoView {
    let nav = use_app().nav;
    let form = use_app().form;
    let lists = use_app().lists;
    let custom_only = Memo::new(move |_| nav.with(|u| u.explorer.custom_only));
    let endpoint = Endpoint::AssignablePrivileges { custom_only: false };
    let selection = Memo::new(move |_| nav.with(|u| u.explorer.selection.clone()));
    let shared_builder = Memo::new(move |_| {
        let loaded = lists
            .privileges
            .state()
            .with(|s| matches!(s, LoadState::Loaded { .. }));
        !loaded
            && nav.with(|u| {
                !u.explorer.selection.is_empty() || u.explorer.purpose != Purpose::default()
            })
    });
    let demo = move || {
        let state = lists.privileges.state();
        state.with(|s| matches!(s.origin(), Some(Origin::Demo)))
    };
    view! {
        <section class="view" aria-labelledby="privilege-explorer-heading">
            <div class="view-head">
                <h2 id="privilege-explorer-heading">"Privilege explorer"</h2>
                <CopyButton text=Signal::derive(move || nav.share_link()) label="Copy link"/>
            </div>
            <ListSwitch custom_only=custom_only on_switch=move |custom| lists.set_custom_only(custom)/>
            {move || (demo() && custom_only.get()).then(|| view! {
                <p class="hint">"The sample data has a single list: it is shown for both choices."</p>
            })}
            {list_status(lists.privileges.state(), form.inputs(), endpoint, lists.privilege_actions(), |data| {
                chunk_view(move || privilege_browser(data.clone()))
            })}
            {move || shared_builder.get().then(|| chunk_view(move || link_builder(selection)))}
        </section>
    }
}
