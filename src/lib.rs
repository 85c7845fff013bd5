//! Coveo Key Explorer: find an API key's id and browse the privileges an API key can
//! hold, straight from the browser.
//!
//! [`App`] (in `app/`) derives the state from the page URL and the connection form and
//! hands it to the views; behaviour lives in the `domain` crate, HTTP in [`api`].

pub mod api;
pub mod app;
pub mod clock;
pub mod components;
pub mod download;
pub mod loader;
pub mod location;
pub mod split;
pub mod time_slice;
pub mod token_store;
pub mod views;

pub use app::App;
