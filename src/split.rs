//! Split points: a view's code can be a wasm chunk downloaded on first use instead of
//! with the page. Each view declares its own with [`chunk_entry!`].
//!
//! A release build (`--cfg key_explorer_split`, `xtask/wasm-split.mjs`) splits each entry
//! into its chunk (and the code chunks share into one more). Other builds (`trunk serve`,
//! the browser tests) link them in, behind the same async calls, so every build renders
//! them the same way.

pub use wasm_split_helpers::SplitLoaderError;

/// Declares `$name` as the entry of chunk `$chunk`, an async function that downloads the
/// chunk first, `$preload`, which only downloads it, and `preload`, which starts that
/// download and returns (without `$preload`: one more entry of a chunk declared with one). A failed download is an `Err` (never a panic), and a later call
/// tries again; `preload` does not report it: showing the view tries again, and says so
/// if it fails.
macro_rules! chunk_entry {
    ($chunk:ident, $preload:ident, fn $name:ident($arg:ident: $ty:ty) -> $ret:ty $body:block) => {
        #[cfg(key_explorer_split)]
        #[wasm_split_helpers::wasm_split($chunk, fallible, preload($preload))]
        pub fn $name($arg: $ty) -> Result<$ret, $crate::split::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(key_explorer_split))]
        pub async fn $name($arg: $ty) -> Result<$ret, $crate::split::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(key_explorer_split))]
        pub async fn $preload() -> Result<(), $crate::split::SplitLoaderError> {
            Ok(())
        }

        /// Starts downloading this view's chunk.
        pub fn preload() {
            leptos::task::spawn_local(async {
                let _ = $preload().await;
            });
        }
    };
    // Another entry of a chunk that an entry with a preload declares.
    ($chunk:ident, fn $name:ident($arg:ident: $ty:ty) -> $ret:ty $body:block) => {
        #[cfg(key_explorer_split)]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        pub fn $name($arg: $ty) -> Result<$ret, $crate::split::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(key_explorer_split))]
        pub async fn $name($arg: $ty) -> Result<$ret, $crate::split::SplitLoaderError> {
            Ok($body)
        }
    };
}
pub(crate) use chunk_entry;
