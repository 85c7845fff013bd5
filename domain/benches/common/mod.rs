//! What the host benchmarks share: medians, timing, and each text a field sees while a
//! query is typed then deleted.

#![allow(dead_code)] // each benchmark uses its own part

use std::time::Instant;

pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let m = xs.len() / 2;
    if xs.len() % 2 == 1 {
        xs[m]
    } else {
        (xs[m - 1] + xs[m]) / 2.0
    }
}

/// Milliseconds since `started`.
pub fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// Each text a field holds while `typed` is typed, then deleted, a character at a time.
pub fn keystrokes(typed: &str) -> Vec<String> {
    let ends: Vec<usize> = typed
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .collect();
    let typing = ends.iter().map(|&end| typed[..end].to_owned());
    let deleting = ends
        .iter()
        .rev()
        .skip(1)
        .map(|&end| typed[..end].to_owned());
    typing.chain(deleting).chain([String::new()]).collect()
}
