//! Narrowing a key search: when one query narrows to the next, looking for the next
//! among the first's matches finds exactly what a search of every key finds.

use domain::key_list::{filter_unprepared, KeyIndex, KeyQuery};
use domain::model::{ApiKey, Timestamp};
use proptest::prelude::*;

const NOW: Timestamp = Timestamp(1_764_000_000_000);
const STATUSES: [&str; 3] = ["ENABLED", "DISABLED", "EXPIRED"];

fn key() -> impl Strategy<Value = ApiKey> {
    (
        "[a-c]{1,4}",
        "[abcé ]{0,8}",
        "[bcÉ ]{0,8}",
        0..3usize,
        any::<bool>(),
    )
        .prop_map(|(id, name, description, status, used)| {
            let json = serde_json::json!({
                "id": id,
                "displayName": name,
                "description": description,
                "status": STATUSES[status],
                "lastUsedDate": used.then_some(NOW.0),
            });
            serde_json::from_value(json).expect("a key")
        })
}

fn query() -> impl Strategy<Value = KeyQuery> {
    (
        "[abcÉ ]{0,6}",
        proptest::sample::subsequence(STATUSES.to_vec(), 0..=2),
        any::<bool>(),
    )
        .prop_map(|(text, statuses, needs_attention)| KeyQuery {
            text,
            statuses: statuses.into_iter().map(str::to_owned).collect(),
            needs_attention,
        })
}

/// `first` with more typed, chips taken away (or a first one pressed) and perhaps "needs
/// attention" turned on: a query `first` narrows to.
fn narrowed(first: KeyQuery) -> impl Strategy<Value = KeyQuery> {
    let statuses = if first.statuses.is_empty() {
        proptest::sample::subsequence(STATUSES.to_vec(), 0..=2).boxed()
    } else {
        let kept: Vec<&str> = STATUSES
            .iter()
            .copied()
            .filter(|s| first.statuses.iter().any(|f| f == s))
            .collect();
        proptest::sample::subsequence(kept.clone(), 1..=kept.len()).boxed()
    };
    ("[abcÉ ]{0,3}", statuses, any::<bool>()).prop_map(move |(more, statuses, attention)| {
        KeyQuery {
            text: format!("{}{more}", first.text),
            statuses: statuses.into_iter().map(str::to_owned).collect(),
            needs_attention: first.needs_attention || attention,
        }
    })
}

/// A query and a next one: half the time one it narrows to, half the time any other.
fn two_queries() -> impl Strategy<Value = (KeyQuery, KeyQuery)> {
    query().prop_flat_map(|first| {
        let next = prop_oneof![narrowed(first.clone()), query()];
        (Just(first), next)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn searching_within_the_last_matches_finds_what_a_full_search_finds(
        keys in proptest::collection::vec(key(), 0..30),
        (first, next) in two_queries(),
    ) {
        let index = KeyIndex::new(&keys, NOW);
        let order: Vec<usize> = (0..keys.len()).rev().collect();
        if first.narrows_to(&next) {
            let within = index.filter(&index.filter(&order, &first), &next);
            prop_assert_eq!(within, index.filter(&order, &next));
        }
    }

    #[test]
    fn typing_on_taking_chips_away_or_asking_for_attention_narrows((first, next) in query().prop_flat_map(|first| (Just(first.clone()), narrowed(first)))) {
        prop_assert!(first.narrows_to(&next), "{first:?} -> {next:?}");
    }
}

proptest! {
    #[test]
    fn natural_order_is_a_total_order_and_plain_order_without_digits(
        a in "[a-c0-2 ]{0,8}", b in "[a-c0-2 ]{0,8}", c in "[a-c ]{0,8}", d in "[a-c ]{0,8}",
    ) {
        use domain::key_list::natural_cmp;
        prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
        prop_assert_eq!(natural_cmp(&a, &a), std::cmp::Ordering::Equal);
        prop_assert_eq!(natural_cmp(&c, &d), c.cmp(&d));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// The key picker's search: the first matches of the prepared index are the first of
    /// what folding every key finds, the key left out excepted, and the count is all of
    /// them.
    #[test]
    fn the_pickers_first_matches_are_the_first_of_every_match(
        keys in proptest::collection::vec(key(), 0..30),
        text in "[abcÉ ]{0,6}",
        except in proptest::option::of(0..30usize),
        limit in 0..10usize,
    ) {
        let index = KeyIndex::new(&keys, NOW);
        let found = index.find(&text, except, limit);
        let every: Vec<usize> = if text.trim().is_empty() {
            Vec::new()
        } else {
            filter_unprepared(&keys, &text)
                .into_iter()
                .filter(|&i| Some(i) != except)
                .collect()
        };
        prop_assert_eq!(found.total, every.len());
        prop_assert_eq!(&found.first[..], &every[..every.len().min(limit)]);
    }
}
