//! The token taken out of whatever a server echoes back, in every form it might take.

use domain::redact::{Redactor, MIN_RUN, REDACTED};

const TOKEN: &str = "xx1b3e7c2a-4f5d-4c1a-9e8b-0d2f6a7c1b3e";

fn redact(text: &str) -> String {
    Redactor::new(TOKEN)
        .unwrap()
        .redact(text)
        .unwrap_or_else(|| text.to_owned())
}

fn base64(bytes: &[u8], alphabet: &[u8]) -> String {
    bytes
        .chunks(3)
        .flat_map(|chunk| {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            (0..=chunk.len()).map(move |k| alphabet[(n >> (18 - 6 * k) & 63) as usize] as char)
        })
        .collect()
}

const STANDARD: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn assert_hidden(text: &str) {
    let shown = redact(text);
    assert!(shown.contains(REDACTED), "not redacted: {shown}");
    let lower = shown.to_ascii_lowercase();
    for run in TOKEN.as_bytes().windows(MIN_RUN) {
        let run = std::str::from_utf8(run).unwrap();
        assert!(!lower.contains(run), "{run} left in {shown}");
    }
}

// Regression: only exact copies of the token were redacted.
#[test]
fn the_token_is_hidden_in_any_case() {
    assert_eq!(
        redact(&format!("Token {TOKEN} expired")),
        format!("Token {REDACTED} expired")
    );
    assert_hidden(&format!("Token {} expired", TOKEN.to_ascii_uppercase()));
    assert_hidden("Token Xx1B3e7C2a-4F5d-4C1a-9E8b-0D2f6A7c1B3e expired");
}

#[test]
fn the_token_is_hidden_when_url_encoded_or_json_escaped() {
    let every_char_encoded: String = TOKEN.bytes().map(|b| format!("%{b:02X}")).collect();
    assert_hidden(&format!("GET /x?access_token={every_char_encoded} refused"));
    let lower_hex: String = TOKEN.bytes().map(|b| format!("%{b:02x}")).collect();
    assert_hidden(&lower_hex);
    let escaped: String = TOKEN
        .chars()
        .map(|c| format!("\\u{:04x}", c as u32))
        .collect();
    assert_hidden(&format!(r#"{{"echo":"{escaped}"}}"#));
    let mixed = TOKEN.replace('-', "\\u002D");
    assert_hidden(&mixed);
}

#[test]
fn the_token_is_hidden_in_base64_at_any_alignment() {
    for prefix in ["", "a", "ab", "Bearer ", "Authorization: Bearer "] {
        for alphabet in [STANDARD, URL_SAFE] {
            let encoded = base64(format!("{prefix}{TOKEN}!").as_bytes(), alphabet);
            // The characters that encode the token's bits alone are the ones hidden.
            let first = (8 * prefix.len()).div_ceil(6);
            let last = 8 * (prefix.len() + TOKEN.len()) / 6;
            assert_eq!(
                redact(&format!("header was {encoded}")),
                format!(
                    "header was {}{REDACTED}{}",
                    &encoded[..first],
                    &encoded[last..]
                ),
                "{prefix:?}"
            );
        }
    }
}

#[test]
fn any_run_of_twelve_of_its_characters_is_hidden() {
    let prefix = &TOKEN[..MIN_RUN];
    assert_eq!(
        redact(&format!("bad token {prefix}...")),
        format!("bad token {REDACTED}...")
    );
    let middle = &TOKEN[10..30];
    assert_eq!(redact(&format!("[{middle}]")), format!("[{REDACTED}]"));
    // Eleven characters are ordinary text.
    let short = &TOKEN[..MIN_RUN - 1];
    assert_eq!(redact(&format!("x {short} y")), format!("x {short} y"));
    // Two copies, apart.
    assert_eq!(
        redact(&format!("{TOKEN} and {TOKEN}")),
        format!("{REDACTED} and {REDACTED}")
    );
}

#[test]
fn text_without_the_token_is_left_as_it_is() {
    let redactor = Redactor::new(TOKEN).unwrap();
    for text in [
        "",
        "Access denied.",
        "%%%\\u00",
        "\\",
        "café ☕ %C3%A9 \\u00e9",
        "%zz",
    ] {
        assert_eq!(redactor.redact(text), None, "{text}");
    }
    assert!(Redactor::new("").is_none());
}

#[test]
fn a_short_secret_counts_whole() {
    let redactor = Redactor::new("abc123").unwrap();
    assert_eq!(
        redactor.redact("x ABC123 y").as_deref(),
        Some("x [token] y")
    );
    assert_eq!(redactor.redact("x abc12 y"), None);
}

#[test]
fn non_ascii_text_around_a_copy_stays_whole() {
    let shown = redact(&format!("é{TOKEN}☕%{}", "41"));
    assert_eq!(shown, format!("é{REDACTED}☕%41"));
}

#[test]
fn a_long_hostile_text_is_redacted_in_linear_time() {
    // 64 KB (the most of an error body that is read) of near-copies.
    let near = &TOKEN[..MIN_RUN - 1];
    let text = format!("{near} ").repeat(64 * 1024 / (MIN_RUN));
    let started = std::time::Instant::now();
    assert_eq!(redact(&text), text);
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn a_list_that_echoes_the_token_is_read_with_it_taken_out_of_every_field() {
    use domain::decode::ListDecoder;
    use domain::export::{to_csv, to_json};
    use domain::model::ApiKey;
    use domain::secrets::LinkSecrets;
    use domain::url_state::UrlState;

    let body = format!(
        r#"[{{"id":"{TOKEN}","displayName":"named {TOKEN}","description":"in \u0022quotes\u0022 {upper}",
            "createdBy":"{TOKEN}@example.com","aFieldFromTheFuture":{{"deep":["{TOKEN}"]}},
            "privileges":[{{"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW","targetIds":["{TOKEN}"]}}]}},
           {{"id":"plainkey","displayName":"no secret here"}}]"#,
        upper = TOKEN.to_uppercase()
    );
    let mut decoder = ListDecoder::<ApiKey>::new().redacting(Redactor::new(TOKEN));
    // In pieces, as the network brings it.
    for piece in body.as_bytes().chunks(7) {
        decoder.feed(piece);
        while decoder.decode_some(64).unwrap() {}
    }
    let keys = decoder.finish().unwrap().items;
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0].id, REDACTED);
    assert_eq!(keys[0].display_name.as_deref(), Some("named [token]"));
    assert_eq!(keys[1].display_name.as_deref(), Some("no secret here"));
    let files = format!("{}{}", to_csv(&keys), to_json(&keys));
    assert!(
        !files
            .to_lowercase()
            .contains(&TOKEN.to_lowercase()[..MIN_RUN]),
        "{files}"
    );
    assert!(files.contains("[token]"));
    // The key whose id held the token is never put in a link.
    let mut state = UrlState::default();
    state.keys.selected = Some(keys[0].id.clone());
    assert_eq!(state.to_query(&LinkSecrets::default()), "");
}
