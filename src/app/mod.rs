//! The app: the state derived from the page URL and the connection form, provided to the
//! views as three handles (`Navigation`, `ConnectionForm`, `Lists`), and the page around
//! the views. The only code that knows the whole page.

pub mod connect;
pub mod connection;
pub mod connection_editor;
pub mod connection_extras;
pub mod connection_panel;
pub mod link_opens;
pub mod lists;
pub mod navigation;
pub mod state;
pub mod token_field;
pub mod view_tabs;

use domain::url_state::View;
use leptos::prelude::*;

use crate::clock;
use crate::time_slice;
use crate::views::key_lookup::{self, KeyLookup};
use crate::views::privilege_explorer::{self, PrivilegeExplorer};
use connection_panel::ConnectionPanel;
use link_opens::LinkOpens;
use lists::ListsCode;
use navigation::Navigation;
use state::{provide_state, AppState};
use view_tabs::ViewTabs;

/// The whole app, its state read from the page URL.
#[component]
pub fn App() -> impl IntoView {
    let AppState { nav, form, .. } = provide_state(Navigation::from_page(), CODE);
    nav.follow_history(move |state| form.arrive_at(state));
    leptos::task::spawn_local(async {
        time_slice::when_idle().await;
        clock::prepare_local_time();
    });
    let view = Memo::new(move |_| nav.with(|u| u.view));

    view! {
        <header class="app-header">
            <h1>"Coveo Key Explorer"</h1>
            <p class="tagline">"Find an API key's id. See what privileges a key can hold."</p>
        </header>
        <main>
            <LinkOpens/>
            <ConnectionPanel/>
            <ViewTabs/>
            {move || match view.get() {
                View::KeyLookup => view! { <KeyLookup/> }.into_any(),
                View::PrivilegeExplorer => view! { <PrivilegeExplorer/> }.into_any(),
            }}
        </main>
        <Footer/>
    }
}

/// The lists' code: the views' chunks, downloaded once the form is in use (after its
/// extras), and at the latest when a list starts loading, so that the code is there when
/// the answer is.
pub const CODE: ListsCode = ListsCode {
    on_start: preload_views,
    keys: key_lookup::CODE,
    privileges: privilege_explorer::CODE,
};

/// Starts downloading both views' code.
fn preload_views() {
    key_lookup::preload();
    privilege_explorer::preload();
}

#[component]
fn Footer() -> impl IntoView {
    view! {
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
