//! `Loader`, the one request machine of the lists and the small answers, in headless
//! Chromium: the answer read back with its type, a newer start drops an older answer, and
//! stop aborts what is in flight while keeping what was answered.

#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::*;
use coveo_key_explorer::loader::{Attempt, LoadState, Loader};
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

/// An owner for the loader's signals, and the executor its work runs on (as mounting an
/// app would set up).
fn reactive_world() -> Owner {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    owner
}

fn answer(loader: Loader<u32, ()>) -> Option<u32> {
    loader.state().with_untracked(|s| match s {
        LoadState::Loaded { data, .. } => Some(**data),
        _ => None,
    })
}

#[wasm_bindgen_test]
async fn an_answer_is_read_back_with_its_type_and_a_newer_start_wins() {
    let _owner = reactive_world();
    let loader = Loader::<u32, ()>::new();
    loader.start((), Attempt::User, |c| after(80, 1, c), None);
    loader.start((), Attempt::User, |c| after(10, 2, c), None);
    until(|| answer(loader).is_some()).await;
    gloo_timers::future::TimeoutFuture::new(120).await;
    assert_eq!(
        answer(loader),
        Some(2),
        "the older, slower answer is dropped"
    );
    assert!(loader
        .state()
        .with_untracked(|s| s.ready_for(&()).is_some()));
}

#[wasm_bindgen_test]
async fn stop_aborts_what_is_in_flight_and_keeps_what_was_answered() {
    let _owner = reactive_world();
    let loader = Loader::<u32, ()>::new();
    loader.start((), Attempt::User, |c| after(5, 7, c), None);
    until(|| answer(loader).is_some()).await;

    let aborted = Rc::new(Cell::new(false));
    let seen = aborted.clone();
    let slow = move |c: web_sys::AbortController| {
        let signal = c.signal();
        async move {
            gloo_timers::future::TimeoutFuture::new(30).await;
            seen.set(signal.aborted());
            Ok(8)
        }
    };
    loader.start((), Attempt::User, slow, None);
    loader.stop(None);
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert!(aborted.get(), "the request in flight was aborted");
    assert!(
        loader
            .state()
            .with_untracked(|s| matches!(s, LoadState::Idle)),
        "a stopped load leaves nothing half-done"
    );

    loader.start((), Attempt::User, |c| after(5, 9, c), None);
    until(|| answer(loader).is_some()).await;
    loader.stop(None);
    assert_eq!(answer(loader), Some(9), "stop keeps an answer already in");
}

#[wasm_bindgen_test]
async fn stop_with_a_reason_says_it_where_the_request_was() {
    let _owner = reactive_world();
    let loader = Loader::<u32, ()>::new();
    loader.start((), Attempt::User, |c| after(30, 1, c), None);
    loader.stop(Some(ApiError::Timeout { seconds: 9 }));
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert!(
        loader.state().with_untracked(|s| matches!(
            s.failed_for(&()),
            Some(ApiError::Timeout { seconds: 9 })
        )),
        "the reason is shown, and the aborted answer never replaces it"
    );
}
