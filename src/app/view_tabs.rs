//! The links between the two views: real links (open in a new tab works), switched in
//! place on a plain click.

use domain::url_state::View;
use leptos::prelude::*;

use crate::app::navigation::{is_plain_click, Entry, Navigation};
use crate::app::state::use_app;

#[component]
pub fn ViewTabs() -> impl IntoView {
    let nav = use_app().nav;
    view! {
        <nav class="view-nav" aria-label="Views">
            {view_tab(nav, View::KeyLookup)}
            {view_tab(nav, View::PrivilegeExplorer)}
        </nav>
    }
}

fn view_tab(nav: Navigation, view: View) -> impl IntoView {
    let current = move || (nav.with(|u| u.view) == view).then_some("page");
    view! {
        <a
            href=move || nav.href_of(view)
            aria-current=current
            on:click=move |ev| {
                if is_plain_click(&ev) {
                    ev.prevent_default();
                    nav.go(Entry::Push, |u| u.view = view);
                }
            }
        >
            {view.label()}
        </a>
    }
}
