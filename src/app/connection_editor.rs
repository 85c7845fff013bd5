//! The connection form in the order of the flow: token, organization (picked from the
//! token's list once it comes), region, API base override, Load and sample data. It reads the parsed inputs once ([`ConnectionForm::inputs`]) for every line it
//! shows.
//!
//! [`ConnectionForm::inputs`]: crate::app::connection::ConnectionForm::inputs

use domain::region::Region;
use leptos::prelude::*;

use crate::app::connection_extras::{extra, Extras};
use crate::app::navigation::Entry;
use crate::app::state::use_app;
use crate::app::token_field::TokenField;

/// The form that says which organization to read, and with which token, with `extras`
/// in it once they have come; not shown while `hidden` (folded to one line).
#[component]
pub fn ConnectionEditor(extras: Extras, hidden: Signal<bool>) -> impl IntoView {
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
            hidden=move || hidden.get()
            on:submit=move |ev| {
                ev.prevent_default();
                refused.set(lists.load().is_err());
            }
        >
            <TokenField help=extra(extras, |e| &e.token_help)/>
            <OrgField extras=extras/>
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

/// The organization field, with what goes under it once the extras have come (they make
/// it the picker's combobox). The line on the token's organizations has its space kept
/// from the start: it comes while Load may be being pressed, and moves nothing.
#[component]
fn OrgField(extras: Extras) -> impl IntoView {
    let form = use_app().form;
    view! {
        <div class="field picker">
            <label for="org-id">"Organization ID"</label>
            <input
                id="org-id"
                name="org"
                autocomplete="off"
                spellcheck="false"
                placeholder="Pick one, or paste it from the Console's URL"
                prop:value=move || form.org_text()
                on:input=move |ev| form.set_org_text(event_target_value(&ev))
            />
            <div class="org-under">{extra(extras, |e| &e.under_org)}</div>
        </div>
    }
}

/// The region, by its short name: the host it stands for is on the destination line, so
/// the select stays narrow enough never to clip its text.
#[component]
fn RegionField() -> impl IntoView {
    let nav = use_app().nav;
    let options = Region::ALL
        .into_iter()
        .map(|region| view! { <option value=region.code()>{region.label()}</option> })
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
