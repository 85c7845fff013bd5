//! Key lookup: find any API key's id in seconds. A live, accent-insensitive filter over
//! keys prepared once, status and health chips, sortable columns, a copy button per row,
//! and the details of the selected key; all of it kept in the URL. The loaded list's
//! view is the `keys` wasm chunk.

mod browser;
mod can_chips;
mod columns;
mod export_buttons;
mod exposure_report;
mod identify;
mod key_details;
mod key_row;
mod pager;
mod prepared;
mod sort_header;
mod status_chips;
mod token_check;
mod versus;

use std::sync::Arc;

use domain::decode::Decoded;
use domain::demo::demo_keys;
use domain::endpoint::Endpoint;
use domain::model::ApiKey;
use leptos::prelude::*;

use crate::app::state::use_app;
use crate::components::chunk_view::chunk_view;
use crate::components::list_status::list_status;
use crate::loader::list_code;
use crate::loader::LoadState;
use crate::split::chunk_entry;
pub use prepared::PreparedKeys;
use token_check::TokenCheck;

chunk_entry!(
    keys,
    preload_keys,
    fn key_browser(data: Arc<Decoded<ApiKey>>) -> AnyView {
        view! { <PreparedKeys data=data/> }.into_any()
    }
);

list_code!(keys, ApiKey, demo_keys);

#[component]
pub fn KeyLookup() -> impl IntoView {
    let form = use_app().form;
    let lists = use_app().lists;
    // The table's optional columns: the view's, so that they stay through a new load.
    provide_context(RwSignal::new(columns::KeyColumns::default()));
    let refused = move || match lists.keys.state().get() {
        LoadState::Failed { error, .. } if error.is_token_refusal() => Some(view! {
            <TokenCheck state=lists.token_privileges.state()/>
        }),
        _ => None,
    };
    view! {
        <section class="view" aria-labelledby="key-lookup-heading">
            <h2 id="key-lookup-heading" class="visually-hidden">"Key lookup"</h2>
            {list_status(lists.keys.state(), form.inputs(), Endpoint::ApiKeys, lists.key_actions(), |data| {
                chunk_view(move || key_browser(data.clone()))
            })}
            {refused}
        </section>
    }
}
