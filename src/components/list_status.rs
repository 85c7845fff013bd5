//! What a list view shows around its data: a hint before loading, progress with Cancel,
//! the error with Retry, or the data, and never data loaded for other inputs.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::endpoint::Endpoint;
use domain::text::count;
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::components::error_panel::ErrorPanel;
use crate::connection::Connection;
use crate::loader::{LoadState, Loader, Origin};

/// Renders `loader`'s state; `render` draws loaded data.
pub fn list_status<T, V>(
    loader: Loader<T>,
    connection: Memo<Option<Connection>>,
    endpoint: Endpoint,
    render: impl Fn(Arc<Decoded<T>>) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: DeserializeOwned + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let what = endpoint.what();
    let noun = endpoint.noun();
    move || {
        let state = loader.state().get();
        let belongs_to_inputs = match state.origin() {
            Some(Origin::Live(loaded_for)) => connection.with(|c| c.as_ref() == Some(loaded_for)),
            _ => true,
        };
        if !belongs_to_inputs {
            return view! {
                <p class="empty" data-testid="list-idle">
                    "The organization or host changed: press Load to see its " {what} "."
                </p>
            }
            .into_any();
        }
        match state {
            LoadState::Idle => view! {
                <p class="empty" data-testid="list-idle">
                    "Enter an organization ID and an access token, then press Load "
                    "(or try the sample data) to see the " {what} "."
                </p>
            }
            .into_any(),
            LoadState::Loading { origin } => {
                let host = match origin {
                    Origin::Live(connection) => connection.base.host_label().to_owned(),
                    Origin::Demo => "the sample data".to_owned(),
                };
                view! { <LoadingNotice what=what host=host on_cancel=move || loader.cancel()/> }
                    .into_any()
            }
            LoadState::Failed { error, .. } => {
                view! { <ErrorPanel error=error on_retry=move || loader.retry()/> }.into_any()
            }
            LoadState::Loaded { origin, data } => {
                let source = match origin {
                    Origin::Demo => "Sample data".to_owned(),
                    Origin::Live(connection) => {
                        format!("{} on {}", connection.org, connection.base.host_label())
                    }
                };
                let skipped = (data.skipped > 0).then(|| {
                    view! {
                        <p class="warning" data-testid="skipped">
                            {count(data.skipped, "entry was", "entries were")}
                            " not readable and "
                            {if data.skipped == 1 { "is" } else { "are" }}
                            " not shown."
                        </p>
                    }
                });
                view! {
                    <p class="list-source" role="status" data-testid="list-count">
                        {count(data.items.len(), noun.0, noun.1)} " · " {source}
                    </p>
                    {skipped}
                    {render(data)}
                }
                .into_any()
            }
        }
    }
}

/// Progress for one request: what, from where, for how long, and Cancel.
#[component]
fn LoadingNotice(
    what: &'static str,
    host: String,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let elapsed = RwSignal::new(0u32);
    // Owned by the notice: dropped, and so stopped, when loading ends.
    StoredValue::new_local(Interval::new(1_000, move || elapsed.update(|s| *s += 1)));
    view! {
        <div class="loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            "Loading " {what} " from " {host} "…"
            <span class="elapsed">
                {move || match elapsed.get() {
                    0 => String::new(),
                    secs => format!(" {secs} s"),
                }}
            </span>
            <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
        </div>
    }
}
