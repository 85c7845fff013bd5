//! The app's state: three handles, each with one job, provided once as context.

use leptos::prelude::*;

use crate::app::connection::ConnectionForm;
use crate::app::lists::{Lists, ListsCode};
use crate::app::navigation::Navigation;

/// The app's state handles, each with one job; a view takes the ones it needs.
#[derive(Clone, Copy)]
pub struct AppState {
    pub nav: Navigation,
    pub form: ConnectionForm,
    pub lists: Lists,
}

/// Creates the app's state for `nav` and provides it as context; the lists are read with
/// `code`.
pub fn provide_state(nav: Navigation, code: ListsCode) -> AppState {
    let form = ConnectionForm::new(nav);
    let lists = Lists::new(form.inputs(), nav, code);
    let state = AppState { nav, form, lists };
    provide_context(state);
    state
}

impl AppState {
    /// "Forget token": the field, the tab's copy and the pasted key value emptied, and
    /// every request and retry of everything the app loads stopped, so that none carries
    /// the token again. What was loaded stays on screen.
    pub fn forget_token(&self) {
        self.form.forget_token();
        self.lists.stop_everything();
    }
}

/// The app's state handles, from the context the app provides. One lookup for all three:
/// each kind of context looked up is its own copy of the lookup code in the wasm.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
