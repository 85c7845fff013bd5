//! Turns a response body into a list of models, keeping what can be read and counting
//! what cannot. Large bodies can be decoded a slice at a time ([`Elements`]), so the page
//! can paint between slices and no whole-document tree is ever built.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// The readable items of a list response, and how many entries had to be left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    pub items: Vec<T>,
    /// Entries that were not objects of the expected shape (for example a key with no `id`).
    pub skipped: usize,
}

/// Why a body could not be read as a list at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The body is not JSON (an HTML error page from a gateway, a truncated response...).
    NotJson,
    /// The body is JSON, but not an array; `found` names what it is instead.
    NotAList { found: &'static str },
}

/// Reads a JSON array of `T` (UTF-8 text), skipping the entries that are not a `T`.
pub fn decode_list<T: DeserializeOwned>(body: impl AsRef<[u8]>) -> Result<Decoded<T>, DecodeError> {
    let body = body.as_ref();
    let mut elements = Elements::new(body).ok_or_else(|| not_a_list(body))?;
    let mut decoded = Decoded {
        items: Vec::new(),
        skipped: 0,
    };
    while !elements.is_done() {
        decoded.take(elements.next_chunk(usize::MAX)?)?;
    }
    Ok(decoded)
}

impl<T: DeserializeOwned> Decoded<T> {
    /// An empty list, to fill chunk by chunk with [`Decoded::take`].
    pub fn new() -> Decoded<T> {
        Decoded {
            items: Vec::new(),
            skipped: 0,
        }
    }

    /// Decodes `elements` (texts from [`Elements`]) into the list.
    pub fn take(&mut self, elements: Vec<&[u8]>) -> Result<(), DecodeError> {
        for element in elements {
            match serde_json::from_slice::<T>(element) {
                Ok(item) => self.items.push(item),
                // Valid JSON of another shape: leave the entry out, count it. (A shape
                // error can come before a syntax error, hence the second look.)
                Err(e) if e.is_data() && is_json(element) => self.skipped += 1,
                Err(_) => return Err(DecodeError::NotJson),
            }
        }
        Ok(())
    }
}

impl<T: DeserializeOwned> Default for Decoded<T> {
    fn default() -> Self {
        Self::new()
    }
}

fn is_json(text: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(text).is_ok()
}

/// Why `body` is not a list, in the error's words.
fn not_a_list(body: &[u8]) -> DecodeError {
    match serde_json::from_slice::<Value>(body) {
        Ok(value) => DecodeError::NotAList {
            found: json_kind(&value),
        },
        Err(_) => DecodeError::NotJson,
    }
}

/// The elements of a JSON array body, as text, found a chunk at a time. Only the array's
/// structure is checked here (brackets, strings, commas); each element's own syntax and
/// UTF-8 are checked when it is decoded, so the body is never validated or copied whole.
pub struct Elements<'a> {
    body: &'a [u8],
    pos: usize,
    expect_element: bool,
    first: bool,
    done: bool,
}

impl<'a> Elements<'a> {
    /// `None` when the body does not start with `[`.
    pub fn new(body: &'a [u8]) -> Option<Elements<'a>> {
        let rest = body.trim_ascii_start();
        rest.starts_with(b"[").then(|| Elements {
            body,
            pos: body.len() - rest.len() + 1,
            expect_element: true,
            first: true,
            done: false,
        })
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// The next elements, about `budget` bytes of them (at least one, unless the array ends).
    pub fn next_chunk(&mut self, budget: usize) -> Result<Vec<&'a [u8]>, DecodeError> {
        let bytes = self.body;
        let mut chunk = Vec::new();
        let mut taken = 0;
        while !self.done && taken < budget {
            while self.pos < bytes.len() && bytes[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
            match bytes.get(self.pos) {
                None => return Err(DecodeError::NotJson),
                Some(b']') if !self.expect_element || self.first => {
                    self.done = true;
                    if !self.body[self.pos + 1..].trim_ascii().is_empty() {
                        return Err(DecodeError::NotJson);
                    }
                }
                Some(b',') if !self.expect_element => {
                    self.pos += 1;
                    self.expect_element = true;
                }
                Some(b',' | b']') => return Err(DecodeError::NotJson),
                Some(_) if !self.expect_element => return Err(DecodeError::NotJson),
                Some(_) => {
                    let start = self.pos;
                    self.pos = value_end(bytes, start)?;
                    let element = self.body[start..self.pos].trim_ascii_end();
                    taken += element.len();
                    chunk.push(element);
                    self.expect_element = false;
                    self.first = false;
                }
            }
        }
        Ok(chunk)
    }
}

/// Where the value starting at `start` ends: at the `,` or `]` that follows it at depth 0.
fn value_end(bytes: &[u8], start: usize) -> Result<usize, DecodeError> {
    let (mut pos, mut depth, mut in_string) = (start, 0usize, false);
    while let Some(&b) = bytes.get(pos) {
        if in_string {
            match b {
                b'\\' => pos += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth == 0 => return Ok(pos),
                b']' | b'}' => depth -= 1,
                b',' if depth == 0 => return Ok(pos),
                _ => {}
            }
        }
        pos += 1;
    }
    Err(DecodeError::NotJson)
}

/// A JSON value's kind in words, for messages.
pub fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
