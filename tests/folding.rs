//! Search folding in the browser, where accents are taken off by the JavaScript
//! engine's Unicode tables (`String.prototype.normalize`) rather than the host's crate:
//! the same cases as the host's tests in `domain/src/fold.rs`, plus scripts beyond Latin.

#![cfg(target_arch = "wasm32")]

use domain::fold::{fold, FoldedMap};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn folds_case_and_accents_like_the_host() {
    assert_eq!(fold("Café CRÈME Ångström"), "cafe creme angstrom");
    assert_eq!(fold("ŒUVRE straße"), "œuvre straße");
    assert_eq!(fold("日本語 ok"), "日本語 ok");
    assert_eq!(fold("Ελληνικά Ёлка Ωμέγα"), "ελληνικα елка ωμεγα");
    assert_eq!(fold("ΣΟΦΊΑ İstanbul ÆSIR"), "σοφια istanbul æsir");
}

#[wasm_bindgen_test]
fn a_decomposed_accent_in_the_text_folds_like_a_precomposed_one() {
    assert_eq!(fold("Cafe\u{301}"), fold("Café"));
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
