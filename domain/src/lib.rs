//! The pure core of Coveo Key Explorer: what the app knows, with no browser in it.
//!
//! Everything here compiles and is tested on the host. Nothing in this crate may import
//! leptos, web-sys, wasm-bindgen or gloo: the crate's dependency list enforces it.

pub mod can_term;
pub mod catalog;
pub mod connect_policy;
pub mod connection;
pub mod decode;
pub mod demo;
pub mod endpoint;
pub mod error;
pub mod export;
pub mod fold;
pub mod hashing;
pub mod health;
pub mod highlight;
pub mod iso_date;
pub mod key_list;
pub mod key_value;
mod lenient;
pub mod model;
pub mod operations;
pub mod org_id;
pub mod organizations;
pub mod privilege_explorer;
pub mod privilege_groups;
pub mod purpose;
pub mod redact;
pub mod region;
pub mod secrets;
pub mod status;
pub mod templates;
pub mod text;
pub mod time_text;
pub mod token;
pub mod url_state;
