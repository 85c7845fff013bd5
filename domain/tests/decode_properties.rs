//! Property tests: a list body decoded as it arrives, in pieces of any size and with any
//! budget, gives exactly what decoding it whole gives, errors included.

use domain::decode::{decode_list, ListDecoder, MAX_ELEMENT_BYTES, MAX_ELEMENT_DEPTH};
use domain::model::{ApiKey, Privilege};
use proptest::prelude::*;

/// Bodies near and far from valid lists: elements of several shapes, odd separators and
/// whitespace, strings with brackets, commas, escapes and non-ASCII text, truncations.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let element = prop_oneof![
        r#"\{"owner":"[A-Z_,\]\[\{\} é\\"]{0,12}","targetDomain":"[A-Z_]{1,10}"\}"#,
        r#"\{"owner":"O","targetDomain":"D","targetIds":\["[a-z,\]]{0,6}"\]\}"#,
        "[0-9]{1,4}",
        r#""[a-z\]\[,]{0,5}""#,
        r#"\{"no":\[1,\{"a":"\]"\}\]\}"#,
        "null",
    ];
    (
        prop::collection::vec(element, 0..12),
        prop_oneof![Just(","), Just(" , "), Just(",\n"), Just(",,"), Just(" ")],
        prop_oneof![Just("["), Just(" \n["), Just("{"), Just("")],
        prop_oneof![Just("]"), Just("] "), Just(""), Just("]x"), Just("]]")],
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(|(elements, separator, open, close, cut, truncate)| {
            let mut body = format!("{open}{}{close}", elements.join(separator)).into_bytes();
            if truncate && !body.is_empty() {
                body.truncate(cut.index(body.len()));
            }
            body
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn decoding_in_pieces_is_decoding_whole(body in body(), piece in 1usize..40, budget in 0usize..200) {
        let whole = decode_list::<Privilege>(&body);
        let mut decoder = ListDecoder::<Privilege>::new();
        let mut failed = None;
        for chunk in body.chunks(piece) {
            decoder.feed(chunk);
            loop {
                match decoder.decode_some(budget) {
                    Ok(true) => continue,
                    Ok(false) => break,
                    Err(e) => { failed = Some(e); break; }
                }
            }
            if failed.is_some() { break; }
        }
        let pieces = match failed {
            Some(e) => Err(e),
            None => decoder.finish(),
        };
        prop_assert_eq!(pieces, whole);
    }
}

/// A long list fed in network-sized chunks is never held whole: the decoder keeps at most
/// about twice a chunk (decoded bytes are let go once they outnumber the rest).
#[test]
fn a_long_list_is_not_held_whole_while_it_is_decoded() {
    let element = r#"{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY","targetId":"*"}"#;
    let body = format!("[{}]", vec![element; 20_000].join(","));
    let chunk = 64 * 1024;
    let mut decoder = ListDecoder::<Privilege>::new();
    let mut most_held = 0;
    for piece in body.as_bytes().chunks(chunk) {
        decoder.feed(piece);
        while decoder.decode_some(16 * 1024).expect("a list") {}
        most_held = most_held.max(decoder.held_bytes());
    }
    assert!(body.len() > 20 * chunk);
    assert!(
        most_held <= 2 * chunk,
        "held {most_held} bytes of {}",
        body.len()
    );
    assert_eq!(decoder.finish().expect("a list").items.len(), 20_000);
}

// Regression: one key nested deeper than 128 levels failed the whole list.
#[test]
fn a_key_nested_too_deeply_is_skipped_and_counted() {
    let deep = format!(
        r#"{{"id":"deep","displayName":{}"x"{}}}"#,
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    let body = format!(r#"[{{"id":"a"}},{deep},{{"id":"b"}}]"#);
    let decoded = decode_list::<ApiKey>(&body).expect("a list");
    let ids: Vec<&str> = decoded.items.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!((decoded.skipped, decoded.too_large), (1, 0));
    // Nesting a reader can take is read as usual.
    let nested = format!(
        r#"[{{"id":"n","junk":{}1{}}}]"#,
        "[".repeat(MAX_ELEMENT_DEPTH - 1),
        "]".repeat(MAX_ELEMENT_DEPTH - 1)
    );
    assert_eq!(
        decode_list::<ApiKey>(&nested).expect("a list").items.len(),
        1
    );
}

// Regression: 20 keys with 5 MB names were read whole, and the page trapped.
#[test]
fn an_entry_over_the_limit_is_skipped_without_being_held_whole() {
    let big = format!(r#"{{"id":"big","displayName":"{}"}}"#, "x".repeat(5 << 20));
    let body = format!(r#"[{{"id":"a"}},{big},{{"id":"b"}},{big}]"#);
    let mut decoder = ListDecoder::<ApiKey>::new();
    let mut most_held = 0;
    for piece in body.as_bytes().chunks(64 * 1024) {
        decoder.feed(piece);
        while decoder.decode_some(16 * 1024).expect("a list") {}
        most_held = most_held.max(decoder.held_bytes());
    }
    assert!(
        most_held <= MAX_ELEMENT_BYTES + 128 * 1024,
        "held {most_held} bytes"
    );
    let decoded = decoder.finish().expect("a list");
    let ids: Vec<&str> = decoded.items.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!((decoded.skipped, decoded.too_large), (2, 2));
    // Just under the limit, an entry is read.
    let name = "y".repeat(MAX_ELEMENT_BYTES - 40);
    let fits = format!(r#"[{{"id":"fits","displayName":"{name}"}}]"#);
    let decoded = decode_list::<ApiKey>(&fits).expect("a list");
    assert_eq!((decoded.items.len(), decoded.skipped), (1, 0));
}
