//! Shared links: the view state round-trips through the query string, and nothing else
//! (no token, no API base) is ever read from it.

use domain::key_list::{KeyQuery, Sort, SortKey};
use domain::org_id::OrgId;
use domain::purpose::Purpose;
use domain::region::Region;
use domain::secrets::LinkSecrets;
use domain::url_state::{toggle, KeyLookupState, UrlState, View};

fn state(view: View, region: Region, org: Option<&str>) -> UrlState {
    UrlState {
        view,
        region,
        org: org.map(|o| OrgId::parse(o).unwrap()),
        ..UrlState::default()
    }
}

fn key_lookup(
    text: &str,
    statuses: &[&str],
    needs_attention: bool,
    sort: Sort,
    selected: Option<&str>,
) -> UrlState {
    UrlState {
        keys: KeyLookupState {
            query: KeyQuery {
                text: text.to_owned(),
                statuses: statuses.iter().map(|s| s.to_string()).collect(),
                needs_attention,
            },
            sort,
            selected: selected.map(str::to_owned),
            versus: None,
        },
        ..state(View::KeyLookup, Region::Eu, Some("myorg"))
    }
}

#[test]
fn key_lookup_state_round_trips_for_every_field() {
    let sorts = [
        Sort::default(),
        Sort {
            key: SortKey::Name,
            descending: true,
        },
        Sort {
            key: SortKey::Created,
            descending: false,
        },
        Sort {
            key: SortKey::LastUsed,
            descending: true,
        },
    ];
    for text in ["", "café", "& = % + # ? / space é", "  two  words ", "日本"] {
        for statuses in [
            &[][..],
            &["ENABLED"][..],
            &["DISABLED_EXPOSED", "EXPIRED"][..],
        ] {
            for attention in [false, true] {
                for sort in sorts {
                    for selected in [None, Some("wduuqg3ip2c3i3gpopapxhcgxe")] {
                        let original = key_lookup(text, statuses, attention, sort, selected);
                        let query = original.to_query(&LinkSecrets::default());
                        assert_eq!(UrlState::from_query(&query), original, "{query}");
                    }
                }
            }
        }
    }
}

#[test]
fn key_lookup_garbage_is_dropped_field_by_field() {
    let long = "x".repeat(500);
    let parsed = UrlState::from_query(&format!(
        "?q={long}&status=enabled,<b>,DISABLED,DISABLED&sort=-bogus&key=../x&attention=yes"
    ));
    assert_eq!(parsed.keys.query.text.len(), 200);
    assert_eq!(parsed.keys.query.statuses, vec!["DISABLED".to_string()]);
    assert_eq!(parsed.keys.sort, Sort::default());
    assert_eq!(parsed.keys.selected, None);
    assert!(!parsed.keys.query.needs_attention);
}

#[test]
fn every_field_round_trips() {
    for view in [View::KeyLookup, View::PrivilegeExplorer] {
        for region in Region::ALL {
            for org in [None, Some("myorg"), Some("my-org_2")] {
                let original = state(view, region, org);
                let query = original.to_query(&LinkSecrets::default());
                assert_eq!(UrlState::from_query(&query), original, "{query}");
            }
        }
    }
}

#[test]
fn defaults_make_an_empty_query() {
    assert_eq!(UrlState::default().to_query(&LinkSecrets::default()), "");
    assert_eq!(UrlState::from_query(""), UrlState::default());
    assert_eq!(UrlState::from_query("?"), UrlState::default());
}

#[test]
fn query_is_readable() {
    assert_eq!(
        state(View::PrivilegeExplorer, Region::Eu, Some("myorg")).to_query(&LinkSecrets::default()),
        "?view=privileges&region=eu&org=myorg"
    );
}

#[test]
fn special_characters_and_garbage_fall_back_to_defaults() {
    for query in [
        "?org=%26%3D%25%2B%23%3F%2F%20%C3%A9",
        "?org=a+b",
        "?org=..%2Fx",
        "?view=admin&region=mars",
        "?%%%&&==&view",
        "?org=%ZZ",
        "&&&",
        "?region=https%3A%2F%2Fevil.example",
    ] {
        let parsed = UrlState::from_query(query);
        assert_eq!(parsed, UrlState::default(), "{query}");
    }
}

#[test]
fn known_fields_survive_unknown_neighbours() {
    let parsed = UrlState::from_query("?utm_source=mail&view=privileges&x=%E9&region=CA&org=abc");
    assert_eq!(
        parsed,
        state(View::PrivilegeExplorer, Region::Ca, Some("abc"))
    );
}

#[test]
fn a_link_cannot_carry_a_token_or_an_api_base() {
    let parsed = UrlState::from_query(
        "?token=secret&access_token=secret&base=https%3A%2F%2Fevil.example&apiBase=x&org=abc",
    );
    assert_eq!(parsed, state(View::KeyLookup, Region::Us, Some("abc")));
    assert!(!parsed.to_query(&LinkSecrets::default()).contains("secret"));
    assert!(!parsed.to_query(&LinkSecrets::default()).contains("evil"));
}

#[test]
fn toggling_adds_a_missing_pick_at_the_end_and_removes_a_present_one() {
    let mut picks = vec!["A".to_owned(), "B".to_owned()];
    toggle(&mut picks, "C".to_owned());
    assert_eq!(picks, ["A", "B", "C"]);
    toggle(&mut picks, "A".to_owned());
    assert_eq!(picks, ["B", "C"]);
    toggle(&mut picks, "A".to_owned());
    assert_eq!(picks, ["B", "C", "A"]);
}

#[test]
fn the_finder_and_the_builder_purpose_are_part_of_the_link() {
    let mut state = state(View::PrivilegeExplorer, Region::Us, Some("myorg"));
    state.explorer.finder = "PUT /rest/organizations/myorg/sources/abc123".to_owned();
    state.explorer.purpose = Purpose::PublicSearchPage;
    let query = state.to_query(&LinkSecrets::default());
    assert!(
        query.contains("op=PUT+%2Frest%2Forganizations%2Fmyorg%2Fsources%2Fabc123"),
        "{query}"
    );
    assert!(query.contains("purpose=public-search"), "{query}");
    assert_eq!(UrlState::from_query(&query), state);
    let unknown = UrlState::from_query("view=privileges&purpose=steal-secrets");
    assert_eq!(unknown.explorer.purpose, Purpose::Custom);
}

#[test]
fn two_keys_side_by_side_are_part_of_the_link() {
    let mut state = state(View::KeyLookup, Region::Us, Some("myorg"));
    state.keys.selected = Some("wduuqg3ip2c3i3gpopapxhcgxe".into());
    state.keys.versus = Some("q8n2k4vb6xw3zt7cm5rp9hjyda".into());
    let query = state.to_query(&LinkSecrets::default());
    assert!(query.contains("vs=q8n2k4vb6xw3zt7cm5rp9hjyda"), "{query}");
    assert_eq!(UrlState::from_query(&query), state);
    assert_eq!(UrlState::from_query("vs=<script>").keys.versus, None);
}

#[test]
fn a_link_says_what_it_opens_in_words() {
    let keys = UrlState::from_query(
        "org=myorg&q=search+page&status=DISABLED&attention=1&sort=-used&key=abc-123",
    );
    assert_eq!(
        keys.opens().as_deref(),
        Some(
            "Key lookup of myorg: keys matching \u{201c}search page\u{201d} · status Disabled · keys that need attention · sorted by last use, newest first · the details of key abc-123"
        )
    );
    let explorer = UrlState::from_query(
        "view=privileges&org=myorg&pick=SEARCH_API.EXECUTE_QUERY,SOURCE.SOURCE.VIEW&purpose=search-token&compare=k1",
    );
    let said = explorer.opens().expect("picks are worth saying");
    assert!(said.starts_with("Privilege explorer of myorg: "), "{said}");
    assert!(
        said.contains("a key for: Server-side search token"),
        "{said}"
    );
    assert!(said.contains("2 privileges in the builder"), "{said}");
    assert!(said.contains("compared with key k1"), "{said}");
}

#[test]
fn a_link_with_nothing_but_a_view_and_an_organization_needs_no_words() {
    assert_eq!(UrlState::from_query("org=myorg").opens(), None);
    assert_eq!(
        UrlState::from_query("view=privileges&region=eu").opens(),
        None
    );
    // What a link cannot carry is not said either.
    assert_eq!(
        UrlState::from_query("token=abc&base=https://evil.example").opens(),
        None
    );
}
