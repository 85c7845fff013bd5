//! The key filter on 10,000 keys, as a user types "service 42" and deletes it: the
//! prepared index (what the app runs, narrowing among the last matches while the query
//! narrows) against the unprepared baseline (every field of every key folded again on
//! each keystroke). Medians of the keystrokes' times, on the host.
//!   cargo bench -p key-explorer-domain --bench filter   (xtask/run bench runs it)

mod common;

use std::hint::black_box;
use std::time::Instant;

use domain::decode::decode_list;
use domain::key_list::{filter_unprepared, KeyIndex, KeyQuery};
use domain::model::{ApiKey, Timestamp};

use common::{keystrokes, median};

const KEYS: usize = 10_000;
const RUNS: usize = 7;
const TYPED: &str = "service 42";

/// Keys shaped like the test API's large organization (`bigOrgKeys`).
fn keys() -> Vec<ApiKey> {
    let teams = ["search", "commerce", "analytics", "ml"];
    let body: Vec<String> = (0..KEYS)
        .map(|i| {
            format!(
                r#"{{"id":"k{i:05}abcdefghijklmno","displayName":"Key {i} for service {}","description":"Generated key number {i}; team {}.","status":"ENABLED","createdDate":{}}}"#,
                i % 97,
                teams[i % 4],
                1_600_000_000_000_i64 + i as i64 * 3_600_000
            )
        })
        .collect();
    decode_list(format!("[{}]", body.join(","))).unwrap().items
}

fn main() {
    let keys = keys();
    let now = Timestamp(1_764_000_000_000);
    let started = Instant::now();
    let index = KeyIndex::new(&keys, now);
    let prepare_ms = started.elapsed().as_secs_f64() * 1000.0;
    let all: Vec<usize> = (0..keys.len()).collect();

    let (mut prepared, mut naive) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let mut last: Option<(KeyQuery, Vec<usize>)> = None;
        for text in keystrokes(TYPED) {
            let query = KeyQuery {
                text: text.clone(),
                ..KeyQuery::default()
            };
            let started = Instant::now();
            let rows = match &last {
                Some((q, rows)) if q.narrows_to(&query) => index.filter(rows, &query),
                _ => index.filter(&all, &query),
            };
            prepared.push(started.elapsed().as_secs_f64() * 1000.0);
            let started = Instant::now();
            let baseline = black_box(filter_unprepared(&keys, &text));
            naive.push(started.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(rows.len(), baseline.len(), "{text:?}");
            last = Some((query, rows));
        }
    }
    println!(
        "\n## Key filter on the host\n\n10,000 keys, medians of {} keystrokes (\"{TYPED}\" typed, then deleted).\n",
        prepared.len()
    );
    println!("| figure | prepared index (the app) | unprepared baseline |");
    println!("|---|---|---|");
    println!(
        "| filter keystroke | {:.2} ms | {:.2} ms |",
        median(prepared),
        median(naive)
    );
    println!("| preparing the index, once per load | {prepare_ms:.1} ms | none |");
}
