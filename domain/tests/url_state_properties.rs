//! Property tests: any query string, however malformed or huge, decodes to a valid state
//! that survives its own round trip; and every state round-trips exactly.

use domain::key_list::{KeyQuery, Sort, SortKey};
use domain::org_id::OrgId;
use domain::privilege_explorer::{ExplorerQuery, PrivilegeRef};
use domain::purpose::Purpose;
use domain::region::Region;
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
        prop_assert_eq!(UrlState::from_query(&state.to_query()), state);
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
        prop_assert_eq!(UrlState::from_query(&state.to_query()), state.clone());
        prop_assert!(state.keys.query.text.chars().count() <= 200);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn every_state_round_trips_exactly(state in state()) {
        prop_assert_eq!(UrlState::from_query(&state.to_query()), state);
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
