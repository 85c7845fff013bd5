//! Widgets: they take props, render, and report through callbacks. None reads app state.

pub mod callable_operations;
pub mod chunk_view;
pub mod clipped_text;
pub mod code_text;
pub mod combobox;
pub mod copy_button;
pub mod error_panel;
pub mod filter_input;
pub mod highlighted;
pub mod key_picker;
pub mod list_status;
pub mod preparing;
pub mod privilege_name;
pub mod status_name;
pub mod templates_note;
pub mod toggle_chips;
