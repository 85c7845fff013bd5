//! The Coveo routes the app calls, and the one function that builds their URLs.

use crate::org_id::{path_segment, OrgId};
use crate::region::{ApiBase, Region};

/// A request URL, in the two parts an HTTP client takes: the URL without its query, and
/// the query's parameters (ASCII words and numbers: nothing to encode). Displays as the
/// whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiUrl {
    path: String,
    query: Vec<(&'static str, String)>,
}

impl ApiUrl {
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn query(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.query
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
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

/// The Administration Console's page of `org`'s API keys, on `region`'s host: where a
/// key is edited, disabled or deleted (this app changes nothing).
pub fn console_keys_url(region: Region, org: &OrgId) -> String {
    format!(
        "{}#/{}/organization/api-access/",
        region.console_url(),
        path_segment(org.as_str())
    )
}

/// Organizations listed per page by [`organizations_url`].
pub const ORGANIZATIONS_PER_PAGE: u32 = 100;

/// `GET /rest/organizations?page=&perPage=`: one page (0-based) of the organizations the
/// token can reach. The one route that belongs to no organization.
pub fn organizations_url(base: &ApiBase, page: u32) -> ApiUrl {
    ApiUrl {
        path: format!("{}/rest/organizations", base.as_str()),
        query: vec![
            ("page", page.to_string()),
            ("perPage", ORGANIZATIONS_PER_PAGE.to_string()),
        ],
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
    /// `GET /rest/organizations/{org}/templates/apikeys`: the templates keys are made from.
    KeyTemplates,
    /// `GET /rest/global/organizations/{org}`: where the organization lives
    /// (`primaryMainRegion`); any region's host answers it.
    OrganizationHome,
}

impl Endpoint {
    /// The request URL: the one way the organization ID enters a URL, always as one
    /// encoded path segment.
    pub fn url(self, base: &ApiBase, org: &OrgId) -> ApiUrl {
        let (collection, tail) = match self {
            Endpoint::ApiKeys => ("organizations", "/apikeys"),
            Endpoint::AssignablePrivileges { .. } => ("organizations", "/privileges/apikeys"),
            Endpoint::MyPrivileges => ("organizations", "/privileges/me"),
            Endpoint::KeyTemplates => ("organizations", "/templates/apikeys"),
            Endpoint::OrganizationHome => ("global/organizations", ""),
        };
        ApiUrl {
            path: format!(
                "{}/rest/{collection}/{}{tail}",
                base.as_str(),
                path_segment(org.as_str())
            ),
            query: match self {
                Endpoint::AssignablePrivileges { custom_only: true } => {
                    vec![("filter", "CUSTOM".to_owned())]
                }
                _ => Vec::new(),
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
            Endpoint::KeyTemplates => ("API key template", "API key templates"),
            Endpoint::OrganizationHome => ("region", "regions"),
        }
    }

    /// What the route returns, in words, for loading and error messages.
    pub fn what(self) -> &'static str {
        match self {
            Endpoint::ApiKeys => "API keys",
            Endpoint::AssignablePrivileges { .. } => "assignable privileges",
            Endpoint::MyPrivileges => "the token's privileges",
            Endpoint::KeyTemplates => "API key templates",
            Endpoint::OrganizationHome => "the organization's region",
        }
    }
}
