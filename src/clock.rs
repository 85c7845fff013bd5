//! The browser's clock and local time formatting.

use domain::model::Timestamp;
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

pub fn now() -> Timestamp {
    Timestamp(Date::now() as i64)
}

thread_local! {
    /// One formatter for every date shown: `Date.toLocaleString` builds a new one per
    /// call, which cost 6 ms for one page of keys.
    static LOCAL_FORMAT: Function = {
        let options = Object::new();
        for field in ["year", "month", "day", "hour", "minute", "second"] {
            let _ = Reflect::set(&options, &field.into(), &"numeric".into());
        }
        Intl::DateTimeFormat::new(&Array::new(), &options).format()
    };
    /// The same with the time zone's name, for dates read in full (a key's details).
    static ZONED_FORMAT: Function = {
        let options = Object::new();
        for field in ["year", "month", "day", "hour", "minute"] {
            let _ = Reflect::set(&options, &field.into(), &"numeric".into());
        }
        let _ = Reflect::set(&options, &"timeZoneName".into(), &"short".into());
        Intl::DateTimeFormat::new(&Array::new(), &options).format()
    };
}

/// Creates the shared formatter now. The page's first `Intl` formatter loads the locale's
/// data (11 to 80 ms, machine to machine): better once the page is idle than during the
/// first render of keys, or in the way of the first paint.
pub fn prepare_local_time() {
    LOCAL_FORMAT.with(|_| ());
}

/// The date and time in the user's locale and time zone (as `Date.toLocaleString`).
pub fn local_time(at: Timestamp) -> String {
    LOCAL_FORMAT.with(|format| formatted(format, at))
}

/// The date and time in the user's locale, with the time zone's name ("3/12/2024,
/// 10:05 AM EDT").
pub fn zoned_time(at: Timestamp) -> String {
    ZONED_FORMAT.with(|format| formatted(format, at))
}

fn formatted(format: &Function, at: Timestamp) -> String {
    let date = Date::new(&JsValue::from_f64(at.0 as f64));
    format
        .call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}
