//! One list's loading state: at most one request in flight, stale answers dropped, and
//! every outcome (data, error, cancel) kept for the views to show. A loader keeps no
//! request and no token: each load is handed the request made from the inputs as they
//! are at that moment.

use std::sync::Arc;

use domain::connection::Connection;
use domain::decode::Decoded;
use domain::error::{ApiError, MAX_AUTOMATIC_RETRIES};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use web_sys::AbortController;

use crate::api::{self, ApiRequest};

/// Where a list came from: the embedded sample data, or an organization on a host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Demo,
    Live(Connection),
}

/// Who started a load: the user, or a throttled request retrying by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    User,
    Automatic,
}

/// What hears of a load's failure once it is shown: the error, and the automatic
/// retries in a row before it.
pub type OnFailed = Box<dyn FnOnce(&ApiError, u32)>;

/// What a view shows for one list.
#[derive(Debug)]
pub enum LoadState<T> {
    Idle,
    Loading {
        origin: Origin,
    },
    Loaded {
        origin: Origin,
        data: Arc<Decoded<T>>,
    },
    Failed {
        origin: Origin,
        error: ApiError,
        /// Automatic retries in a row that came before this failure.
        automatic_retries: u32,
    },
}

// By hand: the data sits behind an `Arc`, so cloning needs no `T: Clone`.
impl<T> Clone for LoadState<T> {
    fn clone(&self) -> Self {
        match self {
            LoadState::Idle => LoadState::Idle,
            LoadState::Loading { origin } => LoadState::Loading {
                origin: origin.clone(),
            },
            LoadState::Loaded { origin, data } => LoadState::Loaded {
                origin: origin.clone(),
                data: data.clone(),
            },
            LoadState::Failed {
                origin,
                error,
                automatic_retries,
            } => LoadState::Failed {
                origin: origin.clone(),
                error: error.clone(),
                automatic_retries: *automatic_retries,
            },
        }
    }
}

impl<T> LoadState<T> {
    pub fn origin(&self) -> Option<&Origin> {
        match self {
            LoadState::Idle => None,
            LoadState::Loading { origin }
            | LoadState::Loaded { origin, .. }
            | LoadState::Failed { origin, .. } => Some(origin),
        }
    }

    /// Whether a request is out.
    pub fn is_loading(&self) -> bool {
        matches!(self, LoadState::Loading { .. })
    }

    /// Whether a request is out, or a failure may still be retried: what a forgotten
    /// token has to stop.
    pub fn is_pending(&self) -> bool {
        matches!(self, LoadState::Loading { .. } | LoadState::Failed { .. })
    }
}

/// Loads one list route. Cheap to copy: a handle to arena-held state.
pub struct Loader<T: Send + Sync + 'static> {
    state: RwSignal<LoadState<T>>,
    /// Bumped by every load and cancel: an answer for an older number is stale.
    generation: StoredValue<u64>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
    /// The list's own retry, as Coveo asked: the list's, not a view's.
    countdown: Countdown,
}

/// Seconds left before a list retries by itself (Coveo's `Retry-After`; 0 when it will
/// not), and the timer counting them: it counts down whether or not a view shows the
/// list. Not generic: one copy for every kind of list.
#[derive(Clone, Copy)]
struct Countdown {
    retry_in: RwSignal<u32>,
    /// Dropped (and so stopped) by anything else that happens to the list.
    timer: StoredValue<Option<Interval>, LocalStorage>,
}

impl Countdown {
    fn new() -> Countdown {
        Countdown {
            retry_in: RwSignal::new(0),
            timer: StoredValue::new_local(None),
        }
    }

    fn start(self, secs: u32, retry: Box<dyn FnOnce()>) {
        self.retry_in.set(secs);
        let mut retry = Some(retry);
        self.timer.set_value(Some(Interval::new(1000, move || {
            self.retry_in.update(|secs| *secs = secs.saturating_sub(1));
            if self.retry_in.get_untracked() == 0 {
                let retry = retry.take();
                // Deferred: the interval cannot drop itself while it runs.
                spawn_local(async move {
                    if self
                        .timer
                        .try_update_value(Option::take)
                        .flatten()
                        .is_some()
                    {
                        retry.into_iter().for_each(|retry| retry());
                    }
                });
            }
        })));
    }

    fn stop(self) {
        let timer = self.timer.try_update_value(Option::take).flatten();
        drop(timer);
        if self.retry_in.get_untracked() != 0 {
            self.retry_in.set(0);
        }
    }
}

impl<T: Send + Sync + 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Loader<T> {}

impl<T: DeserializeOwned + Send + Sync + 'static> Loader<T> {
    pub fn new() -> Self {
        Loader {
            state: RwSignal::new(LoadState::Idle),
            generation: StoredValue::new(0),
            in_flight: StoredValue::new_local(None),
            countdown: Countdown::new(),
        }
    }

    pub fn state(&self) -> ReadSignal<LoadState<T>> {
        self.state.read_only()
    }

    /// Seconds left before the list retries by itself; 0 when it will not (tracked).
    pub fn retry_in(&self) -> ReadSignal<u32> {
        self.countdown.retry_in.read_only()
    }

    /// Retries once by itself after `secs`, counting down in [`retry_in`](Self::retry_in):
    /// `retry` is called then, unless anything else happened to the list first.
    pub fn retry_later(&self, secs: u32, retry: impl FnOnce() + 'static) {
        self.countdown.start(secs, Box::new(retry));
    }

    /// Sends `request` for `connection`'s list, abandoning any request in flight. The
    /// request (and its token) is dropped as soon as the answer is in; `on_failed` hears
    /// of a failure once it is shown (a stale answer is not heard of).
    pub fn load(
        &self,
        connection: Connection,
        request: ApiRequest,
        attempt: Attempt,
        on_failed: Option<OnFailed>,
    ) {
        let automatic_retries = match attempt {
            Attempt::User => 0,
            Attempt::Automatic => self.state.with_untracked(|s| match s {
                LoadState::Failed {
                    automatic_retries, ..
                } => automatic_retries + 1,
                _ => 1,
            }),
        };
        let generation = self.restart();
        let controller =
            AbortController::new().expect("AbortController exists in every supported browser");
        self.in_flight.set_value(Some(controller.clone()));
        let origin = Origin::Live(connection);
        self.state.set(LoadState::Loading {
            origin: origin.clone(),
        });
        let this = *self;
        spawn_local(async move {
            let result = api::get_list::<T>(&request, &controller).await;
            drop(request);
            if this.generation.get_value() != generation {
                return;
            }
            this.in_flight.set_value(None);
            let failed = result.as_ref().err().cloned();
            this.state.set(match result {
                Ok(data) => LoadState::Loaded {
                    origin,
                    data: Arc::new(data),
                },
                Err(error) => LoadState::Failed {
                    origin,
                    error,
                    automatic_retries,
                },
            });
            if let (Some(error), Some(on_failed)) = (failed, on_failed) {
                on_failed(&error, automatic_retries);
            }
        });
    }

    /// Ends in `error` without a request (the inputs could not make one), stopping any
    /// request in flight.
    pub fn refuse(&self, origin: Origin, error: ApiError) {
        self.restart();
        self.state.set(LoadState::Failed {
            origin,
            error,
            automatic_retries: 0,
        });
    }

    /// A failed list waits for the user's Retry from now on: the automatic retry Coveo's
    /// `Retry-After` set up is dropped ("Stop retrying", or the inputs it was for have
    /// changed), and stays dropped whatever the views do.
    pub fn end_automatic_retries(&self) {
        self.countdown.stop();
        let retrying = self.state.with_untracked(|s| {
            matches!(s, LoadState::Failed { automatic_retries, .. } if *automatic_retries < MAX_AUTOMATIC_RETRIES)
        });
        if retrying {
            self.state.update(|s| {
                if let LoadState::Failed {
                    automatic_retries, ..
                } = s
                {
                    *automatic_retries = MAX_AUTOMATIC_RETRIES;
                }
            });
        }
    }

    /// Stops the request in flight and forgets it.
    pub fn cancel(&self) {
        self.restart();
        self.state.set(LoadState::Idle);
    }

    /// Shows data that needs no request (the sample data set).
    pub fn show(&self, origin: Origin, data: Decoded<T>) {
        self.restart();
        self.state.set(LoadState::Loaded {
            origin,
            data: Arc::new(data),
        });
    }

    fn restart(&self) -> u64 {
        self.countdown.stop();
        if let Some(controller) = self.in_flight.try_update_value(Option::take).flatten() {
            controller.abort();
        }
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }
}

impl<T: DeserializeOwned + Send + Sync + 'static> Default for Loader<T> {
    fn default() -> Self {
        Self::new()
    }
}
