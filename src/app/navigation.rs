//! The view state a link carries (`UrlState`), and the one way it changes: [`Navigation::go`],
//! which also writes the page URL, as a history entry or in place.

use domain::connection::ConnectionInputs;
use domain::key_value::PastedValue;
use domain::secrets::LinkSecrets;
use domain::url_state::{UrlState, View};
use leptos::prelude::*;

use crate::location;

/// How a change is recorded in the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A navigation the user may want to come back to (a view, a key's details).
    Push,
    /// A keystroke-sized change (a filter, a sort, a pick), written once typing pauses.
    Replace,
}

/// A handle to the view state; provided as context by the app.
#[derive(Clone, Copy)]
pub struct Navigation {
    state: RwSignal<UrlState>,
    /// Where the secrets no link may carry are (the form's inputs, with the token, and
    /// the pasted key value's text): see [`Navigation::keep_out_of_links`].
    secrets: StoredValue<Option<(Memo<ConnectionInputs>, RwSignal<String>)>>,
}

impl Navigation {
    pub fn new(initial: UrlState) -> Navigation {
        Navigation {
            state: RwSignal::new(initial),
            secrets: StoredValue::new(None),
        }
    }

    /// Every URL and link written from now on leaves out the token of `inputs` and the
    /// key value pasted in `key_value`; when they change (a token typed after the filter
    /// that holds it), the page URL is written again.
    pub fn keep_out_of_links(&self, inputs: Memo<ConnectionInputs>, key_value: RwSignal<String>) {
        self.secrets.set_value(Some((inputs, key_value)));
        let this = *self;
        Effect::watch(
            move || {
                inputs.track();
                key_value.track();
            },
            move |_, _, _| {
                let secrets = this.secrets();
                this.state
                    .with_untracked(|state| location::replace(state, &secrets))
            },
            false,
        );
    }

    /// The secrets of the moment (tracked, where a link is drawn).
    fn secrets(&self) -> LinkSecrets {
        let Some((inputs, key_value)) = self.secrets.get_value() else {
            return LinkSecrets::default();
        };
        let pasted = key_value.with(|text| PastedValue::parse(text));
        inputs.with(|i| LinkSecrets::new(i.token.as_ref().ok(), pasted.as_ref()))
    }

    /// The state of the page's own URL.
    pub fn from_page() -> Navigation {
        Navigation::new(UrlState::from_query(&location::current_query()))
    }

    /// Reads the state (tracked).
    pub fn with<R>(&self, read: impl FnOnce(&UrlState) -> R) -> R {
        self.state.with(read)
    }

    /// Reads the state without subscribing to it.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&UrlState) -> R) -> R {
        self.state.with_untracked(read)
    }

    /// Applies `change` and, when it changed anything, writes the URL as `entry` says.
    pub fn go(&self, entry: Entry, change: impl FnOnce(&mut UrlState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.commit(entry, next);
    }

    // Not generic, unlike `go`, which every call site copies with its own closure.
    #[inline(never)]
    fn commit(&self, entry: Entry, next: UrlState) {
        if self.state.with_untracked(|now| *now == next) {
            return;
        }
        let secrets = untrack(|| self.secrets());
        match entry {
            Entry::Push => location::push(&next, &secrets),
            Entry::Replace => location::replace(&next, &secrets),
        }
        self.state.set(next);
    }

    /// Follows the user's back and forward buttons for as long as the calling owner lives.
    /// `arrived` hears of each state reached that way (the form takes its organization).
    pub fn follow_history(&self, arrived: impl Fn(&UrlState) + 'static) {
        let state = self.state;
        location::on_back_or_forward(move |next| {
            arrived(&next);
            state.set(next);
        });
    }

    /// The link to `view` with the rest of the state as it is, on this document.
    pub fn href_of(&self, view: View) -> String {
        let secrets = self.secrets();
        self.state.with(|state| {
            location::href(
                &UrlState {
                    view,
                    ..state.clone()
                },
                &secrets,
            )
        })
    }

    /// The link to the state `change` makes of this one, on this document.
    pub fn href_with(&self, change: &dyn Fn(&mut UrlState)) -> String {
        let mut next = self.state.get_untracked();
        change(&mut next);
        location::href(&next, &self.secrets())
    }

    /// The full address of this very view, for sharing.
    pub fn share_link(&self) -> String {
        let secrets = self.secrets();
        self.state
            .with(|state| location::absolute_href(state, &secrets))
    }
}

/// Whether a click on a link is a plain one (no modifier, main button), which the page
/// follows in place; any other click is left to the browser (a new tab, a download).
pub fn is_plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) && ev.button() == 0
}
