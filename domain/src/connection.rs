//! The connection inputs read once: which organization, on which host, with which token,
//! and, when they are not all usable, the first reason why.

use crate::connect_policy::{ConnectPolicy, Origin};
use crate::org_id::{OrgId, OrgIdError};
use crate::region::{ApiBase, ApiBaseError, Region};
use crate::token::{Token, TokenError};

/// An organization on a host: what a loaded list belongs to. Holds no token, so it can
/// be kept with the list and compared with the inputs as they change.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Connection {
    pub base: ApiBase,
    pub org: OrgId,
}

/// Who asks for what belongs to no organization (the organization list): a host and a
/// token, the token as its [`Token::fingerprint`]. An answer belongs to the asker it was
/// asked by, and to no other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asker {
    pub base: ApiBase,
    token: u64,
}

/// Everything a request needs, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ready {
    pub connection: Connection,
    pub token: Token,
}

/// Why no request can be sent with the inputs as they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotReady {
    Org(OrgIdError),
    Token(TokenError),
    Base(ApiBaseError),
}

impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotReady::Org(e) => e.fmt(f),
            NotReady::Token(e) => e.fmt(f),
            NotReady::Base(e) => e.fmt(f),
        }
    }
}

/// The connection form, each field parsed: the one value that Load, the destination
/// line, the token prompt and the automatic load all read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionInputs {
    pub org: Result<OrgId, OrgIdError>,
    pub token: Result<Token, TokenError>,
    /// The typed API base URL, or the region's host when none is typed.
    pub base: Result<ApiBase, ApiBaseError>,
}

impl ConnectionInputs {
    /// Parses the form's text. An empty `base` means the region's own host.
    pub fn read(org: &str, token: &str, base: &str, region: Region) -> ConnectionInputs {
        ConnectionInputs {
            org: OrgId::parse(org),
            token: Token::parse(token),
            base: if base.trim().is_empty() {
                Ok(ApiBase::for_region(region))
            } else {
                ApiBase::parse(base)
            },
        }
    }

    /// The inputs with an API base the page's policy refuses counted as not usable: so
    /// refused at Load, before anything is sent.
    pub fn admitted_by(mut self, policy: &ConnectPolicy, page: &Origin) -> ConnectionInputs {
        self.base = self.base.and_then(|base| policy.admit(base, page));
        self
    }

    /// The organization on the host the inputs point to, token or not.
    pub fn connection(&self) -> Option<Connection> {
        Some(Connection {
            base: self.base.clone().ok()?,
            org: self.org.clone().ok()?,
        })
    }

    /// The host and token the inputs ask with, when both are usable.
    pub fn asker(&self) -> Option<Asker> {
        Some(Asker {
            base: self.base.clone().ok()?,
            token: self.token.as_ref().ok()?.fingerprint(),
        })
    }

    /// Whether the inputs point to `connection`, token or not: a list loaded for it may
    /// be shown.
    pub fn points_to(&self, connection: &Connection) -> bool {
        self.org.as_ref() == Ok(&connection.org) && self.base.as_ref() == Ok(&connection.base)
    }

    /// What a request needs, or the first problem in the form's order (organization,
    /// token, then API base URL).
    pub fn ready(&self) -> Result<Ready, NotReady> {
        let org = self.org.clone().map_err(NotReady::Org)?;
        let token = self.token.clone().map_err(NotReady::Token)?;
        let base = self.base.clone().map_err(NotReady::Base)?;
        Ok(Ready {
            connection: Connection { base, org },
            token,
        })
    }

    /// Where the token would be sent, or why the typed API base URL cannot be used.
    pub fn destination(&self) -> String {
        match &self.base {
            Ok(base) => base.as_str().to_owned(),
            Err(problem) => problem.to_string(),
        }
    }

    /// The organization that only waits for a token (a shared link's page, say).
    pub fn awaiting_token(&self) -> Option<&OrgId> {
        match (&self.org, &self.token) {
            (Ok(org), Err(TokenError::Empty)) => Some(org),
            _ => None,
        }
    }
}
