//! Small views reused across the app.

pub mod connection_panel;
pub mod error_panel;
pub mod list_status;
pub mod view_nav;
