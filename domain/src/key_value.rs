//! "Which key is this?": a key value pasted by the user, matched against the masked
//! values the API returns (`**********-****-****-****-********1b3e`, `xx*****1343`) by
//! their visible characters. The pasted value is a secret like the token: it has no
//! `Display`, its `Debug` hides it, and nothing here keeps or sends it.

use crate::model::ApiKey;

/// A pasted API key value.
#[derive(Clone, PartialEq, Eq)]
pub struct PastedValue(String);

impl std::fmt::Debug for PastedValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PastedValue(<hidden>)")
    }
}

impl PastedValue {
    /// The value as people paste it: surrounding whitespace and quotes removed. `None`
    /// for nothing, or for text with spaces inside (not one value).
    pub fn parse(input: &str) -> Option<PastedValue> {
        let value = input.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty() && !value.contains(char::is_whitespace))
            .then(|| PastedValue(value.to_owned()))
    }

    /// What finds the value in a text a link would carry. `None` for a value that is not
    /// ASCII, which no key value is.
    pub fn redactor(&self) -> Option<crate::redact::Redactor> {
        crate::redact::Redactor::new(&self.0)
    }

    /// Whether it has the shape of a full key value (`xx` and a UUID); other text is
    /// still matched, but the page says it does not look like one.
    pub fn looks_like_a_key(&self) -> bool {
        let v = self.0.as_bytes();
        v.len() == 38
            && v[..2].eq_ignore_ascii_case(b"xx")
            && v[2..].iter().enumerate().all(|(i, &b)| match i {
                8 | 13 | 18 | 23 => b == b'-',
                _ => b.is_ascii_hexdigit(),
            })
    }
}

/// How a masked value compares with a pasted one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// Every visible character matches; `visible` letters and digits were compared.
    Matches { visible: usize },
    /// A visible character differs.
    Differs,
    /// The masked value shows no letter or digit (or is absent): nothing to compare.
    Unknown,
}

/// Compares a masked value with a pasted one, case-insensitively. A mask as long as the
/// value keeps each character in place; a shorter one (`xx*****1343`) keeps its visible
/// stretches in order: the first starts the value (unless the mask starts hidden), the
/// last ends it, and the others come between.
pub fn compare(masked: &str, pasted: &PastedValue) -> Comparison {
    let (masked, pasted) = (masked.as_bytes(), pasted.0.as_bytes());
    let hidden = |b: &u8| *b == b'*';
    let visible = masked.iter().filter(|b| b.is_ascii_alphanumeric()).count();
    if visible == 0 {
        return Comparison::Unknown;
    }
    let matches = if masked.len() == pasted.len() {
        masked
            .iter()
            .zip(pasted)
            .all(|(m, p)| hidden(m) || m.eq_ignore_ascii_case(p))
    } else {
        in_order(masked, pasted)
    };
    if matches {
        Comparison::Matches { visible }
    } else {
        Comparison::Differs
    }
}

/// Whether the visible stretches of a mask of another length appear in `pasted`, in
/// order, anchored at the ends the mask does not hide.
fn in_order(masked: &[u8], pasted: &[u8]) -> bool {
    let pasted = pasted.to_ascii_lowercase();
    let stretches: Vec<Vec<u8>> = masked
        .split(|b| *b == b'*')
        .map(<[u8]>::to_ascii_lowercase)
        .collect();
    let (Some(first), Some(last)) = (stretches.first(), stretches.last()) else {
        return false;
    };
    if stretches.len() == 1 {
        // Nothing hidden: the whole value is shown.
        return *first == pasted;
    }
    if !pasted.starts_with(first) {
        return false;
    }
    let mut from = first.len();
    for stretch in &stretches[1..stretches.len() - 1] {
        match find(&pasted[from..], stretch) {
            Some(at) => from += at + stretch.len(),
            None => return false,
        }
    }
    pasted.len() >= from + last.len() && pasted.ends_with(last)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The keys whose masked value fits a pasted one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Candidates {
    /// Indexes of the matching keys, the most visible characters first.
    pub matches: Vec<(usize, usize)>,
    /// Keys whose value shows nothing to compare (or that have none).
    pub unknown: usize,
}

/// The keys of `keys` that `pasted` could be.
pub fn candidates(keys: &[ApiKey], pasted: &PastedValue) -> Candidates {
    let mut found = Candidates::default();
    for (index, key) in keys.iter().enumerate() {
        match key.value.as_deref().map(|masked| compare(masked, pasted)) {
            Some(Comparison::Matches { visible }) => found.matches.push((index, visible)),
            Some(Comparison::Differs) => {}
            Some(Comparison::Unknown) | None => found.unknown += 1,
        }
    }
    found
        .matches
        .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = "xx8c1b2a3d-4e5f-6a7b-8c9d-0e1f2a3b1b3e";

    fn pasted(text: &str) -> PastedValue {
        PastedValue::parse(text).unwrap()
    }

    #[test]
    fn a_mask_as_long_as_the_value_is_compared_in_place() {
        let masked = "**********-****-****-****-********1b3e";
        assert_eq!(masked.len(), FULL.len());
        assert_eq!(
            compare(masked, &pasted(FULL)),
            Comparison::Matches { visible: 4 }
        );
        assert_eq!(
            compare(masked, &pasted(&FULL.to_uppercase())),
            Comparison::Matches { visible: 4 },
            "case does not matter"
        );
        let other = FULL.replace("1b3e", "1b3f");
        assert_eq!(compare(masked, &pasted(&other)), Comparison::Differs);
        // The dashes are visible characters too: a value without them is not this key.
        let no_dashes: String = FULL.chars().filter(|c| *c != '-').collect();
        assert_eq!(compare(masked, &pasted(&no_dashes)), Comparison::Differs);
    }

    #[test]
    fn a_short_mask_keeps_its_start_and_end() {
        let value = "xx0000aaaa-0000-0000-0000-000000001343";
        assert_eq!(
            compare("xx*****1343", &pasted(value)),
            Comparison::Matches { visible: 6 }
        );
        assert_eq!(
            compare("xx*****1343", &pasted("xx1343")),
            Comparison::Matches { visible: 6 }
        );
        assert_eq!(
            compare("xx*****1343", &pasted("xx134")),
            Comparison::Differs,
            "too short"
        );
        assert_eq!(
            compare("xx*****1343", &pasted("yy-1343")),
            Comparison::Differs
        );
        assert_eq!(
            compare("xx*****1343", &pasted("xx-1344")),
            Comparison::Differs
        );
        assert_eq!(compare("*****", &pasted(value)), Comparison::Unknown);
        assert_eq!(compare("", &pasted(value)), Comparison::Unknown);
        assert_eq!(
            compare("abc", &pasted("abcd")),
            Comparison::Differs,
            "no mask: whole"
        );
        assert_eq!(
            compare("abc", &pasted("ABC")),
            Comparison::Matches { visible: 3 }
        );
    }

    #[test]
    fn candidates_come_most_visible_first_and_blank_masks_are_counted() {
        let key = |id: &str, value: Option<&str>| ApiKey {
            id: id.into(),
            value: value.map(str::to_owned),
            ..ApiKey::default()
        };
        let keys = [
            key("short", Some("xx*****1b3e")),
            key("long", Some("**********-****-****-****-********1b3e")),
            key("other", Some("xx*****9999")),
            key("none", None),
            key("blank", Some("********")),
        ];
        let found = candidates(&keys, &pasted(&format!("  \"{FULL}\"\n")));
        assert_eq!(found.matches, [(0, 6), (1, 4)]);
        assert_eq!(found.unknown, 2);
    }

    #[test]
    fn the_value_is_tidied_checked_and_never_printed() {
        assert_eq!(PastedValue::parse("  "), None);
        assert_eq!(PastedValue::parse("two words"), None);
        assert!(pasted(FULL).looks_like_a_key());
        assert!(!pasted("xx1343").looks_like_a_key());
        assert!(!pasted("Bearer-abc").looks_like_a_key());
        assert_eq!(format!("{:?}", pasted(FULL)), "PastedValue(<hidden>)");
    }
}
