//! The app-wide state: what the user typed to connect, the view state shared through the
//! URL, and the two lists loaded with them.

use domain::demo::{demo_keys, demo_privileges};
use domain::endpoint::Endpoint;
use domain::model::{ApiKey, Privilege};
use domain::org_id::OrgId;
use domain::region::{ApiBase, Region};
use domain::token::Token;
use domain::url_state::{ExplorerState, KeyLookupState, UrlState, View};
use leptos::prelude::*;

use crate::api::ApiRequest;
use crate::chunks;
use crate::connection::Connection;
use crate::loader::{Loader, Origin};
use crate::location;
use crate::token_store;

/// Handles to the app-wide signals; provided once as context by [`crate::App`].
#[derive(Clone, Copy)]
pub struct Session {
    /// View, region and organization: the state a shared link carries.
    pub url: RwSignal<UrlState>,
    /// The organization ID field, as typed (the URL keeps only a valid one).
    pub org_text: RwSignal<String>,
    /// The access token field. Memory only unless `remember` is on; never in the URL.
    pub token_text: RwSignal<String>,
    /// "Remember for this tab": keep the token in `sessionStorage` (off by default).
    pub remember: RwSignal<bool>,
    /// Advanced > API base URL; empty means "the region's host".
    pub base_text: RwSignal<String>,
    /// Why the last Load was refused before any request, if it was.
    pub form_error: RwSignal<Option<String>>,
    /// The organization on the host the current inputs point to, when they are valid.
    pub connection: Memo<Option<Connection>>,
    pub keys: Loader<ApiKey>,
    pub privileges: Loader<Privilege>,
    /// The token's own privileges, fetched to explain a refused key list.
    pub token_privileges: Loader<Privilege>,
}

impl Session {
    pub fn new(initial: UrlState) -> Session {
        let org_text = RwSignal::new(
            initial
                .org
                .as_ref()
                .map(|org| org.as_str().to_owned())
                .unwrap_or_default(),
        );
        let url = RwSignal::new(initial);
        let remembered = token_store::load();
        let base_text = RwSignal::new(String::new());
        let connection = Memo::new(move |_| {
            let base = resolve_base(&base_text.get(), url.with(|u| u.region)).ok()?;
            let org = OrgId::parse(&org_text.get()).ok()?;
            Some(Connection { base, org })
        });
        Session {
            url,
            org_text,
            remember: RwSignal::new(remembered.is_some()),
            token_text: RwSignal::new(remembered.unwrap_or_default()),
            base_text,
            form_error: RwSignal::new(None),
            connection,
            keys: Loader::new(),
            privileges: Loader::new(),
            token_privileges: Loader::new(),
        }
    }

    /// Where requests would go now, in words.
    pub fn destination(&self) -> String {
        match resolve_base(&self.base_text.get(), self.url.with(|u| u.region)) {
            Ok(base) => base.as_str().to_owned(),
            Err(problem) => problem,
        }
    }

    /// Takes the token field's text, remembering it for the tab when asked to.
    pub fn set_token_text(&self, text: String) {
        if self.remember.get_untracked() {
            token_store::save(&text);
        }
        self.token_text.set(text);
    }

    /// Turns "Remember for this tab" on (storing the current token) or off (erasing it).
    pub fn set_remember(&self, remember: bool) {
        self.remember.set(remember);
        if remember {
            token_store::save(&self.token_text.get_untracked());
        } else {
            token_store::clear();
        }
    }

    /// Forgets the token everywhere: the field, and the tab's storage.
    pub fn forget_token(&self) {
        token_store::clear();
        self.remember.set(false);
        self.token_text.set(String::new());
    }

    pub fn set_org_text(&self, text: String) {
        let org = OrgId::parse(&text).ok();
        self.org_text.set(text);
        if self.url.with_untracked(|u| u.org != org) {
            self.url.update(|u| u.org = org);
            location::replace(&self.url.get_untracked());
        }
    }

    pub fn set_region(&self, region: Region) {
        self.url.update(|u| u.region = region);
        location::replace(&self.url.get_untracked());
    }

    pub fn set_view(&self, view: View) {
        if self.url.with_untracked(|u| u.view) != view {
            self.url.update(|u| u.view = view);
            location::push(&self.url.get_untracked());
        }
    }

    /// Changes the key lookup's state for a keystroke-sized action (filter, sort, chips).
    pub fn update_keys(&self, change: impl FnOnce(&mut KeyLookupState)) {
        self.url.update(|u| change(&mut u.keys));
        location::replace(&self.url.get_untracked());
    }

    /// Changes the privilege explorer's state (filters, builder picks, compared key).
    pub fn update_explorer(&self, change: impl FnOnce(&mut ExplorerState)) {
        self.url.update(|u| change(&mut u.explorer));
        location::replace(&self.url.get_untracked());
    }

    /// Switches between all assignable privileges and those allowed in a custom key,
    /// reloading the list when it came from an organization.
    pub fn set_custom_only(&self, custom_only: bool) {
        self.update_explorer(|e| e.custom_only = custom_only);
        let live = self
            .privileges
            .state()
            .with_untracked(|s| matches!(s.origin(), Some(Origin::Live(_))));
        if let (true, Some(request)) = (live, self.privileges.last_request()) {
            self.privileges
                .load(request.with_endpoint(Endpoint::AssignablePrivileges { custom_only }));
        }
    }

    /// Opens (or, with `None`, closes) a key's details, as a history entry.
    pub fn select_key(&self, id: Option<String>) {
        if self.url.with_untracked(|u| u.keys.selected != id) {
            self.url.update(|u| u.keys.selected = id);
            location::push(&self.url.get_untracked());
        }
    }

    /// Takes the state of a URL the user navigated to (back/forward).
    pub fn follow_url(&self, state: UrlState) {
        if let Some(org) = &state.org {
            self.org_text.set(org.as_str().to_owned());
        }
        self.url.set(state);
    }

    /// Checks the inputs and, when they are valid, loads both lists.
    pub fn load(&self) {
        match self.requests() {
            Ok((keys, privileges)) => {
                self.form_error.set(None);
                chunks::preload();
                self.keys.load(keys);
                self.privileges.load(privileges);
            }
            Err(problem) => self.form_error.set(Some(problem)),
        }
    }

    /// Loads when the inputs are complete and nothing is shown for them yet: a token
    /// pasted into a shared link's page loads it without another click.
    pub fn load_if_idle(&self) {
        let Some(connection) = self.connection.get_untracked() else {
            return;
        };
        let token_ok = Token::parse(&self.token_text.get_untracked()).is_ok();
        let shown = self
            .keys
            .state()
            .with_untracked(|s| s.origin() == Some(&Origin::Live(connection.clone())));
        if token_ok && !shown {
            self.load();
        }
    }

    pub fn load_demo(&self) {
        self.form_error.set(None);
        chunks::preload();
        self.keys.show(Origin::Demo, demo_keys());
        self.privileges.show(Origin::Demo, demo_privileges());
    }

    fn requests(&self) -> Result<(ApiRequest, ApiRequest), String> {
        let org = OrgId::parse(&self.org_text.get_untracked()).map_err(|e| e.to_string())?;
        let token = Token::parse(&self.token_text.get_untracked()).map_err(|e| e.to_string())?;
        let base = resolve_base(
            &self.base_text.get_untracked(),
            self.url.with_untracked(|u| u.region),
        )?;
        let request = |endpoint| ApiRequest {
            base: base.clone(),
            org: org.clone(),
            token: token.clone(),
            endpoint,
        };
        Ok((
            request(Endpoint::ApiKeys),
            request(Endpoint::AssignablePrivileges {
                custom_only: self.url.with_untracked(|u| u.explorer.custom_only),
            }),
        ))
    }
}

/// The typed API base URL when there is one, else the region's host.
fn resolve_base(typed: &str, region: Region) -> Result<ApiBase, String> {
    if typed.trim().is_empty() {
        Ok(ApiBase::for_region(region))
    } else {
        ApiBase::parse(typed).map_err(|e| e.to_string())
    }
}
