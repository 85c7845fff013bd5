//! Auditing 10,000 keys holding 20 privileges each, on the host: "held by" counts for
//! every privilege of the catalog, and `can:` filter keystrokes as a user types
//! `can:sources.edit` and deletes it. Medians.
//!   cargo bench -p key-explorer-domain --bench audit   (xtask/run bench runs it)

mod common;

use std::hint::black_box;
use std::time::Instant;

use common::{keystrokes, median, ms};
use domain::can_term::holder_counts;
use domain::catalog::Catalog;
use domain::export::to_csv;
use domain::key_list::{KeyIndex, KeyQuery};
use domain::model::Timestamp;
use domain::privilege_explorer::PrivilegeRef;

const KEYS: usize = 10_000;
const TYPED: &str = "can:sources.edit";

fn main() {
    let catalog = Catalog::shipped();
    let keys = catalog.sample_keys(KEYS, 20);
    let rows: Vec<PrivilegeRef> = catalog
        .every_privilege()
        .map(|p| PrivilegeRef::of(&p))
        .collect();
    let counts: Vec<f64> = (0..21)
        .map(|_| {
            let started = Instant::now();
            black_box(holder_counts(black_box(&keys), &rows));
            ms(started)
        })
        .collect();
    let started = Instant::now();
    let index = KeyIndex::new(&keys, Timestamp(1_764_000_000_000));
    let prepare = ms(started);
    let order: Vec<usize> = (0..keys.len()).collect();
    let mut strokes = Vec::new();
    for _ in 0..7 {
        for text in keystrokes(TYPED) {
            let query = KeyQuery {
                text,
                ..KeyQuery::default()
            };
            let started = Instant::now();
            black_box(index.filter(&order, &query));
            strokes.push(ms(started));
        }
    }
    let csv: Vec<f64> = (0..7)
        .map(|_| {
            let started = Instant::now();
            black_box(to_csv(&keys));
            ms(started)
        })
        .collect();
    println!("\n## Audit (host)\n");
    println!("10,000 keys with 20 privileges each, native code, medians.\n");
    println!("| figure | median | target |\n|---|---|---|");
    println!(
        "| \"held by\" counts for the catalog's {} privileges | {:.1} ms | <= 50 ms |",
        rows.len(),
        median(counts)
    );
    println!(
        "| CSV of the 10,000 keys | {:.1} ms | < 300 ms in the page |",
        median(csv)
    );
    println!("| preparing the keys for search, once per load (the page does it a slice at a time) | {prepare:.1} ms | |");
    println!(
        "| `can:` filter keystroke (\"{TYPED}\" typed, then deleted) | {:.2} ms | <= 16 ms |",
        median(strokes)
    );
}
