//! Finding keys: the filter (case, accents, words, statuses, health), sorting, health
//! flags and highlighting.

use domain::decode::decode_list;
use domain::health::{flags, Flag, Severity};
use domain::highlight::{highlight, Segment, MAX_MARKS};
use domain::key_list::{filter_unprepared, KeyIndex, KeyQuery, Sort, SortKey};
use domain::model::{ApiKey, Timestamp};

const DAY: i64 = 86_400_000;
const NOW: Timestamp = Timestamp(1_764_000_000_000);

fn keys(json: &str) -> Vec<ApiKey> {
    decode_list(json).unwrap().items
}

fn sample() -> Vec<ApiKey> {
    keys(&format!(
        r#"[
        {{"id":"aaa111","displayName":"Café locator","description":"Search for the website","status":"ENABLED","createdDate":{c1},"lastUsedDate":{u1}}},
        {{"id":"bbb222","displayName":"Sources push","description":"Pushes documents to Café sources","status":"DISABLED","createdDate":{c2}}},
        {{"id":"ccc333","displayName":"ÉLAN analytics","description":"日本語 reports","enabled":true,"createdDate":{c3},"lastUsedDate":{u3}}},
        {{"id":"ddd444","description":"No name at all","status":"EXPIRED"}}
    ]"#,
        c1 = NOW.0 - 300 * DAY,
        u1 = NOW.0 - DAY,
        c2 = NOW.0 - 200 * DAY,
        c3 = NOW.0 - 100 * DAY,
        u3 = NOW.0 - 120 * DAY,
    ))
}

fn ids(keys: &[ApiKey], indices: &[usize]) -> Vec<String> {
    indices.iter().map(|&i| keys[i].id.clone()).collect()
}

fn find(keys: &[ApiKey], query: &KeyQuery) -> Vec<String> {
    let index = KeyIndex::new(keys, NOW);
    let order: Vec<usize> = (0..keys.len()).collect();
    ids(keys, &index.filter(&order, query))
}

fn text(t: &str) -> KeyQuery {
    KeyQuery {
        text: t.to_owned(),
        ..KeyQuery::default()
    }
}

#[test]
fn filter_is_case_and_accent_insensitive_in_any_field() {
    let keys = sample();
    assert_eq!(find(&keys, &text("cafe")), ["aaa111", "bbb222"]);
    assert_eq!(find(&keys, &text("CAFÉ")), ["aaa111", "bbb222"]);
    assert_eq!(find(&keys, &text("elan")), ["ccc333"]);
    assert_eq!(find(&keys, &text("BBB2")), ["bbb222"], "ids match too");
    assert_eq!(
        find(&keys, &text("日本")),
        ["ccc333"],
        "non-Latin text matches"
    );
}

#[test]
fn every_word_must_match_somewhere() {
    let keys = sample();
    assert_eq!(find(&keys, &text("café push")), ["bbb222"]);
    assert_eq!(find(&keys, &text("  website   locator ")), ["aaa111"]);
    assert!(find(&keys, &text("café nothing")).is_empty());
}

#[test]
fn words_never_match_across_fields() {
    // "locatorsearch" would only exist by gluing the name to the description.
    assert!(find(&sample(), &text("locatorsearch")).is_empty());
}

#[test]
fn empty_query_keeps_everything_in_order() {
    let keys = sample();
    assert_eq!(
        find(&keys, &KeyQuery::default()),
        ["aaa111", "bbb222", "ccc333", "ddd444"]
    );
    assert_eq!(find(&keys, &text("   ")).len(), 4);
}

#[test]
fn status_and_attention_filters_combine_with_text() {
    let keys = sample();
    let q = KeyQuery {
        statuses: vec!["ENABLED".into(), "EXPIRED".into()],
        ..KeyQuery::default()
    };
    assert_eq!(
        find(&keys, &q),
        ["aaa111", "ccc333", "ddd444"],
        "status falls back to enabled"
    );
    let q = KeyQuery {
        text: "no name".into(),
        ..q
    };
    assert_eq!(find(&keys, &q), ["ddd444"]);
    let attention = KeyQuery {
        needs_attention: true,
        ..KeyQuery::default()
    };
    // bbb222 is disabled and ddd444 expired: Coveo's status says so, and neither is at
    // risk any more; ccc333 unused for 120 days is worth a look, not a risk.
    assert_eq!(find(&keys, &attention), Vec::<String>::new());
}

#[test]
fn status_counts_list_what_is_present() {
    let index = KeyIndex::new(&sample(), NOW);
    assert_eq!(
        index.status_counts(),
        vec![
            ("ENABLED".to_string(), 2),
            ("DISABLED".to_string(), 1),
            ("EXPIRED".to_string(), 1)
        ]
    );
    assert_eq!(index.needing_attention(), 0, "no active key at risk");
}

#[test]
fn sorts_by_name_and_dates_with_missing_values_last() {
    let keys = sample();
    let index = KeyIndex::new(&keys, NOW);
    let sorted = |key, descending| ids(&keys, &index.sorted(&keys, Sort { key, descending }));
    assert_eq!(
        sorted(SortKey::Name, false),
        ["aaa111", "ccc333", "bbb222", "ddd444"]
    );
    assert_eq!(
        sorted(SortKey::Name, true),
        ["bbb222", "ccc333", "aaa111", "ddd444"]
    );
    assert_eq!(
        sorted(SortKey::Created, false),
        ["aaa111", "bbb222", "ccc333", "ddd444"]
    );
    assert_eq!(
        sorted(SortKey::Created, true),
        ["ccc333", "bbb222", "aaa111", "ddd444"]
    );
    assert_eq!(
        sorted(SortKey::LastUsed, true),
        ["aaa111", "ccc333", "bbb222", "ddd444"]
    );
}

#[test]
fn filtering_keeps_the_sorted_order() {
    let keys = sample();
    let index = KeyIndex::new(&keys, NOW);
    let order = index.sorted(
        &keys,
        Sort {
            key: SortKey::Created,
            descending: true,
        },
    );
    assert_eq!(
        ids(&keys, &index.filter(&order, &text("cafe"))),
        ["bbb222", "aaa111"]
    );
}

#[test]
fn ten_thousand_keys_filter_like_the_unprepared_baseline() {
    let json = format!(
        "[{}]",
        (0..10_000)
            .map(|i| format!(
                r#"{{"id":"key{i:05}","displayName":"Clé numéro {i}","description":"team {}"}}"#,
                ["search", "commerce", "analytics"][i % 3]
            ))
            .collect::<Vec<_>>()
            .join(",")
    );
    let keys = keys(&json);
    let index = KeyIndex::new(&keys, NOW);
    let order: Vec<usize> = (0..keys.len()).collect();
    for query in ["cle", "NUMERO 99", "commerce 12", "key0999", "zzz", ""] {
        let prepared = index.filter(&order, &text(query));
        assert_eq!(prepared, filter_unprepared(&keys, query), "{query}");
    }
    assert_eq!(index.filter(&order, &text("numero 9999")).len(), 1);
    assert_eq!(index.filter(&order, &text("commerce")).len(), 3_333);
}

#[test]
fn an_index_prepared_a_slice_at_a_time_is_the_whole_index() {
    let keys = sample();
    let mut sliced = KeyIndex::default();
    let mut slices = 0;
    while !sliced.prepare_more(&keys, NOW, 3) {
        slices += 1;
    }
    assert_eq!(slices, 1, "4 keys take two slices of 3");
    assert!(
        sliced.prepare_more(&keys, NOW, 3),
        "nothing left to prepare"
    );
    let whole = KeyIndex::new(&keys, NOW);
    assert_eq!(sliced.len(), keys.len());
    let order = whole.sorted(&keys, Sort::default());
    assert_eq!(sliced.sorted(&keys, Sort::default()), order);
    for query in ["cafe", "sources", "zzz", ""] {
        assert_eq!(
            sliced.filter(&order, &text(query)),
            whole.filter(&order, &text(query)),
            "{query}"
        );
    }
    assert_eq!(sliced.status_counts(), whole.status_counts());
    assert_eq!(sliced.needing_attention(), whole.needing_attention());
}

#[test]
fn health_flags_name_their_reason() {
    let keys = keys(&format!(
        r#"[
        {{"id":"exposed","status":"ENABLED","lastUsedDate":{recent},"exposureReport":{{"severity":"CRITICAL","reasons":[]}}}},
        {{"id":"soon","status":"ENABLED","expirationDate":{soon},"lastUsedDate":{recent}}},
        {{"id":"public","privacyLevel":"PUBLIC","lastUsedDate":{recent},"privileges":[
            {{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY"}},
            {{"owner":"USAGE_ANALYTICS","targetDomain":"ANALYTICS_DATA","type":"EDIT"}},
            {{"owner":"USAGE_ANALYTICS","targetDomain":"ANALYTICS_DATA","type":"VIEW"}},
            {{"owner":"SEARCH_API","targetDomain":"IMPERSONATE"}},
            {{"owner":"ACME","targetDomain":"ANVILS"}}]}},
        {{"id":"safe-public","privacyLevel":"PUBLIC","lastUsedDate":{recent},"privileges":[{{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY"}}]}},
        {{"id":"new","createdDate":{recent}}}
    ]"#,
        recent = NOW.0 - DAY,
        soon = NOW.0 + 5 * DAY + 1,
    ));
    let all: Vec<Vec<Flag>> = keys.iter().map(|k| flags(k, NOW)).collect();
    assert_eq!(
        all[0],
        [Flag::Exposed {
            severity: Some("CRITICAL".into())
        }]
    );
    assert!(all[0][0].reason().contains("severity CRITICAL"));
    assert_eq!(all[1], [Flag::ExpiresSoon { days: Some(5) }]);
    assert_eq!(all[1][0].reason(), "Expires in 5 days.");
    assert_eq!(
        all[2],
        [Flag::PublicTooPowerful {
            privileges: vec![
                "Analytics · Analytics data · View (USAGE_ANALYTICS.ANALYTICS_DATA.VIEW)".into(),
                "Search · Impersonate (SEARCH_API.IMPERSONATE)".into(),
                "ACME.ANVILS".into(),
            ]
        }]
    );
    assert!(all[3].is_empty(), "query-only public keys are fine");
    assert!(
        all[4].is_empty(),
        "a key created yesterday is not 'never used' yet"
    );
}

#[test]
fn highlight_marks_matches_in_the_original_text() {
    let words = vec!["cafe".to_string(), "loc".to_string()];
    assert_eq!(
        highlight("Le Café locator", &words),
        vec![
            Segment {
                text: "Le ".into(),
                hit: false
            },
            Segment {
                text: "Café".into(),
                hit: true
            },
            Segment {
                text: " ".into(),
                hit: false
            },
            Segment {
                text: "loc".into(),
                hit: true
            },
            Segment {
                text: "ator".into(),
                hit: false
            },
        ]
    );
    assert_eq!(
        highlight("plain", &[]),
        vec![Segment {
            text: "plain".into(),
            hit: false
        }]
    );
    // Overlapping matches never show a character twice.
    let overlapping: Vec<(String, bool)> = highlight("abcdef", &["abcd".into(), "cdef".into()])
        .into_iter()
        .map(|s| (s.text, s.hit))
        .collect();
    assert_eq!(
        overlapping,
        [("abcd".to_string(), true), ("ef".to_string(), true)]
    );
}

// Regression: a 1 MB display name matching the filter made a million `<mark>`s.
#[test]
fn highlights_stop_after_a_few_dozen_marks() {
    let text = "ab ".repeat(300_000);
    let segments = highlight(&text, &["ab".into(), "b".into()]);
    assert_eq!(segments.iter().filter(|s| s.hit).count(), MAX_MARKS);
    assert!(segments.len() <= 2 * MAX_MARKS + 1);
    assert_eq!(
        segments.iter().map(|s| s.text.as_str()).collect::<String>(),
        text
    );
    // Each word's own early matches count, whichever word they belong to.
    let mixed = highlight("zz ab zz ab", &["ab".into(), "zz".into()]);
    assert_eq!(mixed.iter().filter(|s| s.hit).count(), 4);
}

#[test]
fn a_query_narrows_when_its_matches_can_only_shrink() {
    let narrows = |a: &KeyQuery, b: &KeyQuery| a.narrows_to(b);
    assert!(narrows(&text(""), &text("s")));
    assert!(narrows(&text("serv"), &text("servi")));
    assert!(narrows(&text("service 4"), &text("service 42")));
    assert!(
        narrows(&text("42"), &text("service 42")),
        "a word added before"
    );
    assert!(
        narrows(&text("Café"), &text("cafe locator")),
        "words compare folded"
    );
    assert!(
        !narrows(&text("service 42"), &text("service 4")),
        "a deleted character widens"
    );
    assert!(!narrows(&text("service"), &text("servce")));
    assert!(!narrows(&text("a b"), &text("a")));

    let with = |statuses: &[&str], needs_attention: bool| KeyQuery {
        statuses: statuses.iter().map(|s| s.to_string()).collect(),
        needs_attention,
        ..KeyQuery::default()
    };
    assert!(narrows(&with(&[], false), &with(&["ENABLED"], false)));
    assert!(narrows(
        &with(&["ENABLED", "EXPIRED"], false),
        &with(&["EXPIRED"], false)
    ));
    assert!(
        !narrows(&with(&["ENABLED"], false), &with(&[], false)),
        "no chip keeps every status"
    );
    assert!(!narrows(
        &with(&["ENABLED"], false),
        &with(&["ENABLED", "EXPIRED"], false)
    ));
    assert!(narrows(&with(&[], false), &with(&[], true)));
    assert!(!narrows(&with(&[], true), &with(&[], false)));
}

#[test]
fn triage_flags_what_the_status_does_not_say_and_counts_active_keys_at_risk() {
    let keys = keys(&format!(
        r#"[
        {{"id":"disabled-exposed","status":"DISABLED_EXPOSED","lastUsedDate":{long_ago},"exposureReport":{{"severity":"HIGH"}}}},
        {{"id":"inactive","status":"DISABLED_FOR_INACTIVITY","lastUsedDate":{long_ago}}},
        {{"id":"soon","status":"SOON_TO_BE_EXPIRED","expirationDate":{soon},"lastUsedDate":{recent}}},
        {{"id":"past-due","status":"ENABLED","expirationDate":{past},"lastUsedDate":{recent}}},
        {{"id":"idle","status":"ENABLED","lastUsedDate":{long_ago}}},
        {{"id":"fine","status":"ENABLED","lastUsedDate":{recent}}}
    ]"#,
        long_ago = NOW.0 - 2266 * DAY,
        recent = NOW.0 - DAY,
        soon = NOW.0 + 5 * DAY,
        past = NOW.0 - 2 * DAY,
    ));
    let all: Vec<Vec<Flag>> = keys.iter().map(|k| flags(k, NOW)).collect();
    assert!(
        all[0].is_empty(),
        "disabled as exposed: not also exposed, nor unused"
    );
    assert!(
        all[1].is_empty(),
        "disabled for inactivity: not also unused"
    );
    assert!(all[2].is_empty(), "the status already says it expires soon");
    assert_eq!(all[3], [Flag::Expired]);
    assert_eq!(all[3][0].severity(), Severity::High);
    assert_eq!(all[4], [Flag::Unused { days: 2266 }]);
    assert_eq!(all[4][0].reason(), "Not used for 6 years.");
    assert_eq!(all[4][0].severity(), Severity::Low);
    let index = KeyIndex::new(&keys, NOW);
    let order: Vec<usize> = (0..keys.len()).collect();
    let attention = KeyQuery {
        needs_attention: true,
        ..KeyQuery::default()
    };
    assert_eq!(
        ids(&keys, &index.filter(&order, &attention)),
        ["soon", "past-due"]
    );
    assert_eq!(index.needing_attention(), 2);
    assert_eq!(
        index.attention_reasons(),
        [("Expired", 1), ("Expires soon", 1)],
        "each kept key once, by its reason: its flag, or the status that says it"
    );
}

#[test]
fn an_exposure_report_reads_as_severity_reasons_sources_and_dates() {
    use domain::health::{is_web_link, ExposureReport};
    let report = serde_json::json!({
        "severity": "CRITICAL",
        "reasons": [
            {"source": "GITHUB", "url": "https://github.com/example/.env", "createdDate": 1762100000000_i64},
            {"source": "PASTEBIN", "url": "javascript:alert(1)"},
            "not an object"
        ]
    });
    let read = ExposureReport::read(&report);
    assert_eq!(read.severity.as_deref(), Some("CRITICAL"));
    assert_eq!(read.reasons.len(), 3);
    assert_eq!(read.reasons[0].found, Some(Timestamp(1762100000000)));
    assert!(is_web_link(read.reasons[0].url.as_deref().unwrap()));
    assert!(!is_web_link(read.reasons[1].url.as_deref().unwrap()));
    assert!(
        !is_web_link("data:text/html,x")
            && !is_web_link("//evil.example")
            && is_web_link("HTTP://a")
    );
    assert_eq!(read.reasons[2], Default::default());
    assert_eq!(
        ExposureReport::read(&serde_json::json!("garbage")),
        ExposureReport::default()
    );
}

#[test]
fn names_sort_as_people_count_and_statuses_and_expiry_sort_too() {
    use domain::key_list::natural_cmp;
    use std::cmp::Ordering;
    let mut names = vec![
        "key 10", "key 2", "key 100", "key 1", "key 02", "alpha", "key 1a",
    ];
    names.sort_by(|a, b| natural_cmp(a, b));
    assert_eq!(
        names,
        ["alpha", "key 1", "key 1a", "key 2", "key 02", "key 10", "key 100"]
    );
    assert_eq!(
        natural_cmp("a99999999999999999999999", "a100000000000000000000000"),
        Ordering::Less
    );
    let keys = keys(&format!(
        r#"[
        {{"id":"k10","displayName":"Key 10","status":"ENABLED","expirationDate":{late}}},
        {{"id":"k2","displayName":"Key 2","status":"DISABLED"}},
        {{"id":"k1","displayName":"Key 1","status":"EXPIRED","expirationDate":{early}}}
    ]"#,
        early = NOW.0 - DAY,
        late = NOW.0 + 40 * DAY,
    ));
    let index = KeyIndex::new(&keys, NOW);
    let sorted = |key, descending| ids(&keys, &index.sorted(&keys, Sort { key, descending }));
    assert_eq!(sorted(SortKey::Name, false), ["k1", "k2", "k10"]);
    assert_eq!(sorted(SortKey::Status, false), ["k2", "k10", "k1"]);
    assert_eq!(
        sorted(SortKey::Expires, false),
        ["k1", "k10", "k2"],
        "no date last"
    );
    assert_eq!(
        sorted(SortKey::Expires, true),
        ["k10", "k1", "k2"],
        "no date last, either way"
    );
    for key in SortKey::ALL {
        for descending in [false, true] {
            let sort = Sort { key, descending };
            assert_eq!(Sort::from_code(&sort.code()), Some(sort));
        }
    }
}

#[test]
fn a_flag_is_worded_one_way_its_reason_starting_with_its_chips_words() {
    let flags = [
        Flag::Exposed { severity: None },
        Flag::Exposed {
            severity: Some("HIGH".into()),
        },
        Flag::Expired,
        Flag::ExpiresSoon { days: Some(0) },
        Flag::ExpiresSoon { days: Some(12) },
        Flag::ExpiresSoon { days: None },
        Flag::PublicTooPowerful {
            privileges: vec!["Content · Sources · Edit".into()],
        },
        Flag::NeverUsed,
        Flag::Unused { days: 1200 },
    ];
    for flag in &flags {
        let (short, reason) = (flag.short(), flag.reason());
        assert!(reason.starts_with(&short), "{short:?} / {reason:?}");
        assert!(reason.len() > short.len(), "{reason:?}");
    }
    assert_eq!(
        Flag::ExpiresSoon { days: Some(12) }.short(),
        "Expires in 12 days"
    );
    assert_eq!(Flag::Unused { days: 1200 }.short(), "Not used for 3 years");
}
