//! The browser's clock and local time formatting.

use domain::model::Timestamp;
use wasm_bindgen::JsValue;

pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// The date and time in the user's locale and time zone.
pub fn local_time(at: Timestamp) -> String {
    js_sys::Date::new(&JsValue::from_f64(at.0 as f64))
        .to_locale_string("default", &JsValue::UNDEFINED)
        .into()
}
