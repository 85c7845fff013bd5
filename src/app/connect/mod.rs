//! The connection's extras, in the `connect` wasm chunk that the page downloads when the
//! form is first used, so that the first load carries the plain form only: the organization picker,
//! "Which token?", the fold to one line after a load, the region advice, the requests
//! that follow the key list (templates, the organization's region), and the code that
//! sends every request (`crate::api`'s entry of this chunk).

mod directory;
mod folded_connection;
mod org_picker;
mod panel;
mod region_advice;
mod which_token;

use leptos::prelude::*;

use crate::app::connection_extras::ConnectionExtras;
use crate::split::chunk_entry;

chunk_entry!(
    connect,
    preload_connect,
    fn connection_extras(owner: Owner) -> ConnectionExtras {
        // Owned by the panel they belong to: its context, and gone with it.
        owner.with(panel::extras)
    }
);
