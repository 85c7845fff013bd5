//! What the app loads (an organization's keys, assignable privileges, templates and home
//! region, the token's own privileges, the organizations it reaches) and every action
//! that sends a request for them or stops them. Each send reads the connection inputs at
//! that moment: nothing here keeps a token.

use std::future::Future;
use std::sync::Arc;

use domain::connection::{Connection, ConnectionInputs, NotReady};
use domain::endpoint::Endpoint;
use domain::error::ApiError;
use domain::model::{ApiKey, Privilege};
use domain::organizations::{OrgHome, Reachable};
use domain::templates::Templates;
use leptos::prelude::*;
use web_sys::AbortController;

use crate::api::{self, ApiRequest};
use crate::app::navigation::{Entry, Navigation};
use crate::components::list_status::ListActions;
use crate::loader::{Attempt, ListCode, ListLoader, LoadState, Loader, OnFailed, Origin};

/// Handles to what the app loads; provided as context by the app.
#[derive(Clone, Copy)]
pub struct Lists {
    pub keys: ListLoader<ApiKey>,
    pub privileges: ListLoader<Privilege>,
    /// What the token itself may do, asked to explain a refused key list.
    pub token_privileges: ListLoader<Privilege>,
    /// The organization's API key templates, which name each key's template; asked
    /// with its keys.
    pub templates: Loader<Templates, Connection>,
    /// Where the organization lives, to offer its region when another one is chosen.
    pub home: Loader<OrgHome, Connection>,
    /// The organizations the token reaches, listed by the `connect` chunk's directory.
    pub orgs: Loader<Reachable, ()>,
    inputs: Memo<ConnectionInputs>,
    nav: Navigation,
    code: ListsCode,
}

/// The code the lists are read with, and what starts downloading it (the views' chunks):
/// given by the app, so that this module knows no view.
#[derive(Clone, Copy)]
pub struct ListsCode {
    /// Called when the form is first used, and when a list starts loading.
    pub on_start: fn(),
    pub keys: ListCode<ApiKey>,
    /// The assignable privileges' and the token's own.
    pub privileges: ListCode<Privilege>,
}

impl Lists {
    pub fn new(inputs: Memo<ConnectionInputs>, nav: Navigation, code: ListsCode) -> Lists {
        let lists = Lists {
            keys: ListLoader::new(),
            privileges: ListLoader::new(),
            token_privileges: ListLoader::new(),
            templates: Loader::new(),
            home: Loader::new(),
            orgs: Loader::new(),
            inputs,
            nav,
            code,
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

    /// Starts downloading the lists' code, ahead of a load: the form is in use.
    pub fn fetch_code(&self) {
        (self.code.on_start)();
    }

    /// Load: both lists for the inputs as they are, or the reason there is no request.
    /// (The templates and the organization's region follow the key list: see
    /// `app::connect`.)
    pub fn load(&self) -> Result<(), NotReady> {
        self.inputs.with_untracked(ConnectionInputs::ready)?;
        (self.code.on_start)();
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

    /// Shows the sample data in both views (it comes with the views' code).
    pub fn show_demo(&self) {
        (self.code.on_start)();
        self.keys.show_sample(self.code.keys);
        self.privileges.show_sample(self.code.privileges);
    }

    /// What the key list's Cancel, Retry and "Stop retrying" do.
    pub fn key_actions(&self) -> ListActions {
        self.actions(self.keys, Lists::send_keys, self.code.keys)
    }

    /// What the privilege list's Cancel, Retry and "Stop retrying" do.
    pub fn privilege_actions(&self) -> ListActions {
        self.actions(
            self.privileges,
            Lists::send_privileges,
            self.code.privileges,
        )
    }

    /// Cancel, Retry and "Stop retrying" of `loader`, whose request `send` sends (and
    /// whose sample data `code` reads, when that is what failed to come).
    fn actions<T>(
        &self,
        loader: ListLoader<T>,
        send: fn(&Lists, Attempt),
        code: ListCode<T>,
    ) -> ListActions
    where
        T: Send + Sync + 'static,
    {
        let this = *self;
        let retry = move || match loader.state().with_untracked(|s| s.origin().cloned()) {
            Some(Origin::Demo) => loader.show_sample(code),
            _ => send(&this, Attempt::User),
        };
        ListActions {
            cancel: Callback::new(move |()| loader.cancel()),
            retry: Callback::new(move |()| retry()),
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
            self.code.keys,
        );
    }

    fn send_privileges(&self, attempt: Attempt) {
        let code = self.code.privileges;
        self.send(
            self.privileges,
            Lists::privileges_endpoint,
            attempt,
            None,
            code,
        );
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
        let code = self.code.privileges;
        self.send(self.token_privileges, endpoint, Attempt::User, None, code);
    }

    /// After "Forget token": every request in flight is dropped and nothing retries. A
    /// list that was loading or failed says why nothing is sent; what was loaded stays
    /// on screen.
    pub fn stop_everything(&self) {
        let why = self.inputs.with_untracked(not_sent);
        self.keys.stop(Some(why.clone()));
        self.privileges.stop(Some(why.clone()));
        self.token_privileges.stop(Some(why));
        self.templates.stop(None);
        self.home.stop(None);
        self.orgs.stop(None);
    }

    /// Asks for the organization's API key templates (again).
    pub fn load_templates(&self) {
        self.ask(
            self.templates,
            Endpoint::KeyTemplates,
            |request, controller| async move {
                let page = api::get_page(&request, &controller, Templates::decoder()).await?;
                Ok(Templates::from_decoded(page))
            },
        );
    }

    /// Asks where the organization lives.
    pub fn load_home(&self) {
        self.ask(
            self.home,
            Endpoint::OrganizationHome,
            |request, controller| async move {
                api::get_small(&request, &controller, OrgHome::read).await
            },
        );
    }

    /// The templates of the organization `list` came from, once they are in (tracked).
    pub fn templates_of<T>(&self, list: ListLoader<T>) -> Option<Arc<Templates>>
    where
        T: Send + Sync + 'static,
    {
        let connection = list.state().with(live_origin)?;
        self.templates
            .state()
            .with(|s| s.ready_for(&connection).cloned())
    }

    /// Why the templates of the organization `list` came from could not be had, if they
    /// could not (tracked).
    pub fn templates_failure_of<T>(&self, list: ListLoader<T>) -> Option<ApiError>
    where
        T: Send + Sync + 'static,
    {
        let connection = list.state().with(live_origin)?;
        self.templates
            .state()
            .with(|s| s.failed_for(&connection).cloned())
    }

    /// Sends `endpoint`'s request with the inputs as they are now, through `get`; without
    /// a request to make, forgets what `loader` held.
    fn ask<T, F>(
        &self,
        loader: Loader<T, Connection>,
        endpoint: Endpoint,
        get: impl FnOnce(ApiRequest, AbortController) -> F,
    ) where
        T: Send + Sync + 'static,
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        match self.request(endpoint) {
            Ok((connection, request)) => loader.start(
                connection,
                Attempt::User,
                move |controller| get(request, controller),
                None,
            ),
            Err(_) => loader.cancel(),
        }
    }

    fn privileges_endpoint(&self) -> Endpoint {
        Endpoint::AssignablePrivileges {
            custom_only: self.nav.with_untracked(|u| u.explorer.custom_only),
        }
    }

    /// Sends the request of `endpoint` (made from the lists when sent) with the inputs as
    /// they are now, or, when they cannot make one, says why in the list without sending
    /// anything. A throttled list retries by itself once, as Coveo asked (the loader
    /// counts down); `on_refused` hears of a refusal the token check may explain. The
    /// answer is read with `code`.
    fn send<T>(
        &self,
        loader: ListLoader<T>,
        endpoint: fn(&Lists) -> Endpoint,
        attempt: Attempt,
        on_refused: Option<fn(&Lists)>,
        code: ListCode<T>,
    ) where
        T: Send + Sync + 'static,
    {
        let this = *self;
        let on_failed: OnFailed = Box::new(move |error, retries_so_far| {
            if let Some(secs) = error.automatic_retry_after(retries_so_far) {
                loader.retry_later(secs, move || {
                    this.send(loader, endpoint, Attempt::Automatic, on_refused, code)
                });
            }
            if error.is_token_refusal() {
                on_refused.iter().for_each(|refused| refused(&this));
            }
        });
        match self.request(endpoint(self)) {
            Ok((connection, request)) => {
                loader.load(connection, request, attempt, Some(on_failed), code)
            }
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

/// Why nothing is sent with `inputs`: what they lack, or a token.
pub fn not_sent(inputs: &ConnectionInputs) -> ApiError {
    let problem = inputs
        .ready()
        .err()
        .unwrap_or(NotReady::Token(domain::token::TokenError::Empty));
    ApiError::NotSent(problem)
}

/// The organization a list belongs to, when it came (or comes) from one.
pub fn live_origin<A>(state: &LoadState<A>) -> Option<Connection> {
    match state.origin()? {
        Origin::Live(connection) => Some(connection.clone()),
        Origin::Demo => None,
    }
}
