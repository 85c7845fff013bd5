//! A view whose code comes from a wasm chunk: a status line while it downloads, and if it
//! cannot be downloaded, why, with Retry.

use std::future::Future;

use leptos::prelude::*;

use crate::split::SplitLoaderError;

/// The view `load` brings from its chunk. The status line is usually never seen: the
/// chunk comes before the data.
pub fn chunk_view<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    let waiting = RwSignal::new(true);
    let chunk = move || {
        attempt.track();
        let loading = load();
        Suspend::new(async move {
            let view = match loading.await {
                Ok(view) => view,
                Err(_) => chunk_failed(attempt, waiting).into_any(),
            };
            waiting.set(false);
            view
        })
    };
    // After the chunk's view: a chunk already there has cleared `waiting` by then.
    let status = move || {
        waiting.get().then(|| {
            view! {
                <p class="loading" role="status" data-testid="chunk-loading">
                    <span class="spinner" aria-hidden="true"></span>
                    "Downloading the code that shows the list…"
                </p>
            }
        })
    };
    (chunk, status).into_any()
}

/// Why a chunk is missing, and Retry (which downloads it again).
fn chunk_failed(attempt: RwSignal<u32>, waiting: RwSignal<bool>) -> impl IntoView {
    let retry = move |_| {
        waiting.set(true);
        attempt.update(|n| *n += 1);
    };
    view! {
        <div class="error-panel" role="alert" data-testid="chunk-error">
            <h3>"Part of this page could not be downloaded"</h3>
            <p>
                "The list is loaded, but the code that shows it did not arrive from this \
                 page's server. Check your connection, then retry."
            </p>
            <button type="button" on:click=retry>"Retry"</button>
        </div>
    }
}
