//! The privilege index prepared a step at a time, sharing one text among privileges with
//! the same owner, domain and type, filters exactly as each privilege indexed alone.

use domain::model::{Privilege, Target};
use domain::privilege_explorer::{ExplorerQuery, IndexBuilder, PrivilegeIndex};
use proptest::prelude::*;

fn privilege() -> impl Strategy<Value = Privilege> {
    (
        prop_oneof![Just("PLATFORM"), Just("SEARCH_API"), Just("ZED")],
        prop_oneof![
            Just("SOURCE"),
            Just("API_KEY"),
            Just("EXECUTE_QUERY"),
            Just("FIELD_X")
        ],
        prop::option::of(prop_oneof![Just("VIEW"), Just("EDIT"), Just("X")]),
    )
        .prop_map(|(owner, domain, kind)| Privilege {
            owner: owner.into(),
            target_domain: domain.into(),
            kind: kind.map(Into::into),
            target: Target::All,
            level: None,
        })
}

fn query() -> impl Strategy<Value = ExplorerQuery> {
    (
        prop_oneof![
            Just(""),
            Just("source"),
            Just("sources view"),
            Just("api"),
            Just("keys"),
            Just("query"),
            Just("field_x"),
            Just("edit")
        ],
        prop::collection::vec(prop_oneof![Just("PLATFORM"), Just("ZED")], 0..2),
    )
        .prop_map(|(text, owners)| ExplorerQuery {
            text: text.into(),
            owners: owners.into_iter().map(Into::into).collect(),
            types: Vec::new(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn stepwise_shared_index_filters_as_each_alone(
        privileges in prop::collection::vec(privilege(), 0..30),
        step in 1..8usize,
        query in query(),
    ) {
        let mut builder = IndexBuilder::default();
        let mut steps = 0;
        while !builder.prepare_more(&privileges, step) {
            steps += 1;
            prop_assert_eq!(builder.len(), steps * step);
        }
        prop_assert_eq!(builder.len(), privileges.len());
        let found = builder.finish().filter(&privileges, &query);
        let alone: Vec<usize> = privileges
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                let one = std::slice::from_ref(*p);
                !PrivilegeIndex::new(one).filter(one, &query).is_empty()
            })
            .map(|(i, _)| i)
            .collect();
        prop_assert_eq!(found, alone);
    }
}
