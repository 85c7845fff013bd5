//! Decoding keys and privileges: the seed documents' samples, both shapes of every
//! field the sources disagree on, and hostile or partial JSON.

use domain::decode::{decode_list, DecodeError};
use domain::demo::{demo_keys, demo_privileges};
use domain::model::{ApiKey, CreatedBy, Privilege, Target, Timestamp};

fn keys(body: &str) -> Vec<ApiKey> {
    decode_list(body).expect("a list").items
}

#[test]
fn seed_sample_key_decodes_with_its_id() {
    // The "Get the apiKeyId" sample response, with its elided fields left out.
    let body = r#"[{"id":"wduuqg3ip2c3i3gpopapxhcgxe","value":"**********-****-****-****-********1b3e",
        "organizationId":"mycoveocloudv2organization","displayName":"My Source API Key",
        "description":"An API key to edit and view sources."}]"#;
    let key = &keys(body)[0];
    assert_eq!(key.id, "wduuqg3ip2c3i3gpopapxhcgxe");
    assert_eq!(key.display_name.as_deref(), Some("My Source API Key"));
    assert_eq!(
        key.value.as_deref(),
        Some("**********-****-****-****-********1b3e")
    );
    assert!(key.privileges.is_empty());
    assert_eq!(key.status_label(), "UNKNOWN");
}

#[test]
fn seed_sample_privileges_decode_in_the_legacy_shape() {
    let body = r#"[{"targetDomain":"AUTHENTICATION_EDITOR","targetIds":[],"owner":"SEARCH_API","global":false},
        {"type":"EDIT","targetDomain":"ON_PREMISE_ADMINISTRATION","targetIds":[],"owner":"PLATFORM","global":false}]"#;
    let privileges: Vec<Privilege> = decode_list(body).unwrap().items;
    assert_eq!(
        privileges,
        vec![
            Privilege {
                owner: "SEARCH_API".into(),
                target_domain: "AUTHENTICATION_EDITOR".into(),
                kind: None,
                target: Target::Unspecified,
                level: None,
            },
            Privilege {
                owner: "PLATFORM".into(),
                target_domain: "ON_PREMISE_ADMINISTRATION".into(),
                kind: Some("EDIT".into()),
                target: Target::Unspecified,
                level: None,
            },
        ]
    );
}

#[test]
fn privilege_targets_read_from_both_shapes() {
    let body = r#"[
        {"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW","targetId":"*","level":"GLOBAL"},
        {"owner":"PLATFORM","targetDomain":"SOURCE","type":"EDIT","targetId":"src-1"},
        {"owner":"PLATFORM","targetDomain":"GROUP","type":"VIEW","targetIds":[],"global":true},
        {"owner":"PLATFORM","targetDomain":"GROUP","type":"EDIT","targetIds":["g1","g2"],"global":false}
    ]"#;
    let targets: Vec<(Target, Option<String>)> = decode_list::<Privilege>(body)
        .unwrap()
        .items
        .into_iter()
        .map(|p| (p.target, p.level))
        .collect();
    assert_eq!(
        targets,
        vec![
            (Target::All, Some("GLOBAL".into())),
            (Target::Only(vec!["src-1".into()]), None),
            (Target::All, None),
            (Target::Only(vec!["g1".into(), "g2".into()]), None),
        ]
    );
}

#[test]
fn dates_read_as_unix_millis_or_iso_8601() {
    let body = r#"[{"id":"a","createdDate":1614969486000,"lastUsedDate":"2021-03-05T18:38:06Z",
        "expirationDate":"2021-03-05T20:38:06.500+02:00","activationDate":"1614969486000",
        "disabledDate":"next tuesday"}]"#;
    let key = &keys(body)[0];
    assert_eq!(key.created_date, Some(Timestamp(1_614_969_486_000)));
    assert_eq!(key.last_used_date, Some(Timestamp(1_614_969_486_000)));
    assert_eq!(key.expiration_date, Some(Timestamp(1_614_969_486_500)));
    assert_eq!(key.activation_date, Some(Timestamp(1_614_969_486_000)));
    assert_eq!(
        key.disabled_date, None,
        "an unreadable date is absent, not an error"
    );
}

#[test]
fn created_by_reads_a_string_or_a_user_object() {
    let body = r#"[{"id":"a","createdBy":"alice@example.com"},
        {"id":"b","createdBy":{"username":"bob@example.com","displayName":"Bob","extra":1}},
        {"id":"c","createdBy":{"email":"carla@example.com"}},
        {"id":"d","createdBy":{}},
        {"id":"e","createdBy":42}]"#;
    let labels: Vec<Option<String>> = keys(body)
        .iter()
        .map(|k| {
            k.created_by
                .as_ref()
                .and_then(CreatedBy::label)
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(
        labels,
        vec![
            Some("alice@example.com".into()),
            Some("Bob".into()),
            Some("carla@example.com".into()),
            None,
            None
        ]
    );
}

#[test]
fn unknown_fields_are_kept_not_fatal() {
    let body = r#"[{"id":"a","someFutureField":{"x":[1,2]},"resourceId":"r-1"}]"#;
    let key = &keys(body)[0];
    assert_eq!(key.extra.len(), 2);
    assert_eq!(key.extra["resourceId"], "r-1");
}

#[test]
fn a_field_given_twice_takes_its_last_value_as_json_parsers_do() {
    let body = r#"[{"id":"a","displayName":"first","displayName":"last","x":1,"x":2}]"#;
    let key = &keys(body)[0];
    assert_eq!(key.display_name.as_deref(), Some("last"));
    assert_eq!(key.extra.len(), 1, "{:?}", key.extra);
    assert_eq!(key.extra["x"], 2);
}

#[test]
fn a_key_that_is_not_an_object_is_skipped_and_counted() {
    let decoded =
        decode_list::<ApiKey>(r#"[{"id":"a"},"b",7,[],null,{"id":"c"}]"#).expect("a list");
    let ids: Vec<&str> = decoded.items.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(decoded.skipped, 4);
}

#[test]
fn wrongly_typed_fields_become_absent_instead_of_failing_the_key() {
    let body = r#"[{"id":"a","displayName":123,"enabled":"yes","status":null,
        "privileges":[{"owner":"PLATFORM"},"junk",{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY"}],
        "allowedIps":["10.0.0.0/8",7],"createdDate":{"when":"now"}}]"#;
    let key = &keys(body)[0];
    assert_eq!(key.display_name, None);
    assert_eq!(key.enabled, None);
    assert_eq!(
        key.privileges.len(),
        1,
        "only the complete privilege is kept"
    );
    assert_eq!(key.allowed_ips, vec!["10.0.0.0/8".to_string()]);
    assert_eq!(key.created_date, None);
}

#[test]
fn entries_without_an_id_are_skipped_and_counted() {
    let decoded =
        decode_list::<ApiKey>(r#"[{"id":"a"},{"displayName":"no id"},7,null,{"id":5}]"#).unwrap();
    assert_eq!(decoded.items.len(), 1);
    assert_eq!(decoded.skipped, 4);
}

#[test]
fn hostile_markup_is_kept_verbatim_as_data() {
    let body = r#"[{"id":"a","displayName":"<img src=x onerror=alert(1)>","description":"</td><script>alert(2)</script>"}]"#;
    let key = &keys(body)[0];
    assert_eq!(
        key.display_name.as_deref(),
        Some("<img src=x onerror=alert(1)>")
    );
}

#[test]
fn bodies_are_read_as_utf8_bytes() {
    let keys =
        decode_list::<ApiKey>(r#"[{"id":"a","displayName":"Café 日本"}]"#.as_bytes()).unwrap();
    assert_eq!(keys.items[0].display_name.as_deref(), Some("Café 日本"));
    // Bytes that are not UTF-8 inside an element: not JSON, never a panic.
    assert_eq!(
        decode_list::<ApiKey>(b"[{\"id\":\"a\xff\"}]"),
        Err(DecodeError::NotJson)
    );
}

#[test]
fn a_body_that_is_not_a_json_list_is_an_error() {
    assert_eq!(
        decode_list::<ApiKey>("<html><body>502 Bad Gateway</body></html>"),
        Err(DecodeError::NotJson)
    );
    assert_eq!(
        decode_list::<ApiKey>(r#"[{"id":"a"}"#),
        Err(DecodeError::Incomplete)
    );
    assert_eq!(
        decode_list::<ApiKey>(r#"{"items":[]}"#),
        Err(DecodeError::NotAList { found: "an object" })
    );
    assert_eq!(
        decode_list::<ApiKey>("null"),
        Err(DecodeError::NotAList { found: "null" })
    );
}

#[test]
fn status_falls_back_to_enabled() {
    let labels: Vec<String> = keys(
        r#"[{"id":"a","status":"DISABLED_EXPOSED","enabled":false},{"id":"b","enabled":true},{"id":"c","enabled":false}]"#,
    )
    .iter()
    .map(|k| k.status_label().to_owned())
    .collect();
    assert_eq!(labels, ["DISABLED_EXPOSED", "ENABLED", "DISABLED"]);
}

#[test]
fn a_large_list_decodes_completely() {
    let body = format!(
        "[{}]",
        (0..10_000)
            .map(|i| format!(r#"{{"id":"key{i}","displayName":"Key {i}","privileges":[{{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY"}}]}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let decoded = decode_list::<ApiKey>(&body).unwrap();
    assert_eq!(decoded.items.len(), 10_000);
    assert_eq!(decoded.items[9_999].id, "key9999");
}

#[test]
fn demo_data_decodes_without_losses() {
    let keys = demo_keys();
    let privileges = demo_privileges();
    assert_eq!(keys.skipped, 0);
    assert_eq!(privileges.skipped, 0);
    assert!(keys.items.len() >= 5);
    assert_eq!(keys.items[0].id, "wduuqg3ip2c3i3gpopapxhcgxe");
    assert_eq!(privileges.items[0].target_domain, "AUTHENTICATION_EDITOR");
    assert!(
        privileges
            .items
            .iter()
            .all(|p| p.target_domain != "API_KEY"),
        "an API key can never hold PLATFORM / API_KEY privileges"
    );
}

#[test]
fn array_structure_errors_are_not_json() {
    for body in ["[1,]", "[,1]", "[1 2]", "[1] x", "", "  "] {
        assert_eq!(
            decode_list::<ApiKey>(body),
            Err(DecodeError::NotJson),
            "{body}"
        );
    }
    assert_eq!(decode_list::<ApiKey>(" [ ] ").map(|d| d.items.len()), Ok(0));
}

// Regression: a list cut off mid-element was explained as "a proxy or a captive portal
// answered instead".
#[test]
fn a_body_cut_short_is_incomplete_not_foreign() {
    for body in [
        "[",
        "[{\"id\":\"a\"",
        "[\"unterminated]",
        r#"[{"id": "abc", "displayName": "#,
        r#"[{"id": "abc"},"#,
        r#"{"items": ["#,
    ] {
        assert_eq!(
            decode_list::<ApiKey>(body),
            Err(DecodeError::Incomplete),
            "{body}"
        );
    }
}

#[test]
fn strings_may_hold_brackets_commas_and_escaped_quotes() {
    let body = r#"[{"id":"a","displayName":"x,]}\"[{ \\"},{"id":"b"}]"#;
    let keys = decode_list::<ApiKey>(body).unwrap().items;
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0].display_name.as_deref(), Some("x,]}\"[{ \\"));
}

#[test]
fn decoding_as_bytes_arrive_gives_the_same_list() {
    use domain::decode::ListDecoder;
    let body = format!(
        "[{}, 7, {{\"no\":\"id\"}}]",
        (0..500)
            .map(|i| format!(r#"{{"id":"k{i}","displayName":"Key, [{i}] \"é\""}}"#))
            .collect::<Vec<_>>()
            .join(" , ")
    );
    let whole = decode_list::<ApiKey>(&body).unwrap();
    assert_eq!((whole.items.len(), whole.skipped), (500, 2));
    // Pieces of 7 bytes split elements, strings, escapes and UTF-8 sequences.
    let mut decoder = ListDecoder::<ApiKey>::new();
    for piece in body.as_bytes().chunks(7) {
        decoder.feed(piece);
        while decoder.decode_some(100).unwrap() {}
    }
    assert_eq!(decoder.finish().unwrap(), whole);
    // All at once, a 1,000-byte budget at a time.
    let mut decoder = ListDecoder::<ApiKey>::new();
    decoder.feed(body.as_bytes());
    let mut calls = 1;
    while decoder.decode_some(1_000).unwrap() {
        calls += 1;
    }
    assert!(calls > 10, "{calls} calls");
    assert_eq!(decoder.finish().unwrap(), whole);
}
