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

/// Page objects as a host might send them: `items` among other members in any order, the
/// totals as numbers or not, other values of any shape with brackets, quotes and escapes.
fn page_body() -> impl Strategy<Value = String> {
    // `Q` stands for an escaped quote.
    let quoted = |text: String| text.replace('Q', "\\\"");
    let element = prop_oneof![
        r#"\{"owner":"[A-Z_,\]\[\{\} éQ]{0,12}","targetDomain":"[A-Z_]{1,10}"\}"#.prop_map(quoted),
        "[1-9][0-9]{0,3}".prop_map(String::from),
        r#""[a-z\]\[,\}\{:Q]{0,5}""#.prop_map(quoted),
        Just("null".to_string()),
    ];
    let other = prop_oneof![
        r#""[a-z\]\[,\}\{:Q]{0,20}""#.prop_map(quoted),
        r#"\{"a":\[1,\{"items":"\]\}"\}\]\}"#,
        "[1-9][0-9]{0,29}",
        Just("[]".to_string()),
        Just("true".to_string()),
    ];
    (
        prop::collection::vec(element, 0..20),
        prop::collection::vec((r#"[a-zA-Z]{1,12}"#, other), 0..4),
        prop::option::of(prop_oneof!["[1-9][0-9]{0,4}", Just("\"3\"".to_string())]),
        prop::option::of("[1-9][0-9]{0,4}"),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(elements, others, pages, entries, at)| {
            let mut members: Vec<String> = others
                .into_iter()
                .map(|(name, value)| format!(r#""x{name}" : {value}"#))
                .collect();
            members.extend(pages.map(|p| format!(r#""totalPages":{p}"#)));
            members.extend(entries.map(|e| format!(r#""totalEntries": {e}"#)));
            let items = format!(r#""items": [ {} ]"#, elements.join(", "));
            let at = at.index(members.len() + 1);
            members.insert(at, items);
            format!(" {{ {} }} ", members.join(" ,\n"))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn a_page_object_in_pieces_gives_its_items_and_totals(
        body in page_body(), piece in 1usize..40, budget in 0usize..200, limit in 0usize..25,
    ) {
        let whole: serde_json::Value = serde_json::from_str(&body).unwrap();
        let (mut kept, mut skipped, mut beyond) = (Vec::new(), 0, 0);
        for item in whole["items"].as_array().unwrap() {
            if kept.len() >= limit {
                beyond += 1;
            } else {
                match serde_json::from_str::<Privilege>(&item.to_string()) {
                    Ok(p) => kept.push(p),
                    Err(_) => skipped += 1,
                }
            }
        }
        let mut decoder = ListDecoder::<Privilege>::new().paged().keeping_at_most(limit);
        for chunk in body.as_bytes().chunks(piece) {
            decoder.feed(chunk);
            while decoder.decode_some(budget).unwrap() {}
        }
        let page = decoder.finish_page().unwrap();
        prop_assert_eq!(page.decoded.items, kept);
        prop_assert_eq!(page.decoded.skipped, skipped);
        prop_assert_eq!(page.beyond, beyond);
        prop_assert_eq!(page.total_pages, whole["totalPages"].as_u64());
        prop_assert_eq!(page.total_entries, whole["totalEntries"].as_u64());
        prop_assert!(page.is_page_object);
    }

    #[test]
    fn a_page_object_cut_short_is_incomplete(body in page_body(), cut in any::<prop::sample::Index>()) {
        let body = body.trim_end();
        let cut = &body.as_bytes()[..cut.index(body.len())];
        let mut decoder = ListDecoder::<Privilege>::new().paged();
        decoder.feed(cut);
        let result = decoder.finish_page();
        prop_assert!(result.is_err(), "{:?}", String::from_utf8_lossy(cut));
    }
}

#[test]
fn a_page_object_is_read_only_when_asked_and_must_hold_items() {
    let read = |body: &str| {
        let mut decoder = ListDecoder::<Privilege>::new().paged();
        decoder.feed(body.as_bytes());
        decoder.finish_page().map(|p| p.decoded.items.len())
    };
    assert_eq!(
        read(r#"{"totalPages":1}"#),
        Err(domain::decode::DecodeError::NotAList { found: "an object" })
    );
    assert_eq!(
        read(r#"{"items":null,"totalPages":1}"#),
        Err(domain::decode::DecodeError::NotAList { found: "an object" })
    );
    assert_eq!(read(r#"[{"owner":"A","targetDomain":"B"}]"#), Ok(1));
    assert_eq!(
        read(r#"{}"#),
        Err(domain::decode::DecodeError::NotAList { found: "an object" })
    );
    assert_eq!(
        read(r#"{"items":[]}x"#),
        Err(domain::decode::DecodeError::NotJson)
    );
    // Not paged: an object is no list.
    assert_eq!(
        decode_list::<Privilege>(r#"{"items":[]}"#),
        Err(domain::decode::DecodeError::NotAList { found: "an object" })
    );
}

/// A page whose other members are huge is not held whole: their bytes go as they come.
#[test]
fn a_huge_member_of_a_page_is_let_go_as_it_comes() {
    let mut decoder = ListDecoder::<Privilege>::new().paged();
    decoder.feed(br#"{"junk":""#);
    let chunk = vec![b'x'; 64 * 1024];
    let mut most = 0;
    for _ in 0..200 {
        decoder.feed(&chunk);
        while decoder.decode_some(16 * 1024).unwrap() {}
        most = most.max(decoder.held_bytes());
    }
    decoder.feed(br#"","items":[{"owner":"A","targetDomain":"B"}],"totalPages":2}"#);
    let page = decoder.finish_page().unwrap();
    assert_eq!(page.decoded.items.len(), 1);
    assert_eq!(page.total_pages, Some(2));
    assert!(most <= 2 * chunk.len(), "held {most} bytes");
}
