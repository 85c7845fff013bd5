//! The two views, one folder each: the view in `mod.rs`, and a file per component.

pub mod key_lookup;
pub mod privilege_explorer;
