//! Where requests go: the Coveo regions, and the user's own API base override.

/// A Coveo Platform region, each with its own host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Region {
    #[default]
    Us,
    Eu,
    Au,
    Ca,
    Hipaa,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Us,
        Region::Eu,
        Region::Au,
        Region::Ca,
        Region::Hipaa,
    ];

    /// The short code used in shared links (`eu`).
    pub fn code(self) -> &'static str {
        match self {
            Region::Us => "us",
            Region::Eu => "eu",
            Region::Au => "au",
            Region::Ca => "ca",
            Region::Hipaa => "hipaa",
        }
    }

    /// Reads a region code; only the known regions exist, so a link cannot name a host.
    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL
            .into_iter()
            .find(|region| region.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The region whose host serves an organization Coveo places in `name`: an AWS
    /// region name (`eu-west-1`, as `primaryMainRegion` and "Allowed region(s)" write it)
    /// or a short code. Only the regions this app knows; HIPAA is a host, not a region
    /// name Coveo answers with.
    pub fn serving(name: &str) -> Option<Region> {
        let name = name.trim().to_ascii_lowercase();
        let area = name.split('-').next().unwrap_or_default();
        match area {
            "us" => Some(Region::Us),
            "eu" => Some(Region::Eu),
            "ca" => Some(Region::Ca),
            "au" => Some(Region::Au),
            "ap" if name == "ap-southeast-2" => Some(Region::Au),
            _ => None,
        }
    }

    /// The name people know the region by.
    pub fn label(self) -> &'static str {
        match self {
            Region::Us => "US",
            Region::Eu => "EU",
            Region::Au => "AU",
            Region::Ca => "CA",
            Region::Hipaa => "HIPAA",
        }
    }

    /// The Administration Console of the region.
    pub fn console_url(self) -> String {
        format!("https://{}/admin/", self.host())
    }

    pub fn host(self) -> &'static str {
        match self {
            Region::Us => "platform.cloud.coveo.com",
            Region::Eu => "platform-eu.cloud.coveo.com",
            Region::Au => "platform-au.cloud.coveo.com",
            Region::Ca => "platform-ca.cloud.coveo.com",
            Region::Hipaa => "platformhipaa.cloud.coveo.com",
        }
    }
}

/// The base URL every request starts with: a region's host, or a URL the user typed
/// (a same-origin proxy path such as `/coveo`, or a test server).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApiBase(String);

/// Why a typed API base URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiBaseError {
    /// Neither `http(s)://host[:port][/path]` nor a path starting with `/`.
    NotAUrl,
    /// User info, a query or a fragment: none of them belong in a base URL.
    UnexpectedPart,
    /// The page's Content-Security-Policy refuses connections to `host`; it allows only
    /// `allowed`.
    RefusedByPolicy { host: String, allowed: String },
}

impl std::fmt::Display for ApiBaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiBaseError::NotAUrl => f.write_str(
                "The API base URL must look like https://host[:port][/path] or /path (a same-origin proxy).",
            ),
            ApiBaseError::UnexpectedPart => f.write_str(
                "The API base URL cannot contain a user name, a query (?) or a fragment (#).",
            ),
            ApiBaseError::RefusedByPolicy { host, allowed } => write!(
                f,
                "This page's Content-Security-Policy (connect-src) does not allow {host}: it allows connections only to {allowed}. Nothing is sent there; use one of those, or a same-origin proxy path."
            ),
        }
    }
}

impl ApiBase {
    pub fn for_region(region: Region) -> ApiBase {
        ApiBase(format!("https://{}", region.host()))
    }

    /// Checks a user-typed base URL. A narrow grammar on purpose (and by hand, because the
    /// `url` crate would bring IDNA tables into the wasm): scheme, host, port and path only.
    pub fn parse(input: &str) -> Result<ApiBase, ApiBaseError> {
        let input = input.trim().trim_end_matches('/');
        if input.contains(['?', '#', '@']) {
            return Err(ApiBaseError::UnexpectedPart);
        }
        if input.is_empty() || input.starts_with('/') {
            // A same-origin path ("" is the site root itself).
            return if input.starts_with("//") || !input.chars().all(is_path_char) {
                Err(ApiBaseError::NotAUrl)
            } else {
                Ok(ApiBase(input.to_owned()))
            };
        }
        let rest = input
            .strip_prefix("https://")
            .or_else(|| input.strip_prefix("http://"))
            .ok_or(ApiBaseError::NotAUrl)?;
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let valid_authority = !authority.is_empty()
            && authority
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
        if !valid_authority || !path.chars().all(is_path_char) {
            return Err(ApiBaseError::NotAUrl);
        }
        Ok(ApiBase(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The region whose host this base is, if it is one.
    pub fn region(&self) -> Option<Region> {
        Region::ALL
            .into_iter()
            .find(|region| *self == ApiBase::for_region(*region))
    }

    /// The host requests go to, for messages ("this page's own server" for a path).
    pub fn host_label(&self) -> &str {
        match self.0.split_once("://") {
            Some((_, rest)) => rest.split('/').next().unwrap_or(rest),
            None => "this page's own server",
        }
    }
}

fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.' | '~' | '%')
}
