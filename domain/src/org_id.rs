//! The organization ID: checked before any request, and always one path segment.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// A Coveo organization ID (`mycoveocloudv2organizationg8tp8wu3`): ASCII letters, digits,
/// `-` and `_` only, so it can never hold `/`, `.` or `..` and steer a request path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrgId(String);

/// Why a typed organization ID was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgIdError {
    Empty,
    TooLong,
    InvalidCharacter(char),
}

const MAX_LEN: usize = 128;

impl std::fmt::Display for OrgIdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OrgIdError::Empty => f.write_str("Enter an organization ID."),
            OrgIdError::TooLong => write!(
                f,
                "An organization ID is at most {MAX_LEN} characters long."
            ),
            // Not with `{:?}` (release builds print no `Debug` text) nor `escape_debug`
            // (its Unicode tables would ship for this one message).
            OrgIdError::InvalidCharacter(c) => {
                f.write_str("An organization ID holds only letters, digits, '-' and '_' (found ")?;
                if c.is_ascii_graphic() {
                    write!(f, "'{c}').")
                } else {
                    write!(f, "U+{:04X}).", u32::from(*c))
                }
            }
        }
    }
}

impl OrgId {
    pub fn parse(input: &str) -> Result<OrgId, OrgIdError> {
        let id = input.trim();
        if id.is_empty() {
            return Err(OrgIdError::Empty);
        }
        if id.len() > MAX_LEN {
            return Err(OrgIdError::TooLong);
        }
        if let Some(c) = id
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_')))
        {
            return Err(OrgIdError::InvalidCharacter(c));
        }
        Ok(OrgId(id.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for OrgId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Everything but unreserved letters, digits, `-` and `_` is escaped.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_');

/// Encodes text as exactly one URL path segment: `/`, `?`, `#`, `%` and `.` are escaped.
/// Escaped dots still read as `..` to a browser, which is why [`OrgId`] refuses dots.
pub fn path_segment(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}
