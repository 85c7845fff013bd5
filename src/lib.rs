//! Coveo Key Explorer: find an API key's id and browse the privileges an API key can
//! hold, straight from the browser.
//!
//! [`App`] wires the [`session::Session`] to the views; behaviour lives in the `domain`
//! crate, HTTP in [`api`].

pub mod api;
pub mod chunks;
pub mod clock;
pub mod components;
pub mod connection;
pub mod loader;
pub mod location;
pub mod panic_screen;
pub mod session;
pub mod time_slice;
pub mod token_store;
pub mod views;

use domain::url_state::{UrlState, View};
use leptos::prelude::*;

use crate::components::connection_panel::ConnectionPanel;
use crate::components::view_nav::ViewNav;
use crate::session::Session;
use crate::views::key_lookup::KeyLookup;
use crate::views::privilege_explorer::PrivilegeExplorer;

/// Bytes of WebAssembly memory in use, for the benchmarks (the JS heap does not count it).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// The whole app, its state read from the page URL.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::new(UrlState::from_query(&location::current_query()));
    provide_context(session);
    location::on_back_or_forward(move |state| session.follow_url(state));
    let view = Memo::new(move |_| session.url.with(|u| u.view));
    leptos::task::spawn_local(async {
        time_slice::when_idle().await;
        clock::prepare_local_time();
    });

    view! {
        <header class="app-header">
            <h1>"Coveo Key Explorer"</h1>
            <p class="tagline">"Find an API key's id. See what privileges a key can hold."</p>
        </header>
        <main>
            <ConnectionPanel/>
            <ViewNav/>
            {move || match view.get() {
                View::KeyLookup => view! { <KeyLookup/> }.into_any(),
                View::PrivilegeExplorer => view! { <PrivilegeExplorer/> }.into_any(),
            }}
        </main>
        <footer class="app-footer">
            "Coveo Key Explorer " {env!("CARGO_PKG_VERSION")}
            " · runs entirely in your browser; the token is kept in memory only. Based on Coveo's "
            <a href="https://docs.coveo.com/en/38/" target="_blank" rel="noopener noreferrer">"Get the apiKeyId"</a>
            " and "
            <a href="https://docs.coveo.com/en/60/" target="_blank" rel="noopener noreferrer">"Get the privileges you can assign to an API key"</a>
            "."
        </footer>
    }
}
