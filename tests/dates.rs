//! ISO dates in the browser, where `Date.parse` reads them rather than the host's `time`
//! crate: the host's cases (`domain::iso_date::cases`), and through a decoded key.

#![cfg(target_arch = "wasm32")]

use domain::decode::decode_list;
use domain::iso_date::{cases, unix_millis};
use domain::model::{ApiKey, Timestamp};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
