//! The connection form: organization, token, region, API base override, Load and sample data.

use domain::region::Region;
use domain::token::Token;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::session::Session;

/// The form that says which organization to read, and with which token.
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let session = expect_context::<Session>();
    let region_options = Region::ALL
        .into_iter()
        .map(|region| {
            view! { <option value=region.code()>{region.label()} " — " {region.host()}</option> }
        })
        .collect_view();

    view! {
        <form
            class="connection"
            aria-label="Connection"
            on:submit=move |ev| {
                ev.prevent_default();
                session.load();
            }
        >
            <div class="field">
                <label for="org-id">"Organization ID"</label>
                <input
                    id="org-id"
                    name="org"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="mycoveocloudv2organizationg8tp8wu3"
                    prop:value=move || session.org_text.get()
                    on:input=move |ev| session.set_org_text(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="access-token">"Access token"</label>
                <input
                    id="access-token"
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Paste an OAuth or personal access token"
                    prop:value=move || session.token_text.get()
                    on:input=move |ev| session.set_token_text(event_target_value(&ev))
                    // Tidy a pasted "Bearer ..." once the field is left, not while typing.
                    on:change=move |ev| {
                        let raw = event_target_value(&ev);
                        if let Ok(token) = Token::parse(&raw) {
                            session.set_token_text(token.expose().to_owned());
                        }
                    }
                    // A pasted token is a complete one: load, once the paste has landed.
                    on:paste=move |_| {
                        Timeout::new(0, move || session.load_if_idle()).forget();
                    }
                />
                <div class="token-options">
                    <label>
                        <input
                            type="checkbox"
                            prop:checked=move || session.remember.get()
                            on:change=move |ev| session.set_remember(event_target_checked(&ev))
                        />
                        "Remember for this tab"
                    </label>
                    {move || (session.remember.get() || !session.token_text.with(String::is_empty)).then(|| view! {
                        <button type="button" class="link" on:click=move |_| session.forget_token()>"Forget token"</button>
                    })}
                </div>
                {move || {
                    let waiting = session.token_text.with(String::is_empty);
                    session.url.with(|u| u.org.clone()).filter(|_| waiting).map(|org| view! {
                        <p class="hint" data-testid="token-prompt">
                            "Paste an access token to load " <strong>{org.to_string()}</strong>
                            ". Links never carry it."
                        </p>
                    })
                }}
            </div>
            <div class="field">
                <label for="region">"Region"</label>
                <select
                    id="region"
                    prop:value=move || session.url.with(|u| u.region.code())
                    on:change=move |ev| {
                        if let Some(region) = Region::from_code(&event_target_value(&ev)) {
                            session.set_region(region);
                        }
                    }
                >
                    {region_options}
                </select>
            </div>
            <details class="advanced">
                <summary>"Advanced"</summary>
                <div class="field">
                    <label for="api-base">"API base URL"</label>
                    <input
                        id="api-base"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="/coveo (a same-origin proxy) or https://host"
                        prop:value=move || session.base_text.get()
                        on:input=move |ev| session.base_text.set(event_target_value(&ev))
                    />
                    <p class="hint">
                        "Overrides the region. Not saved and never put in a link."
                    </p>
                </div>
            </details>
            <p class="destination">
                "The token is sent only to " <code data-testid="destination">{move || session.destination()}</code>
            </p>
            <div class="actions">
                <button type="submit" class="primary">"Load"</button>
                <button type="button" on:click=move |_| session.load_demo()>
                    "Try with sample data"
                </button>
            </div>
            <p class="form-error" role="alert" data-testid="form-error">
                {move || session.form_error.get()}
            </p>
        </form>
    }
}
