//! The hasher of the maps and sets keyed by what the API sends (owners, domains, types,
//! targets): fast, and seeded with a random number once per page, so that a hostile host
//! cannot choose 100,000 names that all fall in one bucket and turn each lookup into a
//! scan. An unseeded fast hash (FxHash) has collisions an attacker can compute offline,
//! and std's SipHash has fixed keys in the browser, where it finds no randomness.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::BuildHasher;

use foldhash::fast::FoldHasher;
use foldhash::SharedSeed;

pub type HashMap<K, V> = StdHashMap<K, V, Seeded>;
pub type HashSet<T> = StdHashSet<T, Seeded>;

/// Builds hashers that share this page's random seed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Seeded;

impl BuildHasher for Seeded {
    type Hasher = FoldHasher<'static>;

    fn build_hasher(&self) -> FoldHasher<'static> {
        let (per_hasher, shared) = seeds();
        FoldHasher::with_seed(*per_hasher, shared)
    }
}

/// The hash of `value` with this page's seed.
pub fn hash_one(value: impl std::hash::Hash) -> u64 {
    Seeded.hash_one(value)
}

#[expect(
    clippy::disallowed_types,
    reason = "the page's seed is drawn once and never changes"
)]
fn seeds() -> &'static (u64, SharedSeed) {
    static SEEDS: std::sync::OnceLock<(u64, SharedSeed)> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let (a, b) = (random_u64(), random_u64());
        (a, SharedSeed::from_u64(b))
    })
}

/// 64 random bits: the browser's `Math.random` (seeded by its own secure generator; no
/// host sees it), or std's per-process random keys on the host. This and the Unicode
/// tables of `fold.rs` are all the core asks of the platform; `tests/core_in_browser.rs`
/// checks both in the browser against the host's cases.
#[cfg(target_arch = "wasm32")]
fn random_u64() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}

#[cfg(not(target_arch = "wasm32"))]
fn random_u64() -> u64 {
    std::collections::hash_map::RandomState::new().hash_one(0u8)
}

/// The hash of `value` with a fixed seed, the one an attacker could compute collisions
/// for: what the tests on both sides check the page's seed against.
#[doc(hidden)]
pub fn hash_with_fixed_seed(value: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut hasher = FoldHasher::with_seed(0, SharedSeed::global_fixed());
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_hash_equal_and_the_seed_is_not_a_constant() {
        assert_eq!(hash_one("PLATFORM"), hash_one("PLATFORM"));
        assert_ne!(hash_one("PLATFORM"), hash_one("SEARCH_API"));
        assert_ne!(hash_one("PLATFORM"), hash_with_fixed_seed("PLATFORM"));
    }
}
