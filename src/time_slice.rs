//! Long work split into slices short enough for the page to paint between them: a
//! 50,000-key organization is decoded and prepared without freezing the tab.

use gloo_timers::future::TimeoutFuture;

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

/// Lets the browser handle input and paint before the next slice.
pub async fn yield_to_page() {
    TimeoutFuture::new(0).await;
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
