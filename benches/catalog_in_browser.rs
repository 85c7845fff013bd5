//! The catalog's answers in the browser's wasm (headless Chromium), as the page pays
//! them: "what can it call" for a key holding 50 privileges, an endpoint finder
//! keystroke, and "held by" counts over 10,000 keys (the host's figures are in
//! `domain/benches/catalog.rs` and `audit.rs`).
//!   cargo bench --target wasm32-unknown-unknown --bench catalog_in_browser

use std::time::Duration;

use domain::can_term::holder_counts;
use domain::catalog::Catalog;
use domain::operations::{callable, owner_mix_ups, Lookup, OperationIndex};
use domain::privilege_explorer::PrivilegeRef;
use wasm_bindgen_test::{wasm_bindgen_bench, wasm_bindgen_test_configure, Criterion};

wasm_bindgen_test_configure!(run_in_browser);

/// Shorter than Criterion's defaults: a benchmark holds the page, and the test runner's
/// WebDriver gives up on a page that does not answer for 20 s.
fn brief(c: &mut Criterion) -> Criterion {
    std::mem::take(c)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

#[wasm_bindgen_bench]
fn what_a_key_with_50_privileges_can_call(c: &mut Criterion) {
    let c = &mut brief(c);
    let catalog = Catalog::shipped();
    let key: Vec<_> = catalog.every_privilege().take(50).collect();
    c.bench_function("what can it call, 50 privileges", |b| {
        b.iter(|| (callable(&catalog, &key), owner_mix_ups(&catalog, &key)))
    });
}

#[wasm_bindgen_bench]
fn an_endpoint_finder_keystroke(c: &mut Criterion) {
    let c = &mut brief(c);
    let catalog = Catalog::shipped();
    let index = OperationIndex::new(catalog.operations);
    let lookup = Lookup::read("update source sch");
    c.bench_function("endpoint finder keystroke, 601 operations", |b| {
        b.iter(|| index.find(catalog.operations, &lookup))
    });
}

#[wasm_bindgen_bench]
fn held_by_counts_for_10000_keys(c: &mut Criterion) {
    let c = &mut brief(c);
    let catalog = Catalog::shipped();
    let keys = catalog.sample_keys(10_000, 20);
    let rows: Vec<PrivilegeRef> = catalog
        .every_privilege()
        .map(|p| PrivilegeRef::of(&p))
        .collect();
    c.bench_function("held by counts, 10,000 keys of 20 privileges", |b| {
        b.iter(|| holder_counts(&keys, &rows))
    });
}
