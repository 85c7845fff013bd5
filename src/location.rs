//! The page URL in the browser: read at start and on back/forward, written with or
//! without a history entry. Only [`UrlState`] ever goes into it; `app::navigation` is
//! the one caller that writes.

use std::cell::RefCell;

use domain::secrets::LinkSecrets;
use domain::url_state::UrlState;
use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::prelude::*;

/// How long the URL waits for typing to pause before it is rewritten: each
/// `history.replaceState` costs the browser a few milliseconds of a keystroke's frame.
const REPLACE_DELAY_MS: u32 = 150;

thread_local! {
    /// The pending rewrite, if any; replacing or dropping it cancels it.
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a browser window")
}

/// The query string the page shows now (`?view=...`), or "".
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Rewrites the URL for a keystroke-sized change, without a history entry, once typing
/// pauses.
pub fn replace(state: &UrlState, secrets: &LinkSecrets) {
    let href = href(state, secrets);
    let write = Timeout::new(REPLACE_DELAY_MS, move || {
        PENDING.with(|pending| pending.borrow_mut().take());
        let _ = window().history().and_then(|history| {
            history.replace_state_with_url(&Default::default(), "", Some(&href))
        });
    });
    PENDING.with(|pending| *pending.borrow_mut() = Some(write));
}

/// Records a navigation as a history entry, superseding a pending rewrite.
pub fn push(state: &UrlState, secrets: &LinkSecrets) {
    cancel_pending_replace();
    let _ = window().history().and_then(|history| {
        history.push_state_with_url(&Default::default(), "", Some(&href(state, secrets)))
    });
}

/// Drops the rewrite that waits for typing to pause, if there is one.
pub fn cancel_pending_replace() {
    // Dropped outside the borrow: a `Timeout` clears its timer when dropped.
    let pending = PENDING.with(|pending| pending.borrow_mut().take());
    drop(pending);
}

/// Whether a rewrite waits for typing to pause.
pub fn replace_pending() -> bool {
    PENDING.with(|pending| pending.borrow().is_some())
}

/// The link for `state` on this very document, whatever sub-path it is hosted under,
/// without `secrets`.
pub fn href(state: &UrlState, secrets: &LinkSecrets) -> String {
    let path = window().location().pathname().unwrap_or_default();
    format!("{path}{}", state.to_query(secrets))
}

/// The full address of `state` on this document, for sharing.
pub fn absolute_href(state: &UrlState, secrets: &LinkSecrets) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", href(state, secrets))
}

/// Calls `follow` with the state of the URL the user went back or forward to. A rewrite
/// still waiting for typing to pause is dropped first: it belongs to the entry the user
/// left, and would overwrite the one they returned to.
pub fn on_back_or_forward(follow: impl Fn(UrlState) + 'static) {
    let handle = window_event_listener(ev::popstate, move |_| {
        cancel_pending_replace();
        follow(UrlState::from_query(&current_query()))
    });
    on_cleanup(move || handle.remove());
}
