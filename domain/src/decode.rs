//! Turns a response body into a list of models, keeping what can be read and counting
//! what cannot. A body can be decoded as it arrives, a budget at a time ([`ListDecoder`]),
//! so the page can paint between slices and no large body is ever held whole.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::redact::Redactor;

/// The most bytes one entry of a list may take: a key or a privilege is a few hundred,
/// so a bigger one is hostile or broken, and is left out without being held whole.
pub const MAX_ELEMENT_BYTES: usize = 1 << 20;

/// The deepest nesting one entry may have (a key nests 3 levels); a deeper one is left
/// out before the JSON reader's own limit (128) would fail the whole list.
pub const MAX_ELEMENT_DEPTH: usize = 64;

/// The most bytes of a response body that are read: beyond, the answer is refused as too
/// large (50,000 keys take about 25 MB).
pub const MAX_BODY_BYTES: usize = 64 << 20;

/// The most bytes of an error response's body that are read: Coveo's are a few hundred.
pub const MAX_ERROR_BODY_BYTES: usize = 64 << 10;

/// The readable items of a list response, and how many entries had to be left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    pub items: Vec<T>,
    /// Entries that were not objects of the expected shape (for example a key with no
    /// `id`), nested too deeply, or too large.
    pub skipped: usize,
    /// Of the skipped entries, those over [`MAX_ELEMENT_BYTES`].
    pub too_large: usize,
}

/// Why a body could not be read as a list at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The body is not JSON (an HTML error page from a gateway, a login page...).
    NotJson,
    /// The body stops in the middle of the JSON: the connection or a proxy cut it short.
    Incomplete,
    /// The body is JSON, but not an array; `found` names what it is instead.
    NotAList { found: &'static str },
}

/// Reads a JSON array of `T` (UTF-8 text), skipping the entries that are not a `T`.
pub fn decode_list<T: DeserializeOwned>(body: impl AsRef<[u8]>) -> Result<Decoded<T>, DecodeError> {
    let mut decoder = ListDecoder::new();
    decoder.feed(body.as_ref());
    decoder.finish()
}

/// Decodes a JSON array of `T` from its bytes as they arrive: [`feed`](Self::feed) what
/// came, [`decode_some`](Self::decode_some) within a budget, [`finish`](Self::finish) at
/// the end. Only the array's structure is checked here (brackets, strings, commas); each
/// element's own syntax and UTF-8 are checked when it is decoded. Decoded bytes are
/// dropped, so memory holds the items, not the body.
pub struct ListDecoder<T> {
    scanner: ListScanner,
    decoded: Decoded<T>,
    /// The token, taken out of every entry before it is read (see [`Self::redacting`]).
    secret: Option<Redactor>,
}

impl<T: DeserializeOwned> Default for ListDecoder<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: DeserializeOwned> ListDecoder<T> {
    pub fn new() -> ListDecoder<T> {
        ListDecoder {
            scanner: ListScanner::default(),
            decoded: Decoded {
                items: Vec::new(),
                skipped: 0,
                too_large: 0,
            },
            secret: None,
        }
    }

    /// Takes `secret` out of every entry's text before it is read: a host that echoes the
    /// token in a key's name, description, id or any other field puts `[token]` there,
    /// on screen, in exports and (never as an id, which it no longer is) in links.
    pub fn redacting(mut self, secret: Option<Redactor>) -> ListDecoder<T> {
        self.secret = secret;
        self
    }

    /// Adds the next bytes of the body.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.scanner.pending.extend_from_slice(bytes);
    }

    /// Decodes the complete elements received so far, about `budget` bytes of them (at
    /// least one when one is complete). True when it stopped for the budget: more may be
    /// ready to decode now.
    pub fn decode_some(&mut self, budget: usize) -> Result<bool, DecodeError> {
        let mut taken = 0;
        let more = loop {
            match self.scanner.next(taken > 0 && taken >= budget)? {
                Scanned::Element(start, end) => {
                    let element = &self.scanner.pending[start..end];
                    taken += element.len();
                    match self.secret.as_ref().and_then(|s| s.redact_bytes(element)) {
                        // An entry the secret's removal broke is left out, not the list.
                        Some(redacted) if is_json(element) && !is_json(&redacted) => {
                            self.decoded.skipped += 1
                        }
                        Some(redacted) => take_into(&mut self.decoded, &redacted)?,
                        None => take_into(&mut self.decoded, element)?,
                    }
                }
                Scanned::Unreadable { too_large } => {
                    self.decoded.skipped += 1;
                    self.decoded.too_large += usize::from(too_large);
                }
                Scanned::OverBudget => break true,
                Scanned::NeedMore => break false,
            }
        };
        self.scanner.drop_decoded();
        Ok(more)
    }

    /// How many bytes of the body the decoder holds now.
    pub fn held_bytes(&self) -> usize {
        self.scanner.pending.len()
    }

    /// The list, once the whole body has been fed.
    pub fn finish(mut self) -> Result<Decoded<T>, DecodeError> {
        while self.decode_some(usize::MAX)? {}
        self.scanner.check_complete()?;
        Ok(self.decoded)
    }
}

/// The array's structure, apart from the item type: where each element starts and ends.
/// Not generic, so the wasm holds it once for every kind of list.
#[derive(Default)]
struct ListScanner {
    /// Bytes received and not yet decoded.
    pending: Vec<u8>,
    /// How far into `pending` the array's structure has been read.
    pos: usize,
    state: State,
    /// The element being scanned, when its end has not arrived yet.
    element: Option<(usize, ValueScan)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum State {
    /// Before the opening `[`.
    #[default]
    Start,
    /// After `[` (`first`) or after a comma.
    ExpectElement { first: bool },
    /// After an element: a comma or the closing `]` comes next.
    AfterElement,
    /// After the closing `]`: only whitespace may follow.
    Done,
    /// The body does not start with `[`: it is kept whole to say what it is instead.
    NotAList,
}

/// What [`ListScanner::next`] found.
enum Scanned {
    /// A complete element, at `pending[start..end]`.
    Element(usize, usize),
    /// A complete element left out unread: too large, or nested too deeply.
    Unreadable { too_large: bool },
    /// An element is next, but the budget is spent.
    OverBudget,
    /// Nothing more until more bytes come (or ever, at the end of the list).
    NeedMore,
}

impl ListScanner {
    /// Reads the structure up to the next complete element; `over_budget` stops it before
    /// it starts one.
    fn next(&mut self, over_budget: bool) -> Result<Scanned, DecodeError> {
        loop {
            if let Some((start, mut scan)) = self.element.take() {
                // An element whose end had not arrived: resume where its scan stopped.
                return match scan.end(&self.pending, self.pos) {
                    Ok(end) => {
                        self.pos = end;
                        self.state = State::AfterElement;
                        let too_large = scan.dropped + (end - start) > MAX_ELEMENT_BYTES;
                        if too_large || scan.deepest > MAX_ELEMENT_DEPTH {
                            return Ok(Scanned::Unreadable { too_large });
                        }
                        let element = self.pending[start..end].trim_ascii_end();
                        Ok(Scanned::Element(start, start + element.len()))
                    }
                    Err(scanned) => {
                        self.pos = scanned;
                        if scanned - start > MAX_ELEMENT_BYTES {
                            // Too large to be read: its bytes are let go as they are
                            // scanned, so memory never holds more than the limit of it.
                            scan.dropped += scanned - start;
                            self.pending.drain(start..scanned);
                            self.pos = start;
                        }
                        self.element = Some((start, scan));
                        Ok(Scanned::NeedMore)
                    }
                };
            }
            let rest = &self.pending[self.pos..];
            self.pos += rest.len() - rest.trim_ascii_start().len();
            let Some(&byte) = self.pending.get(self.pos) else {
                return Ok(Scanned::NeedMore);
            };
            match self.state {
                State::NotAList => return Ok(Scanned::NeedMore),
                State::Start if byte == b'[' => {
                    self.pos += 1;
                    self.state = State::ExpectElement { first: true };
                }
                State::Start => {
                    self.state = State::NotAList;
                    return Ok(Scanned::NeedMore);
                }
                State::Done => return Err(DecodeError::NotJson),
                State::AfterElement | State::ExpectElement { first: true } if byte == b']' => {
                    self.pos += 1;
                    self.state = State::Done;
                }
                State::AfterElement if byte == b',' => {
                    self.pos += 1;
                    self.state = State::ExpectElement { first: false };
                }
                State::AfterElement => return Err(DecodeError::NotJson),
                State::ExpectElement { .. } if byte == b',' || byte == b']' => {
                    return Err(DecodeError::NotJson)
                }
                State::ExpectElement { .. } if over_budget => return Ok(Scanned::OverBudget),
                State::ExpectElement { .. } => {
                    self.element = Some((self.pos, ValueScan::default()));
                }
            }
        }
    }

    /// At the end of the body: whether it held a whole list.
    fn check_complete(&self) -> Result<(), DecodeError> {
        match self.state {
            State::Done => Ok(()),
            State::Start | State::NotAList => Err(not_a_list(&self.pending)),
            State::ExpectElement { .. } | State::AfterElement => Err(DecodeError::Incomplete),
        }
    }

    /// Forgets the bytes already decoded (all of them but a partly received element),
    /// once they are at least as many as the bytes kept: moving the kept bytes to the
    /// front after every step moved each chunk's tail again and again.
    fn drop_decoded(&mut self) {
        if self.state == State::NotAList {
            return;
        }
        let keep_from = self.element.as_ref().map_or(self.pos, |(start, _)| *start);
        if keep_from == 0 || keep_from < self.pending.len() - keep_from {
            return;
        }
        self.pending.drain(..keep_from);
        self.pos -= keep_from;
        if let Some((start, _)) = &mut self.element {
            *start = 0;
        }
    }
}

/// A list decoder seen without its item type: the code that feeds one (the HTTP client)
/// then exists once in the wasm instead of once per kind of list.
pub trait Feed {
    /// See [`ListDecoder::feed`].
    fn feed(&mut self, bytes: &[u8]);
    /// See [`ListDecoder::decode_some`].
    fn decode_some(&mut self, budget: usize) -> Result<bool, DecodeError>;
}

impl<T: DeserializeOwned> Feed for ListDecoder<T> {
    fn feed(&mut self, bytes: &[u8]) {
        ListDecoder::feed(self, bytes)
    }

    fn decode_some(&mut self, budget: usize) -> Result<bool, DecodeError> {
        ListDecoder::decode_some(self, budget)
    }
}

/// Decodes one element into the list.
fn take_into<T: DeserializeOwned>(
    decoded: &mut Decoded<T>,
    element: &[u8],
) -> Result<(), DecodeError> {
    match serde_json::from_slice::<T>(element) {
        Ok(item) => decoded.items.push(item),
        // Valid JSON of another shape: leave the entry out, count it. (A shape error can
        // come before a syntax error, hence the second look.)
        Err(e) if e.is_data() && is_json(element) => decoded.skipped += 1,
        Err(_) => return Err(DecodeError::NotJson),
    }
    Ok(())
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
        // An empty body is not a list cut short: nothing of a list ever came.
        Err(e) if e.is_eof() && !body.trim_ascii().is_empty() => DecodeError::Incomplete,
        Err(_) => DecodeError::NotJson,
    }
}

/// Finds where a value ends (at the `,` or `]` that follows it at depth 0), resumable when
/// its bytes arrive in several pieces.
#[derive(Debug, Clone, Copy, Default)]
struct ValueScan {
    depth: usize,
    /// The deepest nesting seen.
    deepest: usize,
    in_string: bool,
    escaped: bool,
    /// Bytes of the value already let go (see [`MAX_ELEMENT_BYTES`]).
    dropped: usize,
}

impl ValueScan {
    /// `Ok(end)` when the value ends in `bytes`, scanning from `from`; otherwise
    /// `Err(scanned)`: how far it got, to resume there when more bytes come.
    fn end(&mut self, bytes: &[u8], from: usize) -> Result<usize, usize> {
        let mut pos = from;
        while pos < bytes.len() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    pos += 1;
                    continue;
                }
                // Most of a list's bytes are inside strings: jump to the next quote or
                // backslash (a word at a time) rather than looking at every byte.
                match memchr::memchr2(b'"', b'\\', &bytes[pos..]) {
                    Some(at) => {
                        pos += at;
                        match bytes[pos] {
                            b'"' => self.in_string = false,
                            _ => self.escaped = true,
                        }
                        pos += 1;
                    }
                    None => pos = bytes.len(),
                }
                continue;
            }
            match bytes[pos] {
                b'"' => self.in_string = true,
                b'[' | b'{' => {
                    self.depth += 1;
                    self.deepest = self.deepest.max(self.depth);
                }
                b']' | b'}' if self.depth == 0 => return Ok(pos),
                b']' | b'}' => self.depth -= 1,
                b',' if self.depth == 0 => return Ok(pos),
                _ => {}
            }
            pos += 1;
        }
        Err(bytes.len())
    }
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
