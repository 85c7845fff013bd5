//! Helpers for the browser tests: mount into a fresh container, type, click, wait.

#![allow(dead_code)]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh, attached container for one test's views.
pub fn container() -> HtmlElement {
    let div: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets effects, tasks and renders run.
pub async fn settle() {
    TimeoutFuture::new(0).await;
    TimeoutFuture::new(0).await;
}

/// Waits (up to ~5 s) until `ready` holds.
pub async fn until(mut ready: impl FnMut() -> bool) {
    for _ in 0..250 {
        if ready() {
            return;
        }
        TimeoutFuture::new(20).await;
    }
    panic!("condition not met within 5 seconds");
}

pub fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

pub fn find_all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The control a `<label>` with exactly this text names.
pub fn labelled(root: &HtmlElement, label: &str) -> HtmlElement {
    let label_el = find_all(root, "label")
        .into_iter()
        .find(|l| l.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no label {label:?}"));
    let id = label_el
        .get_attribute("for")
        .expect("labels name their control");
    find(root, &format!("#{id}"))
}

pub fn button(root: &HtmlElement, name: &str) -> HtmlElement {
    find_all(root, "button, a")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button or link {name:?}"))
}

pub fn text(root: &HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Types `value` into an input as a user would: sets it and fires `event` ("input"/"change").
pub fn type_into(input: &HtmlElement, value: &str, event: &str) {
    let input: &HtmlInputElement = input.unchecked_ref();
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict(event, &init).unwrap())
        .unwrap();
}
