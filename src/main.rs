//! The browser entry point: a panic hook, then the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(coveo_key_explorer::App);
}
