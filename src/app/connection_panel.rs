//! The connection panel. The first screen shows the connection form plain; the `connect`
//! chunk, asked for as soon as something in the form takes the focus, adds the
//! organization picker, the token help, the one-line fold after a load and the region
//! advice around the same form (`app::connect`, which also keeps the focus where it was).
//! A visit that never uses the form never downloads it.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::app::connect;
use crate::app::connection_editor::ConnectionEditor;

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
    let form = move || {
        let view = shown
            .get()
            .then(|| arrived.try_update_value(Option::take).flatten());
        view.flatten()
            .unwrap_or_else(|| view! { <ConnectionEditor/> }.into_any())
    };
    view! {
        <div
            on:focusin=move |_| want()
            on:pointerdown=move |_| pressed.set_value(true)
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
