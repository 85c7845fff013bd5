//! The connection's extras, in the `connect` wasm chunk that the page downloads when the
//! form is first used, so that the first load carries the plain form only: the organization picker,
//! "Which token?", the fold to one line after a load, the region advice, and the requests
//! that follow the key list (templates, the organization's region).

mod directory;
mod folded_connection;
mod org_picker;
mod panel;
mod region_advice;
mod which_token;

use leptos::prelude::*;

use crate::split::chunk_entry;

chunk_entry!(
    connect,
    preload_connect,
    fn connection_panel(_none: ()) -> AnyView {
        // Made when it is put in the page, while the plain form is still there: the
        // panel takes over its focus and open sections.
        view! { {move || untrack(|| view! { <panel::Panel/> })} }.into_any()
    }
);
