//! What a new key is for: the builder's starting point. Each purpose pre-selects the
//! privileges it usually needs, each with why, and says whether the key will sit in
//! client-side code (where only public-safe privileges belong).

use crate::privilege_explorer::PrivilegeRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Purpose {
    PublicSearchPage,
    SearchToken,
    PushContent,
    /// Chosen privilege by privilege.
    #[default]
    Custom,
}

/// A privilege a purpose pre-selects, and why, in one line (code between backticks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usual {
    pub code: &'static str,
    pub why: &'static str,
}

impl Purpose {
    pub const ALL: [Purpose; 4] = [
        Purpose::PublicSearchPage,
        Purpose::SearchToken,
        Purpose::PushContent,
        Purpose::Custom,
    ];

    /// The URL form.
    pub fn code(self) -> &'static str {
        match self {
            Purpose::PublicSearchPage => "public-search",
            Purpose::SearchToken => "search-token",
            Purpose::PushContent => "push",
            Purpose::Custom => "custom",
        }
    }

    pub fn from_code(code: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Purpose::PublicSearchPage => "Public search page",
            Purpose::SearchToken => "Server-side search token",
            Purpose::PushContent => "Push content",
            Purpose::Custom => "Custom",
        }
    }

    /// Whether the key will be exposed in client-side code.
    pub fn is_public(self) -> bool {
        self == Purpose::PublicSearchPage
    }

    /// The privileges this purpose usually needs.
    pub fn usual(self) -> &'static [Usual] {
        match self {
            Purpose::PublicSearchPage => &[
                Usual {
                    code: "SEARCH_API.EXECUTE_QUERY",
                    why: "Sends the page's queries (`POST /rest/search/v2`); Coveo allows it in client-side code.",
                },
                Usual {
                    code: "USAGE_ANALYTICS.ANALYTICS_DATA.EDIT",
                    why: "Logs the page's usage analytics events; public-safe at this level only (Push).",
                },
            ],
            Purpose::SearchToken => &[
                Usual {
                    code: "SEARCH_API.IMPERSONATE",
                    why: "Coveo's docs name it for generating search tokens server-side; never expose it.",
                },
                Usual {
                    code: "SEARCH_API.IMPERSONATE_SEARCH_API.ENABLE",
                    why: "The search token operations (`POST /rest/search/v2/token`, v3) require it.",
                },
            ],
            Purpose::PushContent => &[
                Usual {
                    code: "PLATFORM.SOURCE.EDIT",
                    why: "Pushing items changes a source; the custom access level can limit it to the push source.",
                },
                Usual {
                    code: "PLATFORM.SECURITY_PROVIDER.EDIT",
                    why: "Pushing the security identities that item permissions refer to.",
                },
            ],
            Purpose::Custom => &[],
        }
    }

    /// [`Purpose::usual`] as builder picks.
    pub fn picks(self) -> Vec<PrivilegeRef> {
        self.usual()
            .iter()
            .filter_map(|u| PrivilegeRef::from_code(u.code))
            .collect()
    }
}
