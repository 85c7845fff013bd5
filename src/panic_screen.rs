//! What a panic leaves on screen: an explanation and a way back, never a blank page.

use wasm_bindgen::JsCast;

/// Routes every panic to the console (for developers) and to [`show`] (for users).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
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
