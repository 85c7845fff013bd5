//! Saving text the page made (an export, the builder's JSON) as a file, without a server:
//! a `Blob`, a link with `download`, and the object URL revoked once the download has it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a download named `name`, of type `mime`.
pub fn save_file(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    save_parts(name, mime, &js_sys::Array::of1(&JsValue::from_str(text)))
}

/// Offers the strings in `parts`, one after the other, as one file: a large file made a
/// piece at a time is never copied into one string.
pub fn save_parts(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download reads the URL after this task; revoking it at once can cancel it.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
