//! The access token field: paste, tidy, remember, forget, and "Which token?".

use domain::privilege_groups::{CREATE_API_KEYS, VIEW_API_KEYS, VIEW_ORGANIZATION};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::app::state::{use_app, AppState};
use crate::components::code_text::code_text;

/// The token field. A pasted token loads a complete form and lists the organizations it
/// reaches; so does leaving the field after typing one.
#[component]
pub fn TokenField() -> impl IntoView {
    let AppState {
        form,
        lists,
        directory,
        ..
    } = use_app();
    let has_token = move || form.remember() || !form.token_is_empty();
    view! {
        <div class="field">
            <label for="access-token">"Access token"</label>
            <input
                id="access-token"
                type="password"
                autocomplete="off"
                spellcheck="false"
                placeholder="Paste an OAuth or personal access token"
                prop:value=move || form.token_text()
                on:input=move |ev| form.set_token_text(event_target_value(&ev))
                // Tidy a pasted "Bearer ..." once the field is left, not while typing.
                on:change=move |_| {
                    form.tidy_token();
                    directory.refresh();
                }
                // A pasted token is a complete one: load, once the paste has landed.
                on:paste=move |_| {
                    Timeout::new(0, move || {
                        lists.load_if_idle();
                        directory.refresh();
                    })
                    .forget();
                }
            />
            <div class="token-options">
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || form.remember()
                        on:change=move |ev| form.set_remember(event_target_checked(&ev))
                    />
                    "Remember for this tab"
                </label>
                {move || has_token().then(|| view! {
                    <button
                        type="button"
                        class="link"
                        on:click=move |_| {
                            form.forget_token();
                            lists.stop_for_forgotten_token();
                            directory.stop();
                        }
                    >
                        "Forget token"
                    </button>
                })}
            </div>
            {move || form.inputs().with(|i| i.awaiting_token().cloned()).map(|org| view! {
                <p class="hint" data-testid="token-prompt">
                    "Paste an access token to load " <strong>{org.to_string()}</strong>
                    ". Links never carry it."
                </p>
            })}
            {move || form.inputs().with(|i| i.token.as_ref().is_ok_and(|t| t.looks_like_api_key())).then(|| view! {
                <p class="hint warning" data-testid="api-key-as-token">
                    "This looks like an API key. An API key cannot list other keys: paste an access token."
                </p>
            })}
            <WhichToken/>
        </div>
    }
}

/// Which tokens work, the privileges each view needs, and where to get a token.
#[component]
fn WhichToken() -> impl IntoView {
    let nav = use_app().nav;
    let console = move || nav.with(|u| u.region.console_url());
    view! {
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
                    "Open the Administration Console ("{move || nav.with(|u| u.region.label())}")"
                </a>
            </p>
        </details>
    }
}
