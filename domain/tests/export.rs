//! Exporting the key list: CSV quoted per RFC 4180 and safe in a spreadsheet, JSON that
//! reads back as the same keys, dates in UTC.

use domain::decode::decode_list;
use domain::export::{push_cell, rfc3339, to_csv, to_json, CSV_COLUMNS};
use domain::model::{ApiKey, Timestamp};

fn keys() -> Vec<ApiKey> {
    decode_list(
        r#"[
        {"id":"k1","displayName":"=HYPERLINK(\"http://evil\")","description":"a, \"quoted\"\nline",
         "value":"xx*****1343","status":"ENABLED","createdDate":1614969486000,"createdBy":"-bob",
         "privileges":[{"owner":"PLATFORM","targetDomain":"SOURCE","type":"EDIT","targetIds":["abc","def"]},
                       {"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY","targetId":"*"}],
         "aFieldFromTheFuture":{"x":1}},
        {"id":"k2","displayName":"@SUM(A1)","description":"+1 and \t tab"}
    ]"#,
    )
    .unwrap()
    .items
}

/// A CSV read back per RFC 4180 (quotes doubled inside quoted fields).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_is_quoted_per_rfc_4180_and_reads_back() {
    let csv = to_csv(&keys());
    assert!(csv.ends_with("\r\n"));
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0], CSV_COLUMNS);
    assert_eq!(rows[1][0], "k1");
    assert_eq!(rows[1][2], "a, \"quoted\"\nline");
    assert_eq!(rows[1][4], "xx*****1343", "the value stays masked");
    assert_eq!(rows[1][6], "2021-03-05T18:38:06Z");
    assert_eq!(
        rows[1][11],
        "PLATFORM.SOURCE.EDIT:abc,def SEARCH_API.EXECUTE_QUERY"
    );
    assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
}

#[test]
fn a_cell_a_spreadsheet_would_run_is_neutralised() {
    let rows = parse_csv(&to_csv(&keys()));
    assert_eq!(rows[1][1], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(rows[1][7], "'-bob");
    assert_eq!(rows[2][1], "'@SUM(A1)");
    assert_eq!(rows[2][2], "'+1 and \t tab");
    for start in ["=", "+", "-", "@", "\t", "\r"] {
        let mut out = String::new();
        push_cell(&mut out, &format!("{start}1"));
        assert!(out.starts_with("\"'"), "{start:?}: {out}");
    }
    let mut plain = String::new();
    push_cell(&mut plain, "plain text");
    assert_eq!(plain, "plain text");
}

#[test]
fn json_reads_back_as_the_same_keys() {
    let keys = keys();
    let json = to_json(&keys);
    let again: Vec<ApiKey> = decode_list(&json).unwrap().items;
    assert_eq!(again, keys);
}

#[test]
fn dates_are_utc_rfc_3339() {
    assert_eq!(rfc3339(Timestamp(0)), "1970-01-01T00:00:00Z");
    assert_eq!(rfc3339(Timestamp(951_782_400_000)), "2000-02-29T00:00:00Z");
    assert_eq!(
        rfc3339(Timestamp(1_764_000_000_123)),
        "2025-11-24T16:00:00.123Z"
    );
    assert_eq!(rfc3339(Timestamp(-1)), "1969-12-31T23:59:59.999Z");
}

/// The pieces a spreadsheet makes of a CSV line when its list separator is `sep`: it cuts
/// at `sep` and at line breaks, and reads a quote only at the start of a piece (as Excel
/// and LibreOffice do when the file's separator is not theirs).
fn pieces(csv: &str, sep: char) -> Vec<String> {
    let (mut pieces, mut piece) = (Vec::new(), String::new());
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                piece.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => piece.push(c),
            (false, '"') if piece.is_empty() => quoted = true,
            (false, c) if c == sep || c == '\r' || c == '\n' => {
                pieces.push(std::mem::take(&mut piece))
            }
            (false, c) => piece.push(c),
        }
    }
    pieces.push(piece);
    pieces
}

/// Whether a spreadsheet would run `piece`: its first character, after spaces and quotes,
/// starts a formula.
fn runs(piece: &str) -> bool {
    piece
        .trim_start_matches([' ', '"'])
        .starts_with(['=', '+', '-', '@'])
}

/// A key with `text` in every field the CSV writes from the API's text.
fn key_with_everywhere(text: &str) -> ApiKey {
    let json = serde_json::json!({
        "id": text, "displayName": text, "description": text, "status": text, "value": text,
        "privacyLevel": text, "createdBy": text, "apiKeyTemplateId": text,
        "privileges": [{"owner": text, "targetDomain": text, "type": text, "targetIds": [text, text]}],
        "allowedIps": [text, text], "deniedIps": [text],
        "exposureReport": {"severity": text},
    });
    decode_list::<ApiKey>(format!("[{json}]"))
        .unwrap()
        .items
        .remove(0)
}

#[test]
fn a_formula_behind_a_semicolon_a_tab_or_a_line_break_is_neutralised_in_every_field() {
    for (text, kept) in [
        ("ok;=1+1", "ok;'=1+1"),
        ("ok; =1+1", "ok;' =1+1"),
        ("ok;\"=1+1", "ok;'\"=1+1"),
        ("a\t+cmd", "a\t'+cmd"),
        ("line\n-2", "line\n'-2"),
        ("line\r\n@SUM(A1)", "line\r\n'@SUM(A1)"),
        ("=1;@2\t+3\n-4", "'=1;'@2\t'+3\n'-4"),
        ("a;b\tc", "a;b\tc"),
    ] {
        let csv = to_csv([&key_with_everywhere(text)]);
        for sep in [',', ';', '\t'] {
            let running: Vec<String> = pieces(&csv, sep).into_iter().filter(|p| runs(p)).collect();
            assert!(
                running.is_empty(),
                "{text:?}, separator {sep:?}: {running:?}"
            );
        }
        // Read as RFC 4180 says, each cell keeps its text, with a `'` before each piece
        // that would have run.
        let rows = parse_csv(&csv);
        assert_eq!(rows[1][1], kept);
    }
}

proptest::proptest! {
    #[test]
    fn no_piece_of_any_field_runs_whatever_the_separator(
        text in "[a;\t\r\n, \"=+@-]{0,12}"
    ) {
        let csv = to_csv([&key_with_everywhere(&text)]);
        for sep in [',', ';', '\t'] {
            let running: Vec<String> = pieces(&csv, sep).into_iter().filter(|p| runs(p)).collect();
            proptest::prop_assert!(running.is_empty(), "{:?}, separator {:?}: {:?}", text, sep, running);
        }
        // The comma reading gives every column back, each cell's text kept but for the
        // `'` guards.
        let rows = parse_csv(&csv);
        proptest::prop_assert_eq!(rows.len(), 2);
        proptest::prop_assert_eq!(rows[1].len(), CSV_COLUMNS.len());
        proptest::prop_assert_eq!(rows[1][2].replace('\'', ""), text.replace('\'', ""));
    }
}
