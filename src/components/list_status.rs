//! What a list view shows around its data: a hint before loading, progress with Cancel,
//! the error with Retry, or the data, and never data loaded for other inputs.

use std::sync::Arc;

use domain::connection::ConnectionInputs;
use domain::decode::{Decoded, MAX_ELEMENT_BYTES};
use domain::endpoint::Endpoint;
use domain::error::ApiError;
use domain::text::count;
use gloo_timers::callback::Interval;
use leptos::prelude::*;

use crate::components::error_panel::ErrorPanel;
use crate::loader::{ListState, LoadState, Origin};

/// What the user can do to a list that is loading or failed, and the seconds left before
/// it retries by itself (0 when it will not).
#[derive(Clone, Copy)]
pub struct ListActions {
    pub cancel: Callback<()>,
    pub retry: Callback<()>,
    pub stop_retrying: Callback<()>,
    pub retry_in: ReadSignal<u32>,
}

/// Renders a list's `state`, shown only while `current` (the organization and host the
/// inputs point to, token or not) is the connection it was loaded for; `render` draws
/// loaded data. The token's text is no part of it: typing in its field, or forgetting it,
/// leaves a loaded list as it is. Only picking the
/// data out is done per kind of list: the rest is [`outline_view`], once in the wasm for
/// every list.
pub fn list_status<T>(
    state: ReadSignal<ListState<T>>,
    current: Memo<ConnectionInputs>,
    endpoint: Endpoint,
    actions: ListActions,
    render: impl Fn(Arc<Decoded<T>>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let list = List {
        what: endpoint.what(),
        noun: endpoint.noun(),
        actions,
    };
    // A memo: a change of the inputs that keeps the answer (the token's text) wakes
    // nothing below it.
    let shown = Memo::new(move |_| {
        state.with(|state| match state.origin() {
            Some(Origin::Live(loaded_for)) => current.with(|inputs| inputs.points_to(loaded_for)),
            _ => true,
        })
    });
    move || {
        // A clone (the data is behind an `Arc`): the views below are built with no borrow held.
        let state = state.get();
        let shown = shown.get();
        let outline = match state {
            _ if !shown => Outline::OtherInputs,
            LoadState::Idle => Outline::Idle,
            LoadState::Loading { origin } => Outline::Loading(origin),
            LoadState::Failed { error, .. } => Outline::Failed(error),
            LoadState::Loaded { origin, data } => Outline::Loaded {
                origin,
                count: data.items.len(),
                skipped: data.skipped,
                too_large: data.too_large,
                view: render(data),
            },
        };
        outline_view(&list, outline)
    }
}

/// What stays the same for one list whatever its state.
struct List {
    what: &'static str,
    noun: (&'static str, &'static str),
    actions: ListActions,
}

/// A list's state without its item type; a loaded list brings its view already drawn.
enum Outline {
    Idle,
    /// Loaded (or loading, or failed) for inputs the user has since changed.
    OtherInputs,
    Loading(Origin),
    Failed(ApiError),
    Loaded {
        origin: Origin,
        count: usize,
        skipped: usize,
        too_large: usize,
        view: AnyView,
    },
}

fn outline_view(list: &List, outline: Outline) -> AnyView {
    let what = list.what;
    match outline {
        Outline::OtherInputs => view! {
            <p class="empty" data-testid="list-idle">
                "The organization or host changed: press Load to see its " {what} "."
            </p>
        }
        .into_any(),
        Outline::Idle => view! {
            <p class="empty" data-testid="list-idle">
                "Paste an access token and pick an organization, then press Load "
                "(or try the sample data) to see the " {what} "."
            </p>
        }
        .into_any(),
        Outline::Loading(origin) => {
            let host = match origin {
                Origin::Live(connection) => connection.base.host_label().to_owned(),
                Origin::Demo => "the sample data".to_owned(),
            };
            view! { <LoadingNotice what=what host=host on_cancel=list.actions.cancel/> }.into_any()
        }
        Outline::Failed(error) => view! {
            <ErrorPanel
                error=error
                on_retry=list.actions.retry
                retry_in=list.actions.retry_in
                on_stop_retrying=list.actions.stop_retrying
            />
        }
        .into_any(),
        Outline::Loaded {
            origin,
            count: items,
            skipped,
            too_large,
            view,
        } => {
            let source = match origin {
                Origin::Demo => "Sample data".to_owned(),
                Origin::Live(connection) => {
                    format!("{} on {}", connection.org, connection.base.host_label())
                }
            };
            let skipped = (skipped > 0).then(|| {
                view! {
                    <p class="warning" data-testid="skipped">
                        {count(skipped, "entry was", "entries were")}
                        " not readable and "
                        {if skipped == 1 { "is" } else { "are" }}
                        " not shown"
                        {(too_large > 0).then(|| format!(
                            " ({too_large} over {} MB, the most one entry may take)",
                            MAX_ELEMENT_BYTES >> 20
                        ))}
                        "."
                    </p>
                }
            });
            view! {
                <p class="list-source" role="status" data-testid="list-count">
                    {count(items, list.noun.0, list.noun.1)} " · " {source}
                </p>
                {skipped}
                {view}
            }
            .into_any()
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
