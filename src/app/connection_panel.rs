//! The connection panel: one connection form, drawn at once and never drawn again. The
//! `connect` chunk, asked for as soon as the form is used by any means (a press, a key,
//! the focus, a paste, or a token remembered for this tab), brings the organization
//! picker, the token help, the one-line fold after a load and the region advice
//! ([`ConnectionExtras`]); they are put beside and onto the same fields when it comes.
//! The lists' code follows it. A visit that never uses the form downloads neither.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use web_sys::Event;

use crate::app::connect;
use crate::app::connection_editor::ConnectionEditor;
use crate::app::connection_extras::{extra, ConnectionExtras};
use crate::app::state::use_app;

/// The connection form, with its extras once they have come.
#[component]
pub fn ConnectionPanel() -> impl IntoView {
    let (extras, set_extras) = signal(None::<ConnectionExtras>);
    // The extras, from when they come until they are put in the page.
    let arrived = StoredValue::new(None::<ConnectionExtras>);
    let asked = StoredValue::new(false);
    // A press on the form in progress: nothing is put in the page under it, or what is
    // pressed could move away before the release and the press be lost.
    let pressed = StoredValue::new(false);
    let show = move || {
        if !pressed.get_value() {
            if let Some(made) = arrived.try_update_value(Option::take).flatten() {
                set_extras.set(Some(made));
            }
        }
    };
    let owner = StoredValue::new(Owner::current().expect("the panel is drawn by the app"));
    let lists = use_app().lists;
    let want = move || {
        if !asked.get_value() {
            asked.set_value(true);
            let owner = owner.get_value();
            leptos::task::spawn_local(async move {
                if let Ok(made) = connect::connection_extras(owner).await {
                    arrived.set_value(Some(made));
                    show();
                }
                // A form in use is a list about to be asked for: the lists' code comes
                // while the form is filled in, after the form's own.
                lists.fetch_code();
            });
        }
    };
    // A token remembered for this tab is the form already in use.
    if use_app().form.remember() {
        want();
    }
    let hear = move |ev: Event| {
        if let Some(extras) = extras.get_untracked() {
            extras.on_form_event.run(ev);
        }
    };
    let folded =
        Signal::derive(move || extras.with(|e| e.as_ref().is_some_and(|e| e.folded.get())));
    view! {
        <div
            // Not the focus alone: Safari and Firefox on macOS do not focus a pressed button.
            on:focusin=move |ev| {
                want();
                hear(ev.into());
            }
            on:focusout=move |ev| hear(ev.into())
            on:keydown=move |ev| {
                want();
                hear(ev.into());
            }
            on:input=hear
            on:paste=move |ev| {
                want();
                hear(ev.into());
            }
            on:change=hear
            on:pointerdown=move |_| {
                pressed.set_value(true);
                want();
            }
            on:pointerup=move |_| {
                // After the click this release makes.
                Timeout::new(0, move || {
                    pressed.set_value(false);
                    show();
                })
                .forget();
            }
        >
            {extra(extras, |e| &e.above)}
            {move || folded.get().then(extra(extras, |e| &e.fold_line)).flatten()}
            <ConnectionEditor extras=extras hidden=folded/>
        </div>
    }
}
