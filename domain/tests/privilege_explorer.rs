//! The privilege explorer: grouping, filters, the builder's JSON, comparing with a key,
//! and its URL state.

use domain::decode::decode_list;
use domain::demo::demo_privileges;
use domain::model::{ApiKey, Privilege, Target};
use domain::privilege_explorer::{
    builder_json, compare_counts, domain_words, key_holds, set_picked, unsafe_for_public,
    ExplorerQuery, PrivilegeIndex, PrivilegeRef,
};
use domain::privilege_groups::{group, types, GroupOrder, OwnerGroup, PageLimit};
use domain::purpose::Purpose;
use domain::secrets::LinkSecrets;
use domain::url_state::{ExplorerState, UrlState};

fn privileges(json: &str) -> Vec<Privilege> {
    decode_list(json).unwrap().items
}

/// The privileges that match `query`, through the prepared index the explorer uses.
fn filter(privileges: &[Privilege], query: &ExplorerQuery) -> Vec<Privilege> {
    PrivilegeIndex::new(privileges)
        .filter(privileges, query)
        .into_iter()
        .map(|i| privileges[i].clone())
        .collect()
}

fn pick(code: &str) -> PrivilegeRef {
    PrivilegeRef::from_code(code).unwrap()
}

fn sample() -> Vec<Privilege> {
    privileges(
        r#"[
        {"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY","targetId":"*","level":"NORMAL"},
        {"owner":"PLATFORM","targetDomain":"SOURCE","type":"EDIT","targetIds":[],"global":false},
        {"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW","targetId":"*"},
        {"owner":"PLATFORM","targetDomain":"SOURCE_PERMISSIONS","type":"VIEW"},
        {"owner":"COMMERCE","targetDomain":"CATALOG","type":"VIEW"},
        {"owner":"PLATFORM","targetDomain":"INDEXING_PIPELINE_EXTENSION","type":"CREATE"},
        {"owner":"ZEBRA_NEW_OWNER","targetDomain":"STRIPES"},
        {"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW"}
    ]"#,
    )
}

#[test]
fn groups_by_owner_then_domain_in_a_stable_order_keeping_unknown_owners() {
    let groups = group(&sample());
    let owners: Vec<&str> = groups.iter().map(|g| g.owner.as_str()).collect();
    assert_eq!(
        owners,
        ["PLATFORM", "SEARCH_API", "COMMERCE", "ZEBRA_NEW_OWNER"]
    );
    let platform: Vec<&str> = groups[0]
        .domains
        .iter()
        .map(|d| d.target_domain.as_str())
        .collect();
    assert_eq!(
        platform,
        [
            "INDEXING_PIPELINE_EXTENSION",
            "SOURCE",
            "SOURCE_PERMISSIONS"
        ]
    );
    let source = &groups[0].domains[1];
    assert_eq!(
        source.types,
        [Some("VIEW".to_string()), Some("EDIT".to_string())],
        "types in CREATE, VIEW, EDIT order, deduplicated"
    );
    assert_eq!(*source.targets, ["All resources"]);
    let query = &groups[1].domains[0];
    assert_eq!(query.types, [None], "a missing type is kept as 'Allowed'");
    assert_eq!(query.levels, ["NORMAL"]);
    // Same input, same output.
    assert_eq!(group(&sample()), groups);
}

#[test]
fn text_filter_matches_domain_names_case_insensitively_and_in_words() {
    let names = |q: ExplorerQuery| -> Vec<String> {
        filter(&sample(), &q)
            .iter()
            .map(|p| format!("{}/{}", p.target_domain, p.kind.as_deref().unwrap_or("-")))
            .collect()
    };
    let text = |t: &str| ExplorerQuery {
        text: t.into(),
        ..ExplorerQuery::default()
    };
    assert_eq!(
        names(text("source")),
        [
            "SOURCE/EDIT",
            "SOURCE/VIEW",
            "SOURCE_PERMISSIONS/VIEW",
            "SOURCE/VIEW"
        ]
    );
    assert_eq!(names(text("SOURCE_PERM")), ["SOURCE_PERMISSIONS/VIEW"]);
    assert_eq!(
        names(text("pipeline extension")),
        ["INDEXING_PIPELINE_EXTENSION/CREATE"]
    );
    assert!(names(text("nothing")).is_empty());
}

#[test]
fn owner_and_type_filters_take_several_values() {
    let q = ExplorerQuery {
        owners: vec!["SEARCH_API".into(), "COMMERCE".into()],
        ..ExplorerQuery::default()
    };
    assert_eq!(filter(&sample(), &q).len(), 2);
    let q = ExplorerQuery {
        types: vec!["Allowed".into(), "CREATE".into()],
        ..ExplorerQuery::default()
    };
    let domains: Vec<String> = filter(&sample(), &q)
        .into_iter()
        .map(|p| p.target_domain)
        .collect();
    assert_eq!(
        domains,
        ["EXECUTE_QUERY", "INDEXING_PIPELINE_EXTENSION", "STRIPES"]
    );
}

#[test]
fn domain_names_in_words() {
    assert_eq!(
        domain_words("INDEXING_PIPELINE_EXTENSION"),
        "Indexing pipeline extension"
    );
    assert_eq!(domain_words("SOURCE"), "Source");
    assert_eq!(domain_words(""), "");
    // Beyond ASCII, names are shown as sent.
    assert_eq!(domain_words("ÉTAT_X"), "État x");
    assert_eq!(domain_words("source"), "Source");
}

#[test]
fn builder_json_is_the_key_creation_shape_in_a_stable_order() {
    let selection = vec![
        pick("SEARCH_API.EXECUTE_QUERY"),
        pick("PLATFORM.SOURCE.VIEW"),
        pick("PLATFORM.SOURCE.VIEW"),
    ];
    assert_eq!(
        builder_json(&selection),
        r#"[
  {
    "owner": "PLATFORM",
    "targetDomain": "SOURCE",
    "type": "VIEW"
  },
  {
    "owner": "SEARCH_API",
    "targetDomain": "EXECUTE_QUERY"
  }
]"#
    );
    assert_eq!(builder_json(&[]), "[]");
}

#[test]
fn impersonate_makes_a_selection_unsafe_for_public_keys() {
    let safe = vec![
        pick("SEARCH_API.EXECUTE_QUERY"),
        pick("USAGE_ANALYTICS.ANALYTICS_DATA.EDIT"),
    ];
    assert!(unsafe_for_public(&safe).is_empty());
    let mut risky = safe.clone();
    risky.push(pick("SEARCH_API.IMPERSONATE"));
    assert_eq!(unsafe_for_public(&risky), [&pick("SEARCH_API.IMPERSONATE")]);
}

#[test]
fn compare_tells_held_from_missing_privileges() {
    let key: ApiKey = decode_list::<ApiKey>(
        r#"[{"id":"k","privileges":[{"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW","targetId":"src-1"},
            {"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY"}]}]"#,
    )
    .unwrap()
    .items
    .remove(0);
    assert!(
        key_holds(&key, &pick("PLATFORM.SOURCE.VIEW")),
        "a custom target still holds the privilege"
    );
    assert!(key_holds(&key, &pick("SEARCH_API.EXECUTE_QUERY")));
    assert!(!key_holds(&key, &pick("PLATFORM.SOURCE.EDIT")));
    let assignable = sample();
    assert_eq!(compare_counts(&key, &assignable), (3, 5));
}

#[test]
fn privilege_codes_round_trip_and_refuse_garbage() {
    for code in ["PLATFORM.SOURCE.VIEW", "SEARCH_API.EXECUTE_QUERY"] {
        assert_eq!(pick(code).code(), code);
    }
    for bad in [
        "",
        "PLATFORM",
        "platform.source",
        "A.B.C.D",
        "A..B",
        "A.B.<x>",
    ] {
        assert_eq!(PrivilegeRef::from_code(bad), None, "{bad}");
    }
}

#[test]
fn explorer_state_round_trips_with_the_builder_selection() {
    let all_demo: Vec<PrivilegeRef> = demo_privileges()
        .items
        .iter()
        .map(PrivilegeRef::of)
        .collect();
    for selection in [vec![], vec![pick("PLATFORM.SOURCE.VIEW")], all_demo] {
        for text in ["", "source perm", "& = % + # ? / é"] {
            for custom_only in [false, true] {
                let original = UrlState {
                    explorer: ExplorerState {
                        query: ExplorerQuery {
                            text: text.into(),
                            owners: vec!["PLATFORM".into(), "COMMERCE".into()],
                            types: vec!["Allowed".into(), "VIEW".into()],
                        },
                        custom_only,
                        selection: selection.clone(),
                        compare: Some("wduuqg3ip2c3i3gpopapxhcgxe".into()),
                        finder: text.into(),
                        purpose: Purpose::SearchToken,
                    },
                    ..UrlState::default()
                };
                let query = original.to_query(&LinkSecrets::default());
                assert_eq!(UrlState::from_query(&query), original, "{query}");
            }
        }
    }
}

#[test]
fn explorer_garbage_in_a_link_is_dropped() {
    let parsed = UrlState::from_query("?owner=<script>,PLATFORM&type=nope,VIEW,Allowed&pick=x.y,PLATFORM.SOURCE.VIEW,,&compare=../k&filter=weird");
    assert_eq!(parsed.explorer.query.owners, ["PLATFORM"]);
    assert_eq!(parsed.explorer.query.types, ["VIEW", "Allowed"]);
    assert_eq!(parsed.explorer.selection, [pick("PLATFORM.SOURCE.VIEW")]);
    assert_eq!(parsed.explorer.compare, None);
    assert!(!parsed.explorer.custom_only);
}

#[test]
fn rows_are_shown_a_page_at_a_time_owners_in_order() {
    let list = sample();
    let groups = group(&list);
    let order = GroupOrder::new(&list);
    let everything = vec![true; list.len()];
    let page = |rows, owners| order.page(&list, &everything, PageLimit { rows, owners });
    let all: usize = groups.iter().map(|g| g.domains.len()).sum();
    assert!(
        all > 3 && groups.len() > 1,
        "the sample spans several rows and owners"
    );
    assert_eq!(page(all, usize::MAX).groups, groups);
    assert_eq!(page(all + 10, usize::MAX).groups, groups);
    assert!(page(0, usize::MAX).groups.is_empty());
    assert_eq!(page(all, 1).groups, groups[..1]);
    let first = page(3, usize::MAX);
    assert_eq!((first.shown, first.rows), (3, all));
    let rows_of = |groups: &[OwnerGroup]| -> Vec<(String, String)> {
        groups
            .iter()
            .flat_map(|g| {
                g.domains
                    .iter()
                    .map(|d| (g.owner.clone(), d.target_domain.clone()))
            })
            .collect()
    };
    let (shown, mut expected) = (rows_of(&first.groups), rows_of(&groups));
    expected.truncate(3);
    assert_eq!(shown, expected);
}

#[test]
fn grouping_thousands_of_privileges_keeps_every_one_once() {
    let json = format!(
        "[{}]",
        (0..2_000)
            .map(|i| format!(
                r#"{{"owner":"{}","targetDomain":"D{:04}","type":"{}"}}"#,
                ["PLATFORM", "SEARCH_API", "OTHER"][i % 3],
                i / 6,
                ["VIEW", "EDIT"][i % 2]
            ))
            .collect::<Vec<_>>()
            .join(",")
    );
    let all = privileges(&json);
    let groups = group(&all);
    let types: usize = groups
        .iter()
        .flat_map(|g| &g.domains)
        .map(|d| d.types.len())
        .sum();
    assert_eq!(
        types, 2_000,
        "every (owner, domain, type) appears exactly once"
    );
    assert_eq!(
        groups.iter().map(|g| g.owner.as_str()).collect::<Vec<_>>(),
        ["PLATFORM", "SEARCH_API", "OTHER"]
    );
    for g in &groups {
        assert!(g
            .domains
            .windows(2)
            .all(|w| w[0].target_domain < w[1].target_domain));
    }
}

#[test]
fn filter_chips_list_each_owner_and_type_once() {
    let list = sample();
    assert_eq!(
        GroupOrder::new(&list).owners(),
        ["PLATFORM", "SEARCH_API", "COMMERCE", "ZEBRA_NEW_OWNER"]
    );
    assert_eq!(types(&list), ["Allowed", "EDIT", "VIEW", "CREATE"]);
    assert!(GroupOrder::new(&[]).owners().is_empty());
}

#[test]
fn picking_a_domains_types_ticks_or_unticks_them_together() {
    let (view, edit, exec) = (
        pick("PLATFORM.SOURCE.VIEW"),
        pick("PLATFORM.SOURCE.EDIT"),
        pick("SEARCH_API.EXECUTE_QUERY"),
    );
    let mut selection = vec![view.clone(), exec.clone()];
    set_picked(&mut selection, &[view.clone(), edit.clone()], true);
    assert_eq!(selection, [exec.clone(), view.clone(), edit.clone()]);
    set_picked(&mut selection, &[view.clone(), edit.clone()], false);
    assert_eq!(selection, std::slice::from_ref(&exec));
    set_picked(&mut selection, std::slice::from_ref(&exec), false);
    assert!(selection.is_empty());
}

#[test]
fn a_selection_and_a_key_differ_in_three_lists() {
    use domain::privilege_explorer::{difference, picks_of};
    let key: ApiKey = decode_list::<ApiKey>(
        r#"[{"id":"k","privileges":[
            {"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW","targetId":"*"},
            {"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW","targetId":"abc"},
            {"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY","targetId":"*"}]}]"#,
    )
    .unwrap()
    .items
    .remove(0);
    let held = picks_of(&key);
    assert_eq!(
        held.len(),
        2,
        "one pick per privilege, whatever its targets"
    );
    let selection = [
        pick("PLATFORM.SOURCE.EDIT"),
        pick("PLATFORM.SOURCE.VIEW"),
        pick("PLATFORM.SOURCE.EDIT"),
    ];
    let diff = difference(&selection, &held);
    assert_eq!(diff.only_first, [pick("PLATFORM.SOURCE.EDIT")]);
    assert_eq!(diff.both, [pick("PLATFORM.SOURCE.VIEW")]);
    assert_eq!(diff.only_second, [pick("SEARCH_API.EXECUTE_QUERY")]);
}

#[test]
fn a_domains_targets_read_as_words_once_each() {
    let privilege = |target| Privilege {
        owner: "PLATFORM".into(),
        target_domain: "SOURCE".into(),
        kind: Some("VIEW".into()),
        target,
        level: None,
    };
    let list = [
        privilege(Target::Only(vec!["a".into(), "b".into()])),
        privilege(Target::All),
        privilege(Target::Only(vec!["a".into(), "b".into()])),
        privilege(Target::Only(vec!["c".into()])),
        privilege(Target::Unspecified),
    ];
    let groups = group(&list);
    assert_eq!(
        *groups[0].domains[0].targets,
        ["Only: a, b", "All resources", "Only: c"]
    );
}
