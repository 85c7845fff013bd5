//! "This organization lives in another region": offered in one click when Coveo says
//! where the organization lives (its home region, or a "wrong region" answer) and the
//! region chosen is not that one.

use domain::region::Region;
use leptos::prelude::*;

use crate::app::navigation::Entry;
use crate::app::state::{use_app, AppState};
use crate::loader::{LoadState, Origin};

/// The advice, when there is one to give; `on_switch` is told when the region changes.
#[component]
pub fn RegionAdvice(#[prop(into)] on_switch: Callback<()>) -> impl IntoView {
    let AppState { nav, form, lists } = use_app();
    let advice = Memo::new(move |_| {
        let chosen = nav.with(|u| u.region);
        let connection = form.inputs().with(|i| i.connection())?;
        let refused = lists.keys.state().with(|s| match s {
            LoadState::Failed {
                origin: Origin::Live(c),
                error,
                ..
            } if *c == connection => error.allowed_region(),
            _ => None,
        });
        let home = lists.home.state().with(|s| {
            s.ready_for(&connection)
                .and_then(|home| home.better_region(chosen))
        });
        let region = refused.filter(|r| *r != chosen).or(home)?;
        Some((connection.org.to_string(), region))
    });
    let switch = move |region: Region| {
        nav.go(Entry::Replace, |u| u.region = region);
        on_switch.run(());
        let _ = lists.load();
    };
    // A typed API base URL is used whatever the region: a switch would change nothing.
    let custom_base = Memo::new(move |_| form.base_text().trim().to_owned());
    move || {
        advice.get().map(|(org, region)| {
            let custom = custom_base.get();
            let action = if custom.is_empty() {
                view! {
                    <button type="button" class="primary" on:click=move |_| switch(region)>
                        "Switch to " {region.label()}
                    </button>
                }
                .into_any()
            } else {
                view! {
                    "Every request goes to the API base URL " <code>{custom}</code>
                    ", which overrides the region: empty it (Advanced) to use the "
                    {region.label()} " host."
                }
                .into_any()
            };
            view! {
                <p class="region-advice" role="status" data-testid="region-advice">
                    <code>{org}</code> " lives in the " <strong>{region.label()}</strong>
                    " region (" {region.host()} "). "
                    {action}
                </p>
            }
        })
    }
}
