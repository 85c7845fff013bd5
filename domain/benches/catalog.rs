//! The catalog's two answers, on the host: "what can it call" for a key holding 50
//! privileges (every operation of the catalog matched against them), and an endpoint
//! finder keystroke over all 601 operations, as a user types a query and deletes it.
//! Medians; the browser's figures for the same are in `xtask/bench/page.mjs`.
//!   cargo bench -p key-explorer-domain --bench catalog   (xtask/run bench runs it)

mod common;

use std::hint::black_box;
use std::time::Instant;

use common::{keystrokes, median, ms};
use domain::catalog::Catalog;
use domain::operations::{callable, operation_count, owner_mix_ups, Lookup, OperationIndex};

const RUNS: usize = 101;
const TYPED: [&str; 2] = [
    "update source schedule",
    "PUT /rest/organizations/myorg/sources/abc123",
];

fn main() {
    let catalog = Catalog::shipped();
    let key: Vec<_> = catalog.every_privilege().take(50).collect();
    assert_eq!(key.len(), 50);
    let (mut calls, mut allowed) = (Vec::new(), 0);
    for _ in 0..RUNS {
        let started = Instant::now();
        let groups = black_box(callable(&catalog, black_box(&key)));
        black_box(owner_mix_ups(&catalog, &key));
        calls.push(ms(started));
        allowed = operation_count(&groups);
    }
    let started = Instant::now();
    let index = OperationIndex::new(catalog.operations);
    let prepare = ms(started);
    let mut strokes = Vec::new();
    for _ in 0..7 {
        for typed in TYPED {
            for text in keystrokes(typed) {
                let started = Instant::now();
                black_box(index.find(catalog.operations, &Lookup::read(&text)));
                strokes.push(ms(started));
            }
        }
    }
    println!("\n## Privilege catalog (host)\n");
    println!("Native code on this machine, medians; the page's own figures follow in \"Page\".\n");
    println!("| figure | median | target |\n|---|---|---|");
    println!(
        "| what can it call: a key with 50 privileges ({allowed} of {} operations allowed), with owner mix-ups | {:.3} ms | <= 5 ms |",
        catalog.operations.len(),
        median(calls)
    );
    println!(
        "| endpoint finder: preparing the {} operations (once) | {prepare:.2} ms | |",
        catalog.operations.len()
    );
    println!(
        "| endpoint finder: one keystroke over all operations | {:.3} ms | <= 16 ms |",
        median(strokes)
    );
}
