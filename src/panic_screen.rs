//! What a panic leaves on screen: an explanation and a way back, never a blank page.
//!
//! On wasm32 every panic ends in a trap: the release build aborts at once
//! (`panic=immediate-abort`, which leaves panic messages out of the wasm), other builds
//! after the hook has logged the message. The trap reaches the page as an uncaught
//! `WebAssembly.RuntimeError`, which is what shows the screen, in every build alike.

use leptos::prelude::window_event_listener_untyped;
use wasm_bindgen::{JsCast, JsValue};

/// Logs panic messages where the build keeps them, and shows [`show`] when the app traps.
pub fn install() {
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    for event in ["error", "unhandledrejection"] {
        // The listeners live as long as the page: their handles are never removed.
        window_event_listener_untyped(event, |event| {
            if is_trap(&event) {
                web_sys::console::error_1(&JsValue::from_str(
                    "Coveo Key Explorer stopped on an internal error (a Rust panic). A debug build (`trunk serve`) logs its message.",
                ));
                show();
            }
        });
    }
}

/// Whether an `error` or `unhandledrejection` event carries a WebAssembly trap, as
/// opposed to another script's error, which must not take the page down.
fn is_trap(event: &web_sys::Event) -> bool {
    ["error", "reason"].into_iter().any(|field| {
        js_sys::Reflect::get(event, &JsValue::from_str(field))
            .is_ok_and(|error| error.is_instance_of::<js_sys::WebAssembly::RuntimeError>())
    })
}

/// Replaces the page with an error screen. Built with plain DOM calls and a link rather
/// than the app's views or event handlers: after a panic the app cannot run them.
pub fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let here = document
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let element = |tag: &str, text: &str| {
        let el = document.create_element(tag).expect("a DOM element");
        el.set_text_content(Some(text));
        el
    };
    let screen = document.create_element("main").expect("a DOM element");
    let _ = screen.set_attribute("class", "panic-screen");
    let _ = screen.set_attribute("role", "alert");
    let _ = screen.set_attribute("data-testid", "panic-screen");
    let reload = element("a", "Reload the page");
    let _ = reload.set_attribute("href", &here);
    let _ = reload.set_attribute("class", "button primary");
    for child in [
        element("h1", "Something went wrong"),
        element(
            "p",
            "Coveo Key Explorer hit an internal error and stopped. Nothing was saved: reload the page (the view and organization stay in the link; paste the token again).",
        ),
        reload,
    ] {
        let _ = screen.append_child(&child);
    }
    body.set_text_content(None);
    let _ = body.append_child(screen.unchecked_ref());
}
