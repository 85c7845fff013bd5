//! One small answer's state (the organizations a token reaches, an organization's home
//! region, its key templates): at most one request in flight, stale answers dropped, and
//! the outcome kept with the connection it was asked for. Like [`crate::loader`], it
//! keeps no token: the work it runs builds its requests when it sends them.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

use domain::connection::Connection;
use domain::error::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

/// Where a fetch stands; `A` is the answer (a reference to it, when read).
#[derive(Debug)]
pub enum Fetched<A> {
    Idle,
    Loading,
    Ready(A),
    Failed(ApiError),
}

/// A fetch's state, with the organization it was asked for (none for the organization
/// list, which belongs to no organization).
#[derive(Debug)]
pub struct FetchState<A> {
    pub connection: Option<Connection>,
    pub fetched: Fetched<A>,
}

impl<A: Copy> FetchState<A> {
    /// The answer, when it is in and belongs to `connection`.
    pub fn ready_for(&self, connection: Option<&Connection>) -> Option<A> {
        match &self.fetched {
            Fetched::Ready(value) if self.connection.as_ref() == connection => Some(*value),
            _ => None,
        }
    }
}

impl<A> FetchState<A> {
    /// The failure, when it belongs to `connection`.
    pub fn failed_for(&self, connection: Option<&Connection>) -> Option<&ApiError> {
        match &self.fetched {
            Fetched::Failed(error) if self.connection.as_ref() == connection => Some(error),
            _ => None,
        }
    }

    pub fn is_loading(&self) -> bool {
        matches!(self.fetched, Fetched::Loading)
    }
}

/// Runs one small fetch at a time. Cheap to copy: a handle to arena-held state.
///
/// The state is held without its type (`Erased`), and typed again when read: the code
/// that makes and stops a fetch then exists once in the wasm, not once per kind of
/// answer, which keeps the first load small (only the chunks read the answers).
pub struct Fetch<T: Send + Sync + 'static> {
    state: RwSignal<FetchState<Arc<Erased>>>,
    /// Bumped by every start and stop: an answer for an older number is stale.
    generation: StoredValue<u64>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
    answer: PhantomData<fn() -> T>,
}

/// An answer of any type; [`Fetch`] knows which.
type Erased = dyn Any + Send + Sync;

impl<T: Send + Sync + 'static> Clone for Fetch<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Fetch<T> {}

impl<T: Send + Sync + 'static> Default for Fetch<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> Fetch<T> {
    pub fn new() -> Self {
        let (state, generation, in_flight) = erased_parts();
        Fetch {
            state,
            generation,
            in_flight,
            answer: PhantomData,
        }
    }

    /// Reads the state (tracked), its answer typed.
    pub fn with<R>(&self, read: impl FnOnce(FetchState<&T>) -> R) -> R {
        self.state.with(|s| read(typed(s)))
    }

    /// Reads the state without tracking it.
    pub fn with_untracked<R>(&self, read: impl FnOnce(FetchState<&T>) -> R) -> R {
        self.state.with_untracked(|s| read(typed(s)))
    }

    /// Runs `work` for `connection`, abandoning the fetch in flight. `work` is handed the
    /// abort signal's controller; stopping aborts it.
    pub fn start<F>(&self, connection: Option<Connection>, work: impl FnOnce(AbortController) -> F)
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let generation = self.restart();
        let controller =
            AbortController::new().expect("AbortController exists in every supported browser");
        self.in_flight.set_value(Some(controller.clone()));
        self.state.set(FetchState {
            connection: connection.clone(),
            fetched: Fetched::Loading,
        });
        let this = *self;
        let work = work(controller);
        spawn_local(async move {
            let result = work.await;
            if this.generation.get_value() != generation {
                return;
            }
            this.in_flight.set_value(None);
            this.state.set(FetchState {
                connection,
                fetched: match result {
                    Ok(value) => Fetched::Ready(Arc::new(value) as Arc<Erased>),
                    Err(error) => Fetched::Failed(error),
                },
            });
        });
    }

    /// Stops the fetch in flight; what was already answered stays.
    pub fn stop(&self) {
        stop(self.state, self.generation, self.in_flight);
    }

    /// Stops and forgets everything.
    pub fn clear(&self) {
        clear(self.state, self.generation, self.in_flight);
    }

    fn restart(&self) -> u64 {
        restart(self.generation, self.in_flight)
    }
}

type Parts = (
    RwSignal<FetchState<Arc<Erased>>>,
    StoredValue<u64>,
    StoredValue<Option<AbortController>, LocalStorage>,
);

fn erased_parts() -> Parts {
    (
        RwSignal::new(FetchState {
            connection: None,
            fetched: Fetched::Idle,
        }),
        StoredValue::new(0),
        StoredValue::new_local(None),
    )
}

/// The state with its answer typed: `T` is the type the fetch stored.
fn typed<T: 'static>(state: &FetchState<Arc<Erased>>) -> FetchState<&T> {
    FetchState {
        connection: state.connection.clone(),
        fetched: match &state.fetched {
            Fetched::Idle => Fetched::Idle,
            Fetched::Loading => Fetched::Loading,
            Fetched::Ready(value) => match value.downcast_ref::<T>() {
                Some(value) => Fetched::Ready(value),
                None => Fetched::Idle,
            },
            Fetched::Failed(error) => Fetched::Failed(error.clone()),
        },
    }
}

fn stop(
    state: RwSignal<FetchState<Arc<Erased>>>,
    generation: StoredValue<u64>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
) {
    restart(generation, in_flight);
    if state.with_untracked(FetchState::is_loading) {
        clear(state, generation, in_flight);
    }
}

fn clear(
    state: RwSignal<FetchState<Arc<Erased>>>,
    generation: StoredValue<u64>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
) {
    restart(generation, in_flight);
    state.set(FetchState {
        connection: None,
        fetched: Fetched::Idle,
    });
}

fn restart(
    generation: StoredValue<u64>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
) -> u64 {
    if let Some(controller) = in_flight.try_update_value(Option::take).flatten() {
        controller.abort();
    }
    generation.update_value(|g| *g += 1);
    generation.get_value()
}
