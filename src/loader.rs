//! The one request machine: what a list or a small answer (the organizations a token
//! reaches, an organization's templates and home region) is doing. At most one request
//! in flight, stale answers dropped, one automatic retry when Coveo asks for it, and
//! every outcome kept, typed, with what it was asked for. A loader keeps no request and
//! no token: each start is handed work that builds its request when it is sent.

use std::future::Future;
use std::sync::Arc;

use domain::connection::Connection;
use domain::decode::Decoded;
use domain::error::{ApiError, MAX_AUTOMATIC_RETRIES};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::{self, ApiRequest, ListReader, Pending};

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

/// What a loader is doing, with what it was asked for (`F`: a list's [`Origin`], an
/// organization's [`Connection`], nothing for what belongs to no organization).
#[derive(Debug)]
pub enum LoadState<A, F = Origin> {
    Idle,
    Loading {
        origin: F,
    },
    Loaded {
        origin: F,
        data: Arc<A>,
    },
    Failed {
        origin: F,
        error: ApiError,
        /// Automatic retries in a row that came before this failure.
        automatic_retries: u32,
    },
}

/// A list's state: its decoded entries, from the sample data or an organization.
pub type ListState<T> = LoadState<Decoded<T>>;

/// A list's loader.
pub type ListLoader<T> = Loader<Decoded<T>>;

// By hand: the data sits behind an `Arc`, so cloning needs no `A: Clone`.
impl<A, F: Clone> Clone for LoadState<A, F> {
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

impl<A, F: PartialEq> LoadState<A, F> {
    pub fn origin(&self) -> Option<&F> {
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

    /// The answer, when it is in and was asked for `origin`.
    pub fn ready_for(&self, origin: &F) -> Option<&Arc<A>> {
        match self {
            LoadState::Loaded { origin: of, data } if of == origin => Some(data),
            _ => None,
        }
    }

    /// The failure, when it was asked for `origin`.
    pub fn failed_for(&self, origin: &F) -> Option<&ApiError> {
        match self {
            LoadState::Failed {
                origin: of, error, ..
            } if of == origin => Some(error),
            _ => None,
        }
    }
}

/// Loads one list or answer. Cheap to copy: a handle to arena-held state.
pub struct Loader<A: Send + Sync + 'static, F: Send + Sync + 'static = Origin> {
    state: RwSignal<LoadState<A, F>>,
    flight: Flight,
}

/// The untyped part of every loader, one copy in the wasm for all of them: the request
/// in flight and the retry Coveo asked for.
#[derive(Clone, Copy)]
struct Flight {
    /// Bumped by every start and stop: an answer for an older number is stale.
    generation: StoredValue<u64>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
    /// Seconds left before the loader retries by itself (Coveo's `Retry-After`; 0 when
    /// it will not), counting down whether or not a view shows it.
    retry_in: RwSignal<u32>,
    /// Dropped (and so stopped) by anything else that happens to the loader.
    timer: StoredValue<Option<Interval>, LocalStorage>,
}

impl Flight {
    fn new() -> Flight {
        Flight {
            generation: StoredValue::new(0),
            in_flight: StoredValue::new_local(None),
            retry_in: RwSignal::new(0),
            timer: StoredValue::new_local(None),
        }
    }

    /// Abandons the request in flight and the retry; the number the next answer needs.
    fn restart(self) -> u64 {
        self.stop_countdown();
        if let Some(controller) = self.in_flight.try_update_value(Option::take).flatten() {
            controller.abort();
        }
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }

    /// A new request's number and its abort controller.
    fn begin(self) -> (u64, AbortController) {
        let generation = self.restart();
        let controller =
            AbortController::new().expect("AbortController exists in every supported browser");
        self.in_flight.set_value(Some(controller.clone()));
        (generation, controller)
    }

    /// Whether an answer for `generation` is still awaited (and is now in).
    fn answered(self, generation: u64) -> bool {
        let current = self.generation.get_value() == generation;
        if current {
            self.in_flight.set_value(None);
        }
        current
    }

    fn count_down(self, secs: u32, retry: Box<dyn FnOnce()>) {
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

    fn stop_countdown(self) {
        let timer = self.timer.try_update_value(Option::take).flatten();
        drop(timer);
        if self.retry_in.get_untracked() != 0 {
            self.retry_in.set(0);
        }
    }
}

impl<A: Send + Sync + 'static, F: Send + Sync + 'static> Clone for Loader<A, F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<A: Send + Sync + 'static, F: Send + Sync + 'static> Copy for Loader<A, F> {}

impl<A, F> Default for Loader<A, F>
where
    A: Send + Sync + 'static,
    F: Clone + PartialEq + Send + Sync + 'static,
{
    fn default() -> Self {
        Self::new()
    }
}

impl<A, F> Loader<A, F>
where
    A: Send + Sync + 'static,
    F: Clone + PartialEq + Send + Sync + 'static,
{
    pub fn new() -> Self {
        Loader {
            state: RwSignal::new(LoadState::Idle),
            flight: Flight::new(),
        }
    }

    pub fn state(&self) -> ReadSignal<LoadState<A, F>> {
        self.state.read_only()
    }

    /// Seconds left before the loader retries by itself; 0 when it will not (tracked).
    pub fn retry_in(&self) -> ReadSignal<u32> {
        self.flight.retry_in.read_only()
    }

    /// Retries once by itself after `secs`, counting down in [`retry_in`](Self::retry_in):
    /// `retry` is called then, unless anything else happened to the loader first.
    pub fn retry_later(&self, secs: u32, retry: impl FnOnce() + 'static) {
        self.flight.count_down(secs, Box::new(retry));
    }

    /// Runs `work` for `origin`, abandoning the request in flight: `work` is handed the
    /// abort signal's controller, and its request (and token) is dropped as soon as the
    /// answer is in. `on_failed` hears of a failure once it is shown (a stale answer is
    /// not heard of).
    pub fn start<W>(
        &self,
        origin: F,
        attempt: Attempt,
        work: impl FnOnce(AbortController) -> W,
        on_failed: Option<OnFailed>,
    ) where
        W: Future<Output = Result<A, ApiError>> + 'static,
    {
        let automatic_retries = match attempt {
            Attempt::User => 0,
            Attempt::Automatic => self.state.with_untracked(|s| match s {
                LoadState::Failed {
                    automatic_retries, ..
                } => automatic_retries + 1,
                _ => 1,
            }),
        };
        let (generation, controller) = self.flight.begin();
        self.state.set(LoadState::Loading {
            origin: origin.clone(),
        });
        let work = work(controller);
        let this = *self;
        spawn_local(async move {
            let result = work.await;
            if !this.flight.answered(generation) {
                return;
            }
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
    pub fn refuse(&self, origin: F, error: ApiError) {
        self.flight.restart();
        self.state.set(LoadState::Failed {
            origin,
            error,
            automatic_retries: 0,
        });
    }

    /// A failure waits for the user's Retry from now on: the automatic retry Coveo's
    /// `Retry-After` set up is dropped ("Stop retrying", or the inputs it was for have
    /// changed), and stays dropped whatever the views do.
    pub fn end_automatic_retries(&self) {
        self.flight.stop_countdown();
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

    /// Stops the request in flight and any retry; what was answered stays. What was
    /// loading or failed then says `why` in its place, or, without one, a load goes back
    /// to idle and a failure waits for the user's Retry.
    pub fn stop(&self, why: Option<ApiError>) {
        self.flight.restart();
        let pending = self.state.with_untracked(|s| match s {
            LoadState::Loading { origin } | LoadState::Failed { origin, .. } => {
                Some(origin.clone())
            }
            _ => None,
        });
        match (pending, why) {
            (Some(origin), Some(why)) => self.refuse(origin, why),
            _ if self.state.with_untracked(LoadState::is_loading) => {
                self.state.set(LoadState::Idle);
            }
            _ => self.end_automatic_retries(),
        }
    }

    /// Stops the request in flight and forgets everything.
    pub fn cancel(&self) {
        self.flight.restart();
        self.state.set(LoadState::Idle);
    }
}

/// Where the code that reads a list of `T` comes from: the chunk of the view that shows
/// it, so that the page's first load holds none of it.
pub struct ListCode<T: 'static> {
    /// A decoder for the list's answer.
    pub reader: fn() -> ListReader<T>,
    /// The sample data set's list.
    pub sample: fn() -> Pending<Decoded<T>>,
}

impl<T> Clone for ListCode<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ListCode<T> {}

impl<T: Send + Sync + 'static> Loader<Decoded<T>> {
    /// Sends `request` for `connection`'s list, read with `code`, abandoning any
    /// request in flight.
    pub fn load(
        &self,
        connection: Connection,
        request: ApiRequest,
        attempt: Attempt,
        on_failed: Option<OnFailed>,
        code: ListCode<T>,
    ) {
        let work = move |controller: AbortController| async move {
            api::get_list::<T>(&request, &controller, (code.reader)()).await
        };
        self.start(Origin::Live(connection), attempt, work, on_failed);
    }

    /// Shows the sample data set's list, once its code has come.
    pub fn show_sample(&self, code: ListCode<T>) {
        self.start(Origin::Demo, Attempt::User, move |_| (code.sample)(), None);
    }
}

/// Declares the entries of chunk `$chunk` that read its view's list of `$item` (a
/// decoder for the answer, and the sample data `$sample` gives), and `CODE`, the
/// [`crate::loader::ListCode`] that calls them.
macro_rules! list_code {
    ($chunk:ident, $item:ty, $sample:path) => {
        $crate::split::chunk_entry!(
            $chunk,
            fn list_reader(_none: ()) -> Box<dyn domain::decode::ListFeed<$item>> {
                domain::decode::list_feed()
            }
        );

        $crate::split::chunk_entry!(
            $chunk,
            fn list_sample(_none: ()) -> domain::decode::Decoded<$item> {
                $sample()
            }
        );

        /// The code that reads this view's list, in its chunk.
        pub const CODE: $crate::loader::ListCode<$item> = $crate::loader::ListCode {
            reader: || Box::pin(async { list_reader(()).await.map_err(|_| missing()) }),
            sample: || Box::pin(async { list_sample(()).await.map_err(|_| missing()) }),
        };

        fn missing() -> domain::error::ApiError {
            domain::error::ApiError::CodeMissing
        }
    };
}
pub(crate) use list_code;
