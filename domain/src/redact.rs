//! Takes a secret out of text a server sent back, in whatever form the server echoed it:
//! any case, percent-encoded, JSON-escaped, base64 (standard or URL-safe, at any
//! alignment), or any run of [`MIN_RUN`] or more of its characters.

use std::collections::HashSet;

/// What replaces the secret.
pub const REDACTED: &str = "[token]";

/// The shortest run of the secret's characters that counts as a copy of it. Shorter runs
/// are common text ("Bearer ", a date); a secret shorter than this counts whole.
pub const MIN_RUN: usize = 12;

/// One secret, ready to be found in any text.
#[derive(Clone, PartialEq, Eq)]
pub struct Redactor {
    /// Every `width`-byte window of each form of the secret, ASCII lowercased, packed.
    windows: HashSet<u128>,
    width: usize,
    /// A bit for the first three bytes of each window (hashed): most text has no window
    /// starting with one of them, and is passed over without a lookup.
    starts: Box<[u64]>,
    /// A bit for each pair of bytes next to each other in a form of the secret. A pair
    /// of the text that is not one rules out every window holding it: the scan then
    /// jumps past it, and reads most text a window's width at a time.
    pairs: Box<[u64]>,
}

// By hand: the windows are the secret's own bytes.
impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Redactor(<hidden>)")
    }
}

/// The bits of [`Redactor::starts`], and of [`Redactor::pairs`] (one per pair of bytes).
const START_BITS: usize = 1 << 16;

/// Where two bytes fall in [`Redactor::pairs`].
fn pair_bit(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

fn has(bits: &[u64], bit: usize) -> bool {
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

/// Where three bytes fall in [`Redactor::starts`].
fn start_bit(a: u8, b: u8, c: u8) -> usize {
    let key = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

impl Redactor {
    /// `None` for an empty secret, which has nothing to hide. The secret is ASCII
    /// (`Token` holds only visible ASCII).
    pub fn new(secret: &str) -> Option<Redactor> {
        let secret = secret.as_bytes();
        if secret.is_empty() || !secret.is_ascii() {
            return None;
        }
        let width = secret.len().min(MIN_RUN);
        let mut windows = HashSet::new();
        let mut starts = vec![0u64; START_BITS / 64].into_boxed_slice();
        let mut pairs = vec![0u64; START_BITS / 64].into_boxed_slice();
        let mut add = |form: &[u8]| {
            for window in form.windows(width) {
                let lower: Vec<u8> = window.iter().map(u8::to_ascii_lowercase).collect();
                windows.insert(pack(lower.iter().copied()));
                if let [a, b, c, ..] = lower[..] {
                    let bit = start_bit(a, b, c);
                    starts[bit / 64] |= 1 << (bit % 64);
                }
                for pair in lower.windows(2) {
                    let bit = pair_bit(pair[0], pair[1]);
                    pairs[bit / 64] |= 1 << (bit % 64);
                }
            }
        };
        add(secret);
        for alphabet in [STANDARD, URL_SAFE] {
            for offset in 0..3 {
                add(&base64_core(secret, offset, alphabet));
            }
        }
        Some(Redactor {
            windows,
            width,
            starts,
            pairs,
        })
    }

    /// `text` with every copy of the secret replaced by [`REDACTED`]; `None` when there
    /// is none.
    pub fn redact(&self, text: &str) -> Option<String> {
        let redacted = self.redact_bytes(text.as_bytes())?;
        // Spans start and end on ASCII bytes: what is left of the text is still UTF-8.
        Some(String::from_utf8(redacted).expect("cut on ASCII bytes"))
    }

    /// [`redact`](Self::redact) for bytes (a JSON entry, a body), which need not be UTF-8.
    pub fn redact_bytes(&self, text: &[u8]) -> Option<Vec<u8>> {
        let spans = self.byte_spans(text);
        if spans.is_empty() {
            return None;
        }
        let mut out = Vec::with_capacity(text.len());
        let mut at = 0;
        for (start, end) in spans {
            out.extend_from_slice(&text[at..start]);
            out.extend_from_slice(REDACTED.as_bytes());
            at = end;
        }
        out.extend_from_slice(&text[at..]);
        Some(out)
    }

    /// The byte ranges of `text` that are copies of the secret, in order, merged. Each
    /// starts and ends on an ASCII byte, so cutting the text there keeps it UTF-8.
    pub fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        self.byte_spans(text.as_bytes())
    }

    fn byte_spans(&self, bytes: &[u8]) -> Vec<(usize, usize)> {
        if bytes.len() < self.width {
            return Vec::new();
        }
        if memchr::memchr2(b'%', b'\\', bytes).is_none() {
            // Nothing escaped: the text reads as itself.
            return self.windows_found(
                bytes.len(),
                |i| bytes[i].to_ascii_lowercase(),
                |i| (i, i + self.width),
            );
        }
        let view = decoded_view(bytes);
        self.windows_found(
            view.len(),
            |i| view[i].byte,
            |i| (view[i].start, view[i + self.width - 1].end),
        )
    }

    /// The spans of the windows of a text of `len` (read) bytes that are the secret's.
    // Generic, not `dyn`: every byte of every list entry goes through `byte`, and a call
    // through a pointer for each took most of the time of reading a long list.
    fn windows_found(
        &self,
        len: usize,
        byte: impl Fn(usize) -> u8,
        span: impl Fn(usize) -> (usize, usize),
    ) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        if len < self.width {
            return spans;
        }
        let width = self.width;
        let mut i = 0;
        while i + width <= len {
            // The window's last pair: if no form of the secret has it, neither does any
            // window up to it, and the next that could match starts at its second byte.
            if width >= 2 {
                let last = i + width - 2;
                if !has(&self.pairs, pair_bit(byte(last), byte(last + 1))) {
                    i = last + 1;
                    continue;
                }
            }
            if width >= 3 && !has(&self.starts, start_bit(byte(i), byte(i + 1), byte(i + 2))) {
                i += 1;
                continue;
            }
            if self.windows.contains(&pack((i..i + width).map(&byte))) {
                let (start, end) = span(i);
                match spans.last_mut() {
                    Some(last) if start <= last.1 => last.1 = last.1.max(end),
                    _ => spans.push((start, end)),
                }
            }
            i += 1;
        }
        spans
    }
}

/// A byte of the text as read through one level of percent-encoding and JSON escapes,
/// ASCII lowercased, with the span of the text it came from.
#[derive(Clone, Copy)]
struct ViewByte {
    byte: u8,
    start: usize,
    end: usize,
}

/// The text read through `%XX`, `\uXXXX` (ASCII ones) and `\/`, `\\`, `\"`. Every span
/// starts and ends on an ASCII byte, so cutting the text there keeps it UTF-8.
fn decoded_view(text: &[u8]) -> Vec<ViewByte> {
    let mut view = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        let (byte, len) = match text[at] {
            b'%' => match hex(&text[at + 1..], 2) {
                Some(value) if value < 0x80 => (value as u8, 3),
                _ => (b'%', 1),
            },
            b'\\' => match text.get(at + 1) {
                Some(b'u') => match hex(&text[at + 2..], 4) {
                    Some(value) if value < 0x80 => (value as u8, 6),
                    _ => (b'\\', 1),
                },
                Some(&escaped @ (b'/' | b'\\' | b'"')) => (escaped, 2),
                _ => (b'\\', 1),
            },
            byte => (byte, 1),
        };
        view.push(ViewByte {
            byte: byte.to_ascii_lowercase(),
            start: at,
            end: at + len,
        });
        at += len;
    }
    view
}

/// The value of the first `digits` bytes of `text` as hexadecimal.
fn hex(text: &[u8], digits: usize) -> Option<u32> {
    let digits = text.get(..digits)?;
    digits
        .iter()
        .try_fold(0, |value, &b| Some(value * 16 + (b as char).to_digit(16)?))
}

/// Up to 16 bytes in one number: a window's key.
fn pack(bytes: impl Iterator<Item = u8>) -> u128 {
    bytes.fold(0, |key, b| key << 8 | u128::from(b))
}

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The base64 characters that encode only `secret`'s bits when it sits `offset` bytes
/// into a longer encoded text: those the bytes around it cannot change.
fn base64_core(secret: &[u8], offset: usize, alphabet: &[u8; 64]) -> Vec<u8> {
    let bits = 8 * (offset + secret.len());
    let first = (8 * offset).div_ceil(6);
    let last = bits / 6;
    let bit = |i: usize| -> u8 {
        if i < 8 * offset {
            0
        } else {
            let i = i - 8 * offset;
            (secret[i / 8] >> (7 - i % 8)) & 1
        }
    };
    (first..last)
        .map(|char| {
            let index = (0..6).fold(0usize, |v, k| v << 1 | usize::from(bit(6 * char + k)));
            alphabet[index]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every window looked up, none skipped: what the scan must find.
    fn every_window(redactor: &Redactor, text: &[u8]) -> Vec<(usize, usize)> {
        let width = redactor.width;
        let mut spans: Vec<(usize, usize)> = Vec::new();
        if text.len() < width {
            return spans;
        }
        for i in 0..=text.len() - width {
            let window = text[i..i + width].iter().map(u8::to_ascii_lowercase);
            if redactor.windows.contains(&pack(window)) {
                match spans.last_mut() {
                    Some(last) if i <= last.1 => last.1 = i + width,
                    _ => spans.push((i, i + width)),
                }
            }
        }
        spans
    }

    proptest! {
        // Text made of pieces of the secret (whole, cut, upper-cased) among other bytes:
        // the scan that jumps over impossible windows finds every copy all the same.
        #[test]
        fn the_skipping_scan_finds_what_every_window_finds(
            secret in "[A-Za-z0-9_-]{1,40}",
            pieces in proptest::collection::vec((0usize..40, 0usize..40, any::<bool>(), "[ -~]{0,6}"), 0..12),
        ) {
            let redactor = Redactor::new(&secret).expect("a secret");
            let mut text = String::new();
            for (from, len, upper, between) in pieces {
                let from = from.min(secret.len());
                let to = (from + len).min(secret.len());
                let piece = &secret[from..to];
                text.push_str(&if upper { piece.to_ascii_uppercase() } else { piece.to_owned() });
                text.push_str(&between);
            }
            prop_assume!(!text.contains(['%', '\\']));
            prop_assert_eq!(redactor.byte_spans(text.as_bytes()), every_window(&redactor, text.as_bytes()));
        }
    }

    #[test]
    fn the_base64_core_is_what_any_encoder_gives_for_the_secret_at_that_offset() {
        // "Man" is "TWFu"; "xMan" is "eE1hbg==": at offset 1, "1hb" is Man's alone.
        assert_eq!(base64_core(b"Man", 0, STANDARD), b"TWFu");
        assert_eq!(base64_core(b"Man", 1, STANDARD), b"1hb");
        // "xxMan" is "eHhNYW4=": at offset 2, "NYW".
        assert_eq!(base64_core(b"Man", 2, STANDARD), b"NYW");
    }
}
