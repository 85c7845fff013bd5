//! The connection form's fields, and the one value parsed from them
//! ([`ConnectionInputs`]) that everything sending a request reads at the moment it sends.

use domain::connect_policy::{ConnectPolicy, Origin};
use domain::connection::ConnectionInputs;
use domain::token::Token;
use domain::url_state::UrlState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::app::navigation::{Entry, Navigation};
use crate::token_store;

/// The form's text, as typed; provided as context by the app.
#[derive(Clone, Copy)]
pub struct ConnectionForm {
    /// The organization ID field (the URL keeps only a valid one).
    org_text: RwSignal<String>,
    /// The access token field: the one place the token lives (and, only when the user
    /// asks, this tab's storage). Never in the URL.
    token_text: RwSignal<String>,
    /// "Remember for this tab" (off by default).
    remember: RwSignal<bool>,
    /// Advanced > API base URL; empty means the region's host. Never in the URL.
    base_text: RwSignal<String>,
    /// "Identify a key by its value": a pasted key value, a secret like the token. Kept
    /// here, beside the token, so that forgetting the token forgets it too; never stored
    /// and never in the URL.
    key_value_text: RwSignal<String>,
    /// The fields parsed, with the region from the view state.
    inputs: Memo<ConnectionInputs>,
    nav: Navigation,
}

impl ConnectionForm {
    pub fn new(nav: Navigation) -> ConnectionForm {
        let org_text = RwSignal::new(nav.with_untracked(|u| {
            u.org
                .as_ref()
                .map(|org| org.to_string())
                .unwrap_or_default()
        }));
        let remembered = token_store::load();
        let remember = RwSignal::new(remembered.is_some());
        let token_text = RwSignal::new(remembered.unwrap_or_default());
        let base_text = RwSignal::new(String::new());
        let (policy, page) = page_connect_policy();
        let inputs = Memo::new(move |_| {
            ConnectionInputs::read(
                &org_text.get(),
                &token_text.get(),
                &base_text.get(),
                nav.with(|u| u.region),
            )
            .admitted_by(&policy, &page)
        });
        let key_value_text = RwSignal::new(String::new());
        nav.keep_out_of_links(inputs, key_value_text);
        ConnectionForm {
            org_text,
            token_text,
            remember,
            base_text,
            key_value_text,
            inputs,
            nav,
        }
    }

    /// The parsed inputs (tracked).
    pub fn inputs(&self) -> Memo<ConnectionInputs> {
        self.inputs
    }

    /// The organization field's text (tracked).
    pub fn org_text(&self) -> String {
        self.org_text.get()
    }

    /// The token field's text (tracked), for the field itself.
    pub fn token_text(&self) -> String {
        self.token_text.get()
    }

    /// Whether the token field is empty (tracked).
    pub fn token_is_empty(&self) -> bool {
        self.token_text.with(String::is_empty)
    }

    /// The API base URL field's text (tracked).
    pub fn base_text(&self) -> String {
        self.base_text.get()
    }

    /// Whether "Remember for this tab" is on (tracked).
    pub fn remember(&self) -> bool {
        self.remember.get()
    }

    /// Takes the organization field's text; a valid ID goes into the view state too.
    pub fn set_org_text(&self, text: String) {
        let org = domain::org_id::OrgId::parse(&text).ok();
        self.org_text.set(text);
        self.nav.go(Entry::Replace, |u| u.org = org);
    }

    /// Takes the token field's text, remembering it for the tab when asked to.
    pub fn set_token_text(&self, text: String) {
        if self.remember.get_untracked() {
            token_store::save(&text);
        }
        self.token_text.set(text);
    }

    /// Tidies a pasted token ("Bearer ...", quotes, spaces around it) once the field is
    /// left.
    pub fn tidy_token(&self) {
        let changed = self.token_text.with_untracked(|text| {
            let tidy = Token::tidy(text);
            (tidy != *text).then_some(tidy)
        });
        if let Some(tidy) = changed {
            self.set_token_text(tidy);
        }
    }

    pub fn set_base_text(&self, text: String) {
        self.base_text.set(text);
    }

    /// The pasted key value's text (tracked).
    pub fn key_value_text(&self) -> String {
        self.key_value_text.get()
    }

    pub fn set_key_value_text(&self, text: String) {
        self.key_value_text.set(text);
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

    /// Empties the token field, the tab's storage and the pasted key value: the form's
    /// part of "Forget token" (`AppState::forget_token`).
    pub fn forget_token(&self) {
        token_store::clear();
        self.remember.set(false);
        self.token_text.set(String::new());
        self.key_value_text.set(String::new());
    }

    /// Takes the organization of a state the user went back or forward to.
    pub fn arrive_at(&self, state: &UrlState) {
        if let Some(org) = &state.org {
            self.org_text.set(org.to_string());
        }
    }
}

/// The page's own `connect-src` (from its `<meta>` policies) and origin.
fn page_connect_policy() -> (ConnectPolicy, Origin) {
    let document = document();
    let mut contents = Vec::new();
    if let Ok(metas) = document.query_selector_all("meta[http-equiv='Content-Security-Policy' i]") {
        for index in 0..metas.length() {
            if let Some(meta) = metas.item(index).and_then(|m| m.dyn_into::<Element>().ok()) {
                contents.extend(meta.get_attribute("content"));
            }
        }
    }
    let origin = window().location().origin().unwrap_or_default();
    let page = Origin::parse(&origin).unwrap_or(Origin {
        scheme: "https".into(),
        host: String::new(),
        port: 443,
    });
    (
        ConnectPolicy::read(contents.iter().map(String::as_str)),
        page,
    )
}
