//! The connection panel. The first screen shows the connection form plain; the `connect`
//! chunk, asked for as soon as something in the form takes the focus, adds the
//! organization picker, the token help, the one-line fold after a load and the region
//! advice around the same form (`app::connect`, which also keeps the focus where it was).
//! A visit that never uses the form never downloads it.

use leptos::prelude::*;

use crate::app::connect;
use crate::app::connection_editor::ConnectionEditor;

/// The connection: the plain form until the `connect` chunk has come (or when it cannot).
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let waiting = RwSignal::new(true);
    let wanted = RwSignal::new(false);
    let enhanced = move || {
        wanted.get().then(|| {
            Suspend::new(async move {
                match connect::connection_panel(()).await {
                    Ok(view) => {
                        waiting.set(false);
                        view
                    }
                    // The plain form stays.
                    Err(_) => ().into_any(),
                }
            })
        })
    };
    // After the chunk's view: the plain form goes when the chunk's form comes.
    let plain = move || waiting.get().then(|| view! { <ConnectionEditor/> });
    let want = move || {
        if !wanted.get_untracked() {
            wanted.set(true);
        }
    };
    view! {
        <div on:focusin=move |_| want()>
            {enhanced}
            {plain}
        </div>
    }
}
