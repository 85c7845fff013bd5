//! "Who holds what": `can:` terms in the key filter, by code or Console name, the
//! creator in the search, and how many keys hold each privilege.

use domain::can_term::{filter_for, holder_counts, split_filter, CanTerm};
use domain::catalog::Catalog;
use domain::decode::decode_list;
use domain::key_list::{KeyIndex, KeyQuery};
use domain::model::{ApiKey, Timestamp};
use domain::privilege_explorer::PrivilegeRef;

const NOW: Timestamp = Timestamp(1_764_000_000_000);

fn keys() -> Vec<ApiKey> {
    decode_list(
        r#"[
        {"id":"editor","displayName":"Source editor","createdBy":{"username":"bob@example.com","displayName":"Bob Tremblay"},
         "privileges":[{"owner":"PLATFORM","targetDomain":"SOURCE","type":"EDIT","targetId":"abc"},
                       {"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW","targetId":"*"}]},
        {"id":"viewer","displayName":"Source viewer","createdBy":"alice@example.com",
         "privileges":[{"owner":"PLATFORM","targetDomain":"SOURCE","type":"VIEW","targetId":"*"}]},
        {"id":"search","displayName":"Search page","createdBy":"bob@example.com",
         "privileges":[{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY","targetId":"*"},
                       {"owner":"USAGE_ANALYTICS","targetDomain":"ANALYTICS_DATA","type":"EDIT","targetId":"*"}]},
        {"id":"enabled","displayName":"Query with ENABLE",
         "privileges":[{"owner":"SEARCH_API","targetDomain":"EXECUTE_QUERY","type":"ENABLE","targetId":"*"}]},
        {"id":"bare","displayName":"No privileges"}
    ]"#,
    )
    .unwrap()
    .items
}

fn find(text: &str) -> Vec<String> {
    let keys = keys();
    let index = KeyIndex::new(&keys, NOW);
    let order: Vec<usize> = (0..keys.len()).collect();
    let query = KeyQuery {
        text: text.to_owned(),
        ..KeyQuery::default()
    };
    index
        .filter(&order, &query)
        .into_iter()
        .map(|i| keys[i].id.clone())
        .collect()
}

#[test]
fn can_terms_name_a_domain_at_any_level_or_one_level_with_or_without_its_owner() {
    assert_eq!(find("can:SOURCE"), ["editor", "viewer"]);
    assert_eq!(find("can:source.edit"), ["editor"]);
    assert_eq!(find("CAN:Platform.Source.Edit"), ["editor"]);
    assert_eq!(find("can:PLATFORM.SOURCE"), ["editor", "viewer"]);
    assert_eq!(find("can:SEARCH_API.SOURCE"), Vec::<String>::new());
    assert_eq!(find("can:source.create"), Vec::<String>::new());
}

#[test]
fn can_terms_take_the_consoles_words_singular_or_plural() {
    assert_eq!(find("can:sources.edit"), ["editor"]);
    assert_eq!(find("can:analytics-data.push"), ["search"]);
    assert_eq!(find("can:execute-queries"), ["search", "enabled"]);
    // Type-less and ENABLE are the same level, as the catalog's sources use them.
    assert_eq!(
        find("can:SEARCH_API.EXECUTE_QUERY.ALLOWED"),
        ["search", "enabled"]
    );
}

#[test]
fn can_terms_combine_with_each_other_and_with_words() {
    assert_eq!(find("can:source.view source"), ["editor", "viewer"]);
    assert_eq!(find("can:source.view can:source.edit"), ["editor"]);
    assert_eq!(find("viewer can:SOURCE"), ["viewer"]);
    // An unreadable term is a plain word.
    assert_eq!(split_filter("can: can:a..b word").0, "can: can:a..b word");
    assert!(CanTerm::parse("can:a.b.c.d").is_none());
}

#[test]
fn the_creator_is_searchable_by_any_of_their_names() {
    assert_eq!(find("bob"), ["editor", "search"]);
    assert_eq!(find("tremblay"), ["editor"]);
    assert_eq!(find("alice@example.com"), ["viewer"]);
}

#[test]
fn adding_a_can_term_narrows_and_changing_one_does_not() {
    let q = |text: &str| KeyQuery {
        text: text.to_owned(),
        ..KeyQuery::default()
    };
    assert!(q("source").narrows_to(&q("source can:SOURCE")));
    assert!(q("can:SOURCE").narrows_to(&q("can:SOURCE can:source.edit")));
    assert!(!q("can:SOURCE").narrows_to(&q("can:SOURC")));
    assert!(!q("can:source.edit").narrows_to(&q("can:source")));
}

#[test]
fn holders_are_counted_once_per_key_and_found_by_the_link_they_give() {
    let keys = keys();
    let rows = [
        "PLATFORM.SOURCE.VIEW",
        "PLATFORM.SOURCE.EDIT",
        "SEARCH_API.EXECUTE_QUERY",
        "PLATFORM.FIELD.VIEW",
    ]
    .map(|c| PrivilegeRef::from_code(c).unwrap());
    assert_eq!(holder_counts(&keys, &rows), [2, 1, 2, 0]);
    for (row, count) in rows.iter().zip(holder_counts(&keys, &rows)) {
        let filter = filter_for(&row.owner, &row.target_domain, row.kind.as_deref());
        assert_eq!(find(&filter).len(), count, "{filter}");
    }
}

#[test]
fn a_can_term_matches_pairs_the_catalog_does_not_know_by_their_code() {
    let term = CanTerm::parse("can:ACME.ANVILS").unwrap();
    assert!(term.names(&Catalog::shipped(), "ACME", "ANVILS", None));
    assert!(!term.names(&Catalog::shipped(), "ACME", "ANVIL_MAKERS", None));
}
