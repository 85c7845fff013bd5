//! The connection panel. The first screen shows the connection form plain; the `connect`
//! chunk, downloaded once the page is idle, adds the organization picker, the token
//! help, the one-line fold after a load and the region advice around the same form.

use leptos::prelude::*;

use crate::app::connect;
use crate::app::connection_editor::ConnectionEditor;
use crate::time_slice;

/// The connection: the plain form until the `connect` chunk has come (or when it cannot).
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let waiting = RwSignal::new(true);
    // Asked for once the page is idle: the first screen's download and paint come first.
    let idle = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        time_slice::when_idle().await;
        idle.set(true);
    });
    let enhanced = move || {
        idle.get().then(|| {
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
    (enhanced, plain)
}
