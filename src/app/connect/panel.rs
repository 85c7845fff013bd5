//! The connection panel with its extras: the form (with the picker and the token help)
//! until keys are loaded, then one line; the region advice above either. It also starts
//! what follows the key list (templates, the organization's region) and the organization
//! list, and stops them when the token goes.

use std::sync::Arc;

use domain::connection::Connection;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement};

use super::directory::Directory;
use super::folded_connection::FoldedConnection;
use super::org_picker::OrgPicker;
use super::region_advice::RegionAdvice;
use super::which_token::WhichToken;
use crate::app::connection_editor::ConnectionEditor;
use crate::app::lists::{live_origin, Lists};
use crate::app::state::{use_app, AppState};
use crate::loader::{LoadState, Origin};

#[component]
pub fn Panel() -> impl IntoView {
    let AppState { form, lists, .. } = use_app();
    let directory = Directory::new(form.inputs(), lists.orgs);
    take_over_focus();
    follow_the_token(directory);
    follow_the_keys(lists);
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
    // Folded only while the field holds a token: the line says "token •••".
    let folded = Memo::new(move |_| {
        shown
            .get()
            .is_some_and(|keys| opened_for.get() != Some(keys))
            && !form.token_is_empty()
    });
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
        <RegionAdvice on_switch=move || directory.refresh()/>
        {move || if folded.get() {
            view! { <FoldedConnection directory=directory on_change=open/> }.into_any()
        } else {
            view! {
                <div
                    on:change=move |ev| if entered(&ev) { directory.refresh() }
                    // Once the paste has landed in the field.
                    on:paste=move |ev| if entered(&ev) {
                        Timeout::new(0, move || directory.refresh()).forget();
                    }
                >
                <ConnectionEditor
                    org_field=ViewFn::from(move || view! { <OrgPicker directory=directory/> })
                    token_help=ViewFn::from(|| view! { <WhichToken/> })
                />
                </div>
            }
            .into_any()
        }}
    }
}

/// This form replaces the plain one, maybe while a field of it has the focus: the same
/// field here takes it with the same selection (text selected to be typed over stays
/// selected), and an open "Advanced" stays open. Done once mounted, before the page takes
/// the next key press, so that none is lost.
fn take_over_focus() {
    let focused = document().active_element().filter(|e| !e.id().is_empty());
    let old_input = focused
        .as_ref()
        .and_then(|e| e.dyn_ref::<HtmlInputElement>());
    let selection = old_input.and_then(selection_of);
    let text = old_input.map(HtmlInputElement::value);
    let focused = focused.map(|element| element.id());
    let advanced = "form.connection details.advanced";
    let open = document()
        .query_selector(&format!("{advanced}[open]"))
        .ok()
        .flatten()
        .is_some();
    Effect::new(move |_| {
        if open {
            if let Ok(Some(details)) = document().query_selector(advanced) {
                let _ = details.set_attribute("open", "");
            }
        }
        let input = focused
            .as_deref()
            .and_then(|id| document().get_element_by_id(id))
            .and_then(|element| element.dyn_into::<HtmlInputElement>().ok());
        if let Some(input) = input {
            // The field's text may come a moment later, from the form's state: set now
            // (the same text), it keeps the selection, which a changed value would move.
            if let Some(text) = text.as_deref().filter(|t| *t != input.value()) {
                input.set_value(text);
            }
            let _ = input.focus();
            let (start, end, direction) = selection.clone().unwrap_or_else(|| {
                // Offsets count UTF-16 units, as the browser's do.
                let end = input.value().encode_utf16().count() as u32;
                (end, end, "none".to_owned())
            });
            let _ = input.set_selection_range_with_direction(start, end, &direction);
        }
    });
}

/// An input's selection (start, end, direction), where its type has one.
fn selection_of(input: &HtmlInputElement) -> Option<(u32, u32, String)> {
    let start = input.selection_start().ok()??;
    let end = input.selection_end().ok()??;
    let direction = input
        .selection_direction()
        .ok()?
        .unwrap_or_else(|| "none".to_owned());
    Some((start, end, direction))
}

/// Asks for the organizations when the region changes, and at once for a token entered
/// before this chunk came. (Entering a token or an API base URL asks too: see
/// [`entered`].)
fn follow_the_token(directory: Directory) {
    let nav = use_app().nav;
    // A memo, so that other changes to the page's state do not count as one.
    let region = Memo::new(move |_| nav.with(|u| u.region));
    Effect::watch(
        move || region.get(),
        move |_, _, _| directory.refresh(),
        true,
    );
}

/// Whether `ev` enters a token (pasted, or its field left after typing) or an API base
/// URL: what asks for the organizations the token reaches. Read where the events bubble
/// to, so that the form itself knows nothing of the organization list.
fn entered(ev: &Event) -> bool {
    let id = ev
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .map(|element| element.id());
    matches!(id.as_deref(), Some("access-token" | "api-base"))
}

/// Asks for the templates and the organization's region each time an organization's
/// keys are asked for; and, for keys already asked for when this chunk came, once.
fn follow_the_keys(lists: Lists) {
    Effect::new(move |_| {
        let (loading, connection) = lists
            .keys
            .state()
            .with(|s| (s.is_loading(), live_origin(s)));
        let Some(connection) = connection else {
            return;
        };
        let asked = |state: Option<Connection>| !loading && state.as_ref() == Some(&connection);
        if !asked(
            lists
                .templates
                .state()
                .with_untracked(|s| s.origin().cloned()),
        ) {
            lists.load_templates();
        }
        if !asked(lists.home.state().with_untracked(|s| s.origin().cloned())) {
            lists.load_home();
        }
    });
}
