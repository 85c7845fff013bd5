//! A page of groups, built from the prepared order, is exactly the first rows of grouping
//! the matched privileges whole, with the same counts.

use domain::model::{Privilege, Target};
use domain::privilege_groups::{group, GroupOrder, OrderBuilder, PageLimit};

mod reference;
use proptest::prelude::*;
use reference::{first_rows, owners, row_count};

fn privilege() -> impl Strategy<Value = Privilege> {
    (
        // One row weighs most, so that some are large enough to be built whole.
        prop_oneof![
            8 => Just("PLATFORM"),
            1 => Just("SEARCH_API"),
            1 => Just("ZED"),
            1 => Just("ALPHA"),
            1 => Just("COVEO_ML")
        ],
        prop_oneof![8 => Just("SOURCE"), 1 => Just("FIELD"), 1 => Just("A"), 1 => Just("ZZ")],
        prop::option::of(prop_oneof![
            Just("VIEW"),
            Just("EDIT"),
            Just("CREATE"),
            Just("X")
        ]),
        prop_oneof![
            Just(Target::All),
            Just(Target::Unspecified),
            Just(Target::Only(vec!["a".into()])),
            Just(Target::Only(vec!["b".into(), "c".into()]))
        ],
        prop::option::of(prop_oneof![Just("GLOBAL"), Just("NORMAL")]),
    )
        .prop_map(|(owner, domain, kind, target, level)| Privilege {
            owner: owner.into(),
            target_domain: domain.into(),
            kind: kind.map(Into::into),
            target,
            level: level.map(Into::into),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn a_page_is_the_first_rows_of_the_whole_grouping(
        privileges in prop::collection::vec(privilege(), 0..160),
        // Every privilege matched (no filter: rows are shown whole), or some.
        mask in prop_oneof![Just(vec![true; 160]), prop::collection::vec(any::<bool>(), 160)],
        rows in 0..12usize,
        owners_shown in 0..6usize,
        whole_rows_built in any::<bool>(),
    ) {
        let limit = PageLimit { rows, owners: owners_shown };
        let matched = &mask[..privileges.len()];
        let whole = group(privileges.iter().zip(matched).filter(|(_, m)| **m).map(|(p, _)| p));
        // Large rows built whole while preparing, or not yet: the page must not tell.
        let order = if whole_rows_built {
            GroupOrder::new(&privileges)
        } else {
            let mut numbering = OrderBuilder::default();
            numbering.prepare_more(&privileges, usize::MAX);
            numbering.finish()
        };
        let page = order.page(&privileges, matched, limit);
        prop_assert_eq!(&page.groups, &first_rows(&whole, limit));
        prop_assert_eq!(page.shown, row_count(&page.groups));
        prop_assert_eq!(page.rows, row_count(&whole));
        let counts: Vec<usize> = page
            .groups
            .iter()
            .map(|g| {
                let all = whole.iter().find(|w| w.owner == g.owner).unwrap();
                all.domains.iter().map(|d| d.types.len()).sum()
            })
            .collect();
        prop_assert_eq!(page.privileges, counts);
        let expected_owners = owners(&privileges);
        prop_assert_eq!(order.owners(), expected_owners.as_slice());
    }
}

#[test]
fn a_hundred_thousand_owners_page_forty_sections_without_building_them_all() {
    let privileges: Vec<Privilege> = (0..100_000)
        .map(|i| Privilege {
            owner: format!("OWNER_{i:06}"),
            target_domain: "SOURCE".into(),
            kind: Some("VIEW".into()),
            target: Target::All,
            level: None,
        })
        .collect();
    let order = GroupOrder::new(&privileges);
    let limit = PageLimit {
        rows: 200,
        owners: 40,
    };
    let page = order.page(&privileges, &vec![true; privileges.len()], limit);
    assert_eq!(page.rows, 100_000);
    assert_eq!(page.groups.len(), 40);
    assert_eq!(page.shown, 40);
    assert_eq!(page.groups[0].owner, "OWNER_000000");
    assert_eq!(order.owners().len(), 100_000);
}
