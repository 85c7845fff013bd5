//! Turns a response body into a list of models, keeping what can be read and counting
//! what cannot.

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

/// Reads a JSON array of `T`, skipping the entries that are not a `T`.
pub fn decode_list<T: DeserializeOwned>(body: &str) -> Result<Decoded<T>, DecodeError> {
    let value: Value = serde_json::from_str(body).map_err(|_| DecodeError::NotJson)?;
    let Value::Array(entries) = value else {
        return Err(DecodeError::NotAList {
            found: json_kind(&value),
        });
    };
    let total = entries.len();
    let items: Vec<T> = entries
        .into_iter()
        .filter_map(|entry| T::deserialize(entry).ok())
        .collect();
    Ok(Decoded {
        skipped: total - items.len(),
        items,
    })
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
