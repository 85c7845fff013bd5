//! Text folding for search: case- and accent-insensitive ("Café" matches "cafe"), and
//! plural-insensitive where the text asks for it ("source" finds "Sources").

use std::borrow::Cow;

/// Appends the folded form of `c` to `out`: decomposed, marks dropped, lower-cased.
fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        unicode::push_folded(c, out);
    }
}

/// `push_folded(c, out)` appends `c`'s canonical decomposition without its combining
/// marks, lower-cased ("É" -> "e"). In the browser the JavaScript engine's own Unicode
/// tables do it (`normalize`, `\p{M}`, `toLowerCase`): shipping a second copy of the
/// decomposition and case tables in the wasm cost 36 KB gzip of a 150 KB page budget. On
/// the host, a crate and the standard library do it. Both follow the Unicode standard; the
/// browser tests check the browser side against the same cases.
#[cfg(not(target_arch = "wasm32"))]
mod unicode {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};

    pub fn push_folded(c: char, out: &mut String) {
        decompose_canonical(c, |part| {
            if !is_combining_mark(part) {
                out.extend(part.to_lowercase());
            }
        });
    }
}

#[cfg(target_arch = "wasm32")]
mod unicode {
    use js_sys::{JsString, RegExp};

    thread_local! {
        static MARKS: RegExp = RegExp::new("\\p{M}", "gu");
    }

    pub fn push_folded(c: char, out: &mut String) {
        let mut utf8 = [0; 4];
        let decomposed = JsString::from(&*c.encode_utf8(&mut utf8)).normalize("NFD");
        let base = MARKS.with(|marks| decomposed.replace_by_pattern(marks, ""));
        out.push_str(&String::from(base.to_lower_case()));
    }
}

/// The folded form of `text`, for matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out`. ASCII text, nearly all of what keys hold,
/// is copied whole and lower-cased in place rather than a char at a time.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        for c in text.chars() {
            fold_char_into(c, out);
        }
    }
}

/// A folded text that remembers, for each folded byte, the original byte it came from,
/// so matches found in the folded text can be shown in the original.
pub struct FoldedMap {
    pub folded: String,
    /// `origin[i]` is the start of the original char that produced folded byte `i`;
    /// one extra entry holds the original length.
    origin: Vec<usize>,
}

impl FoldedMap {
    pub fn new(text: &str) -> FoldedMap {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        for (start, c) in text.char_indices() {
            let before = folded.len();
            fold_char_into(c, &mut folded);
            origin.extend(std::iter::repeat_n(start, folded.len() - before));
        }
        origin.push(text.len());
        FoldedMap { folded, origin }
    }

    /// The original byte range covering folded bytes `start..end`.
    pub fn original_range(&self, start: usize, end: usize, text: &str) -> (usize, usize) {
        let from = self.origin[start];
        // The end extends to the end of the original char the last folded byte came from.
        let last = self.origin[end - 1];
        let to = text[last..]
            .chars()
            .next()
            .map_or(text.len(), |c| last + c.len_utf8());
        (from, to)
    }
}

/// The words of a query, folded; empty words are dropped.
pub fn query_words(query: &str) -> Vec<String> {
    query.split_whitespace().map(fold).collect()
}

/// The singular of a folded English word, by the plural's usual spelling: "queries" ->
/// "query", "sources" -> "source", "searches" -> "search". Other words come back as
/// they are ("access", "status", "analysis").
pub fn singular(word: &str) -> Cow<'_, str> {
    let long = word.len() >= 4;
    if long && word.ends_with("ies") {
        return Cow::Owned(format!("{}y", &word[..word.len() - 3]));
    }
    if ["sses", "shes", "ches", "xes", "zes"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        return Cow::Borrowed(&word[..word.len() - 2]);
    }
    if long && word.ends_with('s') && !["ss", "us", "is"].iter().any(|end| word.ends_with(end)) {
        return Cow::Borrowed(&word[..word.len() - 1]);
    }
    Cow::Borrowed(word)
}

/// Appends `text` folded, then the singular of each of its words that is a plural, so
/// that a search for "query" finds "Execute queries".
pub fn fold_for_search(text: &str, out: &mut String) {
    let start = out.len();
    fold_into(text, out);
    let folded = out[start..].to_owned();
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        let one = singular(word);
        if one != word {
            out.push(' ');
            out.push_str(&one);
        }
    }
}

/// Whether a word of `text` starts with `term`: "source" finds "sources" but not
/// "resources". A word starts after anything but a letter or a digit; a term that starts
/// with neither (`_019`) is found anywhere.
pub fn has_word_starting(text: &str, term: &str) -> bool {
    let anywhere = !term.chars().next().is_some_and(char::is_alphanumeric);
    text.match_indices(term).any(|(at, _)| {
        anywhere
            || !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// The words of a query, folded and in the singular: matched against text prepared by
/// [`fold_for_search`], a word typed in the plural or the singular finds both.
pub fn search_terms(query: &str) -> Vec<String> {
    query_words(query)
        .iter()
        .map(|w| singular(w).into_owned())
        .collect()
}

/// The cases both sides' Unicode tables are tested against: here on the host, in
/// `tests/core_in_browser.rs` in the browser.
#[doc(hidden)]
pub mod cases {
    /// Texts and their folded forms: Latin, Greek, Cyrillic, scripts without case, and
    /// an accent written as a combining mark.
    pub const FOLDED: &[(&str, &str)] = &[
        ("Café CRÈME Ångström", "cafe creme angstrom"),
        ("ŒUVRE straße", "œuvre straße"),
        ("日本語 ok", "日本語 ok"),
        ("Ελληνικά Ёлка Ωμέγα", "ελληνικα елка ωμεγα"),
        ("ΣΟΦΊΑ İstanbul ÆSIR", "σοφια istanbul æsir"),
        ("Cafe\u{301}", "cafe"),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        for &(text, folded) in cases::FOLDED {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn folding_into_a_text_appends_the_folded_form() {
        let mut out = String::from("Kept: ");
        fold_into("ASCII Only", &mut out);
        fold_into(" Café", &mut out);
        assert_eq!(out, "Kept: ascii only cafe");
    }

    #[test]
    fn plurals_meet_their_singular() {
        for (plural, one) in [
            ("queries", "query"),
            ("sources", "source"),
            ("searches", "search"),
            ("boxes", "box"),
            ("access", "access"),
            ("status", "status"),
            ("analysis", "analysis"),
            ("keys", "key"),
            ("ids", "ids"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
        let mut text = String::new();
        fold_for_search("Execute Queries · Sources", &mut text);
        for term in search_terms("query SOURCES execute") {
            assert!(has_word_starting(&text, &term), "{term} in {text}");
        }
        assert!(has_word_starting("sources", "sour"));
        assert!(!has_word_starting("resources", "source"));
        assert!(has_word_starting("domain_0190_source", "_019"));
    }

    #[test]
    fn maps_folded_matches_back_to_the_original() {
        let text = "Le Café, é";
        let map = FoldedMap::new(text);
        let at = map.folded.find("cafe").unwrap();
        let (from, to) = map.original_range(at, at + 4, text);
        assert_eq!(&text[from..to], "Café");
    }
}
