//! The pure core in the browser, against the host's cases: folding, where accents are
//! taken off by the JavaScript engine's Unicode tables (`String.prototype.normalize`)
//! rather than the host's crate; the page's hash seed, drawn from the browser's random
//! numbers; and dates, read by the same code as on the host.

#![cfg(target_arch = "wasm32")]

use domain::decode::decode_list;
use domain::fold::{cases as fold_cases, fold, FoldedMap};
use domain::hashing::{hash_one, hash_with_fixed_seed};
use domain::iso_date::{cases, unix_millis};
use domain::model::{ApiKey, Timestamp};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn folds_case_and_accents_like_the_host() {
    for &(text, folded) in fold_cases::FOLDED {
        assert_eq!(fold(text), folded, "{text}");
    }
}

#[wasm_bindgen_test]
fn maps_folded_matches_back_to_the_original() {
    let text = "Le Café, é";
    let map = FoldedMap::new(text);
    assert_eq!(map.folded, "le cafe, e");
    let at = map.folded.find("cafe").unwrap();
    let (from, to) = map.original_range(at, at + 4, text);
    assert_eq!(&text[from..to], "Café");
}

#[wasm_bindgen_test]
fn reads_utc_offsets_and_fractions_like_the_host() {
    for &(text, millis) in cases::READ {
        assert_eq!(unix_millis(text), Some(millis), "{text}");
    }
}

#[wasm_bindgen_test]
fn refuses_what_names_no_instant_or_no_real_date_like_the_host() {
    for &text in cases::REFUSED {
        assert_eq!(unix_millis(text), None, "{text}");
    }
}

#[wasm_bindgen_test]
fn a_decoded_key_reads_both_date_forms() {
    let body = r#"[{"id":"a","createdDate":1614969486000,"lastUsedDate":"2021-03-05T18:38:06Z",
        "expirationDate":"2021-03-05T20:38:06.500+02:00","disabledDate":"next tuesday"}]"#;
    let key: &ApiKey = &decode_list(body).unwrap().items[0];
    assert_eq!(key.created_date, Some(Timestamp(1_614_969_486_000)));
    assert_eq!(key.last_used_date, Some(Timestamp(1_614_969_486_000)));
    assert_eq!(key.expiration_date, Some(Timestamp(1_614_969_486_500)));
    assert_eq!(key.disabled_date, None);
}

#[wasm_bindgen_test]
fn the_hash_seed_is_random_here_too() {
    assert_eq!(hash_one("PLATFORM"), hash_one("PLATFORM"));
    assert_ne!(hash_one("PLATFORM"), hash_with_fixed_seed("PLATFORM"));
}
