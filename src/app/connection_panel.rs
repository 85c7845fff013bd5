//! The connection panel: the form (organization, token, region, API base override, Load
//! and sample data) until keys are loaded, then one line that says what is shown, with
//! "Change" to open the form again. The region advice shows above either.

use std::sync::Arc;

use domain::region::Region;
use leptos::prelude::*;

use crate::app::folded_connection::FoldedConnection;
use crate::app::navigation::Entry;
use crate::app::org_picker::OrgField;
use crate::app::region_advice::RegionAdvice;
use crate::app::state::{use_app, AppState};
use crate::app::token_field::TokenField;
use crate::loader::{LoadState, Origin};

/// The connection: its form, or, once the keys of what it points to are loaded, one line.
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let AppState { form, lists, .. } = use_app();
    // The keys on screen, when they were loaded live for what the form points to:
    // identified by their data, so that every new load is told apart.
    let shown = Memo::new(move |_| {
        lists.keys.state().with(|s| match s {
            LoadState::Loaded {
                origin: Origin::Live(connection),
                data,
            } if form.inputs().with(|i| i.points_to(connection)) => {
                Some(Arc::as_ptr(data) as usize)
            }
            _ => None,
        })
    });
    // The keys for which "Change" opened the form: it stays open for them.
    let opened_for = RwSignal::new(None::<usize>);
    let folded = move || {
        shown
            .get()
            .is_some_and(|keys| opened_for.get() != Some(keys))
    };
    let open = move || {
        opened_for.set(shown.get_untracked());
        // The form replaces the line: the focus goes to its first field.
        request_animation_frame(|| {
            if let Some(field) = document().get_element_by_id("org-id") {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(field).focus();
            }
        });
    };
    view! {
        <RegionAdvice/>
        {move || if folded() {
            view! { <FoldedConnection on_change=open/> }.into_any()
        } else {
            view! { <ConnectionEditor/> }.into_any()
        }}
    }
}

/// The form that says which organization to read, and with which token.
#[component]
fn ConnectionEditor() -> impl IntoView {
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

/// The region, by its short name: the host it stands for is on the destination line, so
/// the select stays narrow enough never to clip its text.
#[component]
fn RegionField() -> impl IntoView {
    let AppState { nav, directory, .. } = use_app();
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
                        directory.refresh();
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
    let AppState {
        form, directory, ..
    } = use_app();
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
                    on:change=move |_| directory.refresh()
                />
                <p class="hint">"Overrides the region. Not saved and never put in a link."</p>
            </div>
        </details>
    }
}
