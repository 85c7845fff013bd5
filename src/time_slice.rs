//! Long work split into slices short enough for the page to paint between them: a
//! 50,000-key organization is decoded and prepared without freezing the tab.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::on_cleanup;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

/// How long one slice may hold the main thread: half a 60 Hz frame, leaving the other
/// half for the browser's own work.
const SLICE_MS: f64 = 8.0;

/// One slice of work, started now.
pub struct TimeSlice {
    started: f64,
}

impl TimeSlice {
    pub fn start() -> TimeSlice {
        TimeSlice {
            started: js_sys::Date::now(),
        }
    }

    /// Whether the slice has used its time: finish the current step, then yield.
    pub fn is_over(&self) -> bool {
        js_sys::Date::now() - self.started >= SLICE_MS
    }
}

/// Runs `step` until it reports that all is done (true) or this slice's time is used;
/// whether all is done.
pub fn in_one_slice(mut step: impl FnMut() -> bool) -> bool {
    let slice = TimeSlice::start();
    loop {
        if step() {
            return true;
        }
        if slice.is_over() {
            return false;
        }
    }
}

/// Work in slices that the component which started it may drop first (a new list, another
/// view): set when that component is cleaned up, and the work stops at its next turn.
#[derive(Clone)]
pub struct Abandoned(Arc<AtomicBool>);

impl Abandoned {
    /// A flag the current component's cleanup sets.
    pub fn on_cleanup() -> Abandoned {
        let flag = Arc::new(AtomicBool::new(false));
        on_cleanup({
            let flag = flag.clone();
            move || flag.store(true, Ordering::Relaxed)
        });
        Abandoned(flag)
    }

    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// Yields to the page ([`yield_to_page`]); true while the work is still wanted.
    pub async fn next_turn(&self) -> bool {
        yield_to_page().await;
        !self.is_set()
    }
}

/// Lets the browser handle input and paint before the next slice.
///
/// A message to ourselves, not `setTimeout(0)`: browsers hold a chain of nested timeouts
/// back to 4 ms a link, and to one a second in a background tab (10,000 keys load in
/// about 20 slices, 50,000 in 65). Not `scheduler.yield()`: its continuations go ahead
/// of painting, and a 50,000-key load then goes twice as long between frames.
pub async fn yield_to_page() {
    let _ = JsFuture::from(next_turn()).await;
}

fn next_turn() -> Promise {
    Promise::new(&mut |resolve, _| match MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        Err(_) => {
            let _ = resolve.call0(&JsValue::NULL);
        }
    })
}

/// Paces a loop of short steps: [`pace`](Self::pace) between steps yields to the page
/// once the current slice has used its time.
pub struct Pacer {
    slice: TimeSlice,
}

impl Pacer {
    pub fn new() -> Pacer {
        Pacer {
            slice: TimeSlice::start(),
        }
    }

    pub async fn pace(&mut self) {
        if self.slice.is_over() {
            yield_to_page().await;
            self.slice = TimeSlice::start();
        }
    }
}

impl Default for Pacer {
    fn default() -> Self {
        Self::new()
    }
}

/// Waits until the page has painted and the browser is idle: for work that the first
/// paint and the user's first keystrokes should not wait for.
/// `requestIdleCallback`; where it is missing (Safari), the next frame, then a yield.
pub async fn when_idle() {
    match idle_callback() {
        Some(idle) => {
            let _ = JsFuture::from(idle).await;
        }
        None => {
            next_frame().await;
            yield_to_page().await;
        }
    }
}

/// `requestIdleCallback`'s next call, if the browser has it.
fn idle_callback() -> Option<Promise> {
    let global = js_sys::global();
    let request = Reflect::get(&global, &JsValue::from_str("requestIdleCallback"))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let mut requested = false;
    let idle = Promise::new(&mut |resolve, _| {
        requested = request.call1(&global, &resolve).is_ok();
    });
    requested.then_some(idle)
}

/// Waits for the next frame (just before it is painted).
async fn next_frame() {
    let frame = Promise::new(&mut |resolve, _| {
        let requested = web_sys::window().map(|w| w.request_animation_frame(&resolve));
        if !matches!(requested, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(frame).await;
}
