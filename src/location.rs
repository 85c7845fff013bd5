//! The page URL as the carrier of shared view state: read at start and on back/forward,
//! written once per user action. Only [`UrlState`] ever goes into it.

use domain::url_state::UrlState;
use leptos::ev;
use leptos::prelude::*;

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a browser window")
}

/// The query string the page was opened with (`?view=...`), or "".
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Rewrites the URL for a keystroke-sized change, without a history entry.
pub fn replace(state: &UrlState) {
    let _ = window().history().and_then(|history| {
        history.replace_state_with_url(&Default::default(), "", Some(&href(state)))
    });
}

/// Records a navigation (a view switch) as a history entry.
pub fn push(state: &UrlState) {
    let _ = window().history().and_then(|history| {
        history.push_state_with_url(&Default::default(), "", Some(&href(state)))
    });
}

/// The link for `state` on this very document, whatever sub-path it is hosted under.
pub fn href(state: &UrlState) -> String {
    let path = window().location().pathname().unwrap_or_default();
    format!("{path}{}", state.to_query())
}

/// Calls `follow` with the state of the URL the user went back or forward to.
pub fn on_back_or_forward(follow: impl Fn(UrlState) + 'static) {
    let handle = window_event_listener(ev::popstate, move |_| {
        follow(UrlState::from_query(&current_query()))
    });
    on_cleanup(move || handle.remove());
}
