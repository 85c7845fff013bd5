//! The Coveo routes the app calls, and the one function that builds their URLs.

use crate::org_id::{path_segment, OrgId};
use crate::region::ApiBase;

/// A read-only Coveo Platform route of one organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `GET /rest/organizations/{org}/apikeys`: every key, in one array.
    ApiKeys,
    /// `GET /rest/organizations/{org}/privileges/apikeys`: what a key may be given;
    /// with `custom_only`, only what a custom key may be given (`?filter=CUSTOM`).
    AssignablePrivileges { custom_only: bool },
    /// `GET /rest/organizations/{org}/privileges/me`: what the token itself holds.
    MyPrivileges,
}

impl Endpoint {
    /// The URL without its query; the org ID is always one encoded path segment.
    fn path_url(self, base: &ApiBase, org: &OrgId) -> String {
        let tail = match self {
            Endpoint::ApiKeys => "apikeys",
            Endpoint::AssignablePrivileges { .. } => "privileges/apikeys",
            Endpoint::MyPrivileges => "privileges/me",
        };
        format!(
            "{}/rest/organizations/{}/{tail}",
            base.as_str(),
            path_segment(org.as_str())
        )
    }

    /// The query parameters, as name and value (fixed ASCII words: nothing to encode).
    fn query(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Endpoint::AssignablePrivileges { custom_only: true } => vec![("filter", "CUSTOM")],
            _ => Vec::new(),
        }
    }

    /// The full URL, query included: the one way a request URL is made.
    pub fn url(self, base: &ApiBase, org: &OrgId) -> String {
        let query: Vec<String> = self
            .query()
            .into_iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        if query.is_empty() {
            self.path_url(base, org)
        } else {
            format!("{}?{}", self.path_url(base, org), query.join("&"))
        }
    }

    /// One item of the list, and many, for counts.
    pub fn noun(self) -> (&'static str, &'static str) {
        match self {
            Endpoint::ApiKeys => ("API key", "API keys"),
            Endpoint::AssignablePrivileges { .. } => {
                ("assignable privilege", "assignable privileges")
            }
            Endpoint::MyPrivileges => ("privilege", "privileges"),
        }
    }

    /// What the route returns, in words, for loading and error messages.
    pub fn what(self) -> &'static str {
        match self {
            Endpoint::ApiKeys => "API keys",
            Endpoint::AssignablePrivileges { .. } => "assignable privileges",
            Endpoint::MyPrivileges => "the token's privileges",
        }
    }
}
