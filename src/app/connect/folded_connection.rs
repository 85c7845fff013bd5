//! The connection in one line once keys are loaded ("acmeprod1 · US · token ••• ·
//! Change"), so that the list starts near the top of the screen.

use leptos::prelude::*;

use super::directory::Directory;
use crate::app::state::{use_app, AppState};
use crate::loader::LoadState;

/// What the page shows, in one line (with the organization's name when `directory`
/// has it, or "Sample data" while `sample`); `on_change` opens the form again.
#[component]
pub fn FoldedConnection(
    directory: Directory,
    sample: Memo<bool>,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let AppState { nav, form, .. } = use_app();
    let org = move || {
        form.inputs()
            .with(|i| i.org.as_ref().map(|o| o.to_string()).unwrap_or_default())
    };
    let name = move || {
        let id = org();
        directory.with(|s| match s {
            LoadState::Loaded {
                data: reachable, ..
            } => reachable
                .orgs
                .find(&id)
                .and_then(|o| o.display_name.clone()),
            _ => None,
        })
    };
    let place = move || {
        if form.base_text().trim().is_empty() {
            nav.with(|u| u.region.label()).to_owned()
        } else {
            form.inputs().with(|i| i.destination())
        }
    };
    let change = move |_| on_change.run(());
    let what = move || {
        if sample.get() {
            return view! { <span>"Sample data: no organization, no token"</span> }.into_any();
        }
        view! {
            <span class="org">
                {move || name().map(|name| view! { <strong>{name}</strong> " " })}
                <code>{org}</code>
            </span>
            <span aria-hidden="true">" · "</span>
            <span>{place}</span>
            <span aria-hidden="true">" · "</span>
            <span>"token " <span aria-label="hidden">"•••"</span>
                {move || form.remember().then_some(" (remembered for this tab)")}
            </span>
        }
        .into_any()
    };
    view! {
        <section class="connection actions" aria-label="Connection" data-testid="folded-connection">
            {what}
            <span aria-hidden="true">" · "</span>
            <button type="button" class="link" on:click=change>"Change"</button>
        </section>
    }
}
