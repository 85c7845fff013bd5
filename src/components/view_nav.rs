//! The links between the two views: real links (open in a new tab works), switched in
//! place on a plain click.

use domain::url_state::{UrlState, View};
use leptos::prelude::*;

use crate::location;
use crate::session::Session;

#[component]
pub fn ViewNav() -> impl IntoView {
    let session = expect_context::<Session>();
    let link = move |view: View| {
        let href = move || {
            location::href(&UrlState {
                view,
                ..session.url.get()
            })
        };
        let current = move || (session.url.with(|u| u.view) == view).then_some("page");
        view! {
            <a
                href=href
                aria-current=current
                on:click=move |ev| {
                    let plain = !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
                    if plain && ev.button() == 0 {
                        ev.prevent_default();
                        session.set_view(view);
                    }
                }
            >
                {view.label()}
            </a>
        }
    };
    view! {
        <nav class="view-nav" aria-label="Views">
            {link(View::KeyLookup)}
            {link(View::PrivilegeExplorer)}
        </nav>
    }
}
