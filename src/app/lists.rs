//! What the app loads for an organization (keys, assignable privileges, the token's own
//! privileges) and every action that sends a request for them. Each send reads the
//! connection inputs at that moment: nothing here keeps a token.

use domain::connection::{Connection, ConnectionInputs, NotReady};
use domain::demo::{demo_keys, demo_privileges};
use domain::endpoint::Endpoint;
use domain::error::ApiError;
use domain::model::{ApiKey, Privilege};
use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::api::ApiRequest;
use crate::app::navigation::{Entry, Navigation};
use crate::components::list_status::ListActions;
use crate::loader::{Attempt, LoadState, Loader, OnFailed, Origin};

/// Handles to the loaded lists; provided as context by the app.
#[derive(Clone, Copy)]
pub struct Lists {
    pub keys: Loader<ApiKey>,
    pub privileges: Loader<Privilege>,
    /// What the token itself may do, asked to explain a refused key list.
    pub token_privileges: Loader<Privilege>,
    inputs: Memo<ConnectionInputs>,
    nav: Navigation,
    /// Called when a list starts loading.
    on_start: fn(),
}

impl Lists {
    pub fn new(inputs: Memo<ConnectionInputs>, nav: Navigation, on_start: fn()) -> Lists {
        let lists = Lists {
            keys: Loader::new(),
            privileges: Loader::new(),
            token_privileges: Loader::new(),
            inputs,
            nav,
            on_start,
        };
        // A retry Coveo asked for was for the inputs as they were: once any of them
        // changes, the next request is the user's to send.
        Effect::watch(
            move || inputs.track(),
            move |_, _, _| {
                lists.keys.end_automatic_retries();
                lists.privileges.end_automatic_retries();
                lists.token_privileges.end_automatic_retries();
            },
            false,
        );
        lists
    }

    /// Load: both lists for the inputs as they are, or the reason there is no request.
    /// (The templates and the organization's region follow the key list: see
    /// `app::org_extras`.)
    pub fn load(&self) -> Result<(), NotReady> {
        self.inputs.with_untracked(ConnectionInputs::ready)?;
        (self.on_start)();
        self.send_keys(Attempt::User);
        self.send_privileges(Attempt::User);
        Ok(())
    }

    /// Loads when the inputs are complete and the keys shown are not theirs yet: a token
    /// pasted into a shared link's page loads it without another click.
    pub fn load_if_idle(&self) {
        let idle = self.inputs.with_untracked(|inputs| {
            let shown = self.keys.state().with_untracked(
                |s| matches!(s.origin(), Some(Origin::Live(loaded)) if inputs.points_to(loaded)),
            );
            inputs.ready().is_ok() && !shown
        });
        if idle {
            let _ = self.load();
        }
    }

    /// Shows the embedded sample data in both views.
    pub fn show_demo(&self) {
        (self.on_start)();
        self.keys.show(Origin::Demo, demo_keys());
        self.privileges.show(Origin::Demo, demo_privileges());
    }

    /// What the key list's Cancel, Retry and "Stop retrying" do.
    pub fn key_actions(&self) -> ListActions {
        self.actions(self.keys, Lists::send_keys)
    }

    /// What the privilege list's Cancel, Retry and "Stop retrying" do.
    pub fn privilege_actions(&self) -> ListActions {
        self.actions(self.privileges, Lists::send_privileges)
    }

    /// Cancel, Retry and "Stop retrying" of `loader`, whose request `send` sends.
    fn actions<T>(&self, loader: Loader<T>, send: fn(&Lists, Attempt)) -> ListActions
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        let this = *self;
        ListActions {
            cancel: Callback::new(move |()| loader.cancel()),
            retry: Callback::new(move |()| send(&this, Attempt::User)),
            stop_retrying: Callback::new(move |()| loader.end_automatic_retries()),
            retry_in: loader.retry_in(),
        }
    }

    /// The key list's request. A refusal the token's privileges may explain asks for
    /// them, once per refusal: the answer, not the page drawing it, sends the check.
    fn send_keys(&self, attempt: Attempt) {
        self.send(
            self.keys,
            |_| Endpoint::ApiKeys,
            attempt,
            Some(Lists::check_token),
        );
    }

    fn send_privileges(&self, attempt: Attempt) {
        self.send(self.privileges, Lists::privileges_endpoint, attempt, None);
    }

    /// Switches between every assignable privilege and those allowed in a custom key,
    /// reloading the list when it came from an organization.
    pub fn set_custom_only(&self, custom_only: bool) {
        self.nav
            .go(Entry::Replace, |u| u.explorer.custom_only = custom_only);
        let live = self
            .privileges
            .state()
            .with_untracked(|s| matches!(s.origin(), Some(Origin::Live(_))));
        if live {
            self.send_privileges(Attempt::User);
        }
    }

    /// Asks Coveo what the token may do, to explain a refused key list.
    fn check_token(&self) {
        let endpoint = |_: &Lists| Endpoint::MyPrivileges;
        self.send(self.token_privileges, endpoint, Attempt::User, None);
    }

    /// After "Forget token": the request in flight is dropped and a failed list no longer
    /// retries; each says a token is needed. Loaded lists stay on screen. (The small
    /// fetches of `OrgExtras` stop as the token goes: see `app::connect`.)
    pub fn stop_for_forgotten_token(&self) {
        stop(self.keys, self.inputs);
        stop(self.privileges, self.inputs);
        stop(self.token_privileges, self.inputs);
    }

    fn privileges_endpoint(&self) -> Endpoint {
        Endpoint::AssignablePrivileges {
            custom_only: self.nav.with_untracked(|u| u.explorer.custom_only),
        }
    }

    /// Sends the request of `endpoint` (made from the lists when sent) with the inputs as
    /// they are now, or, when they cannot make one, says why in the list without sending
    /// anything. A throttled list retries by itself once, as Coveo asked (the loader
    /// counts down); `on_refused` hears of a refusal the token check may explain.
    fn send<T>(
        &self,
        loader: Loader<T>,
        endpoint: fn(&Lists) -> Endpoint,
        attempt: Attempt,
        on_refused: Option<fn(&Lists)>,
    ) where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        let this = *self;
        let on_failed: OnFailed = Box::new(move |error, retries_so_far| {
            if let Some(secs) = error.automatic_retry_after(retries_so_far) {
                loader.retry_later(secs, move || {
                    this.send(loader, endpoint, Attempt::Automatic, on_refused)
                });
            }
            if error.is_token_refusal() {
                on_refused.iter().for_each(|refused| refused(&this));
            }
        });
        match self.request(endpoint(self)) {
            Ok((connection, request)) => loader.load(connection, request, attempt, Some(on_failed)),
            Err((origin, problem)) => {
                let shown = loader.state().with_untracked(|s| s.origin().cloned());
                if let Some(origin) = origin.or(shown) {
                    loader.refuse(origin, ApiError::NotSent(problem));
                }
            }
        }
    }

    /// The request for `endpoint` with the inputs as they are now; or why there is none,
    /// with the connection the inputs point to, if any. Not generic: the wasm holds it
    /// once for every list.
    pub fn request(
        &self,
        endpoint: Endpoint,
    ) -> Result<(Connection, ApiRequest), (Option<Origin>, NotReady)> {
        self.inputs.with_untracked(|inputs| match inputs.ready() {
            Ok(ready) => Ok(ApiRequest::new(ready, endpoint)),
            Err(problem) => Err((inputs.connection().map(Origin::Live), problem)),
        })
    }
}

/// The organization a list belongs to, when it came (or comes) from one.
pub fn live_origin<T>(state: &LoadState<T>) -> Option<Connection> {
    match state.origin()? {
        Origin::Live(connection) => Some(connection.clone()),
        Origin::Demo => None,
    }
}

/// Stops what `loader` has pending, saying a token is needed.
fn stop<T>(loader: Loader<T>, inputs: Memo<ConnectionInputs>)
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    let pending = loader
        .state()
        .with_untracked(|s| s.is_pending().then(|| s.origin().cloned()).flatten());
    if let Some(origin) = pending {
        let problem = inputs
            .with_untracked(ConnectionInputs::ready)
            .err()
            .unwrap_or(NotReady::Token(domain::token::TokenError::Empty));
        loader.refuse(origin, ApiError::NotSent(problem));
    }
}
