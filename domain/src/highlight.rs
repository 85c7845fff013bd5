//! Splits a text into the parts a search matched and the parts it did not, for display.

use crate::fold::FoldedMap;

/// A run of text, matched by the search or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// The most matches marked in one text: past them the text is plain. A name made of the
/// same word a million times would otherwise become a million `<mark>`s.
pub const MAX_MARKS: usize = 32;

/// Segments of `text` where any of the folded `words` occurs (case- and accent-insensitive),
/// the first [`MAX_MARKS`] of them marked.
pub fn highlight(text: &str, words: &[String]) -> Vec<Segment> {
    let map = FoldedMap::new(text);
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for word in words.iter().filter(|w| !w.is_empty()) {
        let mut from = 0;
        // The first MAX_MARKS of each word hold the first MAX_MARKS of all.
        let mut found = 0;
        while let Some(at) = map.folded[from..].find(word.as_str()) {
            let start = from + at;
            ranges.push(map.original_range(start, start + word.len(), text));
            from = start + word.len();
            found += 1;
            if found == MAX_MARKS {
                break;
            }
        }
    }
    ranges.sort_unstable();
    let mut segments = Vec::new();
    let mut cursor = 0;
    let mut marks = 0;
    for (start, end) in ranges {
        if end <= cursor {
            continue;
        }
        if marks == MAX_MARKS {
            break;
        }
        marks += 1;
        let start = start.max(cursor);
        if start > cursor {
            segments.push(Segment {
                text: text[cursor..start].to_owned(),
                hit: false,
            });
        }
        segments.push(Segment {
            text: text[start..end].to_owned(),
            hit: true,
        });
        cursor = end;
    }
    if cursor < text.len() || segments.is_empty() {
        segments.push(Segment {
            text: text[cursor..].to_owned(),
            hit: false,
        });
    }
    segments
}
