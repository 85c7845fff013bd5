//! Property tests: any query string, however malformed or huge, decodes to a valid state
//! that survives its own round trip; and every state round-trips exactly.

use domain::key_list::{KeyQuery, Sort, SortKey};
use domain::key_value::PastedValue;
use domain::operations::Lookup;
use domain::org_id::OrgId;
use domain::privilege_explorer::{ExplorerQuery, PrivilegeRef};
use domain::purpose::Purpose;
use domain::region::Region;
use domain::secrets::LinkSecrets;
use domain::token::Token;
use domain::url_state::{ExplorerState, KeyLookupState, UrlState, View};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    "[A-Z][A-Z0-9_]{0,20}"
}

fn state() -> impl Strategy<Value = UrlState> {
    let key_lookup = (
        ".{0,40}",
        prop::collection::vec(name(), 0..4),
        any::<bool>(),
        (0..5usize, any::<bool>()),
        (
            prop::option::of("[a-z0-9]{1,30}"),
            prop::option::of("[a-z0-9]{1,30}"),
        ),
    )
        .prop_map(
            |(text, statuses, needs_attention, (key, descending), (selected, versus))| {
                let mut statuses = statuses;
                statuses.dedup();
                KeyLookupState {
                    query: KeyQuery {
                        text,
                        statuses: dedup(statuses),
                        needs_attention,
                    },
                    sort: Sort {
                        key: SortKey::ALL[key],
                        descending,
                    },
                    selected,
                    versus,
                }
            },
        );
    let explorer = (
        ".{0,40}",
        prop::collection::vec(name(), 0..4),
        prop::collection::vec(prop_oneof![Just("Allowed".to_string()), name()], 0..4),
        any::<bool>(),
        prop::collection::vec((name(), name(), prop::option::of(name())), 0..6),
        prop::option::of("[a-z0-9]{1,30}"),
        (".{0,40}", 0..4usize),
    )
        .prop_map(
            |(text, owners, types, custom_only, picks, compare, (finder, purpose))| ExplorerState {
                query: ExplorerQuery {
                    text,
                    owners: dedup(owners),
                    types: dedup(types),
                },
                custom_only,
                selection: dedup(
                    picks
                        .into_iter()
                        .map(|(owner, target_domain, kind)| PrivilegeRef {
                            owner,
                            target_domain,
                            kind,
                        })
                        .collect(),
                ),
                compare,
                finder,
                purpose: Purpose::ALL[purpose],
            },
        );
    (
        0..2usize,
        0..5usize,
        prop::option::of("[a-zA-Z0-9_-]{1,60}"),
        key_lookup,
        explorer,
    )
        .prop_map(|(view, region, org, keys, explorer)| UrlState {
            view: [View::KeyLookup, View::PrivilegeExplorer][view],
            region: Region::ALL[region],
            org: org.map(|o| OrgId::parse(&o).unwrap()),
            keys,
            explorer,
        })
}

/// A state as its link reads back: a call in the finder kept as its method and path,
/// which the finder reads as it read the whole call.
fn settled(state: &UrlState) -> UrlState {
    let read = UrlState::from_query(&state.to_query(&LinkSecrets::default()));
    assert_eq!(
        Lookup::read(&read.explorer.finder),
        Lookup::read(&state.explorer.finder)
    );
    let mut settled = state.clone();
    settled.explorer.finder = read.explorer.finder;
    settled
}

fn dedup<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn any_query_decodes_to_a_state_that_round_trips(query in ".{0,300}") {
        let state = UrlState::from_query(&query);
        prop_assert_eq!(UrlState::from_query(&state.to_query(&LinkSecrets::default())), settled(&state));
    }

    #[test]
    fn any_mix_of_known_keys_and_garbage_decodes(
        pairs in prop::collection::vec(
            (prop_oneof![
                Just("view"), Just("region"), Just("org"), Just("q"), Just("status"),
                Just("attention"), Just("sort"), Just("key"), Just("pq"), Just("owner"),
                Just("type"), Just("filter"), Just("pick"), Just("compare"), Just("token"),
                Just("op"), Just("purpose"), Just("vs"),
            ], "[ -~é%&=+#]{0,80}"),
            0..12,
        )
    ) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let state = UrlState::from_query(&query.join("&"));
        prop_assert_eq!(UrlState::from_query(&state.to_query(&LinkSecrets::default())), settled(&state));
        prop_assert!(state.keys.query.text.chars().count() <= 200);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn every_state_round_trips_exactly_but_the_finders_call_finds_the_same(state in state()) {
        let read = UrlState::from_query(&state.to_query(&LinkSecrets::default()));
        prop_assert_eq!(Lookup::read(&read.explorer.finder), Lookup::read(&state.explorer.finder));
        let mut expected = state;
        expected.explorer.finder = read.explorer.finder.clone();
        prop_assert_eq!(read, expected);
    }
}

#[test]
fn a_huge_query_decodes_quickly_to_bounded_state() {
    let huge = format!(
        "?q={}&pick={}",
        "x".repeat(1_000_000),
        "A.B,".repeat(100_000)
    );
    let state = UrlState::from_query(&huge);
    assert_eq!(state.keys.query.text.len(), 200);
    assert_eq!(state.explorer.selection.len(), 1, "duplicates collapse");
}

/// States as the app can make them from what the API sent: any text in ids, owners,
/// types and privilege parts.
fn hostile_state() -> impl Strategy<Value = UrlState> {
    let any = || "[ -~é,.%&=#\u{0}]{0,30}";
    (
        (
            prop::option::of(any()),
            prop::option::of(any()),
            prop::option::of(any()),
        ),
        prop::collection::vec(any(), 0..25),
        prop::collection::vec(any(), 0..25),
        prop::collection::vec((any(), any(), prop::option::of(any())), 0..6),
        ".{0,300}",
    )
        .prop_map(
            |((selected, versus, compare), statuses, types, picks, text)| {
                let mut state = UrlState::default();
                state.keys.selected = selected;
                state.keys.versus = versus;
                state.explorer.compare = compare;
                state.keys.query.statuses = statuses.clone();
                state.explorer.query.owners = statuses;
                state.explorer.query.types = types;
                state.explorer.selection = picks
                    .into_iter()
                    .map(|(owner, target_domain, kind)| PrivilegeRef {
                        owner,
                        target_domain,
                        kind,
                    })
                    .collect();
                state.keys.query.text = text;
                state
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    // Regression: values from the API that the reader would refuse (hostile picks, ids)
    // were written into the address bar and "Copy link".
    #[test]
    fn only_what_the_reader_accepts_is_written(state in hostile_state()) {
        let written = state.to_query(&LinkSecrets::default());
        let read = UrlState::from_query(&written);
        prop_assert_eq!(read.to_query(&LinkSecrets::default()), written.clone());
        // Nothing written is a value the state did not hold.
        for id in [&read.keys.selected, &read.keys.versus, &read.explorer.compare].into_iter().flatten() {
            prop_assert!([&state.keys.selected, &state.keys.versus, &state.explorer.compare].contains(&&Some(id.clone())));
        }
        for pick in &read.explorer.selection {
            prop_assert!(state.explorer.selection.contains(pick));
        }
        for status in &read.keys.query.statuses {
            prop_assert!(state.keys.query.statuses.contains(status));
        }
        for kind in &read.explorer.query.types {
            prop_assert!(state.explorer.query.types.contains(kind));
        }
    }
}

#[test]
fn a_hostile_id_or_pick_is_left_out_of_the_link() {
    let mut state = UrlState::default();
    state.keys.selected = Some("abc&token=x".into());
    state.explorer.selection = vec![
        PrivilegeRef {
            owner: "PLATFORM,SEARCH_API".into(),
            target_domain: "X".into(),
            kind: None,
        },
        PrivilegeRef {
            owner: "PLATFORM".into(),
            target_domain: "SOURCE".into(),
            kind: Some("EDIT".into()),
        },
    ];
    state.explorer.query.types = vec!["EDIT,VIEW".into(), "VIEW".into()];
    assert_eq!(
        state.to_query(&LinkSecrets::default()),
        "?type=VIEW&pick=PLATFORM.SOURCE.EDIT"
    );
}

/// A UUID's text from 16 bytes, in lower or upper case.
fn uuid(bytes: [u8; 16], upper: bool) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let text = format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    );
    if upper {
        text.to_uppercase()
    } else {
        text
    }
}

/// A state with `secret` put into every text the link holds, around other words.
fn with_secret_everywhere(secret: &str) -> UrlState {
    let mut state = UrlState::default();
    let around = |s: &str| format!("before {s} after");
    state.keys.query.text = around(secret);
    state.explorer.query.text = around(secret);
    state.explorer.finder = format!(
        "GET https://platform.cloud.coveo.com/rest/organizations/testorg/sources/{secret}?access_token={secret}#{secret}"
    );
    state.org = OrgId::parse(secret).ok();
    let code = secret.to_uppercase().replace(['-', '.'], "_");
    state.keys.query.statuses = vec![code.clone()];
    state.explorer.query.owners = vec![code.clone()];
    state.explorer.query.types = vec![code.clone()];
    state.explorer.selection = vec![PrivilegeRef {
        owner: code.clone(),
        target_domain: "SOURCE".into(),
        kind: Some("EDIT".into()),
    }];
    state.keys.selected = Some(secret.replace('.', "-"));
    state.keys.versus = Some(format!("id{}", secret.replace('.', "-")));
    state.explorer.compare = Some(secret.replace('.', "_"));
    state
}

/// The link's text as a reader of the address bar sees it: percent-decoded, lowercased.
fn seen(query: &str) -> String {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .map(|(k, v)| format!("{k}={v}\n"))
        .collect::<String>()
        .to_lowercase()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn no_link_carries_the_token_the_pasted_value_or_a_key_value(
        token in "[A-Za-z0-9._-]{20,60}",
        key in any::<[u8; 16]>(),
        upper in any::<bool>(),
        pasted in "[A-Za-z0-9]{12,40}",
        which in 0..3usize,
    ) {
        let key_value = format!("xx{}", uuid(key, upper));
        let secrets = LinkSecrets::new(
            Some(&Token::parse(&token).unwrap()),
            Some(&PastedValue::parse(&pasted).unwrap()),
        );
        let secret = [&token, &key_value, &pasted][which];
        let state = with_secret_everywhere(secret);
        let query = state.to_query(&secrets);
        let seen = seen(&query);
        prop_assert!(!seen.contains(&secret.to_lowercase()), "{} in {}", secret, seen);
        let uuid_part = uuid(key, false);
        prop_assert!(!seen.contains(&uuid_part), "{}", seen);
        if which == 0 {
            prop_assert!(!seen.contains(&token.to_lowercase()[..12]));
        }
        // The rest of each text is kept: the words around the secret, the call's route.
        let read = UrlState::from_query(&query);
        prop_assert_eq!(&read.keys.query.text, "before after");
        prop_assert_eq!(&read.explorer.query.text, "before after");
        prop_assert_eq!(
            &read.explorer.finder,
            "GET /rest/organizations/testorg/sources/{value}"
        );
    }
}

#[test]
fn a_key_value_in_the_filter_stays_out_of_the_link_without_any_secret_known() {
    let mut state = UrlState::default();
    state.keys.query.text = "xx8c1b2a3d-4e5f-6a7b-8c9d-0e1f2a3b1b3e".into();
    state.explorer.query.text = "8C1B2A3D-4E5F-6A7B-8C9D-0E1F2A3B1B3E sources".into();
    let read = UrlState::from_query(&state.to_query(&LinkSecrets::default()));
    assert_eq!(read.keys.query.text, "");
    assert_eq!(read.explorer.query.text, "sources");
    // A key id is no key value: it stays.
    state.keys.selected = Some("q6vsgrffpxjnmfsjvojwnnvxvi".into());
    let read = UrlState::from_query(&state.to_query(&LinkSecrets::default()));
    assert_eq!(
        read.keys.selected.as_deref(),
        Some("q6vsgrffpxjnmfsjvojwnnvxvi")
    );
}
