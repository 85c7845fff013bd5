//! Which API bases the page's Content-Security-Policy lets it connect to: a base it
//! refuses is refused at Load, with the policy's own list, before anything is sent
//! (the browser would refuse it anyway, as a "network or CORS" failure).

use crate::region::{ApiBase, ApiBaseError};

/// The `connect-src` of every policy of the page (each must allow a connection).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConnectPolicy {
    /// One list of sources per policy that limits connections.
    lists: Vec<Vec<String>>,
}

/// A URL's origin, as CSP matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub scheme: String,
    pub host: String,
    pub port: u16,
}

impl Origin {
    /// `scheme://host[:port]`, lowercased, with the scheme's default port when none is
    /// given. `None` for anything else.
    pub fn parse(url: &str) -> Option<Origin> {
        let (scheme, rest) = url.split_once("://")?;
        let authority = rest.split('/').next()?.to_ascii_lowercase();
        let scheme = scheme.to_ascii_lowercase();
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) if !authority.ends_with(']') => {
                (host.to_owned(), port.parse().ok()?)
            }
            _ => (authority.clone(), default_port(&scheme)?),
        };
        (!host.is_empty()).then_some(Origin { scheme, host, port })
    }
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        _ => None,
    }
}

impl ConnectPolicy {
    /// Reads the page's policies (the `content` of each
    /// `<meta http-equiv="Content-Security-Policy">`): `connect-src`, or `default-src`
    /// where a policy has none. A page without either allows any connection.
    pub fn read<'a>(policies: impl IntoIterator<Item = &'a str>) -> ConnectPolicy {
        let lists = policies
            .into_iter()
            .filter_map(|policy| {
                let directive = |name: &str| {
                    policy.split(';').find_map(|directive| {
                        let mut words = directive.split_ascii_whitespace();
                        words
                            .next()
                            .filter(|word| word.eq_ignore_ascii_case(name))
                            .map(|_| words.map(str::to_owned).collect::<Vec<_>>())
                    })
                };
                directive("connect-src").or_else(|| directive("default-src"))
            })
            .collect();
        ConnectPolicy { lists }
    }

    /// `base`, or why a page at `page` may not connect to it.
    pub fn admit(&self, base: ApiBase, page: &Origin) -> Result<ApiBase, ApiBaseError> {
        if self.allows(&base, page) {
            Ok(base)
        } else {
            Err(ApiBaseError::RefusedByPolicy {
                host: base.host_label().to_owned(),
                allowed: self.allowed(),
            })
        }
    }

    /// Whether a page at `page` (its origin, `scheme://host[:port]`) may connect to
    /// `base`'s requests. A path base is the page's own origin.
    pub fn allows(&self, base: &ApiBase, page: &Origin) -> bool {
        let target = match Origin::parse(base.as_str()) {
            Some(origin) => origin,
            None if base.as_str().starts_with('/') || base.as_str().is_empty() => page.clone(),
            None => return false,
        };
        self.lists
            .iter()
            .all(|list| list.iter().any(|source| matches(source, &target, page)))
    }

    /// The sources connections are allowed to, for a message: the strictest policy's.
    pub fn allowed(&self) -> String {
        let Some(list) = self.lists.iter().min_by_key(|list| list.len()) else {
            return "anywhere".into();
        };
        let words: Vec<&str> = list
            .iter()
            .map(|source| match source.to_ascii_lowercase().as_str() {
                "'self'" => "this page's own server",
                "'none'" => "nowhere",
                _ => source.as_str(),
            })
            .collect();
        words.join(", ")
    }
}

/// CSP's source matching (level 3), for the sources a `connect-src` holds.
fn matches(source: &str, target: &Origin, page: &Origin) -> bool {
    let source = source.to_ascii_lowercase();
    // A scheme may be "upgraded": http allows https, ws allows wss.
    let scheme_ok = |allowed: &str| {
        allowed == target.scheme
            || (allowed == "http" && target.scheme == "https")
            || (allowed == "ws" && target.scheme == "wss")
    };
    match source.as_str() {
        "'self'" => {
            target == page
                || (target.host == page.host
                    && scheme_ok(&page.scheme)
                    && (target.port == page.port
                        || default_port(&target.scheme) == Some(target.port)))
        }
        "*" => matches!(target.scheme.as_str(), "http" | "https" | "ws" | "wss"),
        _ if source.starts_with('\'') => false,
        _ => {
            if let Some(scheme) = source.strip_suffix(':') {
                return scheme_ok(scheme);
            }
            let (scheme, rest) = match source.split_once("://") {
                Some((scheme, rest)) => (Some(scheme), rest),
                None => (None, source.as_str()),
            };
            if !scheme_ok(scheme.unwrap_or(&page.scheme)) {
                return false;
            }
            // Requests go to the base's routes: a source with a path limits them too,
            // and this app's policy has none.
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            if !path.is_empty() && path != "/" {
                return false;
            }
            let (host, port) = match authority.rsplit_once(':') {
                Some((host, port)) if !authority.ends_with(']') => (host, Some(port)),
                _ => (authority, None),
            };
            let host_ok = match host.strip_prefix("*.") {
                Some(parent) => target.host.ends_with(&format!(".{parent}")),
                None => host == "*" || host == target.host,
            };
            let port_ok = match port {
                Some("*") => true,
                Some(port) => port.parse() == Ok(target.port),
                None => {
                    let scheme = scheme.unwrap_or(&page.scheme);
                    default_port(scheme) == Some(target.port)
                        || (scheme == "http" && target.scheme == "https" && target.port == 443)
                }
            };
            host_ok && port_ok
        }
    }
}
