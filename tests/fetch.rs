//! `Fetch`, the state of one small answer, in headless Chromium: the answer read back with
//! its type, a newer start drops an older answer, and stop aborts what is in flight while
//! keeping what was answered.

#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::*;
use coveo_key_explorer::fetch::{Fetch, Fetched};
use domain::error::ApiError;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Resolves after `ms` milliseconds, or fails with `ApiError::Timeout` when `controller`
/// aborts first.
async fn after(ms: u32, value: u32, controller: web_sys::AbortController) -> Result<u32, ApiError> {
    gloo_timers::future::TimeoutFuture::new(ms).await;
    if controller.signal().aborted() {
        Err(ApiError::Timeout { seconds: 0 })
    } else {
        Ok(value)
    }
}

/// An owner for the fetch's signals, and the executor its work runs on (as mounting an
/// app would set up).
fn reactive_world() -> Owner {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    owner
}

fn answer(fetch: Fetch<u32>) -> Option<u32> {
    fetch.with_untracked(|s| match s.fetched {
        Fetched::Ready(value) => Some(*value),
        _ => None,
    })
}

#[wasm_bindgen_test]
async fn an_answer_is_read_back_with_its_type_and_a_newer_start_wins() {
    let _owner = reactive_world();
    let fetch = Fetch::<u32>::new();
    fetch.start(None, |c| after(80, 1, c));
    fetch.start(None, |c| after(10, 2, c));
    until(|| answer(fetch).is_some()).await;
    gloo_timers::future::TimeoutFuture::new(120).await;
    assert_eq!(
        answer(fetch),
        Some(2),
        "the older, slower answer is dropped"
    );
    assert!(fetch.with_untracked(|s| s.ready_for(None).is_some()));
}

#[wasm_bindgen_test]
async fn stop_aborts_what_is_in_flight_and_keeps_what_was_answered() {
    let _owner = reactive_world();
    let fetch = Fetch::<u32>::new();
    fetch.start(None, |c| after(5, 7, c));
    until(|| answer(fetch).is_some()).await;

    let aborted = Rc::new(Cell::new(false));
    let seen = aborted.clone();
    fetch.start(None, move |c| {
        let signal = c.signal();
        async move {
            gloo_timers::future::TimeoutFuture::new(30).await;
            seen.set(signal.aborted());
            Ok(8)
        }
    });
    fetch.stop();
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert!(aborted.get(), "the request in flight was aborted");
    assert!(
        fetch.with_untracked(|s| matches!(s.fetched, Fetched::Idle)),
        "a stopped load leaves nothing half-done"
    );

    fetch.start(None, |c| after(5, 9, c));
    until(|| answer(fetch).is_some()).await;
    fetch.stop();
    assert_eq!(answer(fetch), Some(9), "stop keeps an answer already in");
}
