//! Small wording helpers shared by the views.

/// "1 API key", "3,402 API keys": a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// 3402 -> "3,402".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A piece of a message: plain text, or code to show as code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span<'a> {
    pub text: &'a str,
    pub code: bool,
}

/// Splits a message whose code is between backticks ("serve it with `trunk serve`") into
/// text and code; the backticks are not shown. An unpaired backtick is kept as text.
pub fn code_spans(message: &str) -> Vec<Span<'_>> {
    let mut spans = Vec::new();
    let mut rest = message;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        if open > 0 {
            spans.push(Span {
                text: &rest[..open],
                code: false,
            });
        }
        spans.push(Span {
            text: &rest[open + 1..open + 1 + len],
            code: true,
        });
        rest = &rest[open + len + 2..];
    }
    if !rest.is_empty() {
        spans.push(Span {
            text: rest,
            code: false,
        });
    }
    spans
}

/// `text`'s first `max` characters, when it has more: what a table cell shows of it.
pub fn clipped(text: &str, max: usize) -> Option<&str> {
    text.char_indices().nth(max).map(|(at, _)| &text[..at])
}

/// The first `shown` of `items` joined by `separator`, then "and N more" for the rest.
pub fn first_of(items: &[String], shown: usize, separator: &str) -> String {
    let mut words = items[..items.len().min(shown)].join(separator);
    if items.len() > shown {
        words.push_str(&format!(" and {} more", thousands(items.len() - shown)));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_and_lists_are_cut_where_asked() {
        assert_eq!(clipped("héllo", 2), Some("hé"));
        assert_eq!(clipped("héllo", 5), None);
        let items: Vec<String> = (0..25).map(|i| i.to_string()).collect();
        assert_eq!(first_of(&items[..3], 3, ", "), "0, 1, 2");
        assert_eq!(first_of(&items, 2, ", "), "0, 1 and 23 more");
    }

    #[test]
    fn counts_agree_in_number_and_group_thousands() {
        assert_eq!(count(0, "key", "keys"), "0 keys");
        assert_eq!(count(1, "key", "keys"), "1 key");
        assert_eq!(count(10_000, "key", "keys"), "10,000 keys");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn code_between_backticks_is_told_apart_and_shown_without_them() {
        let text = |t| Span {
            text: t,
            code: false,
        };
        let code = |t| Span {
            text: t,
            code: true,
        };
        assert_eq!(
            code_spans("serve it with `trunk serve` and set `/coveo`."),
            [
                text("serve it with "),
                code("trunk serve"),
                text(" and set "),
                code("/coveo"),
                text(".")
            ]
        );
        assert_eq!(code_spans("`a`"), [code("a")]);
        assert_eq!(code_spans("no code"), [text("no code")]);
        assert_eq!(code_spans("one ` alone"), [text("one ` alone")]);
        assert_eq!(code_spans(""), []);
    }
}
