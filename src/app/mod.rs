//! The app: the state derived from the page URL and the connection form, provided to the
//! views as three handles (`Navigation`, `ConnectionForm`, `Lists`), and the page around
//! the views. The only code that knows the whole page.

pub mod connection;
pub mod connection_panel;
pub mod lists;
pub mod navigation;
pub mod view_tabs;

use domain::url_state::View;
use leptos::prelude::*;

use crate::clock;
use crate::time_slice;
use crate::views::key_lookup::{self, KeyLookup};
use crate::views::privilege_explorer::{self, PrivilegeExplorer};
use connection::ConnectionForm;
use connection_panel::ConnectionPanel;
use lists::Lists;
use navigation::Navigation;
use view_tabs::ViewTabs;

/// The app's state handles, once provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub nav: Navigation,
    pub form: ConnectionForm,
    pub lists: Lists,
}

/// Creates the app's state for `nav` and provides each handle as context.
pub fn provide_state(nav: Navigation) -> AppState {
    let form = ConnectionForm::new(nav);
    let lists = Lists::new(form.inputs(), nav);
    provide_context(nav);
    provide_context(form);
    provide_context(lists);
    AppState { nav, form, lists }
}

/// The whole app, its state read from the page URL.
#[component]
pub fn App() -> impl IntoView {
    let AppState { nav, form, lists } = provide_state(Navigation::from_page());
    nav.follow_history(move |state| form.arrive_at(state));
    // Both views' code is fetched as soon as a list starts loading, while the request
    // is out, so that it is there when the list is.
    Effect::new(move |preloaded: Option<bool>| {
        if preloaded == Some(true) || !lists.any_started() {
            return preloaded.unwrap_or(false);
        }
        key_lookup::preload();
        privilege_explorer::preload();
        true
    });
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
