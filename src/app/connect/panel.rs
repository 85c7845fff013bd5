//! The connection panel with its extras: the form (with the picker and the token help)
//! until keys are loaded, then one line; the region advice above either. It also starts
//! what follows the key list (templates, the organization's region) and the organization
//! list, and stops them when the token goes.

use std::sync::Arc;

use domain::connection::Connection;
use leptos::prelude::*;

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
    let directory = Directory::new(form.inputs());
    follow_the_token(directory);
    follow_the_keys(lists);
    stop_without_a_token(directory, lists);
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
    let folded = Memo::new(move |_| {
        shown
            .get()
            .is_some_and(|keys| opened_for.get() != Some(keys))
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
                <ConnectionEditor
                    org_field=ViewFn::from(move || view! { <OrgPicker directory=directory/> })
                    token_help=ViewFn::from(|| view! { <WhichToken/> })
                />
            }
            .into_any()
        }}
    }
}

/// Asks for the organizations when a token (or an API base URL) is entered or the region
/// changes, and at once for a token entered before this chunk came.
fn follow_the_token(directory: Directory) {
    let AppState { nav, form, .. } = use_app();
    // A memo, so that other changes to the page's state do not count as one.
    let entered = Memo::new(move |_| (form.entered(), nav.with(|u| u.region)));
    Effect::watch(
        move || entered.get(),
        move |_, _, _| directory.refresh(),
        true,
    );
}

/// Stops every small fetch in flight as soon as the token field is emptied ("Forget
/// token", or by hand): none of them carries the token again.
fn stop_without_a_token(directory: Directory, lists: Lists) {
    let form = use_app().form;
    Effect::watch(
        move || form.token_is_empty(),
        move |empty, _, _| {
            if *empty {
                directory.stop();
                lists.templates.stop();
                lists.home.stop();
            }
        },
        false,
    );
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
        if !asked(lists.templates.with_untracked(|s| s.connection)) {
            lists.load_templates();
        }
        if !asked(lists.home.with_untracked(|s| s.connection)) {
            lists.load_home();
        }
    });
}
