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
    /// The most entries kept; those after are counted in `beyond`, not read.
    limit: usize,
    beyond: usize,
}

/// A list read from a page object (`{items, totalEntries, totalPages}`) or a plain array,
/// as [`ListDecoder::paged`] reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub decoded: Decoded<T>,
    /// Entries after the decoder's limit: counted, never read.
    pub beyond: usize,
    /// `totalPages` and `totalEntries`, when the answer is a page object that says them.
    pub total_pages: Option<u64>,
    pub total_entries: Option<u64>,
    /// Whether the answer was a page object (a plain array is the whole list).
    pub is_page_object: bool,
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
            limit: usize::MAX,
            beyond: 0,
        }
    }

    /// Also reads a page object, `{"items": [...], "totalPages": n, ...}`, a slice at a
    /// time like an array: its other members are scanned and let go, but for the totals.
    pub fn paged(mut self) -> ListDecoder<T> {
        self.scanner.paged = true;
        self
    }

    /// Keeps at most `limit` entries; the rest are scanned, counted, and never read.
    pub fn keeping_at_most(mut self, limit: usize) -> ListDecoder<T> {
        self.limit = limit;
        self
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
                Scanned::Element(start, end) if self.decoded.items.len() >= self.limit => {
                    self.beyond += 1;
                    taken += end - start;
                }
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
    pub fn finish(self) -> Result<Decoded<T>, DecodeError> {
        self.finish_page().map(|page| page.decoded)
    }

    /// The list with what a page object said of the others, once the whole body has been
    /// fed.
    pub fn finish_page(mut self) -> Result<Page<T>, DecodeError> {
        while self.decode_some(usize::MAX)? {}
        self.scanner.check_complete()?;
        Ok(Page {
            decoded: self.decoded,
            beyond: self.beyond,
            total_pages: self.scanner.totals.pages,
            total_entries: self.scanner.totals.entries,
            is_page_object: self.scanner.object.is_some(),
        })
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
    /// Whether a page object is read as well as an array.
    paged: bool,
    /// In a page object: what its members have shown so far.
    object: Option<PageObject>,
    totals: Totals,
}

/// What a page object's members have shown so far.
#[derive(Default)]
struct PageObject {
    /// Whether its `items` array came.
    items: bool,
    /// The member whose value is being scanned, and where that value started.
    member: Option<(Member, usize, ValueScan)>,
}

/// The members of a page object that are read; any other is scanned and let go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Member {
    Items,
    TotalPages,
    TotalEntries,
    Other,
}

/// The longest member name read whole: Coveo's are a dozen bytes.
const MAX_MEMBER_NAME: usize = 4096;

#[derive(Default)]
struct Totals {
    pages: Option<u64>,
    entries: Option<u64>,
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
    /// In a page object, after `{` (`first`) or a comma: a member's name comes next.
    MemberName { first: bool },
    /// In a page object, after a member's name: its `:` comes next.
    MemberColon(Member),
    /// In a page object, after a member's `:`: its value comes next.
    MemberValue(Member),
    /// In a page object, after a member's value: a comma or the closing `}`.
    AfterMember,
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
            if self.object.as_ref().is_some_and(|o| o.member.is_some()) {
                match self.resume_member() {
                    Some(scanned) => return Ok(scanned),
                    None => continue,
                }
            }
            let rest = &self.pending[self.pos..];
            self.pos += rest.len() - rest.trim_ascii_start().len();
            let Some(&byte) = self.pending.get(self.pos) else {
                return Ok(Scanned::NeedMore);
            };
            if matches!(
                self.state,
                State::MemberName { .. }
                    | State::MemberColon(_)
                    | State::MemberValue(_)
                    | State::AfterMember
            ) {
                if !self.next_member_step(byte)? {
                    return Ok(Scanned::NeedMore);
                }
                continue;
            }
            match self.state {
                State::NotAList => return Ok(Scanned::NeedMore),
                State::Start if byte == b'{' && self.paged => {
                    self.pos += 1;
                    self.object = Some(PageObject::default());
                    self.state = State::MemberName { first: true };
                }
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
                    // A page object's `items` ends: its other members come next.
                    self.state = if self.object.is_some() {
                        State::AfterMember
                    } else {
                        State::Done
                    };
                }
                State::MemberName { .. }
                | State::MemberColon(_)
                | State::MemberValue(_)
                | State::AfterMember => unreachable!("a page object's states are read above"),
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
        if let Some(object) = &self.object {
            return match self.state {
                State::Done if object.items => Ok(()),
                State::Done => Err(DecodeError::NotAList { found: "an object" }),
                _ => Err(DecodeError::Incomplete),
            };
        }
        match self.state {
            State::Done => Ok(()),
            State::Start | State::NotAList => Err(not_a_list(&self.pending)),
            State::ExpectElement { .. }
            | State::AfterElement
            | State::MemberName { .. }
            | State::MemberColon(_)
            | State::MemberValue(_)
            | State::AfterMember => Err(DecodeError::Incomplete),
        }
    }

    /// Forgets the bytes already decoded (all of them but a partly received element),
    /// once they are at least as many as the bytes kept: moving the kept bytes to the
    /// front after every step moved each chunk's tail again and again.
    fn drop_decoded(&mut self) {
        if self.state == State::NotAList {
            return;
        }
        let member_start = self
            .object
            .as_ref()
            .and_then(|o| o.member.as_ref())
            .map(|(_, start, _)| *start);
        let keep_from = self
            .element
            .as_ref()
            .map(|(start, _)| *start)
            .or(member_start)
            .unwrap_or(self.pos);
        if keep_from == 0 || keep_from < self.pending.len() - keep_from {
            return;
        }
        self.pending.drain(..keep_from);
        self.pos -= keep_from;
        if let Some((start, _)) = &mut self.element {
            *start = 0;
        }
        if let Some((_, start, _)) = self.object.as_mut().and_then(|o| o.member.as_mut()) {
            *start -= keep_from;
        }
    }

    /// A page object's member value other than `items`, resumed: `None` once it ended,
    /// else a report that more bytes are needed (its bytes let go as they come).
    fn resume_member(&mut self) -> Option<Scanned> {
        let object = self.object.as_mut().expect("in a page object");
        let (member, start, mut scan) = object.member.take().expect("a member's value");
        match scan.end(&self.pending, self.pos) {
            Ok(end) => {
                let value = &self.pending[start..end];
                let number = || std::str::from_utf8(value).ok()?.trim().parse::<u64>().ok();
                match member {
                    Member::TotalPages => self.totals.pages = number(),
                    Member::TotalEntries => self.totals.entries = number(),
                    _ => {}
                }
                self.pos = end;
                self.state = State::AfterMember;
                None
            }
            Err(scanned) => {
                // A number is short: a value longer than this is none worth reading.
                let member = if scanned - start > 32 {
                    Member::Other
                } else {
                    member
                };
                if member == Member::Other {
                    self.pending.drain(start..scanned);
                    self.pos = start;
                } else {
                    self.pos = scanned;
                }
                object.member = Some((member, start, scan));
                Some(Scanned::NeedMore)
            }
        }
    }

    /// One step of a page object's own structure, at `byte` (not whitespace); false when
    /// it waits for more bytes.
    fn next_member_step(&mut self, byte: u8) -> Result<bool, DecodeError> {
        let object = self.object.as_mut().expect("in a page object");
        match self.state {
            State::MemberName { first: true } | State::AfterMember if byte == b'}' => {
                self.pos += 1;
                self.state = State::Done;
            }
            State::AfterMember if byte == b',' => {
                self.pos += 1;
                self.state = State::MemberName { first: false };
            }
            State::MemberName { .. } if byte == b'"' => {
                let name = &self.pending[self.pos + 1..];
                let Some(len) = string_end(name) else {
                    if name.len() > MAX_MEMBER_NAME {
                        return Err(DecodeError::NotJson);
                    }
                    // The name's end has not come: nothing moves until it does.
                    return Ok(false);
                };
                let member = match &name[..len] {
                    b"items" => Member::Items,
                    b"totalPages" => Member::TotalPages,
                    b"totalEntries" => Member::TotalEntries,
                    _ => Member::Other,
                };
                self.pos += len + 2;
                self.state = State::MemberColon(member);
            }
            State::MemberColon(member) if byte == b':' => {
                self.pos += 1;
                self.state = State::MemberValue(member);
            }
            State::MemberValue(Member::Items) if byte == b'[' && !object.items => {
                object.items = true;
                self.pos += 1;
                self.state = State::ExpectElement { first: true };
            }
            State::MemberValue(member) => {
                let member = if member == Member::Items {
                    Member::Other
                } else {
                    member
                };
                object.member = Some((member, self.pos, ValueScan::default()));
            }
            _ => return Err(DecodeError::NotJson),
        }
        Ok(true)
    }
}

/// Where a JSON string's closing quote is in `text` (which starts just after its opening
/// one), when it has come.
fn string_end(text: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        at += memchr::memchr2(b'"', b'\\', &text[at..])?;
        if text[at] == b'"' {
            return Some(at);
        }
        at += 2;
        if at > text.len() {
            return None;
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

/// A list's decoder behind a pointer: what a caller uses that must not hold the code
/// decoding `T` (the page's first load, which gets this decoder from the chunk of the
/// view that shows the list).
pub trait ListFeed<T>: Feed {
    /// See [`ListDecoder::redacting`].
    fn redact(&mut self, secret: Option<Redactor>);
    /// See [`ListDecoder::finish`].
    fn finish(self: Box<Self>) -> Result<Decoded<T>, DecodeError>;
}

/// A new decoder of a list of `T`, behind a pointer.
pub fn list_feed<T: DeserializeOwned + 'static>() -> Box<dyn ListFeed<T>> {
    Box::new(ListDecoder::<T>::new())
}

impl<T: DeserializeOwned> ListFeed<T> for ListDecoder<T> {
    fn redact(&mut self, secret: Option<Redactor>) {
        self.secret = secret;
    }

    fn finish(self: Box<Self>) -> Result<Decoded<T>, DecodeError> {
        ListDecoder::finish(*self)
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
