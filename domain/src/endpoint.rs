//! The Coveo routes the app calls, and the one function that builds their URLs.

use crate::org_id::{path_segment, OrgId};
use crate::region::ApiBase;

/// A request URL, in the two parts an HTTP client takes: the URL without its query, and
/// the query's parameters (fixed ASCII words: nothing to encode). Displays as the whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiUrl {
    path: String,
    query: &'static [(&'static str, &'static str)],
}

impl ApiUrl {
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn query(&self) -> &'static [(&'static str, &'static str)] {
        self.query
    }
}

impl std::fmt::Display for ApiUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        for (i, (name, value)) in self.query.iter().enumerate() {
            write!(f, "{}{name}={value}", if i == 0 { '?' } else { '&' })?;
        }
        Ok(())
    }
}

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
    /// The request URL: the one way the organization ID enters a URL, always as one
    /// encoded path segment.
    pub fn url(self, base: &ApiBase, org: &OrgId) -> ApiUrl {
        let tail = match self {
            Endpoint::ApiKeys => "apikeys",
            Endpoint::AssignablePrivileges { .. } => "privileges/apikeys",
            Endpoint::MyPrivileges => "privileges/me",
        };
        ApiUrl {
            path: format!(
                "{}/rest/organizations/{}/{tail}",
                base.as_str(),
                path_segment(org.as_str())
            ),
            query: match self {
                Endpoint::AssignablePrivileges { custom_only: true } => &[("filter", "CUSTOM")],
                _ => &[],
            },
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
