//! The connection form: organization, token, region, API base override, Load and sample
//! data. It reads the parsed inputs once ([`ConnectionForm::inputs`]) for every line it
//! shows.

use domain::region::Region;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::app::navigation::Entry;
use crate::app::state::use_app;

/// The form that says which organization to read, and with which token.
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let form = use_app().form;
    let lists = use_app().lists;
    // Set when Load was refused; the reason shown is the inputs' own, so it goes away as
    // soon as they are fixed.
    let refused = RwSignal::new(false);
    let problem = move || {
        refused
            .get()
            .then(|| form.inputs().with(|i| i.ready().err()))
            .flatten()
            .map(|problem| problem.to_string())
    };
    view! {
        <form
            class="connection"
            aria-label="Connection"
            on:submit=move |ev| {
                ev.prevent_default();
                refused.set(lists.load().is_err());
            }
        >
            <OrgField/>
            <TokenField/>
            <RegionField/>
            <BaseField/>
            <p class="destination">
                "The token is sent only to "
                <code data-testid="destination">{move || form.inputs().with(|i| i.destination())}</code>
            </p>
            <div class="actions">
                <button type="submit" class="primary">"Load"</button>
                <button type="button" on:click=move |_| { refused.set(false); lists.show_demo(); }>
                    "Try with sample data"
                </button>
            </div>
            <p class="form-error" role="alert" data-testid="form-error">{problem}</p>
        </form>
    }
}

#[component]
fn OrgField() -> impl IntoView {
    let form = use_app().form;
    view! {
        <div class="field">
            <label for="org-id">"Organization ID"</label>
            <input
                id="org-id"
                name="org"
                autocomplete="off"
                spellcheck="false"
                placeholder="mycoveocloudv2organizationg8tp8wu3"
                prop:value=move || form.org_text()
                on:input=move |ev| form.set_org_text(event_target_value(&ev))
            />
        </div>
    }
}

#[component]
fn TokenField() -> impl IntoView {
    let form = use_app().form;
    let lists = use_app().lists;
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
                on:change=move |_| form.tidy_token()
                // A pasted token is a complete one: load, once the paste has landed.
                on:paste=move |_| { Timeout::new(0, move || lists.load_if_idle()).forget(); }
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
        </div>
    }
}

#[component]
fn RegionField() -> impl IntoView {
    let nav = use_app().nav;
    let options = Region::ALL
        .into_iter()
        .map(|region| {
            view! { <option value=region.code()>{region.label()} " — " {region.host()}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="region">"Region"</label>
            <select
                id="region"
                prop:value=move || nav.with(|u| u.region.code())
                on:change=move |ev| {
                    if let Some(region) = Region::from_code(&event_target_value(&ev)) {
                        nav.go(Entry::Replace, |u| u.region = region);
                    }
                }
            >
                {options}
            </select>
        </div>
    }
}

#[component]
fn BaseField() -> impl IntoView {
    let form = use_app().form;
    view! {
        <details class="advanced">
            <summary>"Advanced"</summary>
            <div class="field">
                <label for="api-base">"API base URL"</label>
                <input
                    id="api-base"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="/coveo (a same-origin proxy) or https://host"
                    prop:value=move || form.base_text()
                    on:input=move |ev| form.set_base_text(event_target_value(&ev))
                />
                <p class="hint">"Overrides the region. Not saved and never put in a link."</p>
            </div>
        </details>
    }
}
