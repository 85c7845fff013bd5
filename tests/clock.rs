//! Local time formatting in the browser: one shared formatter, the same text as
//! `Date.toLocaleString`.

#![cfg(target_arch = "wasm32")]

use coveo_key_explorer::clock::local_time;
use domain::model::Timestamp;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_time_reads_like_the_browsers_own_date_text() {
    for millis in [0_i64, 1_700_000_000_000, 1_893_456_000_123] {
        let expected: String = js_sys::Date::new(&JsValue::from_f64(millis as f64))
            .to_locale_string("default", &JsValue::UNDEFINED)
            .into();
        assert_eq!(local_time(Timestamp(millis)), expected);
    }
    assert!(local_time(Timestamp(1_700_000_000_000)).contains("2023"));
}
