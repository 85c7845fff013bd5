//! "Who holds what": `can:` terms in the key filter, by code or Console name, the
//! creator in the search, and how many keys hold each privilege.

use domain::can_term::{
    filter_for, filter_tokens, holder_counts, split_filter, without_token, CanTerm, Reading,
};
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

fn readings(text: &str) -> Vec<(String, Reading)> {
    KeyIndex::new(&keys(), NOW).read_terms(text)
}

#[test]
fn can_terms_take_console_names_in_quotes_service_and_code_mixed_and_the_start_of_words() {
    let holders = ["search", "enabled"];
    assert_eq!(find(r#"can:"Execute queries""#), holders);
    assert_eq!(find(r#"can:"Search · Execute queries""#), holders);
    assert_eq!(find("can:search.execute_query"), holders);
    assert_eq!(find("can:execute"), holders);
    assert_eq!(find("can:exec"), holders);
    // The start of words with a level: the level still counts.
    assert_eq!(find("can:exec.enable"), holders);
    assert_eq!(find("can:execute.edit"), Vec::<String>::new());
    // A quoted term and plain words around it.
    assert_eq!(find(r#"page can:"execute queries""#), ["search"]);
}

#[test]
fn a_term_says_what_it_names_or_why_it_keeps_nothing() {
    let [(token, reading)] = readings("can:execute page").try_into().unwrap();
    assert_eq!(token, "can:execute");
    assert_eq!(
        reading,
        Reading::Names(vec!["Search · Execute queries".into()])
    );
    // A slip of the keyboard: nothing is kept, and the name meant is offered.
    assert_eq!(
        readings("can:exectue-queries")[0].1,
        Reading::Nothing {
            suggestion: Some("Search · Execute queries".into())
        }
    );
    assert_eq!(find("can:exectue-queries"), Vec::<String>::new());
    assert_eq!(
        readings("can:zzzzzz")[0].1,
        Reading::Nothing { suggestion: None }
    );
    // Words that start several names keep nothing, and say which they start.
    match &readings("can:s")[0].1 {
        Reading::Ambiguous { some, total } => {
            assert_eq!(some.len(), 3);
            assert!(*total > 3, "{total}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(find("can:s"), Vec::<String>::new());
    // An exact name reads as the pairs it names.
    assert_eq!(
        readings("can:SOURCE")[0].1,
        Reading::Names(vec!["Content · Sources".into()])
    );
}

#[test]
fn quoted_terms_are_one_token_and_a_token_can_be_taken_out() {
    assert_eq!(
        filter_tokens(r#"a can:"Execute queries" b"#),
        ["a", r#"can:"Execute queries""#, "b"]
    );
    // While it is being typed, the quote runs to the end.
    assert_eq!(
        filter_tokens(r#"a can:"Execute qu"#),
        ["a", r#"can:"Execute qu"#]
    );
    assert_eq!(
        without_token(r#"a can:"Execute queries" b"#, r#"can:"Execute queries""#),
        "a b"
    );
}

#[test]
fn a_term_with_a_level_reads_with_it() {
    assert_eq!(
        readings("can:source.edit")[0].1,
        Reading::Names(vec!["Content · Sources · Edit".into()])
    );
    assert_eq!(
        readings("can:analytics-data.push")[0].1,
        Reading::Names(vec!["Analytics · Analytics data · Push".into()])
    );
}
