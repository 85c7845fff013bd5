//! The browser entry point. `web/page-guard.js` (plain JavaScript that runs first) shows
//! the error screen on a trap and says why nothing is drawn in a frame.

fn main() {
    // Panic messages reach the console where the build keeps them (not the release build,
    // `panic=immediate-abort`).
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    if framed() {
        return;
    }
    leptos::mount::mount_to_body(coveo_key_explorer::App);
}

/// Whether another page frames this one: then no input is drawn, so no click from there
/// can land on one.
fn framed() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    match window.top() {
        Ok(Some(top)) => wasm_bindgen::JsValue::from(top) != wasm_bindgen::JsValue::from(window),
        _ => true,
    }
}
