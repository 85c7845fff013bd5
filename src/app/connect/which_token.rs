//! "Which token?": the tokens that work, the privileges each view needs, and where to get
//! one; and a warning when what was pasted looks like an API key.

use domain::privilege_groups::{CREATE_API_KEYS, VIEW_API_KEYS, VIEW_ORGANIZATION};
use leptos::prelude::*;

use crate::app::state::use_app;
use crate::components::code_text::code_text;

/// The help under the token field.
#[component]
pub fn WhichToken() -> impl IntoView {
    let form = use_app().form;
    let nav = use_app().nav;
    let console = move || nav.with(|u| u.region.console_url());
    let looks_like_api_key = move || {
        form.inputs()
            .with(|i| i.token.as_ref().is_ok_and(|t| t.looks_like_api_key()))
    };
    view! {
        {move || looks_like_api_key().then(|| view! {
            <p class="form-error" role="status" data-testid="api-key-as-token">
                "This looks like an API key. An API key cannot list other keys: paste an access token."
            </p>
        })}
        <details class="which-token">
            <summary>"Which token?"</summary>
            <p>
                "An access token of your own Coveo account: a personal access token, or the "
                "OAuth token of a signed-in session (it lasts up to 4 hours). "
                "An API key does not work: no API key may see other keys."
            </p>
            <ul>
                <li>"Key lookup: " {code_text(VIEW_API_KEYS)}</li>
                <li>"Privilege explorer: " {code_text(VIEW_ORGANIZATION)}</li>
                <li>"Template names: " {code_text(CREATE_API_KEYS)} "; without it they are not shown."</li>
            </ul>
            <p>
                <a href=console target="_blank" rel="noopener noreferrer">
                    "Open the Administration Console (" {move || nav.with(|u| u.region.label())} ")"
                </a>
            </p>
        </details>
    }
}
