//! Yielding to the page between slices of long work, in the browser.

#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use coveo_key_explorer::time_slice::{when_idle, yield_to_page, Slices};
use gloo_timers::callback::Timeout;
use leptos::prelude::Owner;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A timer of `ms` milliseconds and a flag it raises when it fires.
fn timer(ms: u32) -> (Timeout, Rc<Cell<bool>>) {
    let fired = Rc::new(Cell::new(false));
    let timeout = Timeout::new(ms, {
        let fired = fired.clone();
        move || fired.set(true)
    });
    (timeout, fired)
}

/// A chain of `links` nested `setTimeout(0)`, each set from inside the one before, and
/// a flag raised when its last link runs.
fn nested_timeouts(links: u32, done: Rc<Cell<bool>>) {
    Timeout::new(0, move || {
        if links <= 1 {
            done.set(true);
        } else {
            nested_timeouts(links - 1, done);
        }
    })
    .forget();
}

/// Browsers hold back a chain of nested `setTimeout(0)` to 4 ms a link after the fifth,
/// so a yield made of one would let 25 links win against 30 yields. The two race in the
/// same event loop, so a slow or busy machine slows both alike.
#[wasm_bindgen_test]
async fn a_chain_of_yields_is_not_held_back_like_nested_timeouts() {
    let chain_done = Rc::new(Cell::new(false));
    nested_timeouts(25, chain_done.clone());
    for _ in 0..30 {
        yield_to_page().await;
    }
    assert!(
        !chain_done.get(),
        "30 yields took longer than 25 nested zero-delay timeouts"
    );
}

/// Work after a yield runs in a later task, not in the same one: a timer that was due
/// before the yields gets its turn while they go on.
#[wasm_bindgen_test]
async fn a_yield_gives_a_due_timer_its_turn() {
    let (_timer, timer_fired) = timer(0);
    let started = js_sys::Date::now();
    while !timer_fired.get() && js_sys::Date::now() - started < 1_000.0 {
        yield_to_page().await;
    }
    assert!(timer_fired.get(), "a due timer never ran between yields");
}

/// Work deferred until the page is idle waits while other work keeps the page busy,
/// instead of taking its turn between two of its slices.
#[wasm_bindgen_test]
async fn idle_work_waits_while_the_page_is_busy() {
    let slices_done = Rc::new(Cell::new(0));
    wasm_bindgen_futures::spawn_local({
        let slices_done = slices_done.clone();
        async move {
            for _ in 0..20 {
                let started = js_sys::Date::now();
                while js_sys::Date::now() - started < 2.0 {}
                slices_done.set(slices_done.get() + 1);
                yield_to_page().await;
            }
        }
    });
    when_idle().await;
    assert_eq!(
        slices_done.get(),
        20,
        "idle work ran while the page was busy"
    );
}

/// Busy for `ms` milliseconds, like a step of real work.
fn busy(ms: f64) {
    let started = js_sys::Date::now();
    while js_sys::Date::now() - started < ms {}
}

#[wasm_bindgen_test]
async fn long_work_runs_to_its_end_a_slice_at_a_time() {
    let (mut steps, mut slices_seen) = (0, 0);
    let mut work = (&mut steps, &mut slices_seen);
    let step = |(steps, _): &mut (&mut u32, &mut u32)| {
        busy(1.0);
        **steps += 1;
        **steps == 40
    };
    let finished = Slices::new()
        .run(&mut work, step, |(_, slices)| **slices += 1)
        .await;
    assert!(finished);
    assert_eq!(steps, 40);
    assert!(
        slices_seen >= 4,
        "40 ms of steps in 8 ms slices took {slices_seen}"
    );
}

#[wasm_bindgen_test]
async fn work_a_component_owns_stops_at_its_next_turn_once_the_component_is_gone() {
    let owner = Owner::new();
    let mut slices = owner.with(Slices::owned);
    assert!(slices.next_turn().await, "wanted while its owner lives");
    owner.cleanup();
    assert!(slices.is_abandoned());
    assert!(!slices.next_turn().await);
    assert!(!slices.pace().await);
}
