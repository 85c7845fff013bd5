//! What a shared link opens, said before any token: the admin who was sent it sees what
//! it holds (filters, the open key, the builder's picks) before pasting a token.

use domain::url_state::View;
use leptos::prelude::*;

use crate::app::state::{use_app, AppState};
use crate::loader::LoadState;

/// One line, while the token field is empty and the shown view's list is not loaded.
#[component]
pub fn LinkOpens() -> impl IntoView {
    let AppState { nav, form, lists } = use_app();
    let nothing_shown = move || match nav.with(|u| u.view) {
        View::KeyLookup => lists
            .keys
            .state()
            .with(|s| !matches!(s, LoadState::Loaded { .. })),
        View::PrivilegeExplorer => lists
            .privileges
            .state()
            .with(|s| !matches!(s, LoadState::Loaded { .. })),
    };
    move || {
        (form.token_is_empty() && nothing_shown())
            .then(|| nav.with(|u| u.opens()))
            .flatten()
            .map(|opens| {
                view! {
                    <p class="link-opens" data-testid="link-opens">
                        <strong>"This link opens: "</strong> {opens}
                    </p>
                }
            })
    }
}
