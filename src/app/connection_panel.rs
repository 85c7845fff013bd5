//! The connection panel. The first screen shows the connection form plain; the `connect`
//! chunk, asked for as soon as the form is used (something in it takes the focus), adds
//! organization picker, the token help, the one-line fold after a load and the region
//! advice around the same form. A visit that never uses the form never downloads it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

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
                        keep_focus();
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

/// The form is about to be replaced by the same form with its extras: the field being
/// typed in gets the focus back (the browser puts the caret at the end of its text).
fn keep_focus() {
    let Some(id) = document()
        .active_element()
        .map(|element| element.id())
        .filter(|id| !id.is_empty())
    else {
        return;
    };
    request_animation_frame(move || {
        if let Some(field) = document().get_element_by_id(&id) {
            let _ = field.unchecked_into::<HtmlElement>().focus();
        }
    });
}
