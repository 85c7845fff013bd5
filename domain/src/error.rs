//! Every way a request can fail, each with a message that names the cause and what to do.

use serde_json::Value;

use crate::connection::NotReady;
use crate::decode::DecodeError;
use crate::privilege_groups::{VIEW_API_KEYS, VIEW_ORGANIZATION};
use crate::redact::Redactor;
use crate::region::Region;

/// How many times in a row a throttled request is retried by itself, after the wait Coveo
/// asked for; then only the user retries. One: a server that keeps throttling gets no
/// stream of requests from an unattended tab.
pub const MAX_AUTOMATIC_RETRIES: u32 = 1;

/// The longest `Retry-After` honoured, in seconds: a longer one (or an absurd one) is
/// read as this, so the countdown stays one the user can wait out.
pub const MAX_RETRY_AFTER_SECS: u32 = 120;

/// What Coveo's error body said, from whichever of its dialects' keys are present.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorDetails {
    pub error_code: Option<String>,
    pub message: Option<String>,
    pub request_id: Option<String>,
}

impl ErrorDetails {
    /// Reads an error body; anything that is not a JSON object gives empty details.
    pub fn from_body(body: &str) -> ErrorDetails {
        // From bytes, like every other body: the wasm then holds one JSON reader, not two.
        let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body.as_bytes()) else {
            return ErrorDetails::default();
        };
        let first = |keys: &[&str]| {
            keys.iter().find_map(|key| match fields.get(*key) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(clip(s.trim())),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            })
        };
        ErrorDetails {
            error_code: first(&["errorCode", "code", "type", "title"]),
            message: first(&["message", "detail", "title"]),
            request_id: first(&["requestID", "requestId", "request_id"]),
        }
    }

    pub fn is_empty(&self) -> bool {
        self == &ErrorDetails::default()
    }
}

/// The most characters of one of Coveo's fields that are shown: its messages are a
/// sentence or two.
pub const MAX_DETAIL_CHARS: usize = 1_000;

/// The most characters of a header that are read for a message: a request id is a few
/// dozen; more than a detail shows, so that a secret cut by it is still found whole.
const MAX_ERROR_HEADER_CHARS: usize = 4 * MAX_DETAIL_CHARS;

/// The first `limit` characters of `text`.
fn clip_to(text: &str, limit: usize) -> &str {
    text.char_indices()
        .nth(limit)
        .map_or(text, |(at, _)| &text[..at])
}

/// `text`, cut to [`MAX_DETAIL_CHARS`] with an ellipsis.
fn clip(text: &str) -> String {
    match text.char_indices().nth(MAX_DETAIL_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Response facts that change how a status is read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseMeta {
    /// The `Retry-After` header, as sent.
    pub retry_after: Option<String>,
    /// The `X-Request-ID` header, when the server exposes it.
    pub request_id: Option<String>,
    /// `x-coveo-waf-action: block`: a firewall, not Coveo, refused the request.
    pub firewall_block: bool,
}

/// A failed request, as the user needs to understand it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 401: the token is invalid, expired, or not allowed from this IP.
    Unauthorized(ErrorDetails),
    /// 403: the token lacks the privilege, or a firewall blocked the call.
    Forbidden {
        details: ErrorDetails,
        firewall: bool,
    },
    /// 404: no such organization on this host.
    NotFound(ErrorDetails),
    /// 400 whose message lists the allowed regions: the org lives elsewhere.
    WrongRegion(ErrorDetails),
    /// 429: throttled; `retry_after_secs` from `Retry-After` when it was given.
    RateLimited {
        retry_after_secs: Option<u32>,
        details: ErrorDetails,
    },
    /// 5xx: Coveo or a gateway in front of it failed.
    Server { status: u16, details: ErrorDetails },
    /// Any other unexpected status.
    Status { status: u16, details: ErrorDetails },
    /// The browser rejected the fetch: offline, DNS, or a CORS refusal (it does not say which).
    Network { host: String },
    /// No answer within the time limit.
    Timeout { seconds: u32 },
    /// The host answered with a redirect, which is never followed.
    Redirected { host: String },
    /// A body over the size limit (in MB): its reading stopped there.
    TooLarge { limit_mb: usize },
    /// A success status whose body is not JSON.
    NotJson,
    /// A success status whose JSON stops before its end.
    Incomplete,
    /// JSON, but not the list the route returns.
    UnexpectedShape { found: &'static str },
    /// Nothing was sent: the inputs cannot make a request (a forgotten token, say).
    NotSent(NotReady),
    /// The code that reads the list (a part of this page downloaded on first use) did
    /// not arrive from the page's own server.
    CodeMissing,
}

impl ApiError {
    /// The region a "wrong region" answer names, when it names one this app knows: Coveo's
    /// message lists the allowed regions (`Allowed region(s): eu-west-1`).
    pub fn allowed_region(&self) -> Option<Region> {
        let ApiError::WrongRegion(details) = self else {
            return None;
        };
        let message = details.message.as_deref()?;
        let (_, list) = message.split_once(':')?;
        list.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .find_map(Region::serving)
    }

    /// Maps a non-success response. `body` is read for Coveo's error details.
    pub fn from_response(status: u16, meta: &ResponseMeta, body: &str) -> ApiError {
        ApiError::from_response_without(status, meta, body, None)
    }

    /// [`from_response`](Self::from_response), with `secret` taken out of the body and
    /// the headers before anything is read or clipped from them: a server that echoes the
    /// token back, however long the text around it, never puts any of it on screen.
    pub fn from_response_without(
        status: u16,
        meta: &ResponseMeta,
        body: &str,
        secret: Option<&Redactor>,
    ) -> ApiError {
        let without = |text: &str| {
            secret
                .and_then(|secret| secret.redact(text))
                .unwrap_or_else(|| text.to_owned())
        };
        let mut details = ErrorDetails::from_body(&without(body));
        if details.request_id.is_none() {
            details.request_id = meta
                .request_id
                .as_deref()
                .map(str::trim)
                .filter(|id| !id.is_empty())
                // Clipped first to what the body's are read up to: a header of any size is
                // then redacted in bounded time.
                .map(|id| clip(&without(clip_to(id, MAX_ERROR_HEADER_CHARS))));
        }
        match status {
            400 if details
                .message
                .as_deref()
                .is_some_and(|m| m.to_ascii_lowercase().contains("allowed region")) =>
            {
                ApiError::WrongRegion(details)
            }
            401 => ApiError::Unauthorized(details),
            403 => ApiError::Forbidden {
                details,
                firewall: meta.firewall_block,
            },
            404 => ApiError::NotFound(details),
            429 => ApiError::RateLimited {
                retry_after_secs: meta.retry_after.as_deref().and_then(parse_retry_after),
                details,
            },
            500..=599 => ApiError::Server { status, details },
            _ => ApiError::Status { status, details },
        }
    }

    /// Maps a success response's body that could not be read as the expected list.
    pub fn from_decode(error: DecodeError) -> ApiError {
        match error {
            DecodeError::NotJson => ApiError::NotJson,
            DecodeError::Incomplete => ApiError::Incomplete,
            DecodeError::NotAList { found } => ApiError::UnexpectedShape { found },
        }
    }

    /// A short heading naming the cause.
    pub fn title(&self) -> String {
        match self {
            ApiError::Unauthorized(_) => "The access token was refused (401)".into(),
            ApiError::Forbidden { firewall: true, .. } => {
                "A firewall blocked the request (403)".into()
            }
            ApiError::Forbidden { .. } => "The access token is not allowed to do this (403)".into(),
            ApiError::NotFound(_) => "Organization not found (404)".into(),
            ApiError::WrongRegion(_) => "This organization lives in another region (400)".into(),
            ApiError::RateLimited { .. } => "Too many requests (429)".into(),
            ApiError::Server { status, .. } => format!("Coveo's server failed ({status})"),
            ApiError::Status { status, .. } => format!("Unexpected answer ({status})"),
            ApiError::Network { host } => format!("Could not reach {host} (network or CORS)"),
            ApiError::Timeout { seconds } => format!("No answer after {seconds} seconds"),
            ApiError::Redirected { host } => {
                format!("{host} answered with a redirect, which is not followed")
            }
            ApiError::TooLarge { limit_mb } => {
                format!("The answer is too large (over {limit_mb} MB)")
            }
            ApiError::NotJson => "The answer is not JSON".into(),
            ApiError::Incomplete => "The answer was cut short".into(),
            ApiError::UnexpectedShape { .. } => "The answer is not the expected list".into(),
            ApiError::NotSent(NotReady::Token(_)) => "An access token is needed".into(),
            ApiError::NotSent(NotReady::Org(_)) => "An organization ID is needed".into(),
            ApiError::NotSent(NotReady::Base(_)) => "The API base URL cannot be used".into(),
            ApiError::CodeMissing => "Part of this page could not be downloaded".into(),
        }
    }

    /// What the user can do about it, in a sentence or two. Code (a command, a privilege,
    /// a menu path) is between backticks: [`crate::text::code_spans`] tells it apart.
    pub fn advice(&self) -> String {
        match self {
            ApiError::Unauthorized(_) => "The token is invalid or expired (session tokens last up to 4 hours), or not allowed from this IP address. Get a fresh access token and load again.".into(),
            ApiError::Forbidden { firewall: true, .. } => "Coveo's web application firewall refused this request. Try again from another network, or contact Coveo support with the request ID.".into(),
            ApiError::Forbidden { .. } => format!("Viewing API keys needs the privilege {VIEW_API_KEYS} (and the assignable privileges {VIEW_ORGANIZATION}). An API key can never call these endpoints: use an OAuth or personal access token of a member who has that privilege."),
            ApiError::NotFound(_) => "Check the organization ID, and that the region matches where the organization lives.".into(),
            ApiError::WrongRegion(_) => "Choose the organization's region (see the allowed regions in Coveo's message) and load again.".into(),
            ApiError::RateLimited { retry_after_secs: Some(secs), .. } => format!("Coveo asks to wait {secs} seconds before trying again."),
            ApiError::RateLimited { retry_after_secs: None, .. } => "Wait a little, then try again.".into(),
            ApiError::Server { .. } => "This is on Coveo's side or a gateway in front of it. Try again in a moment; if it persists, check status.cloud.coveo.com.".into(),
            ApiError::Status { .. } => "Check the organization ID, region and API base URL, then try again.".into(),
            ApiError::Network { .. } => "Check your connection and the region or API base URL. If the browser or this network blocks cross-origin calls, ask whoever hosts this page for a same-origin proxy to Coveo's API, and set `Advanced > API base URL` to its path (for example `/coveo`).".into(),
            ApiError::Timeout { .. } => "The network or Coveo is slow right now. Try again.".into(),
            ApiError::TooLarge { .. } => "No organization's list comes near this size (50,000 keys take about 25 MB): a proxy or a host that is not Coveo sent it, and it was not read further. Check the API base URL, then try again.".into(),
            ApiError::Redirected { .. } => "Coveo's API does not redirect: a proxy or a host in between sent the request elsewhere, where the answer could come from anyone. Check the API base URL (its scheme, host and path), then try again.".into(),
            ApiError::NotJson => "Something between you and Coveo (a proxy or a captive portal) answered instead. Check the API base URL, then try again.".into(),
            ApiError::Incomplete => "The answer stopped before its end: the connection dropped, or something in between cut it. Try again.".into(),
            ApiError::UnexpectedShape { found } => format!("Coveo answered with {found} instead of a list. Check the API base URL, then try again."),
            ApiError::NotSent(NotReady::Token(e)) => format!("{e} Nothing was sent: the token was forgotten or is not usable."),
            ApiError::NotSent(problem) => format!("{problem} Nothing was sent."),
            ApiError::CodeMissing => "The code that reads the list did not arrive from this page's server. Check your connection, then retry.".into(),
        }
    }

    /// Whether the token's own privileges may explain this refusal (a 401, or a 403 that
    /// no firewall sent): what asks Coveo what the token may do.
    pub fn is_token_refusal(&self) -> bool {
        matches!(
            self,
            ApiError::Unauthorized(_)
                | ApiError::Forbidden {
                    firewall: false,
                    ..
                }
        )
    }

    /// How long the server asked to wait before trying again, if it said.
    pub fn retry_after_secs(&self) -> Option<u32> {
        match self {
            ApiError::RateLimited {
                retry_after_secs, ..
            } => *retry_after_secs,
            _ => None,
        }
    }

    /// How long to wait before retrying by itself, when Coveo asked to wait and fewer than
    /// [`MAX_AUTOMATIC_RETRIES`] automatic retries came before this failure.
    pub fn automatic_retry_after(&self, retries_so_far: u32) -> Option<u32> {
        self.retry_after_secs()
            .filter(|_| retries_so_far < MAX_AUTOMATIC_RETRIES)
    }

    /// Coveo's own words about the failure, when it sent any.
    pub fn details(&self) -> Option<&ErrorDetails> {
        match self {
            ApiError::Unauthorized(details)
            | ApiError::Forbidden { details, .. }
            | ApiError::NotFound(details)
            | ApiError::WrongRegion(details)
            | ApiError::RateLimited { details, .. }
            | ApiError::Server { details, .. }
            | ApiError::Status { details, .. } => Some(details).filter(|d| !d.is_empty()),
            _ => None,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}. {}", self.title(), self.advice())
    }
}

/// Reads `Retry-After` as delta-seconds (what Coveo's throttling sends), at most
/// [`MAX_RETRY_AFTER_SECS`]. An HTTP-date is not read: the user then gets the generic
/// "wait a little".
fn parse_retry_after(value: &str) -> Option<u32> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Digits only: a value too long for u32 is merely too long.
    Some(value.parse().unwrap_or(u32::MAX).min(MAX_RETRY_AFTER_SECS))
}
