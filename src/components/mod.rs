//! Small views reused across the app.

pub mod connection_panel;
pub mod copy_button;
pub mod error_panel;
pub mod filter_input;
pub mod highlighted;
pub mod key_details;
pub mod list_status;
pub mod token_check;
pub mod view_nav;
