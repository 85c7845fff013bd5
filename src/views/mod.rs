//! The app's two views, one file each.

pub mod key_lookup;
pub mod privilege_explorer;
