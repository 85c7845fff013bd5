//! The browser entry point: the panic screen, then the app.

fn main() {
    coveo_key_explorer::panic_screen::install();
    leptos::mount::mount_to_body(coveo_key_explorer::App);
}
