//! The parts of the page that are downloaded when first needed rather than with the page:
//! the key browser (with the key details) and the privilege browser, and everything only
//! they use. Nobody sees either before a list is loaded, so the first load carries
//! neither; `Session` fetches both as soon as a load starts, while the request is out.
//!
//! A release build (`--cfg key_explorer_split`, `xtask/wasm-split.mjs`) splits them into
//! wasm chunks: one per view and one for the code both use and the page does not. Other
//! builds (`trunk serve`, the browser tests) link them in, behind the same async calls,
//! so every build renders them the same way.

use std::future::Future;
use std::sync::Arc;

use domain::decode::Decoded;
use domain::model::{ApiKey, Privilege};
use leptos::prelude::*;
pub use wasm_split_helpers::SplitLoaderError;

use crate::views::key_lookup::PreparedKeys;
use crate::views::privilege_explorer::PrivilegeBrowser;

/// Declares `$name` as the entry of chunk `$chunk`, an async function that downloads the
/// chunk first, and `$preload`, which only downloads it. A failed download is an `Err`
/// (never a panic), and a later call tries again.
macro_rules! chunk_entry {
    ($chunk:ident, $preload:ident, fn $name:ident($arg:ident: $ty:ty) -> AnyView $body:block) => {
        #[cfg(key_explorer_split)]
        #[wasm_split_helpers::wasm_split($chunk, fallible, preload($preload))]
        pub fn $name($arg: $ty) -> Result<AnyView, SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(key_explorer_split))]
        pub async fn $name($arg: $ty) -> Result<AnyView, SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(key_explorer_split))]
        pub async fn $preload() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    };
}

chunk_entry!(
    keys,
    preload_keys,
    fn key_browser(data: Arc<Decoded<ApiKey>>) -> AnyView {
        view! { <PreparedKeys data=data/> }.into_any()
    }
);

chunk_entry!(
    privileges,
    preload_privileges,
    fn privilege_browser(data: Arc<Decoded<Privilege>>) -> AnyView {
        view! { <PrivilegeBrowser data=data/> }.into_any()
    }
);

/// Starts downloading both chunks, so that they are ready when the lists are. A failure
/// here is not reported: showing the list tries again, and says so if it fails.
pub fn preload() {
    leptos::task::spawn_local(async {
        let _ = preload_keys().await;
    });
    leptos::task::spawn_local(async {
        let _ = preload_privileges().await;
    });
}

/// The view `load` brings from its chunk: a status line while it downloads (usually
/// never seen: the chunk comes before the data), and if it cannot be downloaded, why,
/// with Retry.
pub fn deferred<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    let waiting = RwSignal::new(true);
    let chunk_view = move || {
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
    (chunk_view, status).into_any()
}

fn chunk_failed(attempt: RwSignal<u32>, waiting: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert" data-testid="chunk-error">
            <h3>"Part of this page could not be downloaded"</h3>
            <p>
                "The list is loaded, but the code that shows it did not arrive from this \
                 page's server. Check your connection, then retry."
            </p>
            <button
                type="button"
                on:click=move |_| {
                    waiting.set(true);
                    attempt.update(|n| *n += 1);
                }
            >
                "Retry"
            </button>
        </div>
    }
}
