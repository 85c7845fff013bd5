//! One small answer's state (the organizations a token reaches, an organization's home
//! region, its key templates): at most one request in flight, stale answers dropped, and
//! the outcome kept with the connection it was asked for. Like [`crate::loader`], it
//! keeps no token: the work it runs builds its requests when it sends them.

use std::future::Future;
use std::sync::Arc;

use domain::connection::Connection;
use domain::error::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

/// Where a fetch stands.
#[derive(Debug)]
pub enum Fetched<T> {
    Idle,
    Loading,
    Ready(Arc<T>),
    Failed(ApiError),
}

/// A fetch's state, with the organization it was asked for (none for the organization
/// list, which belongs to no organization).
#[derive(Debug)]
pub struct FetchState<T> {
    pub connection: Option<Connection>,
    pub fetched: Fetched<T>,
}

impl<T> FetchState<T> {
    /// The answer, when it is in and belongs to `connection`.
    pub fn ready_for(&self, connection: Option<&Connection>) -> Option<&Arc<T>> {
        match &self.fetched {
            Fetched::Ready(value) if self.connection.as_ref() == connection => Some(value),
            _ => None,
        }
    }

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
pub struct Fetch<T: Send + Sync + 'static> {
    state: RwSignal<FetchState<T>>,
    /// Bumped by every start and stop: an answer for an older number is stale.
    generation: StoredValue<u64>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

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
        Fetch {
            state: RwSignal::new(FetchState {
                connection: None,
                fetched: Fetched::Idle,
            }),
            generation: StoredValue::new(0),
            in_flight: StoredValue::new_local(None),
        }
    }

    pub fn state(&self) -> ReadSignal<FetchState<T>> {
        self.state.read_only()
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
                    Ok(value) => Fetched::Ready(Arc::new(value)),
                    Err(error) => Fetched::Failed(error),
                },
            });
        });
    }

    /// Stops the fetch in flight; what was already answered stays.
    pub fn stop(&self) {
        self.restart();
        if self.state.with_untracked(FetchState::is_loading) {
            self.clear();
        }
    }

    /// Stops and forgets everything.
    pub fn clear(&self) {
        self.restart();
        self.state.set(FetchState {
            connection: None,
            fetched: Fetched::Idle,
        });
    }

    fn restart(&self) -> u64 {
        if let Some(controller) = self.in_flight.try_update_value(Option::take).flatten() {
            controller.abort();
        }
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }
}
