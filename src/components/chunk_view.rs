//! A view whose code comes from a wasm chunk: the chunk of the view's list, whose data
//! was read by code from that same chunk, so it is there by then. If it still cannot be
//! had, the view says so, with Retry.

use std::future::Future;

use domain::error::ApiError;
use leptos::prelude::*;

use crate::components::error_panel::ErrorPanel;
use crate::split::SplitLoaderError;

/// The view `load` brings from its chunk.
pub fn chunk_view<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    let retry = move || attempt.update(|n| *n += 1);
    let chunk = move || {
        attempt.track();
        let loading = load();
        Suspend::new(async move {
            loading.await.unwrap_or_else(|_| {
                view! { <ErrorPanel error=ApiError::CodeMissing on_retry=retry/> }.into_any()
            })
        })
    };
    chunk.into_any()
}
