//! What no link may carry: the current token, the pasted key value, and anything shaped
//! like a key value (`xx` and a UUID, or the UUID alone), wherever they were typed or
//! pasted. [`UrlState::to_query`](crate::url_state::UrlState::to_query) asks
//! [`LinkSecrets`] about every text before it writes it.

use crate::key_value::PastedValue;
use crate::redact::Redactor;
use crate::token::Token;

/// The secrets of the moment, ready to be found in a text.
#[derive(Default)]
pub struct LinkSecrets {
    found_by: Vec<Redactor>,
}

impl LinkSecrets {
    /// The token and the pasted key value, when there are any.
    pub fn new(token: Option<&Token>, pasted: Option<&PastedValue>) -> LinkSecrets {
        LinkSecrets {
            found_by: token
                .and_then(Token::redactor)
                .into_iter()
                .chain(pasted.and_then(PastedValue::redactor))
                .collect(),
        }
    }

    /// The byte ranges of `text` that hold a secret, in order, merged.
    pub fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut merged: Vec<(usize, usize)> = Vec::new();
        let found = self
            .found_by
            .iter()
            .flat_map(|redactor| redactor.spans(text));
        for (start, end) in found.chain(key_shaped(text)) {
            // Each span joins those it overlaps: a text holds a handful at most.
            let (mut start, mut end) = (start, end);
            merged.retain(|&(s, e)| {
                let apart = e < start || s > end;
                if !apart {
                    (start, end) = (start.min(s), end.max(e));
                }
                apart
            });
            let at = merged.partition_point(|&(s, _)| s < start);
            merged.insert(at, (start, end));
        }
        merged
    }

    /// Whether `text` holds a secret.
    pub fn in_text(&self, text: &str) -> bool {
        !self.spans(text).is_empty()
    }

    /// `text` with every secret taken out, and the spaces left around it made one.
    pub fn without(&self, text: &str) -> String {
        let spans = self.spans(text);
        if spans.is_empty() {
            return text.to_owned();
        }
        let mut kept = String::with_capacity(text.len());
        let mut at = 0;
        for (start, end) in spans {
            kept.push_str(&text[at..start]);
            kept.push(' ');
            at = end;
        }
        kept.push_str(&text[at..]);
        kept.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Where `text` holds something shaped like a key value: a UUID (8-4-4-4-12 hexadecimal
/// digits, any case), with the `x` or `xx` before it.
pub fn key_shaped(text: &str) -> Vec<(usize, usize)> {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let bytes = text.as_bytes();
    let uuid_at = |at: usize| -> bool {
        let mut pos = at;
        for (i, len) in GROUPS.iter().enumerate() {
            if i > 0 {
                if bytes.get(pos) != Some(&b'-') {
                    return false;
                }
                pos += 1;
            }
            match bytes.get(pos..pos + len) {
                Some(group) if group.iter().all(u8::is_ascii_hexdigit) => pos += len,
                _ => return false,
            }
        }
        true
    };
    let mut spans = Vec::new();
    let mut at = 0;
    while at + 36 <= bytes.len() {
        if uuid_at(at) {
            let mut start = at;
            while start > 0 && at - start < 2 && bytes[start - 1].eq_ignore_ascii_case(&b'x') {
                start -= 1;
            }
            spans.push((start, at + 36));
            at += 36;
        } else {
            at += 1;
        }
    }
    spans
}
