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

/// The one way long work is cut into slices (decoding a body, preparing a list, writing
/// an export): steps run until the slice has used its time, then the page gets its turn.
/// Work that a component started stops at its next turn once that component is gone (a
/// new list, another view).
pub struct Slices {
    started: f64,
    abandoned: Option<Arc<AtomicBool>>,
}

impl Slices {
    /// Slices of work no component owns; the first starts now.
    pub fn new() -> Slices {
        Slices {
            started: js_sys::Date::now(),
            abandoned: None,
        }
    }

    /// Slices of work the current component owns: abandoned when it is cleaned up.
    pub fn owned() -> Slices {
        let flag = Arc::new(AtomicBool::new(false));
        on_cleanup({
            let flag = flag.clone();
            move || flag.store(true, Ordering::Relaxed)
        });
        Slices {
            abandoned: Some(flag),
            ..Slices::new()
        }
    }

    /// Whether the component that owns the work is gone.
    pub fn is_abandoned(&self) -> bool {
        self.abandoned
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
    }

    /// Whether this slice has used its time: finish the current step, then yield.
    pub fn is_over(&self) -> bool {
        js_sys::Date::now() - self.started >= SLICE_MS
    }

    /// Runs `step` until it reports that all is done (true) or this slice's time is used,
    /// without yielding; whether all is done.
    pub fn run_in_this_slice(&mut self, mut step: impl FnMut() -> bool) -> bool {
        loop {
            if step() {
                return true;
            }
            if self.is_over() {
                return false;
            }
        }
    }

    /// Runs `step` on `work` until it reports that all is done, a slice at a time,
    /// `after_slice` told at the end of each; false if the work was abandoned first. A
    /// slice already used up by what came before yields first: a step never starts late.
    pub async fn run<W>(
        &mut self,
        work: &mut W,
        mut step: impl FnMut(&mut W) -> bool,
        mut after_slice: impl FnMut(&mut W),
    ) -> bool {
        if !self.pace().await {
            return false;
        }
        loop {
            let done = self.run_in_this_slice(|| step(work));
            after_slice(work);
            if done {
                return !self.is_abandoned();
            }
            if !self.next_turn().await {
                return false;
            }
        }
    }

    /// Between two steps of a loop: yields once this slice has used its time; false if
    /// the work was abandoned.
    pub async fn pace(&mut self) -> bool {
        if self.is_over() {
            self.next_turn().await
        } else {
            !self.is_abandoned()
        }
    }

    /// Yields now and starts a new slice (the next step takes a task of its own); false if
    /// the work was abandoned.
    pub async fn next_turn(&mut self) -> bool {
        yield_to_page().await;
        self.started = js_sys::Date::now();
        !self.is_abandoned()
    }
}

impl Default for Slices {
    fn default() -> Self {
        Self::new()
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
