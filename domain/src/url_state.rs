//! The view state a shared link carries: which view, region and organization. Never the
//! token, never the API base URL.

use crate::org_id::OrgId;
use crate::region::Region;

/// The app's two views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    KeyLookup,
    PrivilegeExplorer,
}

impl View {
    pub fn code(self) -> &'static str {
        match self {
            View::KeyLookup => "keys",
            View::PrivilegeExplorer => "privileges",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        [View::KeyLookup, View::PrivilegeExplorer]
            .into_iter()
            .find(|view| view.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            View::KeyLookup => "Key lookup",
            View::PrivilegeExplorer => "Privilege explorer",
        }
    }
}

/// Shared view state, read from and written to the page's query string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub view: View,
    pub region: Region,
    pub org: Option<OrgId>,
}

impl UrlState {
    /// Reads a query string (with or without its `?`). Anything unknown, repeated or
    /// invalid falls back to the default; parameters such as `token` or `base` are never
    /// read, so a link cannot supply a secret or redirect requests.
    pub fn from_query(query: &str) -> UrlState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = UrlState::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "view" => state.view = View::from_code(&value).unwrap_or(state.view),
                "region" => state.region = Region::from_code(&value).unwrap_or(state.region),
                "org" => state.org = OrgId::parse(&value).ok().or(state.org),
                _ => {}
            }
        }
        state
    }

    /// Writes the query string, with its `?`; defaults are left out to keep links short.
    pub fn to_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if self.view != View::default() {
            query.append_pair("view", self.view.code());
        }
        if self.region != Region::default() {
            query.append_pair("region", self.region.code());
        }
        if let Some(org) = &self.org {
            query.append_pair("org", org.as_str());
        }
        let query = query.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}
