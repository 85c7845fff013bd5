//! The connection form's extras: the picker and the token help in the form, the form
//! folded to one line once keys are loaded, the region advice above it. They also start
//! what follows the key list (templates, the organization's region) and the organization
//! list.

use std::sync::Arc;

use domain::connection::Connection;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

use super::directory::Directory;
use super::folded_connection::FoldedConnection;
use super::org_picker::org_picker;
use super::region_advice::RegionAdvice;
use super::which_token::WhichToken;
use crate::app::connection_extras::ConnectionExtras;
use crate::app::lists::{live_origin, Lists};
use crate::app::state::{use_app, AppState};
use crate::loader::{LoadState, Origin};

/// The extras of the connection form, made under the panel's owner.
pub fn extras() -> ConnectionExtras {
    let AppState { form, lists, .. } = use_app();
    let directory = Directory::new(form.inputs(), lists.orgs);
    follow_the_token(directory);
    follow_the_keys(lists);
    // The keys on screen, when they are the sample data or were loaded live for what
    // the form points to: identified by their data, so that every new load is told apart.
    let shown = Memo::new(move |_| {
        lists.keys.state().with(|s| match s {
            LoadState::Loaded {
                origin: Origin::Live(connection),
                data,
            } if form.inputs().with(|i| i.points_to(connection)) => {
                Some(Arc::as_ptr(data) as usize)
            }
            LoadState::Loaded {
                origin: Origin::Demo,
                data,
            } => Some(Arc::as_ptr(data) as usize),
            _ => None,
        })
    });
    let sample = Memo::new(move |_| {
        lists
            .keys
            .state()
            .with(|s| matches!(s.origin(), Some(Origin::Demo)))
    });
    // The keys for which "Change" opened the form: it stays open for them.
    let opened_for = RwSignal::new(None::<usize>);
    // Folded only while the field holds a token (the line says "token •••"), or for
    // the sample data, which needs none.
    let folded = Memo::new(move |_| {
        shown
            .get()
            .is_some_and(|keys| opened_for.get() != Some(keys))
            && (sample.get() || !form.token_is_empty())
    });
    let open = move || {
        opened_for.set(shown.get_untracked());
        // Once the form is shown again: the focus goes to the organization field, what
        // "Change" is most often for.
        request_animation_frame(|| {
            if let Some(field) = document().get_element_by_id("org-id") {
                let _ = field.unchecked_into::<HtmlElement>().focus();
            }
        });
    };
    let (org_combo, under_org) = org_picker(directory);
    ConnectionExtras {
        above: ViewFn::from(
            move || view! { <RegionAdvice on_switch=move || directory.refresh()/> },
        ),
        folded: folded.into(),
        fold_line: ViewFn::from(
            move || view! { <FoldedConnection directory=directory sample=sample on_change=open/> },
        ),
        under_org,
        token_help: ViewFn::from(|| view! { <WhichToken/> }),
        on_form_event: Callback::new(move |ev: Event| match target_id(&ev).as_deref() {
            Some("org-id") => org_combo.hear(&ev),
            Some("access-token" | "api-base") => match ev.type_().as_str() {
                // Once the paste has landed in the field.
                "paste" => {
                    Timeout::new(0, move || directory.refresh()).forget();
                }
                "change" => directory.refresh(),
                _ => {}
            },
            _ => {}
        }),
    }
}

/// Asks for the organizations when the region changes, and at once for a token entered
/// before this chunk came. (Entering a token or an API base URL asks too: see
/// [`target_id`].)
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

/// The id of the field `ev` happened in. Entering a token (pasted, or its field left
/// after typing) or an API base URL asks for the organizations the token reaches: read
/// where the events bubble to, so that the form itself knows nothing of the list.
fn target_id(ev: &Event) -> Option<String> {
    ev.target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .map(|element| element.id())
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
