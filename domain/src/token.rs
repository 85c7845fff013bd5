//! The access token: normalised from what people paste, and never printed.

/// A bearer access token. It has no `Display` and its `Debug` hides it, so it cannot end
/// up in a message or a log line by accident; [`Token::expose`] is the one way to read it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

/// Why a pasted token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    Empty,
    /// Whitespace inside the token: something other than a token was pasted.
    ContainsWhitespace,
    /// A character a header cannot carry (non-ASCII or a control character).
    InvalidCharacter,
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TokenError::Empty => "Paste an access token.",
            TokenError::ContainsWhitespace => {
                "The access token contains spaces: paste the token alone (a leading \"Bearer \" is fine)."
            }
            TokenError::InvalidCharacter => {
                "The access token contains characters a token cannot have: paste it again from its source."
            }
        })
    }
}

impl Token {
    /// Accepts a token as people paste it: surrounding whitespace, newlines and quotes,
    /// and a leading `Bearer ` (any case), are removed.
    pub fn parse(input: &str) -> Result<Token, TokenError> {
        let unquoted = input.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        let bare = match (unquoted.get(..6), unquoted.get(6..)) {
            (Some(scheme), Some(rest))
                if scheme.eq_ignore_ascii_case("bearer")
                    && (rest.is_empty() || rest.starts_with(char::is_whitespace)) =>
            {
                rest.trim()
            }
            _ => unquoted,
        };
        if bare.is_empty() {
            return Err(TokenError::Empty);
        }
        if bare.chars().any(char::is_whitespace) {
            return Err(TokenError::ContainsWhitespace);
        }
        if !bare.chars().all(|c| c.is_ascii_graphic()) {
            return Err(TokenError::InvalidCharacter);
        }
        Ok(Token(bare.to_owned()))
    }

    /// What the token field should show for `input` once the field is left: the token
    /// alone, without a pasted "Bearer " or quotes. `input` itself when it is no token.
    pub fn tidy(input: &str) -> String {
        Token::parse(input).map_or_else(|_| input.to_owned(), |token| token.0)
    }

    /// Whether it has the shape of an API key value (`xx` and a UUID): what people paste
    /// when they have the wrong kind of token.
    pub fn looks_like_api_key(&self) -> bool {
        crate::key_value::PastedValue::parse(&self.0).is_some_and(|v| v.looks_like_a_key())
    }

    /// The token itself, for the `Authorization` header and nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What finds the token in text a server sent back or a link would carry.
    pub fn redactor(&self) -> Option<crate::redact::Redactor> {
        crate::redact::Redactor::new(&self.0)
    }

    /// A number that tells this token from another on this page (its hash with the
    /// page's random seed), for what belongs to a token without keeping a copy of it.
    pub fn fingerprint(&self) -> u64 {
        crate::hashing::hash_one(&self.0)
    }

    /// The `Authorization` header value.
    pub fn authorization(&self) -> String {
        format!("Bearer {}", self.0)
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<hidden>)")
    }
}
