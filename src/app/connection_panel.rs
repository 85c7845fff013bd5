//! The connection panel. The first screen shows the connection form plain; the `connect`
//! chunk, asked for as soon as the form is used by any means (a press, a key, the focus,
//! a paste, or a token remembered for this tab), adds the
//! organization picker, the token help, the one-line fold after a load and the region
//! advice around the same form (`app::connect`, which also keeps the focus where it was).
//! A visit that never uses the form never downloads it.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::app::connect;
use crate::app::connection_editor::ConnectionEditor;
use crate::app::state::use_app;

/// The connection: the plain form until the `connect` chunk has come (or when it cannot).
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    // The chunk's view, from when it comes until it is put in the page.
    let arrived = StoredValue::new_local(None::<AnyView>);
    let shown = RwSignal::new(false);
    let asked = StoredValue::new(false);
    // A press on the form in progress: the form is not replaced under it, or the click
    // would be lost; the click puts it in, once done.
    let pressed = StoredValue::new(false);
    let show = move || {
        if !pressed.get_value() && arrived.with_value(Option::is_some) {
            shown.set(true);
        }
    };
    let want = move || {
        if !asked.get_value() {
            asked.set_value(true);
            leptos::task::spawn_local(async move {
                if let Ok(view) = connect::connection_panel(()).await {
                    arrived.set_value(Some(view));
                    show();
                }
            });
        }
    };
    // A token remembered for this tab is the form already in use.
    if use_app().form.remember() {
        want();
    }
    let form = move || {
        let view = shown
            .get()
            .then(|| arrived.try_update_value(Option::take).flatten());
        view.flatten()
            .unwrap_or_else(|| view! { <ConnectionEditor/> }.into_any())
    };
    view! {
        <div
            // Not the focus alone: Safari and Firefox on macOS do not focus a pressed button.
            on:focusin=move |_| want()
            on:keydown=move |_| want()
            on:paste=move |_| want()
            on:pointerdown=move |_| {
                pressed.set_value(true);
                want();
            }
            on:click=move |_| {
                pressed.set_value(false);
                // After the click's own work (a submit button submits the form once the
                // listeners have run): a form replaced now would have nothing to submit.
                Timeout::new(0, show).forget();
            }
        >
            {form}
        </div>
    }
}
